"""The relation taxonomy and modalities: fixed, small, hierarchical.

The taxonomy follows DESIGN.md (support types informed by UCDP's External Support
Dataset). Relationship types for Neo4j come from here, never from user input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Relation(StrEnum):
    ALLIANCE = "alliance"
    SUPPORT = "support"
    FACILITATION = "facilitation"
    FUNDING = "funding"
    ARMS = "arms"
    TRAINING = "training"
    SAFE_HAVEN = "safe_haven"
    INTELLIGENCE = "intelligence"
    PERSONNEL = "personnel"
    HOSTILITY = "hostility"


class Modality(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    DENIED = "denied"
    PRESCRIPTIVE = "prescriptive"
    HYPOTHETICAL = "hypothetical"


COUNTED_MODALITIES: frozenset[Modality] = frozenset({Modality.ASSERTED, Modality.REPORTED})
"""Modalities that count as evidence for an edge by default."""


@dataclass(frozen=True)
class RelationInfo:
    """How one relation behaves and is labelled."""

    relation: Relation
    parent: Relation | None
    symmetric: bool
    neo4j_type: str
    subject_role: str
    object_role: str
    label: str


_INFO = [
    RelationInfo(Relation.ALLIANCE, None, True, "ALLIED_WITH", "ally", "ally", "allied with"),
    RelationInfo(Relation.SUPPORT, None, False, "SUPPORTS", "supporter", "supported", "supports"),
    RelationInfo(Relation.FACILITATION, Relation.SUPPORT, False, "FACILITATES",
                 "facilitator", "facilitated", "facilitates"),
    RelationInfo(Relation.FUNDING, Relation.SUPPORT, False, "FUNDS", "funder", "funded", "funds"),
    RelationInfo(Relation.ARMS, Relation.SUPPORT, False, "ARMS", "supplier", "recipient", "arms"),
    RelationInfo(Relation.TRAINING, Relation.SUPPORT, False, "TRAINS",
                 "trainer", "trainee", "trains"),
    RelationInfo(Relation.SAFE_HAVEN, Relation.SUPPORT, False, "SHELTERS",
                 "host", "hosted", "gives safe haven to"),
    RelationInfo(Relation.INTELLIGENCE, Relation.SUPPORT, False, "SHARES_INTELLIGENCE_WITH",
                 "provider", "recipient", "shares intelligence with"),
    RelationInfo(Relation.PERSONNEL, Relation.SUPPORT, False, "SENDS_PERSONNEL_TO",
                 "sender", "receiver", "sends personnel to"),
    RelationInfo(Relation.HOSTILITY, None, False, "ATTACKS", "attacker", "target", "attacks"),
]

RELATIONS: dict[Relation, RelationInfo] = {info.relation: info for info in _INFO}
SUPPORT_KINDS: frozenset[Relation] = frozenset(
    r for r, info in RELATIONS.items() if r is Relation.SUPPORT or info.parent is Relation.SUPPORT
)


def info(relation: Relation | str) -> RelationInfo:
    """The description of one relation (raises ValueError for an unknown name)."""
    return RELATIONS[Relation(relation)]


def is_symmetric(relation: Relation | str) -> bool:
    return info(relation).symmetric


def descendants(relation: Relation | str) -> frozenset[Relation]:
    """The relation itself and every relation below it in the hierarchy."""
    root = Relation(relation)
    found = {root}
    changed = True
    while changed:
        changed = False
        for r, i in RELATIONS.items():
            if i.parent in found and r not in found:
                found.add(r)
                changed = True
    return frozenset(found)


def expand(
    relations: Iterable[Relation | str] | None, subtypes: bool = True
) -> frozenset[Relation]:
    """The set of relations a filter matches; None means every relation."""
    if relations is None:
        return frozenset(Relation)
    chosen = [Relation(r) for r in relations]
    if not subtypes:
        return frozenset(chosen)
    out: set[Relation] = set()
    for r in chosen:
        out |= descendants(r)
    return frozenset(out)
