"""Whole-graph questions: paths, neighbourhoods, export, statistics."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep
from api.params import GraphFilterDep, MinSourcesQ, RelationsQ, names_for
from api.schemas import ActorOut, EdgeOut, GraphOut, PathOut, PathsOut, StatsOut
from graph import queries

router = APIRouter(tags=["graph"])


@router.get("/paths", response_model=PathsOut)
def paths(
    store: StoreDep,
    start: Annotated[str, Query(alias="from", min_length=1, max_length=500,
                                description="Id, name or alias.")],
    end: Annotated[str, Query(alias="to", min_length=1, max_length=500,
                              description="Id, name or alias.")],
    relation: RelationsQ = None,
    max_hops: Annotated[int, Query(ge=1, le=6)] = 3,
    min_sources: MinSourcesQ = 1,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> PathsOut:
    """How two actors are connected: shortest paths first, walking edges either way."""
    a, b, found = queries.paths(store, start, end, relation, max_hops=max_hops,
                                min_sources=min_sources, limit=limit)
    names = names_for(store, (e for p in found for e in p.hops))
    return PathsOut(source=ActorOut.of(a), target=ActorOut.of(b),
                    paths=[PathOut.of(p, names) for p in found])


@router.get("/graph", response_model=GraphOut)
def graph(
    store: StoreDep,
    settings: SettingsDep,
    flt: GraphFilterDep,
    center: Annotated[str | None, Query(max_length=500, description="Id, name or alias; "
                                        "omitted: the whole filtered graph.")] = None,
    depth: Annotated[int, Query(ge=1, le=4)] = 1,
    max_nodes: Annotated[int | None, Query(ge=1, description="Defaults to and is capped at "
                                           "ALLEGIANCE_VIEW_MAX_NODES.")] = None,
) -> GraphOut:
    """Nodes and edges around an actor (or of the whole graph), for any client."""
    cap = min(max_nodes or settings.view_max_nodes, settings.view_max_nodes)
    sub = queries.graph(store, center, depth=depth, flt=flt, max_nodes=cap)
    names = {a.id: a.name for a in sub.nodes} | names_for(store, sub.edges)
    return GraphOut(nodes=[ActorOut.of(a) for a in sub.nodes],
                    edges=[EdgeOut.of(e, names) for e in sub.edges], truncated=sub.truncated)


class ExportFormat(StrEnum):
    GRAPHML = "graphml"
    JSON = "json"
    CSV = "csv"


_MEDIA = {ExportFormat.GRAPHML: "application/graphml+xml", ExportFormat.JSON: "application/json",
          ExportFormat.CSV: "text/csv"}


@router.get("/export", response_class=Response, responses={200: {"content": {
    m: {} for m in _MEDIA.values()}, "description": "The graph in the chosen format."}})
def export(store: StoreDep, format: ExportFormat = ExportFormat.JSON) -> Response:
    """The whole graph: actors, edges and their claims, as GraphML, JSON or CSV."""
    body = queries.export(store, format.value)
    name = f"allegiance.{format.value}"
    return Response(body, media_type=_MEDIA[format],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/stats", response_model=StatsOut)
def stats(store: StoreDep) -> StatsOut:
    """How much the graph holds."""
    return StatsOut.of(store.stats())
