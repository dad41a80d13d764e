"""Retracting a source: its claims go, emptied edges go, the rest stays."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import NotFound
from graph.relations import Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import ACTORS, S1, S1_CLAIMS, S2, keys, load


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def test_retract_reports_removed_and_weakened_edges(loaded: GraphStore) -> None:
    report = loaded.retract(S1.id)
    assert report.source == S1.id
    assert report.claims_removed == 3
    assert report.edges_removed == [("hezbollah", Relation.ALLIANCE, "syria"),
                                    ("iran", Relation.ARMS, "hezbollah")]
    assert report.edges_weakened == [("iran", Relation.FUNDING, "hezbollah")]


def test_retract_removes_evidence_and_keeps_the_rest(loaded: GraphStore) -> None:
    loaded.retract(S1.id)
    assert keys(loaded.edges(EdgeFilter()).items) == [
        ("hezbollah", "hostility", "israel"), ("iran", "funding", "hezbollah"),
        ("irgc", "training", "hamas"), ("syria", "support", "hezbollah")]
    funding = loaded.edges(EdgeFilter(subject="iran", relations=(Relation.FUNDING,))).items[0]
    assert (funding.claims, funding.sources) == (1, 1)
    assert (funding.first_seen, funding.last_seen) == (date(2021, 6, 1), date(2021, 6, 1))
    assert loaded.evidence("iran", Relation.ARMS, "hezbollah").total == 0
    assert [e.source.id for e in loaded.evidence("iran", Relation.FUNDING, "hezbollah").items] == [
        S2.id]
    with pytest.raises(NotFound):
        loaded.get_source(S1.id)
    stats = loaded.stats()
    assert (stats.sources, stats.claims, stats.edges, stats.actors) == (2, 6, 4, len(ACTORS))
    (path,) = loaded.paths("iran", "syria")  # arms and alliance are gone from the chain
    assert keys(path.hops) == [("iran", "funding", "hezbollah"), ("syria", "support", "hezbollah")]
    assert loaded.get_actor("syria").id == "syria"  # actors stay


def test_uncounted_claims_are_not_reported_as_edges(loaded: GraphStore) -> None:
    report = loaded.retract(S2.id)
    assert report.claims_removed == 3
    assert report.edges_removed == [("irgc", Relation.TRAINING, "hamas")]
    assert report.edges_weakened == [("iran", Relation.FUNDING, "hezbollah")]
    assert loaded.evidence("iran", Relation.ARMS, "houthis").items == []


def test_retract_unknown_source(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.retract("sha256:" + "0" * 64)
    loaded.retract(S1.id)
    with pytest.raises(NotFound):
        loaded.retract(S1.id)


def test_retracted_source_can_be_loaded_again(loaded: GraphStore) -> None:
    before = loaded.edges(EdgeFilter())
    loaded.retract(S1.id)
    report = loaded.ingest(S1, [], S1_CLAIMS)
    assert report.created and report.claims_added == 3
    assert loaded.edges(EdgeFilter()) == before
