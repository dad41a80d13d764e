"""Evidence: every claim of one triple, with its source, denials included."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import NotFound
from graph.relations import COUNTED_MODALITIES, Modality, Relation
from graph.store import GraphStore
from tests.contract.world import S1, S2, S3, load


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def test_evidence_oldest_source_first_with_metadata(loaded: GraphStore) -> None:
    ev = loaded.evidence("iran", Relation.FUNDING, "hezbollah")
    assert [e.source.id for e in ev] == [S1.id, S2.id]
    first, second = ev
    assert first.claim.quote == "Iran funds Hezbollah"
    assert S1.text[first.claim.start:first.claim.end] == first.claim.quote
    assert (first.source.title, first.source.publisher) == ("Report one", "UN Panel")
    assert first.source.published == date(2020, 1, 15)
    assert second.claim.modality is Modality.REPORTED
    assert second.claim.attributed_to == "officials"
    assert (second.source.author, second.source.published) == ("A. Writer", date(2021, 6, 1))
    assert not hasattr(second.source, "text")


def test_denied_claims_are_evidence_by_default(loaded: GraphStore) -> None:
    (denied,) = loaded.evidence("iran", Relation.ARMS, "houthis")
    assert denied.claim.modality is Modality.DENIED
    assert denied.claim.quote == "Iran denies that it arms the Houthis"
    assert denied.source.id == S2.id
    assert loaded.evidence("iran", Relation.ARMS, "houthis", COUNTED_MODALITIES) == []
    only = loaded.evidence("iran", Relation.FUNDING, "hezbollah",
                           frozenset({Modality.REPORTED}))
    assert [e.source.id for e in only] == [S2.id]


def test_undated_sources_come_last_and_prescriptive_is_kept(loaded: GraphStore) -> None:
    (kept,) = loaded.evidence("iran", Relation.FUNDING, "hamas")
    assert kept.claim.modality is Modality.PRESCRIPTIVE and kept.source.id == S3.id
    assert kept.source.published is None


def test_evidence_for_alliance_either_way_round(loaded: GraphStore) -> None:
    one = loaded.evidence("syria", Relation.ALLIANCE, "hezbollah")
    other = loaded.evidence("hezbollah", Relation.ALLIANCE, "syria")
    assert one == other and len(one) == 1
    assert one[0].claim.quote == "Hezbollah and Syria are allies"


def test_evidence_is_exact_triple_only(loaded: GraphStore) -> None:
    assert loaded.evidence("iran", Relation.SUPPORT, "hezbollah") == []  # no roll-up here
    assert loaded.evidence("hezbollah", Relation.FUNDING, "iran") == []  # direction matters


def test_evidence_unknown_actor(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.evidence("iran", Relation.FUNDING, "nobody")
