"""Reading a request body under a size limit, counted while it streams in."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

MULTIPART_SLACK = 64 * 1024  # room for part headers and boundaries around the file


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str | None
    data: bytes


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"the upload is larger than the limit of {limit} bytes "
                              "(ALLEGIANCE_MAX_UPLOAD_BYTES)")


async def _limited(request: Request, limit: int, allowed: int) -> AsyncGenerator[bytes, None]:
    """The body's chunks; 413 as soon as more than `allowed` bytes have arrived."""
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > allowed:
            raise _too_large(limit)
        yield chunk


def _check_length(request: Request, limit: int, allowed: int) -> None:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > allowed:
        raise _too_large(limit)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refusing (413) one longer than `limit`."""
    _check_length(request, limit, limit)
    parts = [chunk async for chunk in _limited(request, limit, limit)]
    return b"".join(parts)


async def read_file_field(request: Request, limit: int, field: str = "file") -> Upload:
    """The one file sent in multipart field `field`, at most `limit` bytes."""
    allowed = limit + MULTIPART_SLACK
    _check_length(request, limit, allowed)
    parser = MultiPartParser(request.headers, _limited(request, limit, allowed),
                             max_files=1, max_fields=10)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise HTTPException(422, f"body: malformed multipart upload: {exc.message}") from None
    try:
        item = form.get(field)
        if not isinstance(item, UploadFile):
            raise HTTPException(422, f"{field}: a multipart file field named {field!r} is required")
        data = await item.read()
        if len(data) > limit:
            raise _too_large(limit)
        return Upload(filename=item.filename or "", content_type=item.content_type, data=data)
    finally:
        await form.close()
