"""Sources: list, inspect, read with a claim marked, retract."""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep, WriteAccess
from api.params import LimitQ, OffsetQ, names_for
from api.problems import WRITE_ERRORS
from api.schemas import (
    ClaimOut,
    EdgeOut,
    RetractOut,
    SegmentOut,
    SourceDetail,
    SourceOut,
    SourcePage,
    SourceText,
)
from graph import queries

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get("", response_model=SourcePage)
def list_sources(store: StoreDep, limit: LimitQ = 100, offset: OffsetQ = 0) -> SourcePage:
    """Every ingested document's metadata."""
    page = store.list_sources(limit=limit, offset=offset)
    return SourcePage(items=[SourceOut.of(s) for s in page.items], total=page.total,
                      limit=page.limit, offset=page.offset)


@router.get("/{source_id}", response_model=SourceDetail)
def get_source(source_id: str, store: StoreDep) -> SourceDetail:
    """A source's metadata and the edges it backs."""
    source = store.get_source(source_id)
    edges = queries.source_edges(store, source.id)
    names = names_for(store, edges)
    return SourceDetail(**SourceOut.of(source.info()).model_dump(), length=len(source.text),
                        edges=[EdgeOut.of(e, names) for e in edges])


@router.get("/{source_id}/text", response_model=SourceText)
def source_text(
    source_id: str, store: StoreDep,
    claim: Annotated[str | None, Query(max_length=100,
                                       description="A claim id whose quote to mark.")] = None,
) -> SourceText:
    """The source's text as segments and as escaped HTML, the claim's quote marked."""
    source = store.get_source(source_id)
    found = queries.find_claim(store, source.id, claim) if claim else None
    segments = queries.marked_text(source, found)
    rendered = "".join(
        f'<mark data-claim="{html.escape(s.claim)}">{html.escape(s.text)}</mark>' if s.claim
        else html.escape(s.text) for s in segments)
    return SourceText(
        source=source.id, length=len(source.text),
        claim=ClaimOut.of(found) if found else None,
        segments=[SegmentOut(text=s.text, start=s.start, end=s.end, claim=s.claim)
                  for s in segments],
        html=rendered,
    )


@router.delete("/{source_id}", response_model=RetractOut, dependencies=[WriteAccess],
               responses=WRITE_ERRORS)
def retract(source_id: str, store: StoreDep) -> RetractOut:
    """Withdraw a source: its claims go, and edges left without claims disappear."""
    return RetractOut.of(store.retract(source_id))
