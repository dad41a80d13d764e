"""edge_counts: how much of the counted graph touches one actor (the actor summary)."""

from __future__ import annotations

import pytest

from graph.errors import NotFound
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import ACTORS, load


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def test_counts_edges_either_way_and_their_counted_claims(loaded: GraphStore) -> None:
    # hezbollah: funded by Iran twice (asserted, reported), armed by Iran, allied with
    # Syria (stored the other way round), supported by Syria, attacking Israel
    hez = loaded.edge_counts("hezbollah")
    assert (hez.edges, hez.claims) == (5, 6)
    # Iran's denial (arms to the Houthis) and its prescriptive claim are not counted
    iran = loaded.edge_counts("iran")
    assert (iran.edges, iran.claims) == (2, 3)
    none = loaded.edge_counts("houthis")
    assert (none.edges, none.claims) == (0, 0)


def test_agrees_with_reading_every_edge(loaded: GraphStore) -> None:
    for actor in ACTORS:
        page = loaded.edges(EdgeFilter(actor=actor.id, limit=1000))
        counts = loaded.edge_counts(actor.id)
        assert (counts.edges, counts.claims) == (page.total, sum(e.claims for e in page.items))


def test_merged_id_resolves_and_unknown_is_not_found(loaded: GraphStore) -> None:
    loaded.merge_actors("iran", "irgc")  # the IRGC's training of Hamas becomes Iran's
    assert loaded.edge_counts("irgc") == loaded.edge_counts("iran")
    assert (loaded.edge_counts("iran").edges, loaded.edge_counts("iran").claims) == (3, 4)
    with pytest.raises(NotFound):
        loaded.edge_counts("nobody-at-all")
