"""Stats, clear, and every read on an empty store."""

from __future__ import annotations

import pytest

from graph.errors import NotFound
from graph.model import ActorKind
from graph.relations import Modality, Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import ACTORS, load


def test_stats(store: GraphStore) -> None:
    load(store)
    s = store.stats()
    assert (s.actors, s.sources, s.claims, s.edges) == (len(ACTORS), 3, 9, 6)
    assert s.by_relation == {Relation.FUNDING: 3, Relation.ARMS: 2, Relation.ALLIANCE: 1,
                             Relation.TRAINING: 1, Relation.SUPPORT: 1, Relation.HOSTILITY: 1}
    assert s.by_modality == {Modality.ASSERTED: 6, Modality.REPORTED: 1, Modality.DENIED: 1,
                             Modality.PRESCRIPTIVE: 1}
    assert s.by_kind == {ActorKind.STATE: 3, ActorKind.ARMED_GROUP: 3,
                         ActorKind.STATE_AGENCY: 1}


def test_clear_empties_the_store(store: GraphStore) -> None:
    load(store)
    store.clear()
    _assert_empty(store)
    load(store)  # and it is usable again
    assert store.stats().claims == 9


def test_empty_store(store: GraphStore) -> None:
    _assert_empty(store)
    store.ping()


def _assert_empty(store: GraphStore) -> None:
    s = store.stats()
    assert (s.actors, s.sources, s.claims, s.edges) == (0, 0, 0, 0)
    assert (s.by_relation, s.by_modality, s.by_kind) == ({}, {}, {})
    for page in (store.edges(EdgeFilter()), store.list_actors(), store.search_actors("iran"),
                 store.list_sources(), store.claims(),
                 store.edges(EdgeFilter(modalities=frozenset(Modality), min_sources=2))):
        assert (page.items, page.total) == ([], 0)
    sub = store.subgraph()
    assert (sub.nodes, sub.edges, sub.truncated) == ([], [], False)
    with pytest.raises(NotFound):
        store.supporters("hezbollah")
    with pytest.raises(NotFound):
        store.neighbourhood("hezbollah")


def test_bad_paging_and_bounds_are_invalid_input(store: GraphStore) -> None:
    load(store)
    from graph.errors import InvalidInput
    from graph.store import MAX_PATH_HOPS

    with pytest.raises(InvalidInput, match="limit"):
        store.list_actors(limit=-1)
    with pytest.raises(InvalidInput, match="offset"):
        store.search_actors("iran", offset=-5)
    with pytest.raises(InvalidInput, match="offset"):
        store.list_sources(offset=-1)
    with pytest.raises(InvalidInput, match="limit"):
        store.claims(limit=-1)
    for hops in (0, MAX_PATH_HOPS + 1):
        with pytest.raises(InvalidInput, match="max_hops"):
            store.paths("iran", "israel", max_hops=hops)
    assert store.paths("iran", "iran") == []
