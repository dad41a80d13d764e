"""The graph written out: GraphML (actors and edges), JSON (everything, source
texts included, for archiving) and CSV (one row per claim) of a whole store, and
GraphML or JSON of a subgraph. Written once over the GraphStore interface, so every
backend exports alike."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.errors import Conflict, InvalidInput, NotFound
from graph.model import Actor, Claim, Edge, Source, SourceInfo
from graph.relations import Modality, info
from graph.store import MAX_LIMIT, EdgeFilter, GraphStore, Subgraph

FORMATS = ("graphml", "json", "csv")
_CLAIM_PAGE = 10_000
CSV_COLUMNS = (
    "subject", "subject_name", "relation", "object", "object_name", "modality", "quote",
    "start", "end", "page", "attributed_to", "confidence", "extractor", "claim_id",
    "source_id", "source_title", "source_url", "published",
)


def _actors(store: GraphStore) -> Iterator[Actor]:
    offset = 0
    while True:
        page = store.list_actors(limit=MAX_LIMIT, offset=offset)
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def _claims(store: GraphStore) -> list[Claim]:
    """Every claim, in id order."""
    out: list[Claim] = []
    while True:
        page = store.claims(limit=_CLAIM_PAGE, offset=len(out))
        out.extend(page.items)
        if not page.items or len(out) >= page.total:
            return out


def to_graphml(store: GraphStore) -> str:
    """Actors on counted edges as nodes, counted edges as edges (one per relation)."""
    counted = _all_counted(store)
    ids = {a for e in counted for a in (e.subject, e.object)}
    actors = [a for a in _actors(store) if a.id in ids]
    return subgraph_graphml(Subgraph(nodes=actors, edges=counted))


def to_networkx(sub: Subgraph) -> nx.MultiDiGraph:
    """A subgraph as networkx, with GraphML-safe (scalar) attributes: aliases joined
    by "; ", missing values as ""."""
    g = nx.MultiDiGraph()
    for a in sub.nodes:
        g.add_node(a.id, name=a.name, kind=a.kind.value, country=a.country or "",
                   wikidata=a.wikidata or "", aliases="; ".join(a.aliases))
    for e in sub.edges:
        g.add_edge(e.subject, e.object, key=e.relation.value, relation=e.relation.value,
                   label=info(e.relation).label, claims=e.claims, sources=e.sources,
                   first_seen=e.first_seen.isoformat() if e.first_seen else "",
                   last_seen=e.last_seen.isoformat() if e.last_seen else "",
                   **{m.value: e.modalities.get(m, 0) for m in Modality})
    return g


def subgraph_graphml(sub: Subgraph) -> str:
    """A subgraph (e.g. a neighbourhood) as GraphML."""
    return "\n".join(nx.generate_graphml(to_networkx(sub))) + "\n"


def subgraph_json(sub: Subgraph) -> str:
    """A subgraph as JSON: its actors, its edges, and whether it was cut."""
    doc: dict[str, Any] = {
        "format": "allegiance-subgraph/1",
        "actors": [a.model_dump(mode="json") for a in sub.nodes],
        "edges": [e.model_dump(mode="json") for e in sub.edges],
        "truncated": sub.truncated,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _all_counted(store: GraphStore) -> list[Edge]:
    out: list[Edge] = []
    offset = 0
    while True:
        page = store.edges(EdgeFilter(limit=MAX_LIMIT, offset=offset))
        out.extend(page.items)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return out


def to_json(store: GraphStore) -> str:
    """Every actor, source (with its text), claim and counted edge."""
    sources: list[Source] = []
    offset = 0
    while True:
        page = store.list_sources(limit=MAX_LIMIT, offset=offset)
        sources.extend(store.get_source(s.id) for s in page.items)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    doc: dict[str, Any] = {
        "format": "allegiance-export/1",
        "actors": [a.model_dump(mode="json") for a in _actors(store)],
        "sources": [s.model_dump(mode="json") for s in sorted(sources, key=lambda s: s.id)],
        "claims": [c.model_dump(mode="json") for c in _claims(store)],
        "edges": [e.model_dump(mode="json") for e in _all_counted(store)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)


def to_csv(store: GraphStore) -> str:
    """One row per claim (every modality), with actor names and source metadata."""
    claims = _claims(store)
    names: dict[str, str] = {}
    infos: dict[str, SourceInfo] = {}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in claims:
        for actor_id in (c.subject, c.object):
            if actor_id not in names:
                names[actor_id] = store.get_actor(actor_id).name
        if c.source not in infos:
            infos[c.source] = store.get_source(c.source).info()
        s = infos[c.source]
        writer.writerow([
            c.subject, names[c.subject], c.relation.value, c.object, names[c.object],
            c.modality.value, c.quote, c.start, c.end, c.page or "", c.attributed_to or "",
            c.confidence, c.extractor, c.id, s.id, s.title or "", s.url or "",
            s.published.isoformat() if s.published else "",
        ])
    return buf.getvalue()


_WRITERS = {"graphml": to_graphml, "json": to_json, "csv": to_csv}
_ATTEMPTS = 5


def export(store: GraphStore, fmt: str) -> str:
    """The graph in `fmt` (graphml, json or csv).

    An export reads the store in several steps; a write between them (a source
    retracted after it was listed) would make it fail or mix two states. So it is
    written again until the store's counts are the same before and after it."""
    if fmt not in _WRITERS:
        raise InvalidInput(f"format: unknown export format {fmt!r} "
                           f"(one of: {', '.join(FORMATS)})")
    for _ in range(_ATTEMPTS):
        before = store.stats()
        try:
            out = _WRITERS[fmt](store)
        except NotFound:
            continue  # something listed was removed meanwhile
        if store.stats() == before:
            return out
    raise Conflict("the graph kept changing while it was being exported; try again")
