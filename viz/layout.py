"""Server-side positions for graphs too large for the browser's physics simulation.

Each connected component is drawn as a radial tree: its root (the view's centre, or
its best-connected actor) in the middle and every other actor on the ring of its
breadth-first distance, in a wedge proportional to the size of its subtree. Rings
widen when crowded so labels do not pile up. Components are then packed in rows,
largest first. It is plain Python over adjacency sets, about linear in the size of
the graph (each actor's neighbours are sorted once), so 5,000 actors and 30,000
edges take a fraction of a second.

>>> pos = radial_layout(["a", "b", "c"], [("a", "b"), ("a", "c")])
>>> pos["a"]
(0.0, 0.0)
>>> sorted(round((x * x + y * y) ** 0.5) for x, y in (pos["b"], pos["c"]))
[180, 180]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

PHYSICS_MAX_NODES = 300
"""Above this many actors the browser gets positions and physics is off."""

RING = 180.0  # distance between rings of a radial tree
SPACING = 60.0  # least arc length between neighbours on a ring
GAP = 120.0  # space between packed components


def needs_server_layout(n_nodes: int) -> bool:
    return n_nodes > PHYSICS_MAX_NODES


Adjacency = dict[str, set[str]]


def _radial(g: Adjacency, root: str) -> tuple[dict[str, tuple[float, float]], float]:
    """Positions of the component of `root`, around it at the origin, and its radius."""
    # breadth-first tree from root, best-connected neighbours first
    children: dict[str, list[str]] = {}
    depth: dict[str, int] = {root: 0}
    order = [root]  # parents before children
    for n in order:  # grows while walked
        kids = [m for m in sorted(g[n], key=lambda m: (-len(g[m]), m)) if m not in depth]
        for m in kids:
            depth[m] = depth[n] + 1
        children[n] = kids
        order.extend(kids)
    leaves: dict[str, int] = {}
    for n in reversed(order):
        leaves[n] = sum(leaves[c] for c in children[n]) or 1
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
        for child in children[n]:
            share = (hi - lo) * leaves[child] / leaves[n]
            wedge[child] = (at, at + share)
            at += share
    return pos, radius[max(per_ring)]


def _components(g: Adjacency) -> list[list[str]]:
    """Connected components, each sorted; largest first, ties by first member."""
    seen: set[str] = set()
    comps: list[list[str]] = []
    for start in g:
        if start in seen:
            continue
        seen.add(start)
        comp = [start]
        for n in comp:  # grows while walked
            fresh = g[n] - seen
            seen |= fresh
            comp.extend(fresh)
        comps.append(sorted(comp))
    return sorted(comps, key=lambda c: (-len(c), c[0]))


def radial_layout(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]], center: str | None = None
) -> dict[str, tuple[float, float]]:
    """Positions for every node: radial trees per component, packed in rows."""
    g: Adjacency = {n: set() for n in nodes}
    for a, b in edges:
        if a != b:
            g.setdefault(a, set()).add(b)
            g.setdefault(b, set()).add(a)
    placed: list[tuple[dict[str, tuple[float, float]], float]] = []
    for comp in _components(g):
        root = center if center is not None and center in comp \
            else max(comp, key=lambda n: (len(g[n]), n))
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
