"""Ingest: stored whole, read back intact, idempotent, atomic."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInput, NotFound
from graph.model import Actor, Claim
from graph.relations import Modality, Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import (
    ACTORS,
    HEZBOLLAH,
    IRAN,
    S1,
    S1_CLAIMS,
    S2,
    S2_CLAIMS,
    claim,
    keys,
    load,
    source,
)


def test_ingest_reports_and_reads_back(store: GraphStore) -> None:
    report = store.ingest(S1, [IRAN, HEZBOLLAH, ACTORS[2]], S1_CLAIMS)
    assert report.created and report.source == S1.id
    assert (report.actors_added, report.claims_added) == (3, 3)

    back = store.get_source(S1.id)
    assert back == S1
    assert back.text[S1_CLAIMS[0].start:S1_CLAIMS[0].end] == "Iran funds Hezbollah"
    claims = store.claims(source=S1.id)
    assert claims.total == 3
    assert sorted(claims.items, key=lambda c: c.id) == sorted(S1_CLAIMS, key=lambda c: c.id)
    assert store.get_actor("iran") == IRAN
    assert store.get_actor("hezbollah") == HEZBOLLAH
    listed = store.list_sources()
    assert [s.id for s in listed.items] == [S1.id] and listed.total == 1
    assert listed.items[0] == S1.info()


def test_same_source_again_changes_nothing(store: GraphStore) -> None:
    load(store)
    before = (store.stats(), store.edges(EdgeFilter()), store.claims(limit=1000))
    again = store.ingest(S1, list(ACTORS), S1_CLAIMS)
    assert not again.created
    assert (again.actors_added, again.claims_added) == (0, 0)
    assert (store.stats(), store.edges(EdgeFilter()), store.claims(limit=1000)) == before


def _nothing_stored(store: GraphStore) -> None:
    stats = store.stats()
    assert (stats.actors, stats.sources, stats.claims, stats.edges) == (0, 0, 0, 0)
    with pytest.raises(NotFound):
        store.get_source(S1.id)
    with pytest.raises(NotFound):
        store.get_actor("iran")


def test_bad_quote_midway_stores_nothing(store: GraphStore) -> None:
    good = list(S1_CLAIMS)
    forged = good[1].model_copy(update={"quote": "Iran arms Hamas!!!"})  # same length, wrong text
    with pytest.raises(InvalidInput, match="quote"):
        store.ingest(S1, [IRAN, HEZBOLLAH, ACTORS[2]], [good[0], forged, good[2]])
    _nothing_stored(store)


def test_claim_citing_another_source_stores_nothing(store: GraphStore) -> None:
    with pytest.raises(InvalidInput, match="source"):
        store.ingest(S1, list(ACTORS), [S1_CLAIMS[0], S2_CLAIMS[1], S1_CLAIMS[2]])
    _nothing_stored(store)


def test_unknown_actor_midway_stores_nothing(store: GraphStore) -> None:
    with pytest.raises(InvalidInput, match="syria"):
        store.ingest(S1, [IRAN, HEZBOLLAH], S1_CLAIMS)  # syria is neither given nor stored
    _nothing_stored(store)


def test_failed_ingest_leaves_earlier_data_intact(store: GraphStore) -> None:
    store.ingest(S1, list(ACTORS), S1_CLAIMS)
    before = (store.stats(), store.edges(EdgeFilter()))
    newcomer = Actor(id="newcomer", name="Newcomer")
    bad = S2_CLAIMS[1].model_copy(update={"start": S2_CLAIMS[1].start + 1,
                                          "end": S2_CLAIMS[1].end + 1})
    with pytest.raises(InvalidInput):
        store.ingest(S2, [newcomer, *ACTORS], [S2_CLAIMS[0], bad])
    assert (store.stats(), store.edges(EdgeFilter())) == before
    with pytest.raises(NotFound):
        store.get_actor("newcomer")
    with pytest.raises(NotFound):
        store.get_source(S2.id)


def test_claims_may_name_actors_stored_earlier(store: GraphStore) -> None:
    store.add_actors(ACTORS)
    report = store.ingest(S2, [], S2_CLAIMS)
    assert report.actors_added == 0 and report.claims_added == 3
    assert keys(store.edges(EdgeFilter()).items) == [
        ("iran", "funding", "hezbollah"), ("irgc", "training", "hamas")]


def test_stored_actor_keeps_its_record_and_gains_aliases(store: GraphStore) -> None:
    store.add_actors([IRAN])
    other = Actor(id="iran", name="Persia", kind="other", aliases=("Iran",))
    report = store.ingest(S1, [other, HEZBOLLAH, ACTORS[2]], S1_CLAIMS)
    assert report.actors_added == 2
    got = store.get_actor("iran")
    assert (got.name, got.kind, got.country) == ("Iran", IRAN.kind, "IRN")
    assert set(got.aliases) == {"Islamic Republic of Iran", "Persia"}


def test_repeated_claim_in_one_batch_is_stored_once(store: GraphStore) -> None:
    report = store.ingest(S1, list(ACTORS), [*S1_CLAIMS, S1_CLAIMS[0]])
    assert report.claims_added == 3
    assert store.claims().total == 3


def test_source_without_claims(store: GraphStore) -> None:
    src = source("Nothing alleged here.")
    report = store.ingest(src, [], [])
    assert report.created and report.claims_added == 0
    assert store.get_source(src.id).text == "Nothing alleged here."
    assert store.stats().sources == 1


def test_claim_fields_round_trip(store: GraphStore) -> None:
    from datetime import date

    c = claim(S2, "irgc", Relation.TRAINING, "hamas", "The IRGC trains Hamas",
              modality=Modality.REPORTED, attributed_to="a UN Monitoring Team report",
              confidence=0.83, extractor="rules/1", page=4, valid_from=date(2019, 1, 1),
              valid_to=date(2020, 12, 31))
    store.ingest(S2, list(ACTORS), [c])
    (back,) = store.claims(source=S2.id).items
    assert back == c
    assert isinstance(back, Claim)


def test_unknown_source_is_not_found(store: GraphStore) -> None:
    with pytest.raises(NotFound):
        store.get_source("sha256:" + "0" * 64)
    with pytest.raises(NotFound):
        store.claims(source="sha256:" + "0" * 64)
