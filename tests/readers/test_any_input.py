"""Property tests: no input crashes a reader; text readers keep the text verbatim."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import InvalidInput
from graph.model import normalise_text
from loaders.document import Document
from loaders.readers import FORMATS, read_bytes
from tests.readers.conftest import LIMIT

SUFFIXES = sorted(FORMATS) + [""]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_read_or_fail_cleanly(data: bytes, suffix: str) -> None:
    try:
        read_bytes(data, f"in{suffix}", LIMIT)
    except InvalidInput as exc:
        assert f"in{suffix}" in str(exc)


@pytest.mark.parametrize("prefix", [b"%PDF-1.4\n", b"<html><body>", b"[", b'{"claims": ['])
@settings(max_examples=60, deadline=None)
@given(tail=st.binary(max_size=1500))
def test_format_looking_garbage_fails_cleanly(prefix: bytes, tail: bytes) -> None:
    try:
        read_bytes(prefix + tail, "sniffed", LIMIT)
    except InvalidInput as exc:
        assert "sniffed" in str(exc)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=800))
def test_plain_text_is_kept_verbatim(text: str) -> None:
    try:
        doc = read_bytes(text.encode("utf-8"), "t.txt", LIMIT)
    except InvalidInput as exc:
        assert "t.txt" in str(exc)
        return
    assert isinstance(doc, Document)
    assert doc.text == normalise_text(text).strip()


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_markdown_and_html_never_crash(text: str) -> None:
    for name in ("m.md", "h.html"):
        try:
            doc = read_bytes(text.encode("utf-8"), name, LIMIT)
        except InvalidInput as exc:
            assert name in str(exc)
            continue
        assert isinstance(doc, Document) and doc.text.strip()
