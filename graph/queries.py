"""Query functions shared by the HTTP API, the CLI and the network view.

Each takes the store first and actor *references* (an id, a name or an alias),
resolves them, and returns plain model values. None of them formats output.

>>> parse_relations(["funding", "arms"])
(<Relation.FUNDING: 'funding'>, <Relation.ARMS: 'arms'>)
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from graph.errors import Conflict, InvalidInput, NotFound
from graph.model import Actor, ActorKind, Claim, Edge, Source, fold
from graph.relations import Modality, Relation, is_symmetric
from graph.store import (
    EVIDENCE_LIMIT,
    MAX_LIMIT,
    EdgeFilter,
    Evidence,
    GraphStore,
    MergeReport,
    Page,
    Path,
    Subgraph,
)

ALL_MODALITIES: frozenset[Modality] = frozenset(Modality)
SUGGESTIONS = 5
_SCAN_LIMIT = 20_000  # most actors read when looking for close matches


# ---- parsing user input ---------------------------------------------------------------


def _split(values: Iterable[str] | str | None) -> list[str]:
    """Values given repeatedly or comma-separated, blanks dropped."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def parse_relations(values: Iterable[str] | str | None) -> tuple[Relation, ...] | None:
    """Relation names (repeated or comma-separated) as a tuple; None when none given."""
    names = _split(values)
    if not names:
        return None
    out: list[Relation] = []
    for name in names:
        try:
            rel = Relation(name.lower())
        except ValueError:
            valid = ", ".join(r.value for r in Relation)
            raise InvalidInput(f"relation: unknown relation {name!r} (one of: {valid})") from None
        if rel not in out:
            out.append(rel)
    return tuple(out)


def parse_modalities(values: Iterable[str] | str | None) -> frozenset[Modality] | None:
    """Modality names (or `all`) as a set; None when none given (the default applies)."""
    names = _split(values)
    if not names:
        return None
    if any(n.lower() == "all" for n in names):
        return ALL_MODALITIES
    out: set[Modality] = set()
    for name in names:
        try:
            out.add(Modality(name.lower()))
        except ValueError:
            valid = ", ".join(m.value for m in Modality)
            raise InvalidInput(
                f"modality: unknown modality {name!r} (one of: {valid}, all)"
            ) from None
    return frozenset(out)


def make_filter(
    *,
    relations: Iterable[str] | str | None = None,
    subtypes: bool = True,
    modalities: Iterable[str] | str | None = None,
    min_sources: int = 1,
    since: date | None = None,
    until: date | None = None,
    limit: int = 100,
    offset: int = 0,
    subject: str | None = None,
    object: str | None = None,
    actor: str | None = None,
    source: str | None = None,
) -> EdgeFilter:
    """An EdgeFilter from loosely typed user values; InvalidInput names a bad one."""
    if since and until and since > until:
        raise InvalidInput(f"since: {since} is after until: {until}")
    values: dict[str, Any] = {
        "relations": parse_relations(relations), "subtypes": subtypes,
        "min_sources": min_sources, "since": since, "until": until, "limit": limit,
        "offset": offset, "subject": subject, "object": object, "actor": actor,
        "source": source,
    }
    mods = parse_modalities(modalities)
    if mods is not None:
        values["modalities"] = mods
    try:
        return EdgeFilter.model_validate(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "filter"
        raise InvalidInput(f"{where}: {err['msg']}") from None


# ---- actors ---------------------------------------------------------------------------


def _all_actors(store: GraphStore, cap: int = _SCAN_LIMIT) -> Iterator[Actor]:
    offset = 0
    while offset < cap:
        page = store.list_actors(limit=MAX_LIMIT, offset=offset)
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def suggest(store: GraphStore, ref: str, limit: int = SUGGESTIONS) -> list[str]:
    """Names of actors close to `ref` (substring, word or spelling matches), best first."""
    key = fold(ref)
    if not key:
        return []
    found: dict[str, Actor] = {}
    for probe in dict.fromkeys([ref, *ref.split(), *(w[:4] for w in ref.split() if len(w) > 4)]):
        if len(probe) >= 2:
            for actor in store.search_actors(probe, limit=limit * 2).items:
                found.setdefault(actor.id, actor)
    names: dict[str, str] = {}  # folded alias -> display name of its actor
    for actor in found.values() if len(found) >= limit else _all_actors(store):
        for n in (actor.id, *actor.names()):
            names.setdefault(fold(n), actor.name)
    for actor in found.values():
        for n in actor.names():
            names.setdefault(fold(n), actor.name)

    def score(folded: str) -> float:
        ratio = difflib.SequenceMatcher(None, key, folded).ratio()
        return ratio + (0.5 if key in folded or folded in key else 0.0)

    ranked = sorted(names, key=score, reverse=True)
    out: list[str] = []
    for folded in ranked:
        if score(folded) < 0.6:
            break
        if names[folded] not in out:
            out.append(names[folded])
        if len(out) == limit:
            break
    return out


def resolve_actor(store: GraphStore, ref: str) -> Actor:
    """The actor `ref` names: an id (following merges), else an exact name or alias.

    Raises NotFound with close matches as `suggestions`, or Conflict when a name
    belongs to several actors.
    """
    ref = ref.strip()
    if not ref:
        raise InvalidInput("actor: an actor id, name or alias is required")
    try:
        return store.get_actor(ref)
    except NotFound:
        pass
    key = fold(ref)
    matches = [a for a in store.search_actors(ref, limit=50).items
               if key in {fold(n) for n in a.names()} or fold(a.id) == key]
    by_name = [a for a in matches if fold(a.name) == key]
    chosen = by_name or matches
    if len(chosen) == 1:
        return chosen[0]
    if len(chosen) > 1:
        ids = ", ".join(a.id for a in chosen[:10])
        raise Conflict(f"actor: {ref!r} names several actors ({ids}); use an id")
    raise NotFound(f"actor: no actor named {ref!r}", suggest(store, ref))


def actor_names(store: GraphStore, ids: Iterable[str]) -> dict[str, str]:
    """Display names for actor ids (an id the store lacks names itself)."""
    out: dict[str, str] = {}
    for actor_id in ids:
        if actor_id not in out:
            try:
                out[actor_id] = store.get_actor(actor_id).name
            except NotFound:
                out[actor_id] = actor_id
    return out


@dataclass(frozen=True)
class ActorSummary:
    """An actor and how much of the graph touches it (counted claims only)."""

    actor: Actor
    edges: int
    supporters: int
    supported: int
    claims: int


def actor_summary(store: GraphStore, ref: str) -> ActorSummary:
    """Counts only: a hub's thousands of edges are never read."""
    actor = resolve_actor(store, ref)
    counts = store.edge_counts(actor.id)
    one = EdgeFilter(limit=1)
    return ActorSummary(
        actor=actor,
        edges=counts.edges,
        supporters=store.supporters(actor.id, one).total,
        supported=store.supported(actor.id, one).total,
        claims=counts.claims,
    )


def search_actors(
    store: GraphStore, query: str | None, kind: ActorKind | None = None,
    limit: int = 20, offset: int = 0,
) -> Page[Actor]:
    if query and query.strip():
        return store.search_actors(query.strip(), kind=kind, limit=limit, offset=offset)
    return store.list_actors(kind=kind, limit=limit, offset=offset)


def merge_actors(store: GraphStore, keep_ref: str, merge_ref: str) -> MergeReport:
    keep, merge = resolve_actor(store, keep_ref), resolve_actor(store, merge_ref)
    if keep.id == merge.id:
        raise Conflict(f"actor: {keep_ref!r} and {merge_ref!r} are the same actor ({keep.id})")
    return store.merge_actors(keep.id, merge.id)


# ---- edges and evidence ---------------------------------------------------------------


def _all_pages(fetch: Callable[[int], Page[Edge]]) -> Iterator[Edge]:
    """Every edge of a paged query, `fetch(offset)` giving one page."""
    offset = 0
    while True:
        page = fetch(offset)
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def supporters(store: GraphStore, ref: str, flt: EdgeFilter | None = None
               ) -> tuple[Actor, Page[Edge]]:
    """Who is alleged to support the actor `ref`."""
    actor = resolve_actor(store, ref)
    return actor, store.supporters(actor.id, flt or EdgeFilter())


def supported(store: GraphStore, ref: str, flt: EdgeFilter | None = None
              ) -> tuple[Actor, Page[Edge]]:
    """Whom the actor `ref` is alleged to support."""
    actor = resolve_actor(store, ref)
    return actor, store.supported(actor.id, flt or EdgeFilter())


def edges(store: GraphStore, flt: EdgeFilter) -> Page[Edge]:
    """Edges matching the filter, its actor fields resolved from names first."""
    changes = {k: resolve_actor(store, v).id
               for k in ("subject", "object", "actor")
               if (v := getattr(flt, k)) is not None}
    return store.edges(flt.model_copy(update=changes) if changes else flt)


@dataclass(frozen=True)
class EdgeEvidence:
    """One page of the claims about one triple, split into the counted ones, the
    denials and the rest; `total` counts the claims of every page, and `claims`,
    `sources` and `denials` describe the whole edge."""

    subject: Actor
    relation: Relation
    object: Actor
    supporting: list[Evidence]
    counter: list[Evidence]
    other: list[Evidence] = field(default_factory=list)
    total: int = 0
    limit: int = EVIDENCE_LIMIT
    offset: int = 0
    claims: int = 0
    sources: int = 0
    denials: int = 0


def evidence(store: GraphStore, subject_ref: str, relation: Relation | str,
             object_ref: str, limit: int = EVIDENCE_LIMIT, offset: int = 0) -> EdgeEvidence:
    """One page of the claims for (subject, relation, object), denials as
    counter-evidence, with the counts of the whole edge."""
    rel = parse_relations([str(relation)])
    assert rel is not None
    subj, obj = resolve_actor(store, subject_ref), resolve_actor(store, object_ref)
    if subj.id == obj.id:
        raise InvalidInput("object: subject and object are the same actor")
    a, b = subj, obj
    if is_symmetric(rel[0]) and a.id > b.id:
        a, b = b, a
    page = store.evidence(a.id, rel[0], b.id, ALL_MODALITIES, limit=limit, offset=offset)
    counted = {Modality.ASSERTED, Modality.REPORTED}
    edge = store.edges(EdgeFilter(subject=a.id, object=b.id, relations=rel, subtypes=False,
                                  limit=1)).items
    denials = store.evidence(a.id, rel[0], b.id, frozenset({Modality.DENIED}), limit=0).total
    found = page.items
    return EdgeEvidence(
        subject=subj, relation=rel[0], object=obj,
        supporting=[e for e in found if e.claim.modality in counted],
        counter=[e for e in found if e.claim.modality is Modality.DENIED],
        other=[e for e in found
               if e.claim.modality not in counted and e.claim.modality is not Modality.DENIED],
        total=page.total, limit=limit, offset=offset,
        claims=edge[0].claims if edge else 0, sources=edge[0].sources if edge else 0,
        denials=denials,
    )


# ---- paths and subgraphs --------------------------------------------------------------


def paths(store: GraphStore, from_ref: str, to_ref: str,
          relations: Iterable[str] | str | None = None, max_hops: int = 3,
          min_sources: int = 1, limit: int = 10) -> tuple[Actor, Actor, list[Path]]:
    """Shortest-first connections between two actors."""
    if not 1 <= max_hops <= 6:
        raise InvalidInput(f"max_hops: must be between 1 and 6, got {max_hops}")
    if min_sources < 1:
        raise InvalidInput(f"min_sources: must be at least 1, got {min_sources}")
    start, end = resolve_actor(store, from_ref), resolve_actor(store, to_ref)
    if start.id == end.id:
        raise InvalidInput("to: the two ends of a path must be different actors")
    found = store.paths(start.id, end.id, parse_relations(relations), max_hops=max_hops,
                        min_sources=min_sources, limit=limit)
    return start, end, found


def graph(store: GraphStore, center: str | None, depth: int = 1,
          flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
    """The network around `center` (or the whole filtered graph when None)."""
    if center:
        actor = resolve_actor(store, center)
        return store.neighbourhood(actor.id, depth=depth, flt=flt, max_nodes=max_nodes)
    return store.subgraph(flt, max_nodes=max_nodes)


# ---- sources --------------------------------------------------------------------------


def source_edges(store: GraphStore, source_id: str) -> list[Edge]:
    """Every edge (any modality) that the source has claims for."""
    store.get_source(source_id)  # NotFound for an unknown source
    return list(_all_pages(lambda off: store.edges(EdgeFilter(
        source=source_id, modalities=ALL_MODALITIES, limit=MAX_LIMIT, offset=off))))


def source_claims(store: GraphStore, source_id: str) -> list[Claim]:
    """Every claim the source makes, in text order."""
    out: list[Claim] = []
    while True:
        page = store.claims(source=source_id, limit=MAX_LIMIT, offset=len(out))
        out.extend(page.items)
        if not page.items or len(out) >= page.total:
            break
    return sorted(out, key=lambda c: (c.start, c.end, c.id))


@dataclass(frozen=True)
class Segment:
    """A run of a source's text; `claim` is set on the run a claim quotes."""

    text: str
    start: int
    end: int
    claim: str | None = None


def marked_text(source: Source, claim: Claim | None) -> list[Segment]:
    """The source text cut into before / quoted span / after."""
    text = source.text
    if claim is None:
        return [Segment(text, 0, len(text))]
    cuts = [Segment(text[: claim.start], 0, claim.start),
            Segment(text[claim.start: claim.end], claim.start, claim.end, claim.id),
            Segment(text[claim.end:], claim.end, len(text))]
    return [s for s in cuts if s.text]


def find_claim(store: GraphStore, source_id: str, claim_id: str) -> Claim:
    for claim in source_claims(store, source_id):
        if claim.id == claim_id:
            return claim
    raise NotFound(f"claim: source {source_id} has no claim {claim_id!r}")


def export(store: GraphStore, fmt: str) -> str:
    """The whole graph as graphml, json or csv (see graph.export)."""
    from graph.export import export as write

    return write(store, fmt)
