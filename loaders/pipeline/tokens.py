"""Word tokens with offsets, and a token trie that finds many names in one pass."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from graph.model import fold

# Dotted acronyms ("U.S.") are one token; hyphens and apostrophes separate tokens, so
# "al-Qaeda" matches "al Qaeda" and "Taliban-TTP" yields two names.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+")


class Token(NamedTuple):
    start: int
    end: int
    raw: str
    key: str


def token_key(raw: str) -> str:
    return fold(raw).replace(".", "")


_KEYS: dict[str, str] = {}  # raw token -> key: words repeat, folding is slow
# Transliterations of the Arabic article ("ad-Din", "ash-Sham", "ul-Ahrar") and of the
# Persian ezafe ("Lashkar-i-Taiba") key alike when a hyphen joins them to the next word,
# so a name matches however its article is spelt.
# (Capitalised or lower case only: "US-backed" keeps its "US".)
_ARTICLES = frozenset(("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul",
                       "ut", "us", "ur", "ed", "es", "et", "ez", "en", "ath", "adh"))
_EZAFE = frozenset(("e", "i", "ye", "ee"))


def tokenize(text: str) -> list[Token]:
    keys = _KEYS
    if len(keys) > 500_000:
        keys.clear()
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        end = m.end()
        if len(raw) <= 3 and text[end:end + 1] == "-":
            if raw[1:].islower() and raw.lower() in _ARTICLES:
                out.append(Token(m.start(), end, raw, "al"))
                continue
            if raw in _EZAFE and text[m.start() - 1:m.start()] == "-":
                out.append(Token(m.start(), end, raw, "e"))
                continue
        key = keys.get(raw)
        if key is None:
            key = keys[raw] = token_key(raw)
        out.append(Token(m.start(), end, raw, key))
    return out


def is_acronym(name: str) -> bool:
    """Names that must match case exactly: capitals ("US", "TTP", "U.S."), mixed-case
    abbreviations ("LeT", "JeM") and very short words."""
    letters = [c for c in name if c.isalpha()]
    if not letters or " " in name.strip():
        return False
    if len(letters) <= 6 and all(c.isupper() for c in letters):
        return True
    return len(letters) <= 6 and any(c.isupper() for c in letters[1:]) or len(letters) <= 3


@dataclass(frozen=True)
class Entry:
    """What a name in the trie stands for."""

    actor: str
    form: str  # "name", "demonym", "demonym_plural"
    acronym: bool
    alias: str
    lower_ok: bool = False  # may be written all in lower case ("colectivos")


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)


class NameTrie:
    """Names as token sequences; `scan` finds the longest names, left to right."""

    def __init__(self) -> None:
        self._root = _Node()

    def add(self, name: str, entry: Entry) -> None:
        keys = [t.key for t in tokenize(name)]
        if keys and keys[0] == "the" and len(keys) > 1:
            keys = keys[1:]
        if not keys:
            return
        node = self._root
        for k in keys:
            node = node.children.setdefault(k, _Node())
        if entry not in node.entries:
            node.entries.append(entry)

    def add_all(self, names: Iterable[tuple[str, Entry]]) -> None:
        for name, entry in names:
            self.add(name, entry)

    def scan(self, text: str, tokens: list[Token]) -> list[tuple[int, int, list[Entry]]]:
        """Non-overlapping (start token, end token, entries) matches, longest first."""
        out: list[tuple[int, int, list[Entry]]] = []
        n = len(tokens)
        first = self._root.children
        # Only tokens that can start a name (most cannot), in order.
        starts = [k for k, t in enumerate(tokens) if t.key in first]
        i = 0
        for begin in starts:
            if begin < i:
                continue  # inside the name found last
            i = begin
            node = self._root
            best: tuple[int, list[Entry]] | None = None
            j = i
            while j < n:
                child = node.children.get(tokens[j].key)
                if child is None:
                    break
                if j > i and not _joined(text, tokens[j - 1], tokens[j]):
                    break
                node = child
                j += 1
                ok = [e for e in node.entries if _case_ok(e, tokens[i:j])]
                if ok:
                    best = (j, ok)
            if best is not None:
                out.append((i, best[0], best[1]))
                i = best[0]
        return out


def _joined(text: str, a: Token, b: Token) -> bool:
    """Tokens of one name are separated by spaces, a hyphen or an apostrophe only."""
    gap = text[a.end:b.start]
    return len(gap) <= 3 and all(c in " -‐–'’\u00a0" for c in gap) and gap.count("\n") == 0


@lru_cache(maxsize=4096)
def _raw_parts(name: str) -> tuple[str, ...]:
    return tuple(m.group().replace(".", "") for m in _TOKEN.finditer(name))


def _case_ok(entry: Entry, tokens: list[Token]) -> bool:
    if entry.acronym:
        return tuple(t.raw.replace(".", "") for t in tokens) == _raw_parts(entry.alias)
    # A proper name is written with a capital somewhere ("al-Qaeda", "Hamas").
    return entry.lower_ok or any(t.raw[:1].isupper() for t in tokens)
