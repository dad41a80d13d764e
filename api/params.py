"""Query parameters shared by several routes, with their bounds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated

from fastapi import Depends, Query
from pydantic import BeforeValidator

from graph import queries
from graph.model import Edge
from graph.relations import Modality, Relation
from graph.store import EVIDENCE_LIMIT, MAX_LIMIT, EdgeFilter, GraphStore


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD text (or a date): pydantic would otherwise read a number as a
    Unix timestamp, so `since=0` would silently mean 1970-01-01."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError("expected a date as YYYY-MM-DD")
    if not isinstance(value, str | date):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A calendar date written YYYY-MM-DD."""

MAX_OFFSET = 1_000_000_000
MAX_SOURCES = 1_000_000

LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1..{MAX_LIMIT}.")]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
EvidenceLimitQ = Annotated[int, Query(
    ge=1, le=MAX_LIMIT, description=f"Claims per page, 1..{MAX_LIMIT} (default "
    f"{EVIDENCE_LIMIT}); `total` says how many there are.")]
RelationsQ = Annotated[list[Relation] | None, Query(
    alias="relation", description="Relations to include (repeat the parameter); "
    "a parent includes its subtypes unless subtypes=false.")]
MinSourcesQ = Annotated[int, Query(ge=1, le=MAX_SOURCES,
                                   description="Least distinct sources an edge needs.")]


def graph_filter(
    relation: RelationsQ = None,
    subtypes: Annotated[bool, Query(description="Let a parent relation match its subtypes.")]
    = True,
    modality: Annotated[list[Modality] | None, Query(
        description="Modalities counted (default asserted and reported).")] = None,
    min_sources: MinSourcesQ = 1,
    since: Annotated[IsoDate | None, Query(description="Sources published on or after.")]
    = None,
    until: Annotated[IsoDate | None, Query(description="Sources published on or before.")]
    = None,
) -> EdgeFilter:
    """Which claims and edges count: the filter of the graph and of every edge list."""
    return queries.make_filter(relations=relation, subtypes=subtypes, modalities=modality,
                               min_sources=min_sources, since=since, until=until)


def edge_filter(
    flt: Annotated[EdgeFilter, Depends(graph_filter)],
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> EdgeFilter:
    """The filter with a page: what every edge-listing route takes."""
    return flt.model_copy(update={"limit": limit, "offset": offset})


GraphFilterDep = Annotated[EdgeFilter, Depends(graph_filter)]
EdgeFilterDep = Annotated[EdgeFilter, Depends(edge_filter)]


def names_for(store: GraphStore, edges: Iterable[Edge]) -> dict[str, str]:
    """Display names of every actor the edges mention."""
    return queries.actor_names(store, (a for e in edges for a in (e.subject, e.object)))
