"""Evidence: the claims of one triple a page at a time, with their sources, denials
included."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import InvalidInput, NotFound
from graph.relations import COUNTED_MODALITIES, Modality, Relation
from graph.store import EVIDENCE_LIMIT, EdgeFilter, Evidence, GraphStore
from tests.contract.world import S1, S2, S3, claim, load, source


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def test_evidence_oldest_source_first_with_metadata(loaded: GraphStore) -> None:
    page = loaded.evidence("iran", Relation.FUNDING, "hezbollah")
    assert (page.total, page.limit, page.offset) == (2, EVIDENCE_LIMIT, 0)
    ev = page.items
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
    (denied,) = loaded.evidence("iran", Relation.ARMS, "houthis").items
    assert denied.claim.modality is Modality.DENIED
    assert denied.claim.quote == "Iran denies that it arms the Houthis"
    assert denied.source.id == S2.id
    none = loaded.evidence("iran", Relation.ARMS, "houthis", COUNTED_MODALITIES)
    assert (none.items, none.total) == ([], 0)
    only = loaded.evidence("iran", Relation.FUNDING, "hezbollah",
                           frozenset({Modality.REPORTED}))
    assert [e.source.id for e in only.items] == [S2.id] and only.total == 1


def test_undated_sources_come_last_and_prescriptive_is_kept(loaded: GraphStore) -> None:
    (kept,) = loaded.evidence("iran", Relation.FUNDING, "hamas").items
    assert kept.claim.modality is Modality.PRESCRIPTIVE and kept.source.id == S3.id
    assert kept.source.published is None


def test_evidence_for_alliance_either_way_round(loaded: GraphStore) -> None:
    one = loaded.evidence("syria", Relation.ALLIANCE, "hezbollah")
    other = loaded.evidence("hezbollah", Relation.ALLIANCE, "syria")
    assert one == other and one.total == 1
    assert one.items[0].claim.quote == "Hezbollah and Syria are allies"


def test_evidence_is_exact_triple_only(loaded: GraphStore) -> None:
    assert loaded.evidence("iran", Relation.SUPPORT, "hezbollah").total == 0  # no roll-up
    assert loaded.evidence("hezbollah", Relation.FUNDING, "iran").items == []  # direction


def test_evidence_unknown_actor(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.evidence("iran", Relation.FUNDING, "nobody")



# A heavy edge: Iran funds Hezbollah in 23 more sentences, from sources of 2019, 2018
# and none (loaded in that order), among them two denials and a recommendation.
_PHRASE = "Tehran funds Hezbollah"


def _heavy(store: GraphStore) -> list[str]:
    """Load the heavy edge; its claim ids in evidence order (2018, 2019, undated; each
    source's by quote start)."""
    by_date = []
    for published, n in ((date(2019, 3, 1), 9), (None, 5), (date(2018, 2, 1), 9)):
        src = source(f"As of {published}: " + " ".join(f"{_PHRASE} ({i})." for i in range(n)),
                     title=f"heavy {published}", published=published)
        mods = [Modality.DENIED if published and i in (2, 7) else
                Modality.PRESCRIPTIVE if published is None and i == 4 else Modality.ASSERTED
                for i in range(n)]
        claims = [claim(src, "iran", "funding", "hezbollah", _PHRASE, modality=m, nth=i)
                  for i, m in enumerate(mods)]
        store.ingest(src, [], claims)
        by_date.append((published is None, published or date.min, [c.id for c in claims]))
    return [cid for *_, ids in sorted(by_date) for cid in ids]


def _ids(items: list[Evidence]) -> list[str]:
    return [e.claim.id for e in items]


def test_pages_are_disjoint_complete_and_in_order(loaded: GraphStore) -> None:
    heavy = _heavy(loaded)
    world = _ids(loaded.evidence("iran", Relation.FUNDING, "hezbollah", limit=1000).items)
    world = [c for c in world if c not in heavy]
    assert len(world) == 2  # the world's claims of 2020 and 2021 come between
    expected = heavy[:18] + world + heavy[18:]
    seen: list[str] = []
    for offset in range(0, 28, 4):
        page = loaded.evidence("iran", Relation.FUNDING, "hezbollah", limit=4, offset=offset)
        assert (page.total, page.limit, page.offset) == (25, 4, offset)
        assert len(page.items) == min(4, 25 - offset)
        seen += _ids(page.items)
    assert seen == expected
    default = loaded.evidence("iran", Relation.FUNDING, "hezbollah")
    assert _ids(default.items) == expected and default.limit == EVIDENCE_LIMIT


def test_page_totals_follow_the_modalities(loaded: GraphStore) -> None:
    _heavy(loaded)
    denied = loaded.evidence("iran", Relation.FUNDING, "hezbollah",
                             frozenset({Modality.DENIED}), limit=3)
    assert denied.total == 4 and len(denied.items) == 3
    assert {e.claim.modality for e in denied.items} == {Modality.DENIED}
    counted = loaded.evidence("iran", Relation.FUNDING, "hezbollah", COUNTED_MODALITIES,
                              limit=0)
    assert (counted.items, counted.total) == ([], 20)
    assert counted.total == loaded.edges(EdgeFilter(
        subject="iran", object="hezbollah", relations=(Relation.FUNDING,))).items[0].claims
    past = loaded.evidence("iran", Relation.FUNDING, "hezbollah", limit=10, offset=25)
    assert (past.items, past.total) == ([], 25)


def test_evidence_pages_of_a_symmetric_relation(loaded: GraphStore) -> None:
    page = loaded.evidence("syria", Relation.ALLIANCE, "hezbollah", limit=1, offset=0)
    assert page == loaded.evidence("hezbollah", Relation.ALLIANCE, "syria", limit=1)
    assert loaded.evidence("syria", Relation.ALLIANCE, "hezbollah", limit=1,
                           offset=1).items == []


@pytest.mark.parametrize(("limit", "offset", "named"), [(-1, 0, "limit"), (5, -1, "offset")])
def test_bad_evidence_page(loaded: GraphStore, limit: int, offset: int, named: str) -> None:
    with pytest.raises(InvalidInput, match=named):
        loaded.evidence("iran", Relation.FUNDING, "hezbollah", limit=limit, offset=offset)
