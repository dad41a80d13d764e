"""Modality (asserted, reported, denied, prescriptive, hypothetical) and attribution.

Cues come from `loaders/rules/modality.yaml`. A cue governs a claim when it stands in
the claim's clause before its trigger; reporting cues count anywhere in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.relations import Modality
from loaders.pipeline.lexicon import load_yaml

RULES = "modality.yaml"


@dataclass(frozen=True)
class Cues:
    boundary: re.Pattern[str]
    classes: tuple[tuple[Modality, tuple[re.Pattern[str], ...]], ...]
    attribution: tuple[re.Pattern[str], ...]
    negation: tuple[re.Pattern[str], ...]
    negation_words: int
    question: re.Pattern[str]
    denied_reports: tuple[re.Pattern[str], ...]
    negated_object: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml(RULES)
    classes = tuple(
        (Modality(name), tuple(re.compile(p, re.IGNORECASE) for p in patterns))
        for name, patterns in (data.get("classes") or {}).items()
    )
    return Cues(
        re.compile(str(data.get("boundaries") or r"(?!)"), re.IGNORECASE),
        classes,
        tuple(re.compile(p, re.IGNORECASE) for p in data.get("attribution") or []),
        tuple(re.compile(p, re.IGNORECASE) for p in data.get("negation") or []),
        int(data.get("negation_words") or 5),
        re.compile(str(data.get("question") or r"(?!)")),
        tuple(re.compile(p, re.IGNORECASE) for p in data.get("denied_reports") or []),
        re.compile(str(data.get("negated_object") or r"(?!)"), re.IGNORECASE),
    )


def clause_start(masked: str, pos: int) -> int:
    """Where the clause holding `pos` begins (after the last boundary before it)."""
    start = 0
    for m in cues().boundary.finditer(masked, 0, pos):
        start = m.end()
    return start


def modality_of(masked: str, start: int, trigger: int, presupposed: bool) -> Modality:
    """The modality of a claim whose match begins at `start` with trigger at `trigger`."""
    c = cues()
    if presupposed:
        return Modality.ASSERTED  # a description in the writer's own voice ("X-backed Y")
    begin = clause_start(masked, trigger)
    window = masked[begin:trigger]
    near = " ".join(window.split()[-c.negation_words:])
    if any(p.search(near) for p in c.negation) or c.negated_object.match(masked, trigger):
        return Modality.DENIED
    if c.question.match(masked, trigger):
        return Modality.HYPOTHETICAL
    if any(m.start("body") <= trigger < m.end("body")
           for p in c.denied_reports for m in p.finditer(masked)):
        return Modality.DENIED  # "Reports that X armed Y were denied"
    # The trigger word itself completes a cue that names it: "ended its support"; an
    # adjective trigger needs the noun after it: "suspended its financial support".
    word = re.match(r"[\w-]+(?: [\w-]+){0,2}", masked[trigger:])
    with_word = masked[begin:trigger + (word.end() if word else 0)]
    for modality, patterns in c.classes:
        if modality is Modality.DENIED:
            if any(p.search(with_word) for p in patterns):
                return Modality.DENIED
            continue
        if modality is Modality.REPORTED:
            if any(p.search(masked) for p in patterns):
                return Modality.REPORTED
            continue
        if presupposed:
            continue
        if any(p.search(window) for p in patterns):
            return modality
    return Modality.ASSERTED


def attribution_of(masked: str) -> str | None:
    """The text naming whom the sentence credits, with actor slots left as ⟪n⟫."""
    for p in cues().attribution:
        m = p.search(masked)
        if m:
            who = m.group("who").strip(" ,")
            if who:
                return who
    return None
