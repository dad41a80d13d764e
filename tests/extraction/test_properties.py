"""Properties over arbitrary text: quotes are exact spans, nothing crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.document import Document
from loaders.extract import extract
from loaders.pipeline.segment import split_sentences

WORDS = ["Iran", "Hezbollah", "supports", "funds", "the", "Taliban", "TTP", "(TTP)", "its",
         "their", "support", "of", "with", "and", ",", ".", "denied", "should", "Iranian-backed",
         "alliance", "between", "attacked", "U.S.", "President", "John", "Smith", "said", "\n",
         "“", "”", "’s", "these", "groups", "-", "Front", "Liberation", "is", "backed", "by"]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_quotes_are_exact_spans_and_nothing_crashes(registry, text: str) -> None:
    doc = Document(text=text)
    ex = extract(doc, registry)
    ids = {a.id for a in ex.actors}
    for c in ex.claims:
        assert ex.source.text[c.start:c.end] == c.quote
        assert c.subject in ids and c.object in ids and c.subject != c.object
        assert 0.0 <= c.confidence <= 1.0


@settings(max_examples=150, deadline=None)
@given(texts)
def test_sentences_are_exact_spans(text: str) -> None:
    previous_end = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text
        assert s.start >= previous_end
        previous_end = s.end
