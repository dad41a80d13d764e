"""The `GraphStore` interface both backends implement, and its query types."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Generic, Protocol, Self, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Actor, ActorKind, Claim, Edge, Source, SourceInfo
from graph.relations import COUNTED_MODALITIES, Modality, Relation

T = TypeVar("T")

MAX_LIMIT = 1000


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
    either bound is set. `actor` matches either end of an edge.
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
    kept: str
    merged: str
    claims_moved: int
    aliases_added: int


class Stats(_Value):
    actors: int
    sources: int
    claims: int
    edges: int
    by_relation: dict[Relation, int]
    by_modality: dict[Modality, int]
    by_kind: dict[ActorKind, int]


@runtime_checkable
class GraphStore(Protocol):
    """What every backend offers. Ids are actor ids; names are resolved above."""

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

        Loading the same source again changes nothing (`created` is False). Actors
        already stored keep their record; new aliases are added to them.
        """

    def add_actors(self, actors: Sequence[Actor]) -> int:
        """Upsert actors (for registries); returns how many were new."""

    def merge_actors(self, keep: str, merge: str) -> MergeReport:
        """Fold `merge` into `keep`: claims move, aliases unite, `merge` keeps resolving."""

    def retract(self, source_id: str) -> RetractReport:
        """Remove a source and its claims; report the edges that lost all evidence."""

    def clear(self) -> None:
        """Remove everything (tests and demo resets)."""

    # reads
    def get_actor(self, actor_id: str) -> Actor:
        """The actor, following merges; NotFound otherwise."""

    def list_actors(self, kind: ActorKind | None = None, limit: int = 100,
                    offset: int = 0) -> Page[Actor]: ...

    def search_actors(self, query: str, kind: ActorKind | None = None, limit: int = 20,
                      offset: int = 0) -> Page[Actor]:
        """Actors whose name or alias matches `query` (case/diacritic-insensitive):
        exact matches first, then prefix, then substring."""

    def get_source(self, source_id: str) -> Source: ...

    def list_sources(self, limit: int = 100, offset: int = 0) -> Page[SourceInfo]: ...

    def edges(self, flt: EdgeFilter) -> Page[Edge]:
        """Edges aggregated over the claims the filter admits, most sources first."""

    def supporters(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        """Support edges (with subtypes unless the filter says otherwise) into the actor."""

    def supported(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        """Support edges out of the actor."""

    def evidence(self, subject: str, relation: Relation, obj: str,
                 modalities: frozenset[Modality] | None = None) -> list[Evidence]:
        """Every claim for exactly this triple (all modalities unless given), with its
        source, oldest source first."""

    def paths(self, start: str, end: str, relations: Sequence[Relation] | None = None,
              max_hops: int = 3, min_sources: int = 1, limit: int = 10) -> list[Path]:
        """Shortest-first simple paths between two actors over counted edges,
        walking edges in either direction."""

    def neighbourhood(self, actor_id: str, depth: int = 1,
                      flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
        """Actors within `depth` hops of the actor and the edges among them."""

    def subgraph(self, flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
        """The whole filtered graph, or its best-connected `max_nodes` actors."""

    def stats(self) -> Stats: ...
