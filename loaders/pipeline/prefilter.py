"""Word prefilters: words one of which any match of a regex must contain.

Most rule patterns cannot match most sentences, and running a long pattern only to
learn that costs far more than a set lookup. `needed(regex)` reads the pattern's
parse tree (the standard library's own parser) and returns groups of words: every
match of the regex contains at least one word of each group as a whole word (a
maximal run of ASCII letters). `may_match(regex, text)` is then a cheap test that
never errs one way: when it says False, the regex has no match in the text.

How: a node's `exact` set lists every string it can match when that set is small
(literals, short alternations, optional parts), with NONLETTER standing for any
character that is no letter (a space class, `\\W`, `[,;]`) and for the edges that
`\\b` or `(?<!\\w)` / `(?![\\w-])` assert. A word bounded by non-letters inside such a
string is a whole word of any text the pattern matches. Anything the reading does
not understand (a letter class, a back-reference) only adds no requirement.

Case: under re.IGNORECASE, "i" also matches "ı" and "s" matches "ſ", which
lower-casing does not reproduce; so a text with a cased non-ASCII letter is never
filtered.

Stored readings: reading every rule pattern costs seconds (about 9 CPU-s for the ~460
rules), so the readings of the rule patterns are kept in `READINGS_FILE`, keyed by a
hash of each pattern's text and flags (`pattern_key`) and written by `python -m
loaders.pipeline.rules`. A pattern found there is read from it at once; a pattern not
found there (a new or changed rule) is read by the parser as before, once it has been
tried `_READ_AFTER` times: a stale or missing file costs time, never a result, because
a reading depends on nothing but the pattern's text and flags.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

_P: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")

NONLETTER = "\x00"
_MAX_EXACT = 64  # strings kept while multiplying out alternatives
_MIN_WORD = 3  # "to", "a" are in nearly every sentence: no use as a filter
_MAX_GROUPS = 3  # groups kept per pattern (each one more set test)
# Reading a pattern costs about as much as compiling it (~20 ms; 2.7 CPU-s for the
# whole rule set), and a skipped try saves some 30-50 us: a pattern is read only once
# it has been tried this many times, so one article (a few hundred sentences) never
# pays for it and a corpus soon does.
_READ_AFTER = 500
# Bump when the reading below changes what it returns: stored readings of another
# version are not used.
READER_VERSION = 1
READINGS_FILE = Path(__file__).resolve().parent.parent / "data" / "prefilter_readings.json"
_WORD = re.compile(r"[a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# A node: `exact`, the strings it can match (None: unknown or too many), and
# `groups`, word sets each of which a match must meet.
_Info = tuple[frozenset[str] | None, list[frozenset[str]]]
_EMPTY = frozenset({""})
_EDGE = frozenset({NONLETTER})
_NONLETTER_CATEGORIES = frozenset(("CATEGORY_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_DIGIT"))
_EDGES = frozenset(("AT_BOUNDARY", "AT_BEGINNING", "AT_END", "AT_BEGINNING_STRING",
                    "AT_END_STRING"))


def _cased_non_ascii(text: str) -> bool:
    return any(c.lower() != c.upper() for c in _NON_ASCII.findall(text))


def _piece(s: str) -> str | None:
    """The key of the best run of letters in `s` (see `keys_of`), or None if too short.

    A run bounded by non-letters inside `s` is a whole word of the text (" w "); one
    that reaches an end of `s` is only known to start (" w") or end ("w ") a word,
    or to lie inside one ("w")."""
    best: tuple[int, str] | None = None
    low = s.lower()
    for m in _WORD.finditer(low):
        if len(m.group()) < _MIN_WORD:
            continue
        key = ("" if m.start() == 0 else " ") + m.group() + ("" if m.end() == len(s) else " ")
        score = len(key)  # bounded sides select better
        if best is None or score > best[0]:
            best = (score, key)
    return best[1] if best else None


def _words(group: frozenset[str]) -> frozenset[str] | None:
    """One key per string of `group`, or None when a string has none."""
    out = set()
    for s in group:
        if _cased_non_ascii(s):
            return None
        key = _piece(s)
        if key is None:
            return None
        out.add(key)
    return frozenset(out)


def _rank(keys: frozenset[str]) -> tuple[int, int]:
    """Longer shortest keys select better; fewer keys test faster."""
    return min(min(len(k) for k in keys), 9), -len(keys)


def _best(info: _Info) -> frozenset[str] | None:
    exact, groups = info
    cands = list(groups)
    if exact is not None:
        ws = _words(exact)
        if ws is not None:
            cands.append(ws)
    return max(cands, key=_rank) if cands else None


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _MAX_EXACT:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items: Any) -> _Info:
    run: frozenset[str] | None = _EMPTY
    groups: list[frozenset[str]] = []
    all_exact = True
    for op, av in items:
        exact, inner = _node(op, av)
        groups.extend(inner)
        if exact is not None and run is not None:
            joined = _product(run, exact)
            if joined is not None:
                run = joined
                continue
        # The run of known strings ends here: its words are one requirement.
        all_exact = False
        if run is not None:
            ws = _words(run)  # a word at its very end may go on: not a whole word
            if ws is not None:
                groups.append(ws)
        run = exact
    if run is not None and not all_exact:
        ws = _words(run)
        if ws is not None:
            groups.append(ws)
    return (run if all_exact else None), groups


def _nonletter_class(items: Any) -> bool:
    """A character class whose members are all non-letters (`[,;]`, `\\s`, `\\W`)."""
    for op, av in items:
        if op is _C.LITERAL:
            if chr(av).isalpha():
                return False
        elif op is _C.CATEGORY:
            if str(av) not in _NONLETTER_CATEGORIES:
                return False
        else:
            return False
    return True


def _bars_word(av: Any) -> bool:
    """`(?<!\\w)`, `(?![\\w-])`: no word character on that side."""
    _, body = av
    if len(body) != 1:
        return False
    bop, bav = body[0]
    if bop is _C.IN:
        return any(o is _C.CATEGORY and str(a) == "CATEGORY_WORD" for o, a in bav)
    return bool(bop is _C.CATEGORY and str(bav) == "CATEGORY_WORD")


def _node(op: Any, av: Any) -> _Info:
    if op is _C.LITERAL:
        return frozenset({chr(av)}), []
    if op is _C.AT:
        return (_EDGE if str(av) in _EDGES else _EMPTY), []
    if op is _C.ASSERT_NOT:
        return (_EDGE if _bars_word(av) else _EMPTY), []
    if op is _C.ASSERT:
        return _EMPTY, []
    if op is _C.IN:
        if all(o is _C.LITERAL for o, _ in av) and len(av) <= 4:
            return frozenset(chr(c) for _, c in av), []
        return (_EDGE if _nonletter_class(av) else None), []
    if op is _C.CATEGORY:
        return (_EDGE if str(av) in _NONLETTER_CATEGORIES else None), []
    if op is _C.SUBPATTERN:
        return _sequence(av[-1])
    if op is _C.ATOMIC_GROUP:
        return _sequence(av)
    if op is _C.BRANCH:
        infos = [_sequence(alt) for alt in av[1]]
        exacts = [e for e, _ in infos]
        if all(e is not None for e in exacts):
            union = frozenset().union(*(e for e in exacts if e is not None))
            if len(union) <= _MAX_EXACT:
                return union, []
        alts = [_best(i) for i in infos]
        if all(a is not None for a in alts):
            return None, [frozenset().union(*(a for a in alts if a is not None))]
        return None, []
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        lo, hi, body = av
        exact, groups = _sequence(body)
        if lo == hi == 1:
            return exact, groups
        if exact == _EDGE:  # "\s+", "[,;]*": some non-letters, or none
            return (_EDGE if lo >= 1 else _EDGE | _EMPTY), []
        if lo == 0 and hi == 1 and exact is not None:
            return exact | _EMPTY, []
        if lo >= 1:
            best = _best((exact, groups))
            return None, [best] if best is not None else []
        return None, []
    return None, []  # any character, a letter class, a back-reference, ...


# By id(): hashing a compiled pattern hashes its whole code, each time. The pattern
# is kept in the value so that its id cannot be reused.
_NEEDED: dict[int, tuple[re.Pattern[str], tuple[frozenset[str], ...]]] = {}
_TRIED: dict[int, int] = {}  # id of a pattern not read yet -> times tried
_VOCABULARY: set[str] = set()  # every key some analysed pattern needs
# key -> (id of a pattern, bit of the group of its that the key meets)
_INDEX: dict[str, list[tuple[int, int]]] = {}
_ALL_GROUPS: dict[int, int] = {}  # id of a pattern -> the bits of all its groups
_WORD_KEYS: dict[str, frozenset[str]] = {}  # a word -> the keys of the vocabulary it has


Reading = tuple[frozenset[str], ...]


def pattern_key(pattern: str, flags: int) -> str:
    """The key of a pattern's stored reading: a hash of its text and flags (re.UNICODE,
    which re adds to every str pattern, left out)."""
    text = f"{flags & ~re.UNICODE}\n{pattern}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _python() -> str:
    return f"{sys.version_info[0]}.{sys.version_info[1]}"


_STORED: dict[str, Reading] | None = None


def stored_readings(path: Path | None = None) -> dict[str, Reading]:
    """The readings in `READINGS_FILE` by `pattern_key` (empty when the file is missing,
    unreadable, or of another Python or reader version)."""
    global _STORED
    if path is None and _STORED is not None:
        return _STORED
    try:
        data = json.loads((path or READINGS_FILE).read_text(encoding="utf-8"))
        if data.get("python") != _python() or data.get("reader") != READER_VERSION:
            out: dict[str, Reading] = {}
        else:
            out = {str(k): tuple(frozenset(str(w) for w in g) for g in v)
                   for k, v in data["readings"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        out = {}
    if path is None:
        _STORED = out
    return out


def is_stored(pattern: str, flags: int) -> bool:
    """Whether `READINGS_FILE` holds this pattern's reading (written only for patterns
    that compiled: a stored pattern is a valid one, for this version of Python)."""
    return pattern_key(pattern, flags) in stored_readings()


def readings_json(patterns: Iterable[tuple[str, int]]) -> str:
    """The content of `READINGS_FILE` for these (pattern, flags): each one read now."""
    readings: dict[str, list[list[str]]] = {}
    for pattern, flags in patterns:
        groups = _read(pattern, flags)
        readings[pattern_key(pattern, flags)] = [sorted(g) for g in groups]
    return json.dumps({"about": "Generated by `python -m loaders.pipeline.rules`: the word "
                       "prefilter's reading of each rule pattern (loaders/pipeline/prefilter.py)."
                       " Do not edit.", "python": _python(), "reader": READER_VERSION,
                       "readings": dict(sorted(readings.items()))},
                      indent=0, sort_keys=True) + "\n"


def _register(regexes: list[tuple[Any, Reading]]) -> None:
    """Index these patterns' readings (the caller holds `_LOCK` or is alone)."""
    grouped = False
    new: set[str] = set()
    _GENERATION[0] += 1
    for regex, groups in regexes:
        if id(regex) in _NEEDED:
            continue
        _NEEDED[id(regex)] = (regex, groups)
        _TRIED.pop(id(regex), None)
        if groups:
            for bit, group in enumerate(groups):
                for key in group:
                    _INDEX.setdefault(key, []).append((id(regex), 1 << bit))
            _ALL_GROUPS[id(regex)] = (1 << len(groups)) - 1
            grouped = True
            new.update(*groups)
    if grouped:
        _passing.cache_clear()
    new -= _VOCABULARY
    if new:
        _VOCABULARY.update(new)
        _WORD_KEYS.clear()
        keys_of.cache_clear()


def use_stored(regexes: Iterable[Any]) -> int:
    """Index at once the stored readings of these patterns (any with `pattern` and
    `flags`, compiled or not); those not stored are read later, as any pattern.
    Returns how many were found."""
    stored = stored_readings()
    found = []
    for regex in regexes:
        groups = stored.get(pattern_key(regex.pattern, regex.flags))
        if groups is not None:
            found.append((regex, groups))
    with _LOCK:
        _register(found)
    return len(found)


def needed(regex: re.Pattern[str]) -> Reading:
    """Key sets (see `keys_of`): every match of `regex` has a key of each set.
    Empty when nothing is known (the regex may match anything)."""
    known = _NEEDED.get(id(regex))
    if known is None:
        groups = stored_readings().get(pattern_key(regex.pattern, regex.flags))
        if groups is None:
            groups = _read(regex.pattern, regex.flags)
        _register([(regex, groups)])
        known = _NEEDED[id(regex)]
    return known[1]


def _read(pattern: str, flags: int) -> Reading:
    """The reading of a pattern by its parse tree (the costly part: ~20 ms a rule)."""
    exact, groups = _sequence(_P.parse(pattern, flags))
    if exact is not None:
        ws = _words(exact)
        if ws is not None:
            groups.append(ws)
    # Ties broken by the words, so that every process keeps the same groups.
    return tuple(sorted(set(groups), key=lambda g: (_rank(g), sorted(g)),
                        reverse=True)[:_MAX_GROUPS])


def _word_keys(w: str) -> frozenset[str]:
    """The keys of the vocabulary that the word `w` has (cached: words repeat)."""
    keys = _WORD_KEYS.get(w)
    if keys is None:
        if len(_WORD_KEYS) > 200_000:
            _WORD_KEYS.clear()
        n = len(w)
        every = {" " + w + " "}
        for i in range(n - _MIN_WORD + 1):
            every.add(w[i:] + " ")
            every.update(w[i:j] for j in range(i + _MIN_WORD, n + 1))
        every.update(" " + w[:j] for j in range(_MIN_WORD, n + 1))
        keys = _WORD_KEYS[w] = frozenset(every & _VOCABULARY)
    return keys


@lru_cache(maxsize=64)
def keys_of(text: str) -> frozenset[str] | None:
    """The keys of the vocabulary that `text` has: for each lower-cased word w of 3
    letters or more, " w " (the whole word), " w..." (its beginnings), "...w " (its
    endings) and its inner parts. None when the text has a cased non-ASCII letter."""
    if _cased_non_ascii(text):
        return None
    out: set[str] = set()
    for w in set(_WORD.findall(text.lower())):
        if len(w) >= _MIN_WORD:
            out |= _word_keys(w)
    return frozenset(out)


# The tables and caches above are shared by threads (the API extracts in a thread pool):
# a pattern read by one thread while another tested a text made `_passing` fail on a
# half-built index, or cache an answer that skips the new pattern.
_LOCK = threading.Lock()


def may_match(regex: re.Pattern[str], text: str) -> bool:
    """False only when `regex` has no match in `text` (True: it may have one)."""
    with _LOCK:
        return _may_match(regex, text)


def _may_match(regex: re.Pattern[str], text: str) -> bool:
    known = _NEEDED.get(id(regex))
    if known is None:
        tried = _TRIED.get(id(regex))
        if tried is None:  # first seen: its reading may be stored
            groups = stored_readings().get(pattern_key(regex.pattern, regex.flags))
            if groups is not None:
                _register([(regex, groups)])
                return _may_match(regex, text)
            tried = 0
        if tried < _READ_AFTER:
            _TRIED[id(regex)] = tried + 1
            return True
        _TRIED.pop(id(regex), None)
    groups = known[1] if known is not None else needed(regex)
    if not groups:
        return True
    passing = _passing(text)
    return passing is None or id(regex) in passing


@lru_cache(maxsize=64)
def _passing(text: str) -> frozenset[int] | None:
    """The ids of the analysed patterns whose every group `text` meets (None: all)."""
    keys = keys_of(text)
    if keys is None:
        return None
    met: dict[int, int] = {}
    for key in keys:
        for rid, bit in _INDEX.get(key, ()):
            met[rid] = met.get(rid, 0) | bit
    return frozenset(rid for rid, bits in met.items() if bits == _ALL_GROUPS[rid])


# For `candidates`: per tuple of patterns (by id), each pattern's position, and the
# positions always tried (not read, or no requirement) as of `_GENERATION`.
_POSITIONS: dict[int, tuple[tuple[Any, ...], dict[int, list[int]], int, list[int]]] = {}
_GENERATION = [0]  # moved by every `_register`


def candidates(regexes: tuple[Any, ...], text: str) -> list[int]:
    """The positions in `regexes` (ascending) of the patterns that `may_match` `text`,
    found with one look at the text instead of one call per pattern: every other
    pattern has no match in it. A pattern not read yet is always among them (and
    `may_match` on it counts a try, as before)."""
    with _LOCK:
        known = _POSITIONS.get(id(regexes))
        if known is None or known[0] is not regexes or known[2] != _GENERATION[0]:
            always = [i for i, r in enumerate(regexes) if id(r) not in _ALL_GROUPS]
            position: dict[int, list[int]] = {}
            for i, r in enumerate(regexes):  # one pattern may serve two rules (re's cache)
                position.setdefault(id(r), []).append(i)
            known = _POSITIONS[id(regexes)] = (regexes, position, _GENERATION[0], always)
        _, position, _, always = known
        passing = _passing(text)
        if passing is None:
            return list(range(len(regexes)))
        out = always + [i for rid in passing for i in position.get(rid, ())]
        out.sort()
        return out
