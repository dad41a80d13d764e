"""Markdown: the prose without its markup, one block per paragraph, heading or item.

The returned text is what gets stored and cited, so markup is dropped rather than
mapped back: emphasis, links and inline code keep their words, images, code blocks
and raw HTML comments go. Metadata comes from YAML front matter, else the first
heading gives the title.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token

from graph.errors import InvalidInput
from loaders.document import Document
from loaders.readers.dates import parse_date
from loaders.readers.html import check_element_count, encodable

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_CELL_SEPARATOR = " | "
MAX_MARKS = 100_000
"""Link, emphasis and code marks read at most: the parser spends ~0.1 ms on each
unmatched one, so a file of nothing but brackets would take many minutes."""
_MARKS = re.compile(r"[\[\]!*_`]")


def read_markdown(text: str, name: str) -> Document:
    """A document of the prose in Markdown `text`."""
    check_element_count(text, name)  # raw HTML blocks are parsed as HTML
    marks = sum(1 for _ in itertools.islice(_MARKS.finditer(text), MAX_MARKS + 1))
    if marks > MAX_MARKS:
        raise InvalidInput(f"{name}: too much Markdown markup (more than {MAX_MARKS:,} link, "
                           "emphasis or code marks); load the text as .txt instead")
    meta, body = split_front_matter(text)
    blocks, first_headings = _blocks(_PARSER.parse(body))
    prose = "\n\n".join(b for b in blocks if b)
    if not prose.strip():
        raise InvalidInput(f"{name}: empty document (no text outside the markup)")
    title = _meta_str(meta, "title") or first_headings.get(1) or _lowest(first_headings)
    return Document(
        text=prose,
        title=title,
        author=_author(meta.get("author") or meta.get("authors")),
        publisher=_meta_str(meta, "publisher") or _meta_str(meta, "source"),
        url=_meta_str(meta, "url") or _meta_str(meta, "canonical_url") or _meta_str(meta, "link"),
        published=parse_date(meta.get("date") or meta.get("published") or meta.get("pubDate")),
        media_type="text/markdown",
        loader="markdown",
    )


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter as a mapping, the rest); ({}, text) when there is none."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, RecursionError):  # RecursionError: nested thousands deep
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return {str(k): v for k, v in meta.items()}, text[match.end():]


def _blocks(tokens: list[Token]) -> tuple[list[str], dict[int, str]]:
    """The text of each block, and the first heading seen at each level."""
    blocks: list[str] = []
    headings: dict[int, str] = {}
    row: list[str] | None = None
    heading_level: int | None = None
    for tok in tokens:
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            blocks.append(_CELL_SEPARATOR.join(c for c in row if c))
            row = None
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1:])
        elif tok.type == "heading_close":
            heading_level = None
        elif tok.type == "inline":
            words = _inline_text(tok.children or []).strip()
            if row is not None:
                row.append(words)
                continue
            if heading_level is not None and words:
                headings.setdefault(heading_level, words)
            blocks.append(words)
        elif tok.type == "html_block":
            blocks.append(_html_text(tok.content))
        # fences, indented code, rules and images carry no prose: skipped
    return blocks, headings


def _inline_text(children: Iterable[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def _html_text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())


def _lowest(headings: dict[int, str]) -> str | None:
    return headings[min(headings)] if headings else None


def _meta_str(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if isinstance(value, str | int | float) and str(value).strip() and encodable(str(value)):
        return str(value).strip()
    return None


def _author(value: object) -> str | None:
    if isinstance(value, str):
        return (value.strip() or None) if encodable(value) else None
    if isinstance(value, dict):
        return _author(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_author(v) for v in value) if n]
        return "; ".join(names) or None
    return None
