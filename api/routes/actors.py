"""Actors: search, detail, merge, and who supports whom."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep, WriteAccess
from api.params import EdgeFilterDep, LimitQ, OffsetQ, names_for
from api.problems import WRITE_ERRORS
from api.schemas import ActorDetail, ActorEdges, ActorOut, ActorPage, EdgeOut, MergeIn, MergeOut
from graph import queries
from graph.model import Actor, ActorKind, Edge
from graph.store import Page

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=ActorPage)
def list_actors(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=500, description="Name or alias to search for.")]
    = None,
    kind: ActorKind | None = None,
    limit: LimitQ = 20,
    offset: OffsetQ = 0,
) -> ActorPage:
    """Actors whose name or alias matches `q` (exact, then prefix, then substring)."""
    page = queries.search_actors(store, q, kind=kind, limit=limit, offset=offset)
    return ActorPage(items=[ActorOut.of(a) for a in page.items], total=page.total,
                     limit=page.limit, offset=page.offset)


@router.post("/merge", response_model=MergeOut, dependencies=[WriteAccess],
             responses=WRITE_ERRORS)
def merge(body: MergeIn, store: StoreDep) -> MergeOut:
    """Fold one actor into another: claims move, aliases unite, the old id keeps resolving."""
    return MergeOut.of(queries.merge_actors(store, body.keep, body.merge))


@router.get("/{actor}", response_model=ActorDetail)
def get_actor(actor: str, store: StoreDep) -> ActorDetail:
    """One actor by id, name or alias, with how much of the graph touches it."""
    return ActorDetail.of_summary(queries.actor_summary(store, actor))


def _actor_edges(store: StoreDep, actor: Actor, page: Page[Edge]) -> ActorEdges:
    names = names_for(store, page.items)
    return ActorEdges(actor=ActorOut.of(actor), items=[EdgeOut.of(e, names) for e in page.items],
                      total=page.total, limit=page.limit, offset=page.offset)


@router.get("/{actor}/supporters", response_model=ActorEdges)
def supporters(actor: str, store: StoreDep,
               flt: EdgeFilterDep) -> ActorEdges:
    """Who is alleged to support the actor, by relation, with claim and source counts."""
    found, page = queries.supporters(store, actor, flt)
    return _actor_edges(store, found, page)


@router.get("/{actor}/supported", response_model=ActorEdges)
def supported(actor: str, store: StoreDep,
              flt: EdgeFilterDep) -> ActorEdges:
    """Whom the actor is alleged to support."""
    found, page = queries.supported(store, actor, flt)
    return _actor_edges(store, found, page)
