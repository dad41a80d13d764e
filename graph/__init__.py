"""Domain model, relation taxonomy, the GraphStore interface and its backends."""

from graph.errors import (
    AllegianceError,
    Conflict,
    InvalidInput,
    ModelError,
    NotFound,
    StoreCorrupt,
    StoreError,
    StoreUnavailable,
)
from graph.model import Actor, ActorKind, Claim, Edge, Source, SourceInfo
from graph.relations import COUNTED_MODALITIES, Modality, Relation
from graph.store import EdgeFilter, Evidence, GraphStore, Page, Path, Subgraph

__all__ = [
    "COUNTED_MODALITIES",
    "Actor",
    "ActorKind",
    "AllegianceError",
    "Claim",
    "Conflict",
    "Edge",
    "EdgeFilter",
    "Evidence",
    "GraphStore",
    "InvalidInput",
    "Modality",
    "ModelError",
    "NotFound",
    "Page",
    "Path",
    "Relation",
    "Source",
    "SourceInfo",
    "StoreCorrupt",
    "StoreError",
    "StoreUnavailable",
    "Subgraph",
]
