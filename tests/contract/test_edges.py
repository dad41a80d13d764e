"""Edges derived from claims, every filter, pagination, supporters/supported."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import NotFound
from graph.relations import COUNTED_MODALITIES, Modality, Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import ACTORS, S1, S2, claim, keys, load, source

ALL = [
    ("iran", "funding", "hezbollah"),
    ("hezbollah", "alliance", "syria"),
    ("hezbollah", "hostility", "israel"),
    ("iran", "arms", "hezbollah"),
    ("irgc", "training", "hamas"),
    ("syria", "support", "hezbollah"),
]


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def test_default_edges_count_asserted_and_reported_only(loaded: GraphStore) -> None:
    page = loaded.edges(EdgeFilter())
    assert keys(page.items) == ALL
    assert page.total == len(ALL)
    top = page.items[0]
    assert (top.claims, top.sources) == (2, 2)
    assert (top.first_seen, top.last_seen) == (date(2020, 1, 15), date(2021, 6, 1))
    assert top.modalities == {Modality.ASSERTED: 1, Modality.REPORTED: 1}
    undated = next(e for e in page.items if e.relation is Relation.SUPPORT)
    assert (undated.first_seen, undated.last_seen) == (None, None)


def test_pagination_and_totals(loaded: GraphStore) -> None:
    page = loaded.edges(EdgeFilter(limit=2, offset=1))
    assert keys(page.items) == ALL[1:3]
    assert (page.total, page.limit, page.offset) == (len(ALL), 2, 1)
    past = loaded.edges(EdgeFilter(offset=50))
    assert past.items == [] and past.total == len(ALL)
    walked = [k for off in range(0, len(ALL), 4)
              for k in keys(loaded.edges(EdgeFilter(limit=4, offset=off)).items)]
    assert walked == ALL


def test_subject_and_object_filters(loaded: GraphStore) -> None:
    assert keys(loaded.edges(EdgeFilter(subject="iran")).items) == [
        ("iran", "funding", "hezbollah"), ("iran", "arms", "hezbollah")]
    assert keys(loaded.edges(EdgeFilter(object="hezbollah")).items) == [
        ("iran", "funding", "hezbollah"), ("hezbollah", "alliance", "syria"),
        ("iran", "arms", "hezbollah"), ("syria", "support", "hezbollah")]
    assert keys(loaded.edges(EdgeFilter(subject="iran", object="hezbollah",
                                        relations=(Relation.ARMS,))).items) == [
        ("iran", "arms", "hezbollah")]


def test_actor_matches_either_end(loaded: GraphStore) -> None:
    page = loaded.edges(EdgeFilter(actor="hezbollah"))
    assert keys(page.items) == [k for k in ALL if "hezbollah" in (k[0], k[2])]
    assert page.total == 5


def test_symmetric_alliance_matches_either_way_round(loaded: GraphStore) -> None:
    alliance = (Relation.ALLIANCE,)
    expected = [("hezbollah", "alliance", "syria")]
    for flt in (EdgeFilter(subject="syria", relations=alliance),
                EdgeFilter(subject="hezbollah", relations=alliance),
                EdgeFilter(object="hezbollah", relations=alliance),
                EdgeFilter(subject="syria", object="hezbollah", relations=alliance),
                EdgeFilter(subject="hezbollah", object="syria", relations=alliance)):
        assert keys(loaded.edges(flt).items) == expected, flt
    # a directed relation does not turn round
    assert keys(loaded.edges(EdgeFilter(subject="hezbollah", object="syria")).items) == expected


def test_alliance_given_either_way_round_is_one_edge(store: GraphStore) -> None:
    src = source("Hamas and Hezbollah are allies. Hezbollah and Hamas are allies.")
    store.ingest(src, list(ACTORS), [
        claim(src, "hezbollah", "alliance", "hamas", "Hamas and Hezbollah are allies"),
        claim(src, "hamas", "alliance", "hezbollah", "Hezbollah and Hamas are allies"),
    ])
    (edge,) = store.edges(EdgeFilter()).items
    assert (edge.subject, edge.object, edge.claims, edge.sources) == ("hamas", "hezbollah", 2, 1)


def test_relation_filter_rolls_up_subtypes(loaded: GraphStore) -> None:
    support = (Relation.SUPPORT,)
    assert keys(loaded.edges(EdgeFilter(relations=support)).items) == [
        ("iran", "funding", "hezbollah"), ("iran", "arms", "hezbollah"),
        ("irgc", "training", "hamas"), ("syria", "support", "hezbollah")]
    assert keys(loaded.edges(EdgeFilter(relations=support, subtypes=False)).items) == [
        ("syria", "support", "hezbollah")]
    assert keys(loaded.edges(EdgeFilter(relations=(Relation.FUNDING, Relation.HOSTILITY))
                             ).items) == [("iran", "funding", "hezbollah"),
                                          ("hezbollah", "hostility", "israel")]


def test_modalities_filter(loaded: GraphStore) -> None:
    everything = loaded.edges(EdgeFilter(modalities=frozenset(Modality)))
    assert everything.total == len(ALL) + 2
    window = loaded.edges(EdgeFilter(modalities=frozenset(Modality), limit=3, offset=2))
    assert (window.items, window.total) == (everything.items[2:5], len(ALL) + 2)
    past = loaded.edges(EdgeFilter(modalities=frozenset(Modality), offset=50))
    assert (past.items, past.total) == ([], len(ALL) + 2)
    assert ("iran", "arms", "houthis") in keys(everything.items)
    (denied,) = loaded.edges(EdgeFilter(modalities=frozenset({Modality.DENIED}))).items
    assert denied.key == ("iran", Relation.ARMS, "houthis")
    assert denied.modalities == {Modality.DENIED: 1}
    reported = loaded.edges(EdgeFilter(modalities=frozenset({Modality.REPORTED})))
    assert keys(reported.items) == [("iran", "funding", "hezbollah")]
    assert reported.items[0].claims == 1


def test_source_filter(loaded: GraphStore) -> None:
    page = loaded.edges(EdgeFilter(source=S2.id))
    assert keys(page.items) == [("iran", "funding", "hezbollah"), ("irgc", "training", "hamas")]
    assert page.items[0].claims == 1 and page.items[0].sources == 1


def test_min_sources_counts_distinct_sources(store: GraphStore) -> None:
    twice = source("Iran funds Hezbollah. Again, Iran funds Hezbollah.")
    store.ingest(twice, list(ACTORS), [
        claim(twice, "iran", "funding", "hezbollah", "Iran funds Hezbollah", nth=0),
        claim(twice, "iran", "funding", "hezbollah", "Iran funds Hezbollah", nth=1),
    ])
    (edge,) = store.edges(EdgeFilter()).items
    assert (edge.claims, edge.sources) == (2, 1)
    assert store.edges(EdgeFilter(min_sources=2)).total == 0
    load(store)
    strong = store.edges(EdgeFilter(min_sources=2))
    assert keys(strong.items) == [("iran", "funding", "hezbollah")]
    assert (strong.items[0].claims, strong.items[0].sources) == (4, 3)
    assert store.edges(EdgeFilter(min_sources=3)).total == 1
    assert store.edges(EdgeFilter(min_sources=4)).total == 0


def test_date_bounds_use_source_published_date(loaded: GraphStore) -> None:
    late = loaded.edges(EdgeFilter(since=date(2021, 1, 1)))
    assert keys(late.items) == [("iran", "funding", "hezbollah"), ("irgc", "training", "hamas")]
    early = loaded.edges(EdgeFilter(until=date(2020, 12, 31)))
    assert keys(early.items) == [("hezbollah", "alliance", "syria"),
                                 ("iran", "arms", "hezbollah"), ("iran", "funding", "hezbollah")]
    exact = loaded.edges(EdgeFilter(since=date(2020, 1, 15), until=date(2020, 1, 15)))
    assert exact.total == 3  # bounds are inclusive; the undated source is left out
    assert loaded.edges(EdgeFilter(since=date(2030, 1, 1))).total == 0


def test_sorted_by_sources_then_claims_then_ids(store: GraphStore) -> None:
    a = source("Iran arms Hamas. Iran arms Hamas again. Syria funds Hamas.")
    b = source("Syria funds Hamas, it is said.")
    store.ingest(a, list(ACTORS), [
        claim(a, "iran", "arms", "hamas", "Iran arms Hamas", nth=0),
        claim(a, "iran", "arms", "hamas", "Iran arms Hamas", nth=1),
        claim(a, "syria", "funding", "hamas", "Syria funds Hamas"),
    ])
    store.ingest(b, [], [claim(b, "syria", "funding", "hamas", "Syria funds Hamas")])
    assert keys(store.edges(EdgeFilter()).items) == [
        ("syria", "funding", "hamas"),  # 2 sources
        ("iran", "arms", "hamas"),      # 1 source, 2 claims
    ]


def test_supporters_and_supported(loaded: GraphStore) -> None:
    into = loaded.supporters("hezbollah")
    assert keys(into.items) == [("iran", "funding", "hezbollah"), ("iran", "arms", "hezbollah"),
                                ("syria", "support", "hezbollah")]
    assert into.total == 3
    assert keys(loaded.supporters("hezbollah", EdgeFilter(subtypes=False)).items) == [
        ("syria", "support", "hezbollah")]
    assert keys(loaded.supporters("hezbollah", EdgeFilter(relations=(Relation.ARMS,))).items
                ) == [("iran", "arms", "hezbollah")]
    assert keys(loaded.supporters("hezbollah", EdgeFilter(min_sources=2)).items) == [
        ("iran", "funding", "hezbollah")]
    assert keys(loaded.supported("iran").items) == [("iran", "funding", "hezbollah"),
                                                    ("iran", "arms", "hezbollah")]
    assert keys(loaded.supported("irgc").items) == [("irgc", "training", "hamas")]
    assert loaded.supported("israel").total == 0
    every = EdgeFilter(modalities=frozenset(Modality))
    assert keys(loaded.supported("iran", every).items) == [
        ("iran", "funding", "hezbollah"), ("iran", "arms", "hezbollah"),
        ("iran", "arms", "houthis"), ("iran", "funding", "hamas")]
    assert EdgeFilter().modalities == COUNTED_MODALITIES


def test_unknown_actor_in_filter_is_not_found(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.edges(EdgeFilter(subject="nobody"))
    with pytest.raises(NotFound):
        loaded.supporters("hezbolah")


def test_source_filter_with_unstored_source_gives_nothing(loaded: GraphStore) -> None:
    assert loaded.edges(EdgeFilter(source="sha256:" + "0" * 64)).total == 0
    assert loaded.edges(EdgeFilter(source=S1.id)).total == 3
