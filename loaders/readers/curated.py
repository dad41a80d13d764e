"""Curated claim records to extractions: actors resolved, quotes given real offsets.

When a curated file gives the document's text, each quote is found in it.
Otherwise the source's text is built from its quotes: the distinct quotes in
first-seen order, separated by blank lines. Either way every claim's offsets point
at its quote, and loading the same file again yields the same source ids (nothing
new is stored).
"""

from __future__ import annotations

import hashlib
from typing import Protocol

from pydantic import ValidationError

from graph.model import Actor, ActorKind, Claim, Source, fold
from loaders.document import Extraction
from loaders.readers.claims import ClaimRecord, CuratedClaims, CuratedClaimsError, iter_sources

QUOTE_SEPARATOR = "\n\n"
CURATED_CONFIDENCE = 1.0
"""An analyst read the quote and vouched for the claim."""


class ActorLookup(Protocol):
    def lookup(self, name: str) -> Actor | None: ...


def curated_extractions(claims: CuratedClaims, registry: ActorLookup | None) -> list[Extraction]:
    """One extraction per source named in `claims`; CuratedClaimsError lists every
    record that cannot become a claim."""
    actors = _Actors(registry)
    extractions: list[Extraction] = []
    problems: list[str] = []
    for fields, records in iter_sources(claims):
        if fields.text:
            text, spans = fields.text, _found_quotes(fields.text, records, problems)
        else:
            text, spans = _source_text(records)
        source = Source.create(
            text, title=fields.title, url=fields.url, published=fields.published,
            author=fields.author, publisher=fields.publisher, media_type="text/plain",
            loader=claims.extractor,
        )
        extraction = Extraction(source=source)
        used: dict[str, Actor] = {}
        for record in records:
            if record.quote not in spans:
                continue  # reported by _found_quotes
            start, end = spans[record.quote]
            try:
                subject = actors.resolve(record.subject, record.subject_kind)
                obj = actors.resolve(record.object, record.object_kind)
                if subject.id == obj.id:
                    raise ValueError(f"object: {record.object!r} and subject {record.subject!r} "
                                     f"are the same actor ({subject.id})")
                claim = _claim(record, source, subject, obj, start, end, claims.extractor)
            except (ValueError, ValidationError) as exc:
                problems.append(f"{record.where}: {_reason(exc)}")
                continue
            used.setdefault(subject.id, subject)
            used.setdefault(obj.id, obj)
            extraction.claims.append(claim)
        extraction.actors = [actors.final(a.id) for a in used.values()]
        extractions.append(extraction)
    if problems:
        raise CuratedClaimsError(claims.name, problems)
    return extractions


def _source_text(records: list[ClaimRecord]) -> tuple[str, dict[str, tuple[int, int]]]:
    spans: dict[str, tuple[int, int]] = {}
    offset = 0
    for record in records:
        if record.quote not in spans:
            if spans:
                offset += len(QUOTE_SEPARATOR)
            spans[record.quote] = (offset, offset + len(record.quote))
            offset += len(record.quote)
    return QUOTE_SEPARATOR.join(spans), spans


def _found_quotes(text: str, records: list[ClaimRecord],
                  problems: list[str]) -> dict[str, tuple[int, int]]:
    """Where each quote first occurs in the document's own text."""
    spans: dict[str, tuple[int, int]] = {}
    for record in records:
        at = text.find(record.quote)
        if at < 0:
            problems.append(f"{record.where}: quote: not found in the source text")
        else:
            spans[record.quote] = (at, at + len(record.quote))
    return spans


def _claim(record: ClaimRecord, source: Source, subject: Actor, obj: Actor, start: int,
           end: int, extractor: str) -> Claim:
    return Claim(
        subject=subject.id, relation=record.relation, object=obj.id, source=source.id,
        quote=record.quote, start=start, end=end, modality=record.modality,
        attributed_to=record.attributed_to,
        confidence=CURATED_CONFIDENCE if record.confidence is None else record.confidence,
        extractor=extractor, valid_from=record.valid_from, valid_to=record.valid_to,
    )


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'claim'}: {err['msg']}"
            for err in exc.errors()
        )
    return str(exc)


class _Actors:
    """Names to actors: the registry first, else a new actor with a slug id. Names
    that slug to the same id become one actor, the later ones its aliases."""

    def __init__(self, registry: ActorLookup | None) -> None:
        self._registry = registry
        self._by_name: dict[str, Actor] = {}
        self._new: dict[str, Actor] = {}

    def resolve(self, name: str, kind: ActorKind | None) -> Actor:
        key = fold(name)
        if key in self._by_name:
            return self._by_name[key]
        actor = self._registry.lookup(name) if self._registry is not None else None
        if actor is None:
            actor = self._new_actor(name, kind)
        self._by_name[key] = actor
        return actor

    def final(self, actor_id: str) -> Actor:
        """The actor as it stands after every name of the file was seen."""
        return self._new.get(actor_id) or next(
            a for a in self._by_name.values() if a.id == actor_id)

    def _new_actor(self, name: str, kind: ActorKind | None) -> Actor:
        from loaders.registry import slugify

        if not any(ch.isalnum() for ch in name):
            raise ValueError(f"name {name!r} has no letters or digits")
        actor_id = slugify(name)
        if not any(ch.isascii() and ch.isalnum() for ch in fold(name)):
            # A name in a non-Latin script slugs to nothing: give it an id of its own.
            digest = hashlib.sha256(fold(name).encode("utf-8")).hexdigest()[:12]
            actor_id = f"actor-{digest}"
        known = self._new.get(actor_id)
        if known is None:
            known = Actor(id=actor_id, name=name, kind=kind or ActorKind.OTHER)
        elif fold(name) not in {fold(n) for n in known.names()}:
            known = known.model_copy(update={"aliases": (*known.aliases, name)})
        self._new[actor_id] = known
        return known
