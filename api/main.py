"""The FastAPI application factory: one store per app, routers, error handling."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware

from api import problems
from api.deps import DataAccess, ReadAccess, StoreHolder, StrictQuery
from api.limits import BodyLimit
from api.routes import actors, documents, edges, graph, health, sources
from graph.errors import StoreUnavailable
from graph.factory import store_from_settings
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from viz import routes as viz_routes

log = logging.getLogger("allegiance.api")

DESCRIPTION = """Who is alleged to support whom, according to which documents.

Every edge is derived from claims; every claim cites the exact span of its source.
Actor arguments accept ids, names or aliases. Errors are `application/problem+json`.
"""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The app for `settings` (default: the environment's).

    Given a `store`, the app uses it as it is (already open, the caller closes it);
    otherwise it opens the configured store at start-up and closes it at shutdown.
    A store that cannot be reached at start-up is retried on each request (503 meanwhile).
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            yield
            return
        holder = StoreHolder(store_from_settings(settings))
        app.state.store_holder = holder
        try:
            await run_in_threadpool(holder.get)
        except StoreUnavailable as exc:
            log.warning("store unavailable at start-up (will retry): %s", exc)
        try:
            yield
        finally:
            await run_in_threadpool(holder.close)

    app = FastAPI(title="allegiance", version="0.1.0", description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.settings = settings
    if store is not None:
        app.state.store_holder = StoreHolder(store, opened=True)
    problems.install(app)
    # /health and /ready stay open (probes); every data route may need the key to read
    app.include_router(health.router, responses=problems.COMMON_ERRORS,
                       dependencies=[StrictQuery])
    guarded, errors = [DataAccess, StrictQuery], problems.COMMON_ERRORS
    if settings.read_requires_key:  # so the schema says every read needs the key
        guarded, errors = guarded + [ReadAccess], errors | problems.documented(401)
    for router in (documents.router, sources.router, actors.router, edges.router,
                   graph.router, viz_routes.router):
        app.include_router(router, responses=errors, dependencies=guarded)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    if settings.allowed_origins:  # otherwise no CORS headers at all, preflights get 405
        app.add_middleware(CORSMiddleware, allow_origins=settings.allowed_origins,
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["X-API-Key", "Content-Type"], max_age=600)
    return app
