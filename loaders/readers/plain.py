"""Plain text: the text as written, with a heading-like first line as its title."""

from __future__ import annotations

from graph.errors import InvalidInput
from graph.model import normalise_text
from loaders.document import Document

_MAX_TITLE_CHARS = 200


def read_text(text: str, name: str) -> Document:
    """A document of `text` (decoded), keeping every character between its first and
    last non-blank one so that quotes stay verbatim spans of the original."""
    body = normalise_text(text).strip()
    if not body:
        raise InvalidInput(f"{name}: empty document (no text)")
    return Document(text=body, title=first_line_title(body), media_type="text/plain",
                    loader="text")


def first_line_title(text: str) -> str | None:
    """The first line when it stands alone like a heading: short, followed by a
    blank line, and not ending as a sentence does."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not first or len(first) > _MAX_TITLE_CHARS or first.endswith((".", ",", ";", ":")):
        return None
    if not sep or not rest.lstrip(" \t").startswith("\n"):
        return None
    return first
