"""Typed dependencies: the store, the settings and the API-key checks.

The app holds one store, opened in its lifespan; routes reach it through `StoreDep`
so a test can hand the app its own store.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.dependencies.models import Dependant
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader

from graph.errors import InvalidInput, StoreUnavailable
from graph.settings import Settings
from graph.store import GraphStore

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="Needed for writes when ALLEGIANCE_API_KEY is set.")


class StoreHolder:
    """The app's one store; opens it on first use when it could not open at start."""

    def __init__(self, store: GraphStore, opened: bool = False) -> None:
        self.store = store
        self.opened = opened
        self._lock = threading.Lock()

    def get(self) -> GraphStore:
        if not self.opened:
            with self._lock:
                if not self.opened:
                    self.store.open()  # raises StoreUnavailable when it still cannot
                    self.opened = True
        return self.store

    def close(self) -> None:
        if self.opened:
            self.store.close()
            self.opened = False


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> GraphStore:
    holder: StoreHolder | None = getattr(request.app.state, "store_holder", None)
    if holder is None:
        raise StoreUnavailable("the store is not open")
    return holder.get()


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[GraphStore, Depends(get_store)]


def _check_key(expected: str, key: str | None) -> None:
    # compare_digest takes time independent of where the strings differ
    if key is None or not hmac.compare_digest(key.encode(), expected.encode()):
        raise HTTPException(401, "this request needs a valid X-API-Key header")


def require_api_key(
    settings: SettingsDep, key: Annotated[str | None, Security(api_key_header)] = None
) -> None:
    """Refuse the request (401) unless the API key is unset or given correctly."""
    if settings.api_key:
        _check_key(settings.api_key, key)


def require_read_key(
    settings: SettingsDep, key: Annotated[str | None, Security(api_key_header)] = None
) -> None:
    """With ALLEGIANCE_READ_REQUIRES_KEY, refuse (401) a read without the API key."""
    if settings.read_requires_key and settings.api_key:
        _check_key(settings.api_key, key)


def require_access(request: Request, settings: SettingsDep) -> None:
    """Any request but a read needs the key (when set); reads too with
    ALLEGIANCE_READ_REQUIRES_KEY. Checked before anything else about the request.

    (It reads the header itself, so the OpenAPI schema shows the key only where
    `WriteAccess` or `ReadAccess` declare it.)"""
    key = request.headers.get(api_key_header.model.name)
    if request.method in READ_METHODS:
        require_read_key(settings, key)
    else:
        require_api_key(settings, key)


WriteAccess = Depends(require_api_key)
"""On each write route, so the OpenAPI schema shows it needs the key."""
ReadAccess = Depends(require_read_key)
"""On read routes when reads need the key, so the OpenAPI schema shows it."""
DataAccess = Depends(require_access)
"""On every data router (all but the probes), ahead of the other checks."""


def _declared_query(dependant: Dependant) -> Iterator[str]:
    for param in dependant.query_params:
        yield param.alias
    for sub in dependant.dependencies:
        yield from _declared_query(sub)


def _query_names(route: APIRoute) -> frozenset[str]:
    names: frozenset[str] | None = getattr(route, "_allegiance_query", None)
    if names is None:
        names = frozenset(_declared_query(route.dependant))
        route._allegiance_query = names  # type: ignore[attr-defined]
    return names


def reject_unknown_query(request: Request) -> None:
    """422 for a query parameter the route does not take (a typo such as
    `relations=` would otherwise be silently ignored). HTML pages are lenient."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or route.response_class is HTMLResponse:
        return
    known = _query_names(route)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        takes = ", ".join(sorted(known)) or "no query parameters"
        raise InvalidInput(f"query: unknown parameter {unknown[0]!r} (this endpoint takes: "
                           f"{takes})")


StrictQuery = Depends(reject_unknown_query)
