"""Server-side positions for graphs too large for the browser's physics simulation.

Each connected component is drawn as a radial tree: its root (the view's centre, or
its best-connected actor) in the middle and every other actor on the ring of its
breadth-first distance, in a wedge proportional to the size of its subtree. Rings
widen when crowded so labels do not pile up. Components are then packed in rows,
largest first. It is linear in the size of the graph, so 5,000 actors take
milliseconds, and it needs nothing beyond networkx.

>>> pos = radial_layout(["a", "b", "c"], [("a", "b"), ("a", "c")])
>>> pos["a"]
(0.0, 0.0)
>>> sorted(round((x * x + y * y) ** 0.5) for x, y in (pos["b"], pos["c"]))
[180, 180]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networkx as nx

PHYSICS_MAX_NODES = 300
"""Above this many actors the browser gets positions and physics is off."""

RING = 180.0  # distance between rings of a radial tree
SPACING = 60.0  # least arc length between neighbours on a ring
GAP = 120.0  # space between packed components


def needs_server_layout(n_nodes: int) -> bool:
    return n_nodes > PHYSICS_MAX_NODES


def _radial(g: nx.Graph, root: str) -> tuple[dict[str, tuple[float, float]], float]:
    """Positions of the component of `root`, around it at the origin, and its radius."""
    tree = nx.bfs_tree(g, root,
                       sort_neighbors=lambda ns: sorted(ns, key=lambda n: (-g.degree(n), n)))
    depth: dict[str, int] = {root: 0}
    order = list(nx.topological_sort(tree))  # parents before children
    for n in order[1:]:
        depth[n] = depth[next(iter(tree.predecessors(n)))] + 1
    leaves: dict[str, int] = {}
    for n in reversed(order):
        leaves[n] = sum(leaves[c] for c in tree.successors(n)) or 1
    per_ring: dict[int, int] = {}
    for d in depth.values():
        per_ring[d] = per_ring.get(d, 0) + 1
    radius: dict[int, float] = {0: 0.0}
    for d in range(1, max(per_ring) + 1):
        crowded = per_ring[d] * SPACING / (2 * math.pi)
        radius[d] = max(radius[d - 1] + RING, crowded)
    pos: dict[str, tuple[float, float]] = {}
    wedge: dict[str, tuple[float, float]] = {root: (0.0, 2 * math.pi)}
    for n in order:
        lo, hi = wedge[n]
        mid = (lo + hi) / 2
        r = radius[depth[n]]
        pos[n] = (round(r * math.cos(mid), 1), round(r * math.sin(mid), 1))
        at = lo
        for child in tree.successors(n):
            share = (hi - lo) * leaves[child] / leaves[n]
            wedge[child] = (at, at + share)
            at += share
    return pos, radius[max(per_ring)]


def radial_layout(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]], center: str | None = None
) -> dict[str, tuple[float, float]]:
    """Positions for every node: radial trees per component, packed in rows."""
    g: nx.Graph = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from((a, b) for a, b in edges if a != b)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[dict[str, tuple[float, float]], float]] = []
    for comp in comps:
        root = center if center is not None and center in comp \
            else max(comp, key=lambda n: (g.degree(n), n))
        placed.append(_radial(g, root))  # the walk from root stays in its component
    total_area = sum((2 * r + GAP) ** 2 for _, r in placed)
    row_width = max(math.sqrt(total_area), 2 * placed[0][1] + GAP) if placed else 0.0
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, r in placed:
        size = 2 * r + GAP
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for n, (px, py) in pos.items():
            out[n] = (round(px + cx, 1), round(py + cy, 1))
        x += size
        row_height = max(row_height, size)
    if out and placed:  # keep the largest component's root at the origin
        first = next(iter(placed[0][0]))
        ox, oy = out[first]
        out = {n: (round(px - ox, 1), round(py - oy, 1)) for n, (px, py) in out.items()}
    return out
