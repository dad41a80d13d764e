"""The `GraphStore` interface both backends implement, and its query types."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Generic, Protocol, Self, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from graph.errors import InvalidInput, ModelError
from graph.model import Actor, ActorKind, Claim, Edge, Source, SourceInfo
from graph.relations import COUNTED_MODALITIES, Modality, Relation

T = TypeVar("T")

Batch = tuple[Source, Sequence[Actor], Sequence[Claim]]
"""One source with the actors its claims name and its claims (`ingest`'s arguments)."""

MAX_LIMIT = 1000
MAX_PATH_HOPS = 6
"""Longest path `paths` searches (InvalidInput beyond it)."""
EVIDENCE_LIMIT = 50
"""Claims in one page of `evidence` unless asked otherwise."""


def batch_error(exc: InvalidInput, position: int, source_id: str) -> InvalidInput:
    """`exc` (of the same type) saying which batch of `ingest_many` it is about."""
    where = f"batch {position} (source {source_id})"
    if isinstance(exc, ModelError):
        named: InvalidInput = ModelError(exc.field, str(exc))
        named.args = (f"{where}: {exc}",)
        return named
    return type(exc)(f"{where}: {exc}")


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Page(_Value, Generic[T]):
    """One page of a longer result; `total` counts every match."""

    items: list[T]
    total: int
    limit: int
    offset: int


class EdgeFilter(_Value):
    """Which claims count towards edges, and which edges to return.

    `relations` None means all; with `subtypes` a parent matches its children
    (support matches funding, arms, ...). `since`/`until` bound the source's
    published date (inclusive); a claim whose source has no date is left out when
    either bound is set. `actor` matches either end of an edge. For a symmetric
    relation (alliance, stored once in id order) `subject`/`object` match either
    end too: subject=X finds the alliance X–Y and Y–X. `min_sources` counts
    distinct sources among the admitted claims. An actor id that is not stored
    (nor merged) raises NotFound; a `source` that is not stored admits nothing.
    """

    subject: str | None = None
    object: str | None = None
    actor: str | None = None
    relations: tuple[Relation, ...] | None = None
    subtypes: bool = True
    modalities: frozenset[Modality] = COUNTED_MODALITIES
    source: str | None = None
    min_sources: int = Field(default=1, ge=1)
    since: date | None = None
    until: date | None = None
    limit: int = Field(default=100, ge=1, le=MAX_LIMIT)
    offset: int = Field(default=0, ge=0)


class Evidence(_Value):
    """One claim with the metadata of the source it cites."""

    claim: Claim
    source: SourceInfo


class Path(_Value):
    """A chain of edges from one actor to another; hops may be walked against
    their direction when the path search is undirected."""

    actors: list[str]
    hops: list[Edge]

    @property
    def evidence(self) -> int:
        return sum(e.claims for e in self.hops)


class Subgraph(_Value):
    nodes: list[Actor]
    edges: list[Edge]
    truncated: bool = False


class IngestReport(_Value):
    source: str
    created: bool
    actors_added: int
    claims_added: int


class RetractReport(_Value):
    source: str
    claims_removed: int
    edges_removed: list[tuple[str, Relation, str]]
    edges_weakened: list[tuple[str, Relation, str]]


class MergeReport(_Value):
    """`claims_moved` now name the kept actor; `claims_dropped` were removed because
    they would have joined the kept actor to itself or repeated another claim."""

    kept: str
    merged: str
    claims_moved: int
    aliases_added: int
    claims_dropped: int = 0


class Stats(_Value):
    """`edges` counts edges under the default filter; `by_relation` and
    `by_modality` count claims; `by_kind` counts actors. Zero counts are left out."""

    actors: int
    sources: int
    claims: int
    edges: int
    by_relation: dict[Relation, int]
    by_modality: dict[Modality, int]
    by_kind: dict[ActorKind, int]


class EdgeCounts(_Value):
    """The counted edges (default filter) touching one actor, in either direction,
    and their claims summed."""

    edges: int
    claims: int


@runtime_checkable
class GraphStore(Protocol):
    """What every backend offers. Ids are actor ids; names are resolved above.
    A negative `limit` or `offset` raises InvalidInput."""

    def open(self) -> None:
        """Connect, create or migrate the schema. Raises StoreUnavailable/StoreCorrupt."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def ping(self) -> None:
        """Raise StoreUnavailable unless the store answers."""

    # writes
    def ingest(
        self, source: Source, actors: Sequence[Actor], claims: Sequence[Claim]
    ) -> IngestReport:
        """Store a source, the actors its claims name, and its claims, all or nothing.

        Every claim is checked against the source (check_claim_against_source) and
        each of its actors must be given or stored, before anything is written
        (else InvalidInput/ModelError, nothing stored). Loading the same source
        again changes nothing (`created` is False). Actors already stored keep
        their record; new aliases are added to them. A claim or actor under a
        merged id goes to the kept actor; a claim that then joins an actor to itself
        is dropped. A claim id repeated in the batch is stored once.
        """

    def ingest_many(self, batches: Iterable[Batch]) -> list[IngestReport]:
        """Store many (source, actors, claims) batches, all or nothing: each batch is
        checked and stored as `ingest` would, one report per batch in order, and
        when one fails (an error naming its position and source) nothing of the call
        stays stored. The result equals ingesting the batches one by one. Meant for
        large loads: a backend may store them faster than batch by batch."""

    def add_actors(self, actors: Sequence[Actor]) -> int:
        """Upsert actors (for registries); returns how many were new. A stored actor
        takes the given record and keeps every name it had (an old name stays as an
        alias)."""

    def merge_actors(self, keep: str, merge: str) -> MergeReport:
        """Fold `merge` into `keep`: claims move, aliases unite (merge's name becomes
        an alias), `merge` keeps resolving (get_actor, filters, evidence, paths).
        Claims that would join `keep` to itself are dropped and counted. Conflict when
        both name the same actor; NotFound for an unknown id."""

    def retract(self, source_id: str) -> RetractReport:
        """Remove a source and its claims. `edges_removed` lists the counted edges
        (default filter) the source had evidence for that are now gone,
        `edges_weakened` those that remain with less evidence (both sorted by
        subject, relation, object). NotFound for an unknown source."""

    def clear(self) -> None:
        """Remove everything (tests and demo resets)."""

    # reads
    def get_actor(self, actor_id: str) -> Actor:
        """The actor, following merges; NotFound otherwise."""

    def list_actors(self, kind: ActorKind | None = None, limit: int = 100,
                    offset: int = 0) -> Page[Actor]:
        """Actors in id order."""

    def search_actors(self, query: str, kind: ActorKind | None = None, limit: int = 20,
                      offset: int = 0) -> Page[Actor]:
        """Actors whose name or alias matches `query` (case/diacritic-insensitive):
        exact matches first, then prefix, then substring; id order within each.
        Merged actors are found under the kept one (their names are its aliases)."""

    def get_source(self, source_id: str) -> Source:
        """The source with its text; NotFound otherwise."""

    def list_sources(self, limit: int = 100, offset: int = 0) -> Page[SourceInfo]:
        """Sources without their text, most recently retrieved first, then by id."""

    def claims(self, source: str | None = None, limit: int = 100,
               offset: int = 0) -> Page[Claim]:
        """Claims of one source (NotFound if unknown) or of all, in claim id order.
        `limit` has no upper bound here (export reads in large pages)."""

    def edges(self, flt: EdgeFilter) -> Page[Edge]:
        """Edges aggregated over the claims the filter admits: most distinct sources
        first, then most claims, then by subject, relation, object (as strings)."""

    def supporters(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        """Support edges into the actor: `edges` with object=actor and relations
        (the filter's, or [support]) rolled up with subtypes unless subtypes=False."""

    def supported(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        """Support edges out of the actor (as `supporters`, with subject=actor)."""

    def edge_counts(self, actor_id: str) -> EdgeCounts:
        """How many counted edges touch the actor and their claims, without reading
        the edges (a hub has thousands). NotFound for an unknown actor."""

    def evidence(self, subject: str, relation: Relation, obj: str,
                 modalities: frozenset[Modality] | None = None, limit: int = EVIDENCE_LIMIT,
                 offset: int = 0) -> Page[Evidence]:
        """One page of the claims for exactly this triple (all modalities unless given:
        denied claims are counter-evidence), with their source metadata: oldest
        published source first (undated last), then source id, then quote start, then
        claim id. `total` counts every such claim (`limit` 0 only counts; no upper
        bound). A symmetric relation is found either way round. NotFound for an unknown
        actor; no items when nothing is claimed."""

    def paths(self, start: str, end: str, relations: Sequence[Relation] | None = None,
              max_hops: int = 3, min_sources: int = 1, limit: int = 10) -> list[Path]:
        """Shortest-first simple paths between two actors over counted edges,
        walking edges in either direction; `relations` include their subtypes and
        `min_sources` applies to each hop. Where two actors are joined by several
        admitted edges each choice is its own path. Among equally long paths, more
        evidence (claims) first. [] when none within `max_hops`."""

    def neighbourhood(self, actor_id: str, depth: int = 1,
                      flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
        """The actor and those within `depth` hops (either direction) over the edges
        the filter admits (pagination ignored; default: counted edges), nearest and
        then most strongly tied first, cut at `max_nodes` (truncated=True); with
        every admitted edge among them. The actor comes first in `nodes`."""

    def subgraph(self, flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
        """The actors joined by the edges the filter admits (pagination ignored),
        best connected first (most distinct sources summed over their edges, then
        id), cut at `max_nodes` (truncated=True), and the admitted edges among them,
        strongest first."""

    def stats(self) -> Stats: ...
