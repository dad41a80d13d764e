"""A cap on every request body, whatever route it is for.

Routes that read uploads check the limit themselves with a precise message
(`api.uploads`); this middleware makes sure no other body (a JSON merge request, a
body sent to a GET) can be larger, declared or streamed.
"""

from __future__ import annotations

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem
from api.uploads import MULTIPART_SLACK


def _too_large(limit: int) -> str:
    return (f"the request body is larger than the limit of {limit} bytes "
            "(ALLEGIANCE_MAX_UPLOAD_BYTES)")


class BodyLimit:
    """Refuse (413) a body longer than `limit` bytes plus room for multipart framing."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.allowed = limit + MULTIPART_SLACK

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.allowed:
                await problem(413, _too_large(self.limit))(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.allowed:
                    # raised inside the app's read of the body: its handler answers 413
                    raise HTTPException(413, _too_large(self.limit))
            return message

        await self.app(scope, counted, send)
