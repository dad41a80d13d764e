"""The prefilter's stored readings and the rules' lazy compilation: the stored file is
fresh for the current rules, a stored reading is the one the parser gives, a missing or
stale entry falls back to reading the pattern (time, never a result), and the prefilter
never rejects a sentence a rule pattern matches."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.pipeline import prefilter
from loaders.pipeline.rules import LazyPattern, load_rules, patterns, rule_patterns

FIX = "run `python -m loaders.pipeline.rules` to write it again"


@pytest.fixture(scope="module")
def current() -> list[tuple[str, int]]:
    return patterns()


def test_stored_readings_are_fresh(current: list[tuple[str, int]]) -> None:
    """Every pattern of the current rules has its reading stored, and it is the reading
    the parser gives now (a new or changed rule only costs time until then)."""
    stored = prefilter.stored_readings()
    assert stored, f"{prefilter.READINGS_FILE} is missing or unusable: {FIX}"
    missing = [p[:80] for p, f in current if prefilter.pattern_key(p, f) not in stored]
    assert not missing, f"{len(missing)} patterns without a stored reading: {FIX}; {missing[:3]}"
    written = json.loads(prefilter.readings_json(current))["readings"]
    for pattern, flags in current:
        key = prefilter.pattern_key(pattern, flags)
        assert set(stored[key]) == {frozenset(g) for g in written[key]}, (
            f"stale reading of {pattern[:80]!r}: {FIX}")


def test_readings_file_is_what_the_command_writes(current: list[tuple[str, int]]) -> None:
    assert prefilter.READINGS_FILE.read_text(encoding="utf-8") == \
        prefilter.readings_json(current), FIX


def test_stored_rules_compile_lazily_and_the_rest_now() -> None:
    rules, _ = load_rules()
    lazy = [r for r in rules if isinstance(r.regex, LazyPattern)]
    assert len(lazy) == len(rules), f"some rule patterns are not stored: {FIX}"
    regex = LazyPattern(r"\bsupport(?:ed|s)? (?P<y>\w+)", re.IGNORECASE)
    assert regex._compiled is None
    assert prefilter.needed(cast(re.Pattern[str], regex))  # read uncompiled
    assert regex._compiled is None
    assert [m.group("y") for m in regex.finditer("They SUPPORTED Hamas.")] == ["Hamas"]
    assert regex.sub("<\\g<y>>", "supports X") == "<X>"
    assert regex.compiled() is regex.compiled()
    assert regex.groupindex == {"y": 1}


def test_a_missing_file_or_entry_falls_back_to_reading(tmp_path: Path) -> None:
    assert prefilter.stored_readings(tmp_path / "none.json") == {}
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert prefilter.stored_readings(bad) == {}
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"python": "2.7", "reader": prefilter.READER_VERSION,
                                 "readings": {}}), encoding="utf-8")
    assert prefilter.stored_readings(other) == {}
    # A pattern no file stores: tried as before until read, then filtered.
    regex = re.compile(r"\bzqxwv(?:ed)? ⟪\d+⟫ unrelatedword", re.IGNORECASE)
    assert not prefilter.is_stored(regex.pattern, regex.flags)
    for _ in range(prefilter._READ_AFTER):
        assert prefilter.may_match(regex, "nothing of the kind here")
    assert not prefilter.may_match(regex, "nothing of the kind here")
    assert prefilter.may_match(regex, "they zqxwved ⟪1⟫ unrelatedword")
    assert prefilter.needed(regex)


def test_without_stored_readings_every_pattern_compiles_at_load(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No file (or another Python's): the rules compile at load, as before, the same."""
    from loaders.pipeline import rules as rules_module

    monkeypatch.setattr(prefilter, "_STORED", {})
    eager, tables = rules_module._load(prefilter.is_stored)
    assert not any(isinstance(r.regex, LazyPattern) for r in eager)
    assert all(isinstance(r.regex, re.Pattern) for r in eager)
    stored, stored_tables = load_rules()
    assert [(r.name, r.regex.pattern) for r in eager] == \
        [(r.name, r.regex.pattern) for r in stored]
    assert tables == stored_tables


def test_a_stale_entry_is_never_used(tmp_path: Path) -> None:
    """An entry is keyed by the pattern's text and flags: a changed pattern has none."""
    a = prefilter.pattern_key(r"\bfunds ⟪\d+⟫", re.IGNORECASE)
    assert a != prefilter.pattern_key(r"\bfunded ⟪\d+⟫", re.IGNORECASE)
    assert a != prefilter.pattern_key(r"\bfunds ⟪\d+⟫", 0)
    assert a == prefilter.pattern_key(r"\bfunds ⟪\d+⟫", re.IGNORECASE | re.UNICODE)


def test_use_stored_indexes_only_stored_patterns() -> None:
    rules, _ = load_rules()
    assert prefilter.use_stored(r.regex for r in rules[:5]) == 5
    unknown = LazyPattern(r"\bnever-stored-pattern \w+", re.IGNORECASE)
    assert prefilter.use_stored([unknown]) == 0


# Sentences built from the rules' own words around slots: many match some pattern.
_WORDS = ["⟪0⟫", "⟪1⟫", "⟪2⟫", "funds", "funded", "armed", "backed", "supports", "support",
          "by", "the", "and", "of", "to", "from", "with", "weapons", "training", "allied",
          "attacked", "clashed", "fighters", "sent", "provided", "is", "was", "said", "that",
          "sanctions", "against", "on", "an", "ally", "alliance", "group", "-backed", ",",
          "backing", "financial", "military", "received", "has", "been", "accused", "Iran"]
_SENTENCES = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SENTENCES)
def test_prefilter_never_rejects_a_match(text: str) -> None:
    rules, _ = load_rules()
    kept = set(prefilter.candidates(rule_patterns(), text))
    for i, rule in enumerate(rules):
        if rule.regex.search(text):
            assert prefilter.may_match(rule.regex, text), (rule.name, text)
            assert i in kept, (rule.name, text)


def test_candidates_are_the_patterns_that_may_match() -> None:
    """`candidates` is `may_match` asked of each pattern at once; a pattern that serves
    two positions is at both, and a pattern not read yet is always there."""
    unread = re.compile(r"\bqqzzyyxx (?:and|or) ⟪\d+⟫", re.IGNORECASE)
    regexes = (*rule_patterns(), unread, rule_patterns()[0])
    for text in ("⟪0⟫ has funded and armed ⟪1⟫ for years.", "Nothing at all here.",
                 "⟪0⟫ backed ⟪1⟫ in Kyiv, said Ümit.", "⟪0⟫'s proxies attacked ⟪1⟫."):
        kept = prefilter.candidates(regexes, text)
        assert kept == sorted(kept)
        assert len(regexes) - 2 in kept
        assert (0 in kept) == (len(regexes) - 1 in kept)
        expected = [i for i, r in enumerate(regexes) if prefilter.may_match(r, text)]
        assert kept == expected, text


def test_prefilter_never_rejects_a_match_on_written_sentences() -> None:
    rules, _ = load_rules()
    texts = ["⟪0⟫ has funded and armed ⟪1⟫ for years, officials said.",
             "⟪0⟫, which is backed by ⟪1⟫, attacked ⟪2⟫ on Monday.",
             "The ⟪0⟫-backed militia received weapons and training from ⟪1⟫.",
             "⟪0⟫ and ⟪1⟫ signed a military alliance against ⟪2⟫.",
             "⟪0⟫ imposed sanctions on ⟪1⟫ for supplying drones to ⟪2⟫."]
    matched = 0
    for text in texts:
        for rule in rules:
            if rule.regex.search(text):
                matched += 1
                assert prefilter.may_match(rule.regex, text), (rule.name, text)
    assert matched >= len(texts)
