"""The relation rules of `loaders/rules/relations.yaml`, compiled once.

A rule is data: a pattern over the masked sentence (see the YAML's header), the
roles of its slots and the relation it gives (fixed, or read from trigger words).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from graph.errors import InvalidInput
from graph.relations import Relation
from loaders.pipeline import prefilter
from loaders.pipeline.lexicon import load_yaml

RULES = "relations.yaml"
# Further rule files, read after RULES: their macros and lexicon words add to its
# own; their rules run after its rules, but before its last re-reading rewrite.
MORE_RULES = ("constructions.yaml", "hostility.yaml", "sanctions.yaml", "coalitions.yaml",
              "givers.yaml")
SLOT = r"⟪\d+⟫"
_ITEM_TAIL = r"(?: (?:in|of|from|based in) (?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*)?)?"
_ITEM = rf"(?:the )?{SLOT}{_ITEM_TAIL}"
# "A, B and C": bare commas only inside a list that ends with "and"/"or".
# Two items take no comma before "and": "A, and B ..." starts a new clause.
_LIST_TAIL = (rf"(?:(?:, {_ITEM})+,? (?:and|or|as well as|&) {_ITEM}"
              rf"| (?:and|or|as well as|&) {_ITEM}|(?:/{SLOT})+)")
_ITEM_ADJ = (r"(?:(?!(?:and|or|but|to|for|of|with|from|in|on|by|as|at|the|a|an|than|via)\b)"
             r"(?-i:[a-z][\w-]*) ){0,3}?")
_SLOT_MACROS = {
    "X": rf"(?P<x>{SLOT})",
    "Y": rf"(?P<y>{SLOT})",
    "XS": rf"(?P<x>{SLOT}{_ITEM_TAIL}{_LIST_TAIL}?)",
    "YS": rf"(?P<y>{SLOT}{_ITEM_TAIL}{_LIST_TAIL}?)",
    "MS": rf"(?P<m>{SLOT}{_ITEM_TAIL}{_LIST_TAIL})",
}


_COMPILING = threading.Lock()


class LazyPattern:
    """A pattern compiled when first used (~460 rule patterns take seconds to compile,
    and one document needs a fraction of them: the prefilter skips the rest).

    `pattern` and `flags` (as given to `re.compile`) are known at once, so the
    prefilter reads it uncompiled; any other attribute (`finditer`, `sub`, `search`,
    `groupindex`, ...) compiles it, once, and is the compiled pattern's. Only a pattern
    known to compile is made lazy (its reading is stored, see `prefilter.is_stored`):
    a bad pattern is still refused when the rules are loaded."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        done = self._compiled
        if done is None:
            with _COMPILING:
                done = self._compiled
                if done is None:
                    done = self._compiled = re.compile(self.pattern, self.flags)
        return done

    def __getattr__(self, name: str) -> Any:
        # Only for attributes not set on the instance: never for `pattern` or `flags`.
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        if callable(value):
            self.__dict__[name] = value  # the bound method, found directly next time
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r}..., {self.flags})"


def _compile(pattern: str, flags: int, lazy: Callable[[str, int], bool]) -> re.Pattern[str]:
    """`re.compile`, or a `LazyPattern` (which acts as one) when `lazy` allows."""
    if lazy(pattern, flags):
        return cast(re.Pattern[str], LazyPattern(pattern, flags))
    return re.compile(pattern, flags)


@dataclass(frozen=True)
class Rule:
    """One relation pattern, or a rewrite of the masked sentence when `rewrite` is set."""

    name: str
    regex: re.Pattern[str]
    relation: Relation | None = None
    subject: str = "x"
    object: str = "y"
    symmetric: bool = False
    presupposed: bool = False
    confidence: float = 0.7
    rewrite: str | None = None
    again: bool = False  # after this rewrite, apply the earlier relation rules again
    triggers: re.Pattern[str] | None = None
    # Words one of which a sentence must hold for the rule to match (a fast filter).
    needs: frozenset[str] = frozenset()
    named: bool = False  # both parties named: no pronoun or nominal reference ("the rebels")
    groups_only: bool = False  # no state as a party: a state there is a place ("embedded in")


@dataclass(frozen=True)
class Lexicons:
    """Trigger words: each lexicon maps a word (or phrase) to a relation."""

    words: dict[str, dict[str, Relation]]

    def alternation(self, spec: str, macros: dict[str, str]) -> tuple[str, dict[str, Relation]]:
        """The regex of the trigger words a `{T:spec}` stands for, and their relations."""
        table: dict[str, Relation] = {}
        alts: list[str] = []
        for part in spec.split("+"):
            if part == "provide_nouns":
                nouns = self.words["nouns"]
                table.update(nouns)
                alts.append(f"{macros['PROVIDE']} {macros['DET']}{macros['ADJ']}"
                            f"(?:{_alt(list(nouns))})")
                continue
            name, _, only = part.partition(".")
            if name not in self.words:
                raise InvalidInput(f"{RULES}: unknown lexicon {name!r} in {{T:{spec}}}")
            chosen = {w: r for w, r in self.words[name].items() if not only or r.value == only}
            table.update(chosen)
            alts.append(_alt(list(chosen)))
        words = f"(?:{'|'.join(alts)})"
        # Adjectives only before the later items of a list ("weapons and military
        # training"): before the first, the pattern says what may come.
        # A later item's adjectives hold no comma and no "and": with ADJ there (whose
        # words may end in a comma), "weapons, money, training, ..." had exponentially
        # many readings and a list of twenty nouns took minutes.
        item = rf"(?:{_ITEM_ADJ}{words})"
        # Bare commas only inside a list that ends with "and"/"or" ("arms, trains and
        # funds"): "X support, attacked Y" is no list of two verbs.
        sep = r"(?:,? and |,? or |,? and the |,? as well as )"
        return rf"(?P<r>{words}(?:(?:, {item})*{sep}{item})*)(?![\w-])", table


def _alt(words: list[str]) -> str:
    # "air-defence systems" and "air defence systems" are one phrase: a space or a
    # hyphen between the words of a phrase matches either.
    return "|".join(re.escape(w).replace(r"\ ", "[ -]").replace(r"\-", "[ -]")
                    for w in sorted(words, key=len, reverse=True))


def _expand(template: str, macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        return template

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in _SLOT_MACROS:
            return _SLOT_MACROS[key]
        if key in macros:
            return "(?:" + _expand(macros[key], macros, depth + 1) + ")"
        return m.group(0)

    return re.sub(r"\{([A-Z]+)\}", sub, template)


def _lexicons(data: dict[str, Any]) -> Lexicons:
    out: dict[str, dict[str, Relation]] = {}
    for name, by_relation in (data.get("lexicon") or {}).items():
        table: dict[str, Relation] = {}
        for relation, items in by_relation.items():
            try:
                rel = Relation(relation)
            except ValueError:
                raise InvalidInput(f"{RULES}: lexicon {name}: unknown relation "
                                   f"{relation!r}") from None
            for w in items:
                table.setdefault(str(w).lower(), rel)
        out[str(name)] = table
    return Lexicons(out)


def _merged(files: list[Any]) -> dict[str, Any]:
    """One rule set from several files: macros and lexicon words added, rules appended."""
    macros: dict[str, Any] = {}
    lexicon: dict[str, dict[str, list[Any]]] = {}
    rules: list[Any] = []
    for data in files:
        data = data or {}
        for key, value in (data.get("macros") or {}).items():
            macros.setdefault(key, value)
        for name, by_relation in (data.get("lexicon") or {}).items():
            table = lexicon.setdefault(name, {})
            for relation, items in (by_relation or {}).items():
                table.setdefault(relation, []).extend(items or [])
        # Before the main file's re-reading rewrite (a relative clause dropped, the
        # rules before it applied again), so added rules see both readings.
        # Rules marked `early` go before the main file's first relation rule instead,
        # to read what its rewrites drop ("X-backed").
        at = next((i for i, r in enumerate(rules) if isinstance(r, dict) and r.get("again")),
                  len(rules))
        added = data.get("rules") or []
        rules[at:at] = [r for r in added if not r.get("early")]
        first = next((i for i, r in enumerate(rules) if isinstance(r, dict) and "rewrite" not in r
                      ), len(rules))
        rules[first:first] = [r for r in added if r.get("early")]
    return {"macros": macros, "lexicon": lexicon, "rules": rules}


@lru_cache(maxsize=1)
def weak_alliance_words() -> frozenset[str]:
    """Trigger words that make an alliance only when a non-state actor is involved."""
    return frozenset(str(w).lower() for w in load_yaml(RULES).get("weak_alliance_words") or [])


@lru_cache(maxsize=1)
def load_rules() -> tuple[list[Rule], dict[str, dict[str, Relation]]]:
    """The compiled rules in order, and the trigger tables by rule name.

    A pattern whose prefilter reading is stored compiles when first used (see
    `LazyPattern`); the others compile now. The stored readings are indexed at once."""
    rules, tables = _load(prefilter.is_stored)
    prefilter.use_stored(r.regex for r in rules)
    return rules, tables


@lru_cache(maxsize=1)
def rule_patterns() -> tuple[re.Pattern[str], ...]:
    """The pattern of each rule of `load_rules`, in order (for `prefilter.candidates`)."""
    return tuple(r.regex for r in load_rules()[0])


def patterns() -> list[tuple[str, int]]:
    """Every pattern the rules compile (the rules' and their trigger words'), each
    compiled now: the patterns whose prefilter readings `READINGS_FILE` stores."""
    rules, _ = _load(lambda pattern, flags: False)
    out = [(r.regex.pattern, r.regex.flags) for r in rules]
    out += [(r.triggers.pattern, r.triggers.flags) for r in rules if r.triggers is not None]
    return out


def _load(lazy: Callable[[str, int], bool]
          ) -> tuple[list[Rule], dict[str, dict[str, Relation]]]:
    data = _merged([load_yaml(RULES), *(load_yaml(name) for name in MORE_RULES)])
    macros = {str(k): str(v) for k, v in (data.get("macros") or {}).items()}
    lex = _lexicons(data)
    rules: list[Rule] = []
    tables: dict[str, dict[str, Relation]] = {}
    for i, raw in enumerate(data.get("rules") or [], start=1):
        where = f"{RULES} (and {', '.join(MORE_RULES)}): rule {i}"
        try:
            if "rewrite" in raw:
                regex = _compile(_expand(str(raw["rewrite"]), macros), re.IGNORECASE, lazy)
                rules.append(Rule(f"rewrite-{i}", regex, rewrite=str(raw.get("to", "")),
                                  again=bool(raw.get("again", False))))
                continue
            name = str(raw["name"])
            if name in tables:  # trigger tables are keyed by name
                raise InvalidInput(f"{where}: a second rule named {name!r}")
            pattern = str(raw["pattern"])
            table: dict[str, Relation] = {}
            tm = re.search(r"\{T:([\w.+]+)\}", pattern)
            if tm:
                alternation, table = lex.alternation(tm.group(1), macros)
                pattern = pattern.replace(tm.group(0), alternation)
            regex = _compile(_expand(pattern, macros), re.IGNORECASE, lazy)
            relation = Relation(raw["relation"]) if raw.get("relation") else None
            if relation is None and not table:
                raise InvalidInput(f"{where} ({name}): needs a relation or {{T:...}} triggers")
            triggers = _compile(rf"(?<!\w)(?:{_alt(list(table))})(?![\w-])",
                                re.IGNORECASE, lazy) if table else None
            rules.append(Rule(
                name, regex, relation, str(raw.get("subject", "x")), str(raw.get("object", "y")),
                bool(raw.get("symmetric", False)), bool(raw.get("presupposed", False)),
                float(raw.get("confidence", 0.7)), triggers=triggers,
                # Only when the relation comes from the triggers are they certain to occur.
                # A rule may list its own (`needs`: words one of which must occur).
                needs=frozenset(str(w).lower() for w in raw["needs"]) if raw.get("needs")
                else frozenset(w.split()[0].split("-")[0] for w in table)
                if relation is None else frozenset(),
                named=bool(raw.get("named", False)),
                groups_only=bool(raw.get("groups_only", False)),
            ))
            tables[name] = table
        except re.error as exc:
            raise InvalidInput(f"{where}: bad pattern ({exc})") from None
        except (KeyError, ValueError) as exc:
            raise InvalidInput(f"{where}: {exc}") from None
    return rules, tables


if __name__ == "__main__":  # python -m loaders.pipeline.rules [--check]: the stored readings
    written = prefilter.readings_json(patterns())
    if sys.argv[1:] == ["--check"]:
        try:
            current = prefilter.READINGS_FILE.read_text(encoding="utf-8")
        except OSError:
            current = ""
        fresh = current == written
        print(f"{prefilter.READINGS_FILE}: {'fresh' if fresh else 'STALE'}")
        sys.exit(0 if fresh else 1)
    prefilter.READINGS_FILE.write_text(written, encoding="utf-8")
    print(f"wrote {prefilter.READINGS_FILE}")
