"""Conversions between model objects and what the Neo4j backend reads and writes:
maps from Cypher results (temporal values made native) and name lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

from graph.cypher import RELATION_OF_TYPE
from graph.model import Actor, ActorKind, Claim, Edge, SourceInfo, fold
from graph.relations import Modality, Relation, is_symmetric

T = TypeVar("T")
Triple = tuple[str, Relation, str]


def native(value: Any) -> Any:
    """A neo4j temporal value as its Python equivalent; anything else unchanged."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def clean(row: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The given keys of a map from the database, nulls dropped, temporals native."""
    return {k: native(row[k]) for k in keys if row.get(k) is not None}


def with_names(names: Sequence[str], wanted: Iterable[str]) -> tuple[list[str], list[str]]:
    """`names` followed by the `wanted` ones it lacks (compared folded), and their keys."""
    out, keys = list(names), [fold(n) for n in names]
    for name in wanted:
        key = fold(name)
        if key and key not in keys:
            out.append(name)
            keys.append(key)
    return out, keys


def name_props(name: str, names: list[str], keys: list[str]) -> dict[str, Any]:
    """An actor's name properties: every name, their keys, and the aliases (the
    names other than `name`, for people browsing the graph)."""
    own = fold(name)
    return {"names": names, "alias_keys": keys,
            "aliases": [n for n, k in zip(names, keys, strict=True) if k != own]}


def actor_from_row(row: dict[str, Any]) -> Actor:
    own = fold(row["name"])
    return Actor(
        id=row["id"], name=row["name"],
        aliases=tuple(n for n in row["names"] or () if fold(n) != own),
        kind=ActorKind(row["kind"]), country=row["country"], wikidata=row["wikidata"],
        description=row["description"],
    )


SOURCE_KEYS = ("id", "title", "author", "publisher", "url", "published", "retrieved",
               "media_type", "loader")
CLAIM_KEYS = tuple(Claim.model_fields)


def source_info_from_row(row: dict[str, Any]) -> SourceInfo:
    return SourceInfo(**clean(row, SOURCE_KEYS))


def claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(**clean(row, CLAIM_KEYS))


def edge_from_row(row: dict[str, Any]) -> Edge:
    """An Edge from a row holding one count per modality."""
    return Edge(
        subject=row["subject"], relation=Relation(row["relation"]), object=row["object"],
        claims=row["claims"], sources=row["sources"], first_seen=native(row["first_seen"]),
        last_seen=native(row["last_seen"]),
        modalities={m: row[m.value] for m in Modality if row.get(m.value)},
    )


def hop_from_row(row: dict[str, Any]) -> Edge:
    """An Edge from a derived relationship (counted modalities only)."""
    mods = {Modality.ASSERTED: row["asserted"] or 0, Modality.REPORTED: row["reported"] or 0}
    return Edge(
        subject=row["subject"], relation=RELATION_OF_TYPE[row["type"]],
        object=row["object"], claims=row["claims"], sources=row["sources"],
        first_seen=native(row["first_seen"]), last_seen=native(row["last_seen"]),
        modalities={m: n for m, n in mods.items() if n},
    )


def strength(e: Edge) -> tuple[int, int, str, str, str]:
    """Sort key: most sources, then most claims, then by subject, relation, object."""
    return (-e.sources, -e.claims, e.subject, e.relation.value, e.object)


def canonical(subject: str, relation: Relation, obj: str) -> Triple:
    """The triple as stored: a symmetric relation's ends in id order."""
    if is_symmetric(relation) and subject > obj:
        return (obj, relation, subject)
    return (subject, relation, obj)


def evidence_rank(published: date | None, source: str, start: int, claim: str) -> str:
    """A claim's place in evidence order, as one string that sorts like (undated last,
    oldest published first, source id, position, claim id); `cypher.RANK_CLAIMS`
    computes the same in Cypher."""
    return f"{published.isoformat() if published else '~'}|{source}|{start:010d}|{claim}"


def batches(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
