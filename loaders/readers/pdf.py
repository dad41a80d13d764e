"""PDF: the text layer of each page, with where each page starts in the text."""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

from graph.errors import InvalidInput
from graph.model import normalise_text
from loaders.document import Document
from loaders.readers.dates import parse_date

PAGE_SEPARATOR = "\n\n"
MAX_CONTENT_BYTES = 50_000_000
"""Inflated page content read at most, all pages together: text is pulled out of it
at ~1 MB/s, and a few hundred kB of FlateDecode can inflate to tens of MB."""
EDGE_LINES = 2
_SENTENCE_END = frozenset(".!?:;\"'\u201d\u2019)]")
"""How many lines at the top and bottom of a page may be running headers/footers."""
_PAGE_NUMBER = re.compile(r"^\W*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\W*$", re.IGNORECASE)


def read_pdf(data: bytes, name: str) -> Document:
    """A document of the PDF's text; `page_starts` gives the offset of each page."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns on every odd object
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InvalidInput(f"{name}: encrypted PDF (a password is needed to read it)")
        pages = []
        inflated = 0
        for number, page in enumerate(reader.pages, start=1):
            contents = page.get_contents()  # inflated once; extract_text reuses it
            inflated += len(contents.get_data()) if contents is not None else 0
            if inflated > MAX_CONTENT_BYTES:
                raise InvalidInput(
                    f"{name}: page {number}: its drawing instructions inflate to more than "
                    f"{MAX_CONTENT_BYTES // 1_000_000} MB (a compression bomb?)")
            pages.append(_page_text(page.extract_text() or ""))
        info = reader.metadata
    except FileNotDecryptedError as exc:
        raise InvalidInput(f"{name}: encrypted PDF (a password is needed to read it)") from exc
    except InvalidInput:
        raise
    except (PdfReadError, PyPdfError) as exc:
        raise InvalidInput(f"{name}: not a readable PDF ({exc})") from exc
    except Exception as exc:  # pypdf fails on malformed files in many ways (IndexError, ...)
        raise InvalidInput(f"{name}: not a readable PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise InvalidInput(f"{name}: the PDF has no pages")
    pages = strip_running_lines(pages)
    if not any(pages):
        raise InvalidInput(f"{name}: no text layer (scanned PDF?): "
                           f"none of its {len(pages)} pages has extractable text")
    text, starts = _join(pages)
    return Document(
        text=text,
        title=_info(info, "title"),
        author=_info(info, "author"),
        published=parse_date(_info(info, "creation_date_raw")),
        media_type="application/pdf",
        loader="pdf",
        page_starts=starts,
    )


def strip_running_lines(pages: list[str]) -> list[str]:
    """The pages without page numbers and running headers/footers: lines at a page's
    top or bottom that recur (digits aside) at the edges of half the pages or more,
    so that a sentence running over a page break is not cut by them."""
    edges = Counter[str]()
    for page in pages:
        lines = page.split("\n")
        edges.update({_line_key(x) for x in lines[:EDGE_LINES] + lines[-EDGE_LINES:] if x.strip()})
    with_text = sum(1 for p in pages if p)
    running = ({key for key, n in edges.items() if n >= max(3, math.ceil(with_text / 2))}
               if with_text >= 3 else set())

    def furniture(line: str) -> bool:
        return bool(_PAGE_NUMBER.match(line)) or _line_key(line) in running

    cleaned: list[str] = []
    for page in pages:
        lines = page.split("\n")
        top = 0
        while top < min(EDGE_LINES, len(lines)) and furniture(lines[top]):
            top += 1
        bottom = len(lines)
        while bottom > max(top, len(lines) - EDGE_LINES) and furniture(lines[bottom - 1]):
            bottom -= 1
        cleaned.append("\n".join(lines[top:bottom]).strip())
    return cleaned


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _page_text(raw: str) -> str:
    lines = normalise_text(raw).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _join(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """The pages joined, and each page's start offset. Pages are separated by a blank
    line, or by a line break when a sentence runs on to the next page. An empty page
    starts where the next text would, so every page still has an offset."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for page in pages:
        if parts and page:
            separator = "\n" if _runs_on(parts[-1], page) else PAGE_SEPARATOR
            parts.append(separator)
            length += len(separator)
        starts.append(length)
        if page:
            parts.append(page)
            length += len(page)
    return "".join(parts), tuple(starts)


def _runs_on(before: str, after: str) -> bool:
    """True when `before` stops mid-sentence and `after` goes on in lower case."""
    return before[-1] not in _SENTENCE_END and after[0].islower()


def _info(info: object, attribute: str) -> str | None:
    if info is None:
        return None
    try:
        value = getattr(info, attribute, None)
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None
