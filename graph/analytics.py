"""Graph analytics over aggregated edges (networkx): paths, neighbourhoods, the
best-connected part of a graph, centrality.

The graph is a `networkx.MultiDiGraph` whose nodes are actor ids and whose edges are
keyed by relation and carry an `EdgeRecord` (an Edge's fields in a small tuple; never
individual claims), so a million claims' worth of edges stays small in memory and
quick to build. Functions take the graph first and return plain data.

>>> from graph.model import Edge
>>> g = build_graph([Edge(subject="a", relation="support", object="b", claims=2, sources=1),
...                  Edge(subject="c", relation="funding", object="b", claims=1, sources=1)])
>>> simple_paths(g, "a", "c", max_hops=3)
[['a', 'b', 'c']]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import product
from typing import Any, NamedTuple

import networkx as nx

from graph.errors import AllegianceError, InvalidInput
from graph.model import Edge
from graph.relations import Modality, Relation

_MODALITIES = tuple(Modality)


class EdgeRecord(NamedTuple):
    """An Edge's fields, light enough to hold hundreds of thousands in memory;
    `modalities` counts claims per modality in `Modality` order."""

    subject: str
    relation: Relation
    object: str
    claims: int
    sources: int
    first_seen: date | None
    last_seen: date | None
    modalities: tuple[int, ...]

    @classmethod
    def of(cls, e: Edge) -> EdgeRecord:
        return cls(e.subject, e.relation, e.object, e.claims, e.sources, e.first_seen,
                   e.last_seen, tuple(e.modalities.get(m, 0) for m in _MODALITIES))

    def to_edge(self) -> Edge:
        return Edge(subject=self.subject, relation=self.relation, object=self.object,
                    claims=self.claims, sources=self.sources, first_seen=self.first_seen,
                    last_seen=self.last_seen,
                    modalities={m: n for m, n in zip(_MODALITIES, self.modalities,
                                                     strict=True) if n})


EdgeTest = Callable[[EdgeRecord], bool]
"""Whether an edge takes part in a walk."""


def _any(_: EdgeRecord) -> bool:
    return True


def build_graph(edges: Iterable[Edge | EdgeRecord], nodes: Iterable[str] = ()
                ) -> nx.MultiDiGraph:
    """A graph holding `edges` (keyed by relation) and any extra `nodes`."""
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    for e in edges:
        rec = e if isinstance(e, EdgeRecord) else EdgeRecord.of(e)
        g.add_edge(rec.subject, rec.object, key=rec.relation.value, edge=rec)
    return g


def edges_between(g: nx.MultiDiGraph, a: str, b: str, keep: EdgeTest = _any
                  ) -> list[EdgeRecord]:
    """Edges joining a and b in either direction, strongest first."""
    found: list[EdgeRecord] = []
    for u, v in ((a, b), (b, a)):
        data = g.succ[u].get(v) if u in g else None
        if data:
            found.extend(d["edge"] for d in data.values() if keep(d["edge"]))
    return sorted(found, key=_strength)


def _strength(e: EdgeRecord) -> tuple[int, int, str, str, str]:
    return (-e.sources, -e.claims, e.subject, e.relation.value, e.object)


def neighbours(g: nx.MultiDiGraph, node: str, keep: EdgeTest = _any) -> Iterator[str]:
    """Nodes joined to `node` by a kept edge, in either direction."""
    seen: set[str] = set()
    for adj in (g.succ[node], g.pred[node]):
        for other, data in adj.items():
            if other not in seen and any(keep(d["edge"]) for d in data.values()):
                seen.add(other)
                yield other


Adjacency = dict[str, set[str]]
"""Each node's neighbours over the kept edges, either direction."""


def adjacency(g: nx.MultiDiGraph, keep: EdgeTest = _any) -> Adjacency:
    """The undirected neighbour sets of the kept edges (one pass over the graph;
    worth keeping while the graph is unchanged)."""
    adj: Adjacency = {n: set() for n in g}
    for u, v, data in g.edges(data=True):
        if keep(data["edge"]):
            adj[u].add(v)
            adj[v].add(u)
    return adj


def _distances(adj: Adjacency, start: str, depth: int) -> dict[str, int]:
    dist = {start: 0}
    frontier = {start}
    for d in range(1, depth + 1):
        reached: set[str] = set().union(*(adj[u] for u in frontier))
        reached.difference_update(dist)
        if not reached:
            break
        dist.update(dict.fromkeys(reached, d))
        frontier = reached
    return dist


def simple_paths(g: nx.MultiDiGraph, start: str, end: str, *, max_hops: int,
                 keep: EdgeTest = _any, limit: int = 10, adj: Adjacency | None = None
                 ) -> list[list[str]]:
    """Simple paths from start to end of at most `max_hops` undirected hops,
    shortest first (then in id order), at most `limit` of them. `adj` is
    `adjacency(g, keep)` when the caller keeps one.

    Each step is pruned by the distance still to go, so the search stays close to
    the size of its answer even around hubs.

    >>> g = build_graph([Edge(subject="a", relation="support", object="b", claims=1, sources=1)])
    >>> simple_paths(g, "a", "b", max_hops=1), simple_paths(g, "b", "a", max_hops=1)
    ([['a', 'b']], [['b', 'a']])
    """
    if start not in g or end not in g or start == end or max_hops < 1:
        return []
    if adj is None:
        adj = adjacency(g, keep)
    to_end = _distances(adj, end, max_hops)
    if start not in to_end:
        return []
    found: list[list[str]] = []
    for length in range(to_end[start], max_hops + 1):
        _walk(adj, [start], end, length, to_end, limit, found)
        if len(found) >= limit:
            break
    return found


def _walk(adj: Adjacency, path: list[str], end: str, left: int, to_end: dict[str, int],
          limit: int, found: list[list[str]]) -> None:
    """Depth-first extension of `path` by exactly `left` hops to `end`."""
    node = path[-1]
    if node == end:
        if left == 0:
            found.append(list(path))
        return
    for nxt in sorted(v for v in adj[node] if to_end.get(v, left) <= left - 1):
        if len(found) >= limit:
            return
        if nxt in path:
            continue
        path.append(nxt)
        _walk(adj, path, end, left - 1, to_end, limit, found)
        path.pop()


def expand_path(g: nx.MultiDiGraph, nodes: list[str], keep: EdgeTest = _any,
                limit: int = 10) -> list[list[EdgeRecord]]:
    """The edge sequences along a node path (one per choice of edge at each hop),
    most evidence first."""
    choices = [edges_between(g, a, b, keep) for a, b in zip(nodes, nodes[1:], strict=False)]
    combos: list[list[EdgeRecord]] = []
    for combo in product(*choices):
        combos.append(list(combo))
        if len(combos) >= limit:
            break
    combos.sort(key=lambda hops: -sum(e.claims for e in hops))
    return combos


def neighbourhood(g: nx.MultiDiGraph, centre: str, depth: int, keep: EdgeTest = _any,
                  max_nodes: int = 500) -> tuple[list[str], bool]:
    """The centre and the nodes within `depth` hops of it, nearest first (strongest
    ties first within a ring), cut at `max_nodes`; and whether it was cut."""
    if centre not in g:
        return [centre], False
    chosen = [centre]
    seen = {centre}
    frontier = [centre]
    for _ in range(depth):
        ring: dict[str, int] = {}
        for u in frontier:
            for v in neighbours(g, u, keep):
                if v not in seen:
                    ring[v] = ring.get(v, 0) + sum(e.sources for e in edges_between(g, u, v, keep))
        ordered = sorted(ring, key=lambda n: (-ring[n], n))
        room = max_nodes - len(chosen)
        if len(ordered) > room:
            chosen.extend(ordered[:room])
            return chosen, True
        chosen.extend(ordered)
        seen.update(ordered)
        frontier = ordered
    return chosen, False


def induced_edges(g: nx.MultiDiGraph, nodes: Iterable[str], keep: EdgeTest = _any
                  ) -> list[EdgeRecord]:
    """The kept edges whose two ends are both in `nodes`, strongest first."""
    inside = set(nodes)
    out = [
        d["edge"]
        for u in inside if u in g
        for v, data in g.succ[u].items() if v in inside
        for d in data.values() if keep(d["edge"])
    ]
    return sorted(out, key=_strength)


def weighted_degree(g: nx.MultiDiGraph, keep: EdgeTest = _any) -> dict[str, int]:
    """Each node's kept edges' distinct sources, summed (in and out)."""
    score: dict[str, int] = {}
    for u, v, data in g.edges(data=True):
        e: EdgeRecord = data["edge"]
        if keep(e):
            score[u] = score.get(u, 0) + e.sources
            score[v] = score.get(v, 0) + e.sources
    return score


def best_connected(g: nx.MultiDiGraph, max_nodes: int, keep: EdgeTest = _any
                   ) -> tuple[list[str], bool]:
    """The nodes with kept edges, best connected first, cut at `max_nodes`;
    and whether it was cut."""
    score = weighted_degree(g, keep)
    ordered = sorted(score, key=lambda n: (-score[n], n))
    return ordered[:max_nodes], len(ordered) > max_nodes


def centrality(g: nx.MultiDiGraph, measure: str = "degree", keep: EdgeTest = _any
               ) -> dict[str, float]:
    """Centrality of each node over the kept edges, taken undirected and weighted by
    distinct sources: `degree`, `betweenness` (sampled above 2,000 nodes) or
    `eigenvector`."""
    h = nx.Graph()
    for u, v, data in g.edges(data=True):
        e: EdgeRecord = data["edge"]
        if keep(e):
            w = h.get_edge_data(u, v, {}).get("weight", 0)
            h.add_edge(u, v, weight=w + e.sources)
    result: dict[Any, float]
    if measure == "degree":
        result = nx.degree_centrality(h)
    elif measure == "betweenness":
        k = 500 if h.number_of_nodes() > 2000 else None
        result = nx.betweenness_centrality(h, k=k, seed=0)
    elif measure == "eigenvector":
        try:
            result = nx.eigenvector_centrality(h, max_iter=1000, weight="weight")
        except nx.PowerIterationFailedConvergence as exc:
            raise AllegianceError("eigenvector centrality did not converge") from exc
    else:
        raise InvalidInput(
            f"unknown centrality measure {measure!r}: use degree, betweenness or eigenvector")
    return {str(n): float(x) for n, x in result.items()}


def relation_test(relations: frozenset[Relation], min_sources: int = 1) -> EdgeTest:
    """An EdgeTest admitting edges of these relations with enough sources."""
    def keep(e: EdgeRecord) -> bool:
        return e.relation in relations and e.sources >= min_sources
    return keep
