"""Edges and the evidence behind each."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.params import EdgeFilterDep, EvidenceLimitQ, OffsetQ, names_for
from api.schemas import EdgeOut, EdgePage, EvidenceOut
from graph import queries
from graph.relations import Relation
from graph.store import EVIDENCE_LIMIT

router = APIRouter(prefix="/edges", tags=["edges"])

ActorQ = Annotated[str | None, Query(max_length=500, description="Id, name or alias.")]


@router.get("", response_model=EdgePage)
def list_edges(
    store: StoreDep,
    flt: EdgeFilterDep,
    subject: ActorQ = None,
    object: ActorQ = None,
    actor: Annotated[str | None, Query(max_length=500,
                                       description="Either end (id, name or alias).")] = None,
    source: Annotated[str | None, Query(max_length=100,
                                        description="Only claims of this source id.")] = None,
) -> EdgePage:
    """Edges aggregated over the claims the filters admit, most sources first."""
    flt = flt.model_copy(update={"subject": subject, "object": object, "actor": actor,
                                 "source": source})
    page = queries.edges(store, flt)
    names = names_for(store, page.items)
    return EdgePage(items=[EdgeOut.of(e, names) for e in page.items], total=page.total,
                    limit=page.limit, offset=page.offset)


@router.get("/{subject}/{relation}/{object}/evidence", response_model=EvidenceOut)
def evidence(subject: str, relation: Relation, object: str, store: StoreDep,
             limit: EvidenceLimitQ = EVIDENCE_LIMIT, offset: OffsetQ = 0) -> EvidenceOut:
    """One page of the claims for the triple (oldest source first) with quote,
    offsets, page, attribution, modality and source; denials are listed as
    counter-evidence. `claims`, `sources`, `counter_claims` and `total` count the
    whole edge: ask again with `offset` + `limit` while that is below `total`."""
    return EvidenceOut.of(queries.evidence(store, subject, relation, object, limit=limit,
                                           offset=offset))
