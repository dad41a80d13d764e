"""Request and response bodies of the HTTP API, distinct from the domain model.

Each response type has a `of(...)` constructor converting from model values, so
routes stay one line of logic.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.params import IsoDate
from graph import queries
from graph.model import Actor, ActorKind, Claim, Edge, SourceInfo
from graph.relations import Modality, Relation, info
from graph.store import Evidence, MergeReport, Path, RetractReport, Stats


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


# ---- actors ---------------------------------------------------------------------------


class ActorOut(_Out):
    id: str
    name: str
    aliases: list[str]
    kind: ActorKind
    country: str | None = None
    wikidata: str | None = None
    description: str | None = None

    @classmethod
    def of(cls, a: Actor) -> ActorOut:
        return cls(id=a.id, name=a.name, aliases=list(a.aliases), kind=a.kind,
                   country=a.country, wikidata=a.wikidata, description=a.description)


class ActorDetail(ActorOut):
    edges: int = Field(description="Edges (counted claims) with this actor at either end.")
    supporters: int = Field(description="Actors alleged to support this one.")
    supported: int = Field(description="Actors this one is alleged to support.")
    claims: int = Field(description="Counted claims on its edges.")

    @classmethod
    def of_summary(cls, s: queries.ActorSummary) -> ActorDetail:
        return cls(**ActorOut.of(s.actor).model_dump(), edges=s.edges,
                   supporters=s.supporters, supported=s.supported, claims=s.claims)


class ActorPage(_Out):
    items: list[ActorOut]
    total: int
    limit: int
    offset: int


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keep: str = Field(min_length=1, max_length=500, description="Actor kept (id, name or alias).")
    merge: str = Field(min_length=1, max_length=500,
                       description="Actor folded into `keep`; its id keeps resolving.")


class MergeOut(_Out):
    kept: str
    merged: str
    claims_moved: int
    aliases_added: int
    claims_dropped: int = Field(0, description="Claims removed because merging made them "
                                "self-loops or duplicates.")

    @classmethod
    def of(cls, r: MergeReport) -> MergeOut:
        return cls(**r.model_dump())


# ---- edges ----------------------------------------------------------------------------


class EdgeOut(_Out):
    subject: str
    subject_name: str
    relation: Relation
    label: str = Field(description="The relation in words: 'funds', 'allied with', ...")
    object: str
    object_name: str
    claims: int = Field(description="Counted claims backing the edge.")
    sources: int = Field(description="Distinct sources among them.")
    first_seen: date | None = None
    last_seen: date | None = None
    modalities: dict[Modality, int]
    evidence: str = Field(description="Path of the edge's evidence.")

    @classmethod
    def of(cls, e: Edge, names: dict[str, str]) -> EdgeOut:
        return cls(
            subject=e.subject, subject_name=names.get(e.subject, e.subject),
            relation=e.relation, label=info(e.relation).label, object=e.object,
            object_name=names.get(e.object, e.object), claims=e.claims, sources=e.sources,
            first_seen=e.first_seen, last_seen=e.last_seen, modalities=dict(e.modalities),
            evidence=f"/edges/{e.subject}/{e.relation.value}/{e.object}/evidence",
        )


class EdgePage(_Out):
    items: list[EdgeOut]
    total: int
    limit: int
    offset: int


class ActorEdges(EdgePage):
    actor: ActorOut


class EdgeKey(_Out):
    subject: str
    relation: Relation
    object: str


# ---- claims, sources and evidence -----------------------------------------------------


class ClaimOut(_Out):
    id: str
    subject: str
    relation: Relation
    object: str
    source: str
    quote: str
    start: int
    end: int
    page: int | None = None
    modality: Modality
    attributed_to: str | None = None
    confidence: float
    extractor: str
    valid_from: date | None = None
    valid_to: date | None = None

    @classmethod
    def of(cls, c: Claim) -> ClaimOut:
        return cls(**c.model_dump(exclude={"created"}))


class SourceOut(_Out):
    id: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    retrieved: datetime
    media_type: str
    loader: str

    @classmethod
    def of(cls, s: SourceInfo) -> SourceOut:
        return cls(**SourceInfo.model_validate(s.model_dump(exclude={"text"})).model_dump())


class SourcePage(_Out):
    items: list[SourceOut]
    total: int
    limit: int
    offset: int


class SourceDetail(SourceOut):
    length: int = Field(description="Characters of text.")
    edges: list[EdgeOut] = Field(description="Edges this source has claims for (any modality).")


class SegmentOut(_Out):
    text: str
    start: int
    end: int
    claim: str | None = Field(None, description="Set on the span the claim quotes.")


class SourceText(_Out):
    source: str
    length: int
    claim: ClaimOut | None = None
    segments: list[SegmentOut]
    html: str = Field(description="The text, HTML-escaped, the quoted span in <mark>.")


class EvidenceItem(_Out):
    claim: ClaimOut
    source: SourceOut
    role: Literal["supporting", "counter", "other"] = Field(
        description="supporting: counted (asserted/reported); counter: a denial; "
        "other: prescriptive or hypothetical, not counted.")
    text: str = Field(description="Path of the source text with this claim marked.")

    @classmethod
    def of(cls, ev: Evidence, role: Literal["supporting", "counter", "other"]) -> EvidenceItem:
        return cls(claim=ClaimOut.of(ev.claim), source=SourceOut.of(ev.source), role=role,
                   text=f"/sources/{ev.source.id}/text?claim={ev.claim.id}")


class EvidenceOut(_Out):
    """One page of an edge's claims; the counts describe the whole edge."""

    subject: ActorOut
    relation: Relation
    object: ActorOut
    claims: int = Field(description="Supporting (counted) claims of the edge, all pages.")
    sources: int = Field(description="Distinct sources of the supporting claims, all pages.")
    counter_claims: int = Field(description="Denials of the edge, all pages.")
    total: int = Field(description="Claims of every modality for the triple, all pages.")
    limit: int = Field(description="Page size asked for.")
    offset: int = Field(description="Claims skipped before this page.")
    items: list[EvidenceItem] = Field(
        description="This page's claims (oldest source first), grouped supporting, counter, "
        "other; the next page starts at offset + limit while that is below total.")

    @classmethod
    def of(cls, e: queries.EdgeEvidence) -> EvidenceOut:
        items = ([EvidenceItem.of(x, "supporting") for x in e.supporting]
                 + [EvidenceItem.of(x, "counter") for x in e.counter]
                 + [EvidenceItem.of(x, "other") for x in e.other])
        return cls(subject=ActorOut.of(e.subject), relation=e.relation,
                   object=ActorOut.of(e.object), claims=e.claims, sources=e.sources,
                   counter_claims=e.denials, total=e.total, limit=e.limit, offset=e.offset,
                   items=items)


# ---- documents ------------------------------------------------------------------------


class DocumentIn(BaseModel):
    """A document given as text."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="The document's text.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=4000)
    author: str | None = Field(None, max_length=1000)
    published: IsoDate | None = None


class IngestedSource(_Out):
    source: str
    title: str | None = None
    created: bool = Field(description="False when the document was already stored.")
    actors: list[ActorOut]
    claims: list[ClaimOut]


class IngestOut(_Out):
    dry_run: bool
    documents: list[IngestedSource]


class RetractOut(_Out):
    source: str
    claims_removed: int
    edges_removed: list[EdgeKey] = Field(description="Edges left without any claim.")
    edges_weakened: list[EdgeKey] = Field(description="Edges that lost claims but remain.")

    @classmethod
    def of(cls, r: RetractReport) -> RetractOut:
        def keys(ts: list[tuple[str, Relation, str]]) -> list[EdgeKey]:
            return [EdgeKey(subject=s, relation=rel, object=o) for s, rel, o in ts]

        return cls(source=r.source, claims_removed=r.claims_removed,
                   edges_removed=keys(r.edges_removed), edges_weakened=keys(r.edges_weakened))


# ---- paths, graph, stats --------------------------------------------------------------


class ActorRef(_Out):
    id: str
    name: str


class PathOut(_Out):
    actors: list[ActorRef]
    hops: list[EdgeOut]
    evidence: int = Field(description="Claims along the path.")

    @classmethod
    def of(cls, p: Path, names: dict[str, str]) -> PathOut:
        return cls(actors=[ActorRef(id=a, name=names.get(a, a)) for a in p.actors],
                   hops=[EdgeOut.of(e, names) for e in p.hops], evidence=p.evidence)


class PathsOut(_Out):
    source: ActorOut = Field(alias="from")
    target: ActorOut = Field(alias="to")
    paths: list[PathOut]

    model_config = ConfigDict(frozen=True, populate_by_name=True, serialize_by_alias=True)


class GraphOut(_Out):
    nodes: list[ActorOut]
    edges: list[EdgeOut]
    truncated: bool = Field(description="True when the node limit cut the graph.")


class StatsOut(_Out):
    actors: int
    sources: int
    claims: int
    edges: int
    by_relation: dict[Relation, int]
    by_modality: dict[Modality, int]
    by_kind: dict[ActorKind, int]

    @classmethod
    def of(cls, s: Stats) -> StatsOut:
        return cls(**s.model_dump())


class Health(_Out):
    status: Literal["ok"]


class Ready(_Out):
    status: Literal["ready"]
    store: str = Field(description="The backend: sqlite or neo4j.")
