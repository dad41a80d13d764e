"""Paths, neighbourhoods and subgraphs over the derived edges."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import NotFound
from graph.model import Actor
from graph.relations import Modality, Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import ACTORS, S2, claim, keys, load, source


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def hop_keys(path: object) -> list[tuple[str, str, str]]:
    return keys(path.hops)  # type: ignore[attr-defined]


def test_paths_walk_either_direction_with_evidence(loaded: GraphStore) -> None:
    paths = loaded.paths("iran", "israel")
    assert [p.actors for p in paths] == [["iran", "hezbollah", "israel"]] * 2
    assert [hop_keys(p) for p in paths] == [
        [("iran", "funding", "hezbollah"), ("hezbollah", "hostility", "israel")],
        [("iran", "arms", "hezbollah"), ("hezbollah", "hostility", "israel")]]
    assert [p.evidence for p in paths] == [3, 2]
    back = loaded.paths("israel", "iran")
    assert back[0].actors == ["israel", "hezbollah", "iran"]


def test_paths_shortest_first(loaded: GraphStore) -> None:
    src = source("Iran funds Hamas. Hamas and Hezbollah are allies.")
    loaded.ingest(src, [], [claim(src, "iran", "funding", "hamas", "Iran funds Hamas"),
                            claim(src, "hamas", "alliance", "hezbollah",
                                  "Hamas and Hezbollah are allies")])
    paths = loaded.paths("iran", "hezbollah", max_hops=2)
    assert [p.actors for p in paths] == [["iran", "hezbollah"], ["iran", "hezbollah"],
                                         ["iran", "hamas", "hezbollah"]]
    assert [len(p.hops) for p in paths] == [1, 1, 2]
    assert hop_keys(paths[0]) == [("iran", "funding", "hezbollah")]
    assert len(loaded.paths("iran", "hezbollah", max_hops=2, limit=1)) == 1
    assert [p.actors for p in loaded.paths("iran", "hezbollah", max_hops=1)] == [
        ["iran", "hezbollah"]] * 2


def test_paths_bounds_and_filters(loaded: GraphStore) -> None:
    assert loaded.paths("iran", "israel", max_hops=1) == []
    assert loaded.paths("iran", "hamas") == []  # not connected
    assert loaded.paths("iran", "houthis") == []  # only a denied claim joins them
    support = loaded.paths("iran", "syria", relations=[Relation.SUPPORT])
    assert [hop_keys(p) for p in support] == [
        [("iran", "funding", "hezbollah"), ("syria", "support", "hezbollah")],
        [("iran", "arms", "hezbollah"), ("syria", "support", "hezbollah")]]
    assert loaded.paths("iran", "israel", relations=[Relation.SUPPORT]) == []
    assert len(loaded.paths("iran", "syria", max_hops=3)) == 4
    strong = loaded.paths("iran", "hezbollah", min_sources=2)
    assert [hop_keys(p) for p in strong] == [[("iran", "funding", "hezbollah")]]
    assert loaded.paths("iran", "syria", min_sources=2) == []
    with pytest.raises(NotFound):
        loaded.paths("iran", "nobody")


def test_neighbourhood_depth_one_and_two(loaded: GraphStore) -> None:
    one = loaded.neighbourhood("hezbollah")
    assert [a.id for a in one.nodes] == ["hezbollah", "iran", "syria", "israel"]
    assert len(one.edges) == 5 and not one.truncated
    assert one.nodes[0] == next(a for a in ACTORS if a.id == "hezbollah")
    near = loaded.neighbourhood("israel", depth=1)
    assert [a.id for a in near.nodes] == ["israel", "hezbollah"]
    assert keys(near.edges) == [("hezbollah", "hostility", "israel")]
    far = loaded.neighbourhood("israel", depth=2)
    assert [a.id for a in far.nodes] == ["israel", "hezbollah", "iran", "syria"]
    assert len(far.edges) == 5


def test_neighbourhood_filters_and_cut(loaded: GraphStore) -> None:
    support = loaded.neighbourhood("hezbollah",
                                   flt=EdgeFilter(relations=(Relation.SUPPORT,)))
    assert [a.id for a in support.nodes] == ["hezbollah", "iran", "syria"]
    assert keys(support.edges) == [("iran", "funding", "hezbollah"),
                                   ("iran", "arms", "hezbollah"),
                                   ("syria", "support", "hezbollah")]
    every = loaded.neighbourhood("iran", flt=EdgeFilter(modalities=frozenset(Modality)))
    assert [a.id for a in every.nodes] == ["iran", "hezbollah", "hamas", "houthis"]
    recent = loaded.neighbourhood("hezbollah", flt=EdgeFilter(since=date(2021, 1, 1)))
    assert [a.id for a in recent.nodes] == ["hezbollah", "iran"]
    assert [e.claims for e in recent.edges] == [1]
    only = loaded.neighbourhood("hezbollah", flt=EdgeFilter(source=S2.id))
    assert keys(only.edges) == [("iran", "funding", "hezbollah")]
    cut = loaded.neighbourhood("hezbollah", max_nodes=2)
    assert [a.id for a in cut.nodes] == ["hezbollah", "iran"] and cut.truncated
    assert keys(cut.edges) == [("iran", "funding", "hezbollah"), ("iran", "arms", "hezbollah")]


def test_neighbourhood_of_lonely_and_unknown_actors(loaded: GraphStore) -> None:
    loaded.add_actors([Actor(id="loner", name="Loner")])
    alone = loaded.neighbourhood("loner", depth=2)
    assert [a.id for a in alone.nodes] == ["loner"] and alone.edges == []
    with pytest.raises(NotFound):
        loaded.neighbourhood("nobody")


def test_subgraph_best_connected_first(loaded: GraphStore) -> None:
    whole = loaded.subgraph()
    assert [a.id for a in whole.nodes] == ["hezbollah", "iran", "syria", "hamas", "irgc",
                                           "israel"]
    assert len(whole.edges) == 6 and not whole.truncated
    top = loaded.subgraph(max_nodes=2)
    assert [a.id for a in top.nodes] == ["hezbollah", "iran"] and top.truncated
    assert keys(top.edges) == [("iran", "funding", "hezbollah"), ("iran", "arms", "hezbollah")]
    hostile = loaded.subgraph(EdgeFilter(relations=(Relation.HOSTILITY,)))
    assert [a.id for a in hostile.nodes] == ["hezbollah", "israel"]
    assert keys(hostile.edges) == [("hezbollah", "hostility", "israel")]
    strong = loaded.subgraph(EdgeFilter(min_sources=2))
    assert [a.id for a in strong.nodes] == ["hezbollah", "iran"]
    one_source = loaded.subgraph(EdgeFilter(source=S2.id))
    assert [a.id for a in one_source.nodes] == ["hamas", "hezbollah", "iran", "irgc"]
    assert len(one_source.edges) == 2


def test_traversal_sees_writes(loaded: GraphStore) -> None:
    assert loaded.paths("iran", "hamas") == []
    src = source("Hezbollah trains Hamas.")
    loaded.ingest(src, [], [claim(src, "hezbollah", "training", "hamas",
                                  "Hezbollah trains Hamas")])
    assert [p.actors for p in loaded.paths("iran", "hamas")][0] == ["iran", "hezbollah",
                                                                    "hamas"]
    assert "hamas" in [a.id for a in loaded.neighbourhood("hezbollah").nodes]
    loaded.retract(src.id)
    assert loaded.paths("iran", "hamas") == []
