"""Conversions between model objects and the embedded store's rows."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from graph.model import Actor, ActorKind, Claim, Source, SourceInfo, fold
from graph.relations import Modality, Relation

SOURCE_INFO_COLUMNS = (
    "id, title, author, publisher, url, published, retrieved, media_type, loader"
)
CLAIM_COLUMNS = (
    "c.id, c.subject, c.relation, c.object, s.id, c.quote, c.span_start, c.span_end, "
    "c.modality, c.attributed_to, c.confidence, c.extractor, c.page, c.valid_from, "
    "c.valid_to, c.created"
)
"""Claim columns; queries alias claims as `c` and join sources as `s`."""

INSERT_CLAIM = (
    "INSERT INTO claims(id, subject, relation, object, source, published, quote, span_start, "
    "span_end, modality, attributed_to, confidence, extractor, page, valid_from, valid_to, "
    "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# Plain text for the enums: sqlite3 binds an exact str directly, a str subclass only
# after its adapter lookup (~1 µs a value). Keys match members and their text alike.
_RELATION_TEXT: dict[str, str] = {r: r.value for r in Relation}
_MODALITY_TEXT: dict[str, str] = {m: m.value for m in Modality}
_BY_TRIPLE = itemgetter(1, 2, 3)
# A model's field values are its __dict__: one C call reads them all (15 attribute
# lookups through the class hierarchy cost twice as much).
_CLAIM_FIELDS = itemgetter("id", "subject", "object", "relation", "created", "quote", "start",
                           "end", "modality", "attributed_to", "confidence", "extractor",
                           "page", "valid_from", "valid_to")
INSERT_SOURCE = (
    "INSERT INTO sources(id, title, author, publisher, url, published, retrieved, media_type, "
    "loader, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def source_row(source: Source) -> tuple[Any, ...]:
    return (source.id, source.title, source.author, source.publisher, source.url,
            _iso(source.published), source.retrieved.isoformat(), source.media_type,
            source.loader, source.text)


def source_info(row: tuple[Any, ...]) -> SourceInfo:
    """A SourceInfo from SOURCE_INFO_COLUMNS."""
    return SourceInfo(id=row[0], title=row[1], author=row[2], publisher=row[3], url=row[4],
                      published=_date(row[5]), retrieved=datetime.fromisoformat(row[6]),
                      media_type=row[7], loader=row[8])


def source_from_row(row: tuple[Any, ...]) -> Source:
    """A Source from SOURCE_INFO_COLUMNS followed by text."""
    info = source_info(row[:9])
    return Source(**info.model_dump(), text=row[9])


def claim_rows(claims: Iterable[Claim], merged: Mapping[str, str],
               symmetric: Container[str], source_n: int, published: str | None
               ) -> list[tuple[Any, ...]]:
    """INSERT_CLAIM's values for one source's claims, in (subject, relation, object)
    order (index locality): actor ids merged away read as the kept ones, a symmetric
    relation's ends in id order, a claim joining an actor to itself dropped, a
    repeated claim id stored once. `published` is the source's date in ISO form."""
    rows: dict[str, tuple[Any, ...]] = {}
    created: dict[datetime, str] = {}  # a batch's claims mostly share one creation time
    for c in claims:
        (cid, s, o, relation, when, quote, start, end, modality, attributed, confidence,
         extractor, page, since, until) = _CLAIM_FIELDS(c.__dict__)
        if merged:
            s, o = merged.get(s, s), merged.get(o, o)
        if s == o or cid in rows:
            continue
        relation = _RELATION_TEXT[relation]
        if s > o and relation in symmetric:
            s, o = o, s
        made = created.get(when)
        if made is None:
            made = created[when] = when.isoformat()
        rows[cid] = (cid, s, relation, o, source_n, published, quote, start, end,
                     _MODALITY_TEXT[modality], attributed, confidence, extractor, page,
                     since.isoformat() if since else None,
                     until.isoformat() if until else None, made)
    return sorted(rows.values(), key=_BY_TRIPLE)


def claim_from_row(row: tuple[Any, ...]) -> Claim:
    """A Claim from CLAIM_COLUMNS."""
    return Claim(id=row[0], subject=row[1], relation=row[2], object=row[3], source=row[4],
                 quote=row[5], start=row[6], end=row[7], modality=row[8],
                 attributed_to=row[9], confidence=row[10], extractor=row[11], page=row[12],
                 valid_from=_date(row[13]), valid_to=_date(row[14]),
                 created=datetime.fromisoformat(row[15]))


def actor_from_row(row: tuple[Any, ...], names: list[str]) -> Actor:
    """An Actor from (id, name, kind, country, wikidata, description) and its names
    in order (the aliases are the names that are not its name)."""
    own = fold(row[1])
    aliases = tuple(n for n in names if fold(n) != own)
    return Actor(id=row[0], name=row[1], kind=ActorKind(row[2]), country=row[3],
                 wikidata=row[4], description=row[5], aliases=aliases)
