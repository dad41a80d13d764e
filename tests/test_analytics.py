"""Graph analytics on small hand-made graphs of aggregated edges."""

from __future__ import annotations

import pytest

from graph import analytics
from graph.errors import InvalidInput
from graph.model import Edge
from graph.relations import Relation


def e(s: str, rel: str, o: str, sources: int = 1, claims: int = 1) -> Edge:
    return Edge(subject=s, relation=Relation(rel), object=o, claims=claims, sources=sources)


def test_simple_paths_shortest_first_and_bounded() -> None:
    g = analytics.build_graph([e("a", "support", "b"), e("b", "support", "c"),
                               e("a", "funding", "c"), e("c", "arms", "d")])
    assert analytics.simple_paths(g, "a", "c", max_hops=2) == [["a", "c"], ["a", "b", "c"]]
    assert analytics.simple_paths(g, "a", "d", max_hops=2) == [["a", "c", "d"]]
    assert analytics.simple_paths(g, "a", "d", max_hops=3) == [["a", "c", "d"],
                                                              ["a", "b", "c", "d"]]
    assert analytics.simple_paths(g, "a", "d", max_hops=3, limit=1) == [["a", "c", "d"]]
    assert analytics.simple_paths(g, "a", "zz", max_hops=3) == []
    no_funding = analytics.relation_test(frozenset({Relation.SUPPORT, Relation.ARMS}))
    assert analytics.simple_paths(g, "a", "d", max_hops=3, keep=no_funding) == [
        ["a", "b", "c", "d"]]


def test_paths_around_a_hub_stop_at_the_limit() -> None:
    # a hub joined to 2,000 spokes, each spoke joined to the target: 2,000 paths of 2 hops
    edges = [e("start", "support", "hub")]
    edges += [e("hub", "support", f"s{i:04d}") for i in range(2000)]
    edges += [e(f"s{i:04d}", "support", "end") for i in range(2000)]
    g = analytics.build_graph(edges)
    found = analytics.simple_paths(g, "start", "end", max_hops=3, limit=5)
    assert found == [["start", "hub", f"s{i:04d}", "end"] for i in range(5)]


def test_expand_path_offers_each_edge_choice_strongest_first() -> None:
    g = analytics.build_graph([e("a", "funding", "b", sources=3, claims=3),
                               e("b", "arms", "a", sources=1), e("b", "support", "c")])
    combos = analytics.expand_path(g, ["a", "b", "c"])
    assert [[h.relation.value for h in c] for c in combos] == [["funding", "support"],
                                                               ["arms", "support"]]


def test_neighbourhood_rings_and_cut() -> None:
    g = analytics.build_graph([e("x", "support", "a", sources=1), e("b", "support", "x",
                               sources=5), e("a", "support", "far")])
    assert analytics.neighbourhood(g, "x", 1) == (["x", "b", "a"], False)
    assert analytics.neighbourhood(g, "x", 2) == (["x", "b", "a", "far"], False)
    assert analytics.neighbourhood(g, "x", 2, max_nodes=2) == (["x", "b"], True)
    assert analytics.neighbourhood(g, "ghost", 2) == (["ghost"], False)


def test_best_connected_and_centrality() -> None:
    g = analytics.build_graph([e("hub", "support", f"s{i}", sources=2) for i in range(4)]
                              + [e("s0", "alliance", "s1")])
    nodes, cut = analytics.best_connected(g, 2)
    assert nodes == ["hub", "s0"] and cut
    degree = analytics.centrality(g, "degree")
    assert max(degree, key=lambda n: degree[n]) == "hub"
    between = analytics.centrality(g, "betweenness")
    assert between["hub"] > between["s2"] == 0.0
    rank = analytics.centrality(g, "eigenvector")
    assert max(rank, key=lambda n: rank[n]) == "hub"
    with pytest.raises(InvalidInput):
        analytics.centrality(g, "fame")
