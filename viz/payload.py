"""The data behind a view: nodes, edges, legend and options as plain JSON values.

Nodes and edges are written directly as vis-network's DataSet items (`id`, `label`,
`shape`, `from`, `to`, `arrows`, ...; thousands of them per view, so no objects in
between), but never with a `title`: vis-network turns titles into HTML, and every
string here is document text. The page builds its DOM with textContent; the page
template escapes the JSON.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pyvis.network import Network

from graph import queries
from graph.model import Actor, Edge
from graph.relations import COUNTED_MODALITIES, RELATIONS, Modality, Relation, expand
from graph.store import MAX_LIMIT, EdgeFilter, GraphStore, Subgraph
from viz.evidence import all_evidence, edge_evidence
from viz.layout import needs_server_layout, radial_layout
from viz.style import KIND_STYLES, RELATION_COLOURS, edge_width, legend, node_size

LABEL_CHARS = 40  # longer names are cut in the drawing; the actor panel shows them whole
DATES_MAX_EDGES = 2000
"""Up to this many edges the page gets each edge's source dates (exact date filter)."""


class ViewQuery(BaseModel):
    """What one view shows: the whole graph or a neighbourhood, pre-filtered."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    center: str | None = None
    depth: int = Field(default=1, ge=1, le=4)
    relations: tuple[Relation, ...] | None = None
    min_sources: int = Field(default=1, ge=1)
    since: date | None = None
    until: date | None = None
    max_nodes: int = Field(default=5000, ge=1)

    def edge_filter(self) -> EdgeFilter:
        return queries.make_filter(
            relations=[r.value for r in self.relations] if self.relations else None,
            min_sources=self.min_sources, since=self.since, until=self.until, limit=MAX_LIMIT)


def edge_id(subject: str, relation: str, obj: str) -> str:
    """A stable id for an edge, the same in every view and response."""
    key = "\x1f".join((subject, relation, obj)).encode("utf-8")
    return "e" + hashlib.sha1(key, usedforsecurity=False).hexdigest()[:20]


def node_json(actor: Actor, counts: dict[str, int] | None = None,
              position: tuple[float, float] | None = None) -> dict[str, Any]:
    """One actor as a vis-network node with the facts the actor panel shows."""
    style = KIND_STYLES[actor.kind]
    counts = counts or {"edges": 0, "in": 0, "out": 0, "claims": 0}
    label = actor.name
    if len(label) > LABEL_CHARS:
        label = label[:LABEL_CHARS - 1] + "\u2026"
    node: dict[str, Any] = {
        "id": actor.id, "label": label, "shape": style.shape,
        "color": {"background": style.colour, "border": "#333333",
                  "highlight": {"background": style.colour, "border": "#000000"}},
        "size": node_size(counts["edges"]),
        "name": actor.name, "kind": actor.kind.value, "kindLabel": style.label,
        "aliases": [a for a in actor.names() if a != actor.name],
        "country": actor.country, "wikidata": actor.wikidata,
        "description": actor.description, "counts": counts,
    }
    if position is not None:
        node["x"], node["y"] = position
    return node


# What every edge of a relation shares: its name, colour and arrow head.
_RELATION_JSON = {r: (r.value, RELATION_COLOURS[r], "" if RELATIONS[r].symmetric else "to")
                  for r in Relation}
_MODALITY_NAMES = {m: m.value for m in Modality}
_width = lru_cache(maxsize=1024)(edge_width)  # a few distinct source counts per view


def edge_json(edge: Edge, dates: list[str | None] | None = None, bend: int = 0
              ) -> dict[str, Any]:
    """One aggregated edge as a vis-network edge carrying its counts."""
    relation, colour, arrows = _RELATION_JSON[edge.relation]
    first, last = edge.first_seen, edge.last_seen
    out: dict[str, Any] = {
        "id": edge_id(edge.subject, relation, edge.object),
        "from": edge.subject, "to": edge.object,
        "relation": relation,
        "claims": edge.claims, "sources": edge.sources,
        "first_seen": first.isoformat() if first else None,
        "last_seen": last.isoformat() if last else None,
        "modalities": {_MODALITY_NAMES[m]: n for m, n in edge.modalities.items()},
        "reported_only": edge.reported_only,
        "color": colour,
        "width": _width(edge.sources),
        "dashes": edge.reported_only,
        "arrows": arrows,
    }
    if dates is not None:
        out["dates"] = dates
    if bend:  # parallel edges between one pair bend away from each other
        out["smooth"] = {"enabled": True, "type": "curvedCW" if bend % 2 else "curvedCCW",
                         "roundness": round(0.2 * ((bend + 1) // 2), 2)}
    return out


def _counts(edges: Sequence[Edge]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(
        lambda: {"edges": 0, "in": 0, "out": 0, "claims": 0})
    for e in edges:
        for end, way in ((e.subject, "out"), (e.object, "in")):
            c = out[end]
            c["edges"] += 1
            c[way] += 1
            c["claims"] += e.claims
    return out


def source_dates(store: GraphStore, edge: Edge) -> list[str | None]:
    """The published date of each distinct source counted for the edge, sorted."""
    seen: dict[str, str | None] = {}
    for ev in all_evidence(store, edge.subject, edge.relation, edge.object, COUNTED_MODALITIES):
        seen[ev.source.id] = ev.source.published.isoformat() if ev.source.published else None
    return sorted(seen.values(), key=lambda d: d or "")


def vis_options(physics: bool) -> dict[str, Any]:
    """vis-network options: physics for small graphs, fixed positions for large ones."""
    return json.loads(_vis_options(physics))  # type: ignore[no-any-return]  # a fresh copy


@lru_cache(maxsize=2)
def _vis_options(physics: bool) -> str:
    net = Network(directed=True)
    net.toggle_physics(physics)
    opts: dict[str, Any] = json.loads(net.get_network_data()[-1])
    opts["edges"] = {"smooth": False, "color": {"inherit": False},
                     "arrows": {"to": {"scaleFactor": 0.6}},
                     "selectionWidth": 2, "hoverWidth": 1.5}
    opts["nodes"] = {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                     "borderWidth": 1}
    opts["interaction"].update({"hover": True, "tooltipDelay": 3_600_000,
                                "hideEdgesOnDrag": not physics, "multiselect": False})
    if physics:
        opts["physics"] = {"enabled": True, "solver": "forceAtlas2Based",
                           "forceAtlas2Based": {"gravitationalConstant": -80,
                                                "springLength": 140, "avoidOverlap": 0.4},
                           "stabilization": {"enabled": True, "iterations": 400, "fit": True}}
    else:
        opts["layout"] = {"improvedLayout": False}
    return json.dumps(opts)


def _left_out(store: GraphStore, q: ViewQuery, sub: Subgraph, center: Actor | None) -> str:
    """What a capped view leaves out, and how to narrow it."""
    narrow = ("Narrow it: choose fewer relation types, raise the minimum number of sources, "
              "shorten the date range")
    if center is not None:
        return (f"The neighbourhood of {center.name} within {q.depth} hop(s) has more than "
                f"{len(sub.nodes)} actors; only the {len(sub.nodes)} nearest are drawn. "
                f"{narrow}, or lower the depth.")
    total = store.edges(q.edge_filter().model_copy(update={"limit": 1})).total
    return (f"The graph has {total} matching edges; only the {len(sub.nodes)} best-connected "
            f"actors and the {len(sub.edges)} edges among them are drawn. "
            f"{narrow}, or centre the view on one actor.")


def build_view(store: GraphStore, q: ViewQuery, *, standalone: bool = False) -> dict[str, Any]:
    """Everything a page needs to draw the view; standalone also embeds all evidence."""
    flt = q.edge_filter()
    center = queries.resolve_actor(store, q.center) if q.center else None
    sub = queries.graph(store, center.id if center else None, q.depth, flt, q.max_nodes)
    ids = [a.id for a in sub.nodes]
    large = needs_server_layout(len(ids))
    pos = radial_layout(ids, ((e.subject, e.object) for e in sub.edges),
                        center.id if center else None) if large else {}
    counts = _counts(sub.edges)
    nodes = [node_json(a, counts.get(a.id), pos.get(a.id)) for a in sub.nodes]
    evidence: dict[str, Any] = {}
    texts: dict[str, str | None] = {}
    with_dates = standalone or len(sub.edges) <= DATES_MAX_EDGES
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    edges = []
    for e in sub.edges:
        pair = (e.subject, e.object) if e.subject < e.object else (e.object, e.subject)
        bend = pairs[pair]
        pairs[pair] += 1
        dates = None
        if standalone:
            found = edge_evidence(store, e.subject, e.relation, e.object,
                                  link_sources=False, texts=texts)
            evidence[edge_id(e.subject, e.relation.value, e.object)] = found
            dates = source_dates(store, e)  # the file embeds one page of evidence
        elif with_dates:
            dates = source_dates(store, e)
        edges.append(edge_json(e, dates, bend))
    shown = set(q.relations and expand(q.relations) or Relation)
    data: dict[str, Any] = {
        "meta": {
            "mode": "file" if standalone else "server",
            "center": center.id if center else None,
            "centerName": center.name if center else None,
            "depth": q.depth, "relations": [r.value for r in Relation if r in shown],
            "min_sources": q.min_sources,
            "since": q.since.isoformat() if q.since else None,
            "until": q.until.isoformat() if q.until else None,
            "truncated": sub.truncated,
            "message": _left_out(store, q, sub, center) if sub.truncated else None,
            "physics": not large, "exactDates": with_dates,
        },
        "legend": legend(),
        "options": vis_options(physics=not large),
        "nodes": nodes,
        "edges": edges,
    }
    if standalone:
        data["evidence"] = evidence
    return data


def paths_view(store: GraphStore, start: str, end: str, relations: Iterable[str] | None,
               max_hops: int, min_sources: int) -> dict[str, Any]:
    """The paths between two actors, with nodes and edges so a page can add missing ones."""
    a, b, found = queries.paths(store, start, end, list(relations) if relations else None,
                                max_hops=max_hops, min_sources=min_sources, limit=10)
    actors: dict[str, Actor] = {a.id: a, b.id: b}
    hops: dict[str, Edge] = {}
    for p in found:
        for actor_id in p.actors:
            if actor_id not in actors:
                actors[actor_id] = store.get_actor(actor_id)
        for h in p.hops:
            hops[edge_id(h.subject, h.relation.value, h.object)] = h
    counts = _counts(list(hops.values()))
    return {
        "from": a.id, "to": b.id, "fromName": a.name, "toName": b.name,
        "paths": [{"actors": p.actors,
                   "edges": [edge_id(h.subject, h.relation.value, h.object) for h in p.hops]}
                  for p in found],
        "nodes": [node_json(x, counts.get(x.id)) for x in actors.values()],
        "edges": [edge_json(h) for h in hops.values()],
    }

