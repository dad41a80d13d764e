"""Sentence segmentation with exact character offsets into the source text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "rep", "sen", "gov", "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co",
    "corp", "dept", "est", "approx", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "amb", "brig", "cdr",
    "p", "pp", "para", "paras", "vol", "cf",
})

_BOUNDARY = re.compile(
    r"""[.!?]+["'”’»)\]]*      # terminator and closing quotes or brackets
        (?=\s+["'“‘«(\[]*[A-Z0-9])  # followed by space and a capitalised start
    """,
    re.VERBOSE,
)
_LINE = re.compile(r"[^\n]+")
MAX_SENTENCE_CHARS = 2_000
"""A longer run without a sentence end (a table flattened to one line, a generated
file) is cut at a space: the relation rules cost grows with the square of a
sentence's length."""
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it sits in the document."""

    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at `dot` closes an abbreviation or an initial."""
    m = _LAST_WORD.search(text[max(0, dot - 30):dot])
    if not m:
        return False
    word = m.group(1)
    if "." in word:  # U.S. / a.m. style
        return True
    if len(word) == 1 and word.isupper():  # an initial
        return True
    return word.lower() in ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`; every line break ends a sentence (titles, headings)."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _BOUNDARY.finditer(text, line.start(), line.end()):
            if text[m.start()] == "." and _is_abbreviation(text, m.start()):
                continue
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, line.end()))
    out: list[Sentence] = []
    for s, e in (piece for span in spans for piece in _capped(text, *span)):
        s, e = _trimmed(text, s, e)
        if e > s:
            out.append(Sentence(len(out), s, e, text[s:e]))
    return out


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut into pieces of at most MAX_SENTENCE_CHARS, at a space if there is one."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
