"""The one place errors become HTTP responses: RFC 9457 `application/problem+json`.

Bad input is always a 4xx naming what was wrong; a store that cannot be reached is
503; nothing reaches the client as a stack trace.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.errors import (
    AllegianceError,
    Conflict,
    InvalidInput,
    NotFound,
    StoreError,
    StoreUnavailable,
)

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("allegiance.api")

_TITLES = {
    400: "Bad request", 401: "Unauthorized", 404: "Not found", 405: "Method not allowed",
    409: "Conflict", 413: "Content too large", 415: "Unsupported media type",
    422: "Invalid parameters", 500: "Internal error", 503: "Store unavailable",
}


class Problem(BaseModel):
    """An error (RFC 9457)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = Field(description="What was wrong, naming the parameter or value.")
    suggestions: list[str] | None = Field(None, description="Close matches for an unknown "
                                          "actor name.")
    errors: list[dict[str, str]] | None = Field(None, description="Each invalid parameter.")


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these error statuses, as problem+json."""
    schema = Problem.model_json_schema()
    return {status: {"description": _TITLES.get(status, "Error"),
                     "content": {PROBLEM_JSON: {"schema": schema}}} for status in statuses}


COMMON_ERRORS = documented(404, 409, 422, 503)
"""What any route may answer: unknown id or name, conflict, bad parameter, store down."""
WRITE_ERRORS = documented(400, 401)
"""What a write may answer besides: an unparseable body, a missing or wrong API key."""


_SERVER_PATH = re.compile(r"(?<![\w:/.])(?:/[^\s/:'\"]+)*/([^\s/:'\"]+)")


def without_paths(text: str) -> str:
    """`text` with each absolute file path cut to its last part (the server's layout
    is no business of a client's; the log keeps the whole message)."""
    return _SERVER_PATH.sub(r"\1", text)


def problem(status: int, detail: str, **extra: Any) -> JSONResponse:
    """A problem response with a title for the status and a human-readable detail."""
    body = {"type": "about:blank", "title": _TITLES.get(status, "Error"), "status": status,
            "detail": detail, **extra}
    headers = {"WWW-Authenticate": "APIKey"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _errors(errors: Any) -> list[dict[str, str]]:
    """Validation errors reduced to where and what (never the whole input back)."""
    out = []
    for err in errors:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body" or len(err["loc"]) == 1)
        out.append({"loc": loc, "msg": str(err.get("msg", ""))})
    return out


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError | ValidationError)
    errors = _errors(exc.errors())
    detail = "; ".join(f"{e['loc']}: {e['msg']}" if e["loc"] else e["msg"] for e in errors[:5])
    return problem(422, detail or "invalid request", errors=errors)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    detail = str(exc.detail)
    if exc.status_code == 400 and "parsing the body" in detail:
        detail = "body: not valid JSON (or not UTF-8 text)"
    response = problem(exc.status_code, detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _allegiance(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, NotFound):
        return problem(404, str(exc), suggestions=exc.suggestions)
    if isinstance(exc, InvalidInput):
        return problem(422, str(exc))
    if isinstance(exc, Conflict):
        return problem(409, without_paths(str(exc)))
    if isinstance(exc, StoreUnavailable):
        log.warning("store unavailable on %s %s: %s", request.method, request.url.path, exc)
        return problem(503, f"the graph store is unavailable: {without_paths(str(exc))}")
    if isinstance(exc, StoreError):
        log.error("store error on %s %s: %s", request.method, request.url.path, exc)
        return problem(500, "the graph store failed; see the server log")
    return problem(400, str(exc))


class Unexpected:
    """Any other exception: logged, and a 500 problem answered on a connection that
    stays usable.

    A handler registered for `Exception` runs in Starlette's outermost middleware,
    which raises the exception again for the server to log; uvicorn then closes the
    connection without saying so, and a keep-alive client's next request on it fails
    with "connection reset". Here the exception ends with the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            if started:  # half an answer sent: only closing the connection can tell
                raise
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            await problem(500, "internal error; see the server log")(scope, receive, send)


def install(app: FastAPI) -> None:
    """Register the handlers on `app` (call before adding other middleware: the 500
    answer then passes through them, CORS headers included)."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(AllegianceError, _allegiance)
    app.add_middleware(Unexpected)
