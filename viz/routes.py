"""Routes of the network view: the page, its data, evidence, paths and assets.

The page is HTML (errors too, as a short page naming the problem); the JSON routes
raise the project's errors, which the API turns into problem responses.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from api.deps import SettingsDep, StoreDep
from api.params import EvidenceLimitQ, IsoDate, OffsetQ
from graph import queries
from graph.errors import AllegianceError, Conflict, NotFound
from graph.relations import Relation
from graph.settings import Settings
from graph.store import EVIDENCE_LIMIT
from viz.evidence import edge_evidence
from viz.page import ASSETS, SERVED_CSP, asset, render_error, render_page, render_source
from viz.payload import ViewQuery, build_view, paths_view

router = APIRouter(tags=["view"])

CenterQ = Annotated[str | None, Query(description="Actor id, name or alias to centre on.")]
DepthQ = Annotated[int, Query(ge=1, le=4, description="Hops around the centre, 1..4.")]
RelationsQ = Annotated[list[str] | None, Query(
    description="Relations to draw (repeat or comma-separate); a parent includes its subtypes.")]
MinSourcesQ = Annotated[int, Query(ge=1, le=1_000_000,
                                   description="Least distinct sources an edge needs.")]
SinceQ = Annotated[IsoDate | None, Query(description="Sources published on or after.")]
UntilQ = Annotated[IsoDate | None, Query(description="Sources published on or before.")]
MaxNodesQ = Annotated[int | None, Query(ge=1, description="Most actors drawn (capped by "
                                        "ALLEGIANCE_VIEW_MAX_NODES).")]


def _query(settings: Settings, center: str | None, depth: int, relations: list[str] | None,
           min_sources: int, since: date | None, until: date | None,
           max_nodes: int | None) -> ViewQuery:
    cap = settings.view_max_nodes
    queries.make_filter(relations=relations, min_sources=min_sources, since=since,
                        until=until)  # InvalidInput naming a bad value
    return ViewQuery(center=center.strip() if center and center.strip() else None,
                     depth=depth, relations=queries.parse_relations(relations),
                     min_sources=min_sources, since=since, until=until,
                     max_nodes=min(max_nodes or cap, cap))


@router.get("/view", response_class=HTMLResponse, summary="The interactive network view")
def view_page(store: StoreDep, settings: SettingsDep, center: CenterQ = None,
              depth: DepthQ = 1, relations: RelationsQ = None, min_sources: MinSourcesQ = 1,
              since: SinceQ = None, until: UntilQ = None, max_nodes: MaxNodesQ = None
              ) -> HTMLResponse:
    """The whole graph (its best-connected part when large) or the network around
    `center`, drawn with vis-network; every edge opens its evidence."""
    headers = {"Content-Security-Policy": SERVED_CSP, "X-Content-Type-Options": "nosniff"}
    try:
        q = _query(settings, center, depth, relations, min_sources, since, until, max_nodes)
        data = build_view(store, q)
    except NotFound as exc:
        hint = f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        return HTMLResponse(render_error(f"{exc}.{hint}"), 404, headers=headers)
    except Conflict as exc:
        return HTMLResponse(render_error(str(exc)), 409, headers=headers)
    except AllegianceError as exc:
        if not isinstance(exc, ValueError):
            raise  # store failures go to the API's handler
        return HTMLResponse(render_error(str(exc)), 422, headers=headers)
    return HTMLResponse(render_page(data, standalone=False), headers=headers)


@router.get("/view/data", summary="The data behind a view, as JSON")
def view_data(store: StoreDep, settings: SettingsDep, center: CenterQ = None,
              depth: DepthQ = 1, relations: RelationsQ = None, min_sources: MinSourcesQ = 1,
              since: SinceQ = None, until: UntilQ = None, max_nodes: MaxNodesQ = None
              ) -> dict[str, Any]:
    """Nodes and edges with their vis-network styling, the legend and what was left out."""
    q = _query(settings, center, depth, relations, min_sources, since, until, max_nodes)
    return build_view(store, q)


@router.get("/view/evidence", summary="Evidence of one edge, for the view's panel")
def view_evidence(
    store: StoreDep,
    subject: Annotated[str, Query(description="Subject actor (id, name or alias).")],
    relation: Annotated[Relation, Query(description="The relation.")],
    object: Annotated[str, Query(description="Object actor (id, name or alias).")],
    limit: EvidenceLimitQ = EVIDENCE_LIMIT,
    offset: OffsetQ = 0,
) -> dict[str, Any]:
    """One page of quotes with the actors' names marked, context, sources, and
    denials; `total` and `more` say how many claims there are and follow."""
    return edge_evidence(store, subject, relation, object, limit=limit, offset=offset)


@router.get("/view/paths", summary="Paths between two actors, for the view")
def view_paths(
    store: StoreDep,
    start: Annotated[str, Query(alias="from", description="First actor (id, name or alias).")],
    to: Annotated[str, Query(description="Second actor (id, name or alias).")],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 3,
    min_sources: MinSourcesQ = 1,
    relations: RelationsQ = None,
) -> dict[str, Any]:
    """Shortest paths (either direction) with the nodes and edges needed to draw them."""
    rels = queries.parse_relations(relations)
    return paths_view(store, start, to, [r.value for r in rels] if rels else None,
                      max_hops, min_sources)


@router.get("/view/sources/{source_id}", response_class=HTMLResponse,
            summary="A source's text to read, the claim's quote marked")
def view_source(
    store: StoreDep, source_id: str,
    claim: Annotated[str | None, Query(max_length=100, description="Claim id to mark.")] = None,
) -> HTMLResponse:
    """The whole text of a source as a page, so a quote can be read in context."""
    headers = {"Content-Security-Policy": SERVED_CSP, "X-Content-Type-Options": "nosniff"}
    try:
        source = store.get_source(source_id)
        found = queries.find_claim(store, source.id, claim) if claim else None
    except NotFound as exc:
        return HTMLResponse(render_error(f"{exc}."), 404, headers=headers)
    return HTMLResponse(render_source(source, queries.marked_text(source, found), found),
                        headers=headers)


@router.get("/view/assets/{name}", summary="Scripts and stylesheets of the view")
def view_asset(name: str) -> Response:
    if name not in ASSETS:
        raise NotFound(f"asset: no view asset named {name!r}")
    return Response(asset(name), media_type=ASSETS[name][1],
                    headers={"Cache-Control": "public, max-age=3600",
                             "X-Content-Type-Options": "nosniff"})
