"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import Health, Ready

router = APIRouter(tags=["service"])


@router.get("/health", response_model=Health)
def health() -> Health:
    """The process is up (says nothing about the store)."""
    return Health(status="ok")


@router.get("/ready", response_model=Ready)
def ready(store: StoreDep) -> Ready:
    """The store answers; 503 otherwise."""
    store.ping()
    backend = "neo4j" if "neo4j" in type(store).__module__ else "sqlite"
    return Ready(status="ready", store=backend)
