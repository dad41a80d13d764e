"""Markdown: prose kept, markup dropped, metadata from front matter or the first heading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from loaders.document import Document
from loaders.readers import read_path
from tests.readers.conftest import LIMIT


def _read(path: Path) -> Document:
    result = read_path(path, LIMIT)
    assert isinstance(result, Document)
    return result


def test_front_matter_metadata_and_clean_prose(fixtures: Path) -> None:
    doc = _read(fixtures / "briefing.md")
    assert (doc.title, doc.author, doc.published, doc.url) == (
        "Briefing on the Sahel", "Ann Analyst; Bob Reviewer", date(2022, 11, 30),
        "https://notes.example/sahel")
    assert doc.loader == "markdown" and doc.media_type == "text/markdown"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Sahel briefing (draft)"
    assert ("The Wagner Group has deployed personnel to Mali, according to French officials."
            in paragraphs)
    assert "JNIM attacks the Malian army." in paragraphs
    assert "Mali's government denies any deployment." in paragraphs
    for markup in ("**", "](", "---", "```", "![", "# ", "|---", "title:"):
        assert markup not in doc.text
    assert "Russia arms Wagner" not in doc.text  # code blocks are not prose
    assert "satellite image" not in doc.text


def test_title_from_first_heading_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("Intro line.\n\n## Minor heading\n\n# Main *title*\n\nBody text.\n",
                    encoding="utf-8")
    doc = _read(path)
    assert doc.title == "Main title"
    assert doc.text == "Intro line.\n\nMinor heading\n\nMain title\n\nBody text."


def test_horizontal_rule_at_start_is_not_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "rule.md"
    path.write_text("---\nIran supports the group.\n---\n\nMore text.\n", encoding="utf-8")
    doc = _read(path)
    assert "Iran supports the group." in doc.text
    assert doc.title == "Iran supports the group."  # a setext heading, as Markdown reads it


def test_markup_only_document_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "figures.md"
    path.write_text("---\ntitle: Only figures\n---\n![a](a.png)\n\n```\ncode\n```\n",
                    encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"figures\.md: empty document"):
        read_path(path, LIMIT)
