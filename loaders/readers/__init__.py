"""Readers: files to documents (to extract from) or curated claims (to resolve).

    read_path(path, max_bytes)             a file on disk
    read_bytes(data, filename, max_bytes)  an upload

Both return a `ReadResult`: a `Document` for prose formats (text, Markdown, HTML,
PDF) or `CuratedClaims` for claim files (CSV, JSON, JSONL). The format comes from
the file's extension; a file without one (or an upload with an unknown one) is
recognised by its content. Every failure is an `InvalidInput` naming the file.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from graph.errors import InvalidInput
from loaders.document import Document
from loaders.readers.claims import (
    CuratedClaims,
    CuratedClaimsError,
    read_claims_csv,
    read_claims_json,
    read_claims_jsonl,
)
from loaders.readers.decoding import declared_charset, decode_bytes
from loaders.readers.html import encodable, read_html
from loaders.readers.markdown import read_markdown
from loaders.readers.pdf import read_pdf
from loaders.readers.plain import read_text

ReadResult: TypeAlias = Document | CuratedClaims

_TEXT_READERS: dict[str, Callable[[str, str], ReadResult]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "csv": read_claims_csv,
    "json": read_claims_json,
    "jsonl": read_claims_jsonl,
}
FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".csv": "csv", ".tsv": "csv",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
"""File extension to format: what `allegiance load` picks up in a folder."""

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_ARCHIVES = ((b"\x1f\x8b", "gzip"), (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"),
             (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
             (b"\x28\xb5\x2f\xfd", "zstd"), (b"Rar!\x1a\x07", "RAR"))
"""Leading bytes of compressed archives, refused by name rather than as 'binary'."""

__all__ = [
    "FORMATS",
    "CuratedClaims",
    "CuratedClaimsError",
    "Document",
    "ReadResult",
    "is_supported",
    "read_bytes",
    "read_path",
]


def is_supported(path: Path) -> bool:
    """True when the file's extension names a format we read."""
    return path.suffix.lower() in FORMATS


def read_path(path: Path, max_bytes: int) -> ReadResult:
    """Read a file; its size is checked before its content is read."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix and suffix not in FORMATS:
        raise InvalidInput(f"{name}: unsupported file type {suffix!r} "
                           f"(supported: {', '.join(sorted(FORMATS))})")
    try:
        if path.is_dir():
            raise InvalidInput(f"{name}: is a folder, not a file")
        size = path.stat().st_size
        _check_size(size, max_bytes, name)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except FileNotFoundError as exc:
        raise InvalidInput(f"{name}: no such file") from exc
    except OSError as exc:
        raise InvalidInput(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
    _check_size(len(data), max_bytes, name)
    return _read(data, name, FORMATS.get(suffix), path.stem)


def read_bytes(data: bytes, filename: str, max_bytes: int) -> ReadResult:
    """Read an upload; the format comes from `filename`'s extension, else the bytes."""
    name = filename or "upload"
    _check_size(len(data), max_bytes, name)
    suffix = Path(name).suffix.lower()
    return _read(data, name, FORMATS.get(suffix), Path(name).stem)


def _check_size(size: int, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise InvalidInput(
            f"{name}: too large ({_mb(size)}; the limit is {_mb(max_bytes)}, "
            "set by ALLEGIANCE_MAX_DOCUMENT_BYTES)"
        )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _read(data: bytes, name: str, fmt: str | None, stem: str) -> ReadResult:
    if not data.strip():
        raise InvalidInput(f"{name}: empty document (the file has no content)")
    for magic, kind in _ARCHIVES:
        if data.startswith(magic):
            raise InvalidInput(f"{name}: a {kind} archive, not a document "
                               "(unpack it and load the files inside)")
    if fmt is None:
        fmt = _sniff(data)
    if fmt == "pdf":
        result: ReadResult = read_pdf(data, name)
    else:
        charset = declared_charset(data) if fmt == "html" else None
        text = decode_bytes(data, name, declared=charset)
        result = _TEXT_READERS[fmt](text, name)
    if isinstance(result, Document) and not result.title and stem and encodable(stem):
        result = dataclasses.replace(result, title=stem)
    return result


def _sniff(data: bytes) -> str:
    """The format of content that came without a telling extension."""
    head = data[:4096]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "html"
    stripped = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped[:1] in (b"[", b"{"):
        try:
            json.loads(stripped)
            return "json"
        except RecursionError:
            return "json"  # its reader says what is wrong
        except ValueError:
            first = stripped.split(b"\n", 1)[0]
            try:
                json.loads(first)
                return "jsonl"
            except RecursionError:
                return "jsonl"
            except ValueError:
                pass
    return "text"
