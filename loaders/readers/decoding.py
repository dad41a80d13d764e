"""Bytes to text: byte-order marks, UTF-8, UTF-16, a Latin-1 fallback, binary refusal.

The order of decisions: a BOM settles the encoding; otherwise NUL bytes mean
UTF-16 without a BOM (when the NULs fall on every other byte) or a binary file;
otherwise strict UTF-8, then Windows-1252 (Latin-1 with typographic quotes in
0x80-0x9F), then Latin-1, which accepts any byte.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from graph.errors import InvalidInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MAX_CONTROL_RATIO = 0.05
_SAMPLE_CHARS = 65_536


class BinaryFile(InvalidInput):
    """The bytes are not text."""


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> near its start, if we know it."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """The text of `data`; raise InvalidInput naming `name` if it is not text.

    `declared` (an HTML page's own charset) is tried after a BOM and strict UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data[len(bom):], encoding, name), name)
    if b"\x00" in data[:_SAMPLE_CHARS]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise BinaryFile(f"{name}: binary file, not a document")
        return _checked(_decode(data, utf16, name), name)
    candidates = ["utf-8"]
    if declared and not declared.startswith("utf-16") and declared not in candidates:
        candidates.append(declared)
    candidates.append("cp1252")
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    return _checked(data.decode("latin-1"), name)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{name}: not valid {encoding.upper()} at byte {exc.start} (damaged file?)"
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when the NULs sit in the high byte of ASCII-range code units."""
    sample = data[: _SAMPLE_CHARS - _SAMPLE_CHARS % 2]
    if len(sample) < 2:
        return None
    evens, odds = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odds.count(0) > 0.4 * half and evens.count(0) == 0:
        return "utf-16-le"
    if evens.count(0) > 0.4 * half and odds.count(0) == 0:
        return "utf-16-be"
    return None


def _checked(text: str, name: str) -> str:
    """Refuse text that is mostly control characters (a binary file decoded by luck)."""
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        raise BinaryFile(f"{name}: binary file, not a document")
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if sample and controls / len(sample) > _MAX_CONTROL_RATIO:
        raise BinaryFile(f"{name}: binary file, not a document")
    return text
