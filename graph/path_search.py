"""The client side of the Neo4j backend's bounded path search: distance bounds from a
bidirectional breadth-first search, the depth-first walk over the candidate steps,
and the edge choices along a node path. Pure functions; the queries live in cypher.py.

The search asks the server for one ring of neighbours at a time, from whichever end
has the smaller frontier, so its work follows the size of the answer and not the
number of paths around a hub. With both ends' rings known to depths `hs` and `he`,
a node outside a ring is at least one further than that ring's depth: a lower bound
that is enough to name every step that can lie on a path of `length` hops once
hs + he >= length - 1.

>>> adj = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
>>> found: list[list[str]] = []
>>> walk(adj, "a", "d", 2, lambda n: 0, 10, found)
>>> found
[['a', 'b', 'd'], ['a', 'c', 'd']]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Any, TypeVar

T = TypeVar("T")

UNREACHABLE = 1 << 20
"""The distance bound of a node a finished search did not reach."""


@dataclass
class Rings:
    """Distances from one end, exact up to `depth`; `frontier` is the last ring."""

    dist: dict[str, int]
    frontier: list[str]
    depth: int = 0
    done: bool = False  # no ring left: every reachable node is in `dist`

    @classmethod
    def at(cls, node: str) -> Rings:
        return cls(dist={node: 0}, frontier=[node])

    def grow(self, ring: Sequence[str]) -> None:
        """Add the next ring (nodes not seen before, one hop beyond the frontier)."""
        self.depth += 1
        self.frontier = sorted(set(ring) - self.dist.keys())
        self.dist.update(dict.fromkeys(self.frontier, self.depth))
        self.done = not self.frontier

    def bound(self) -> int:
        """The least distance of a node outside `dist`."""
        return UNREACHABLE if self.done else self.depth + 1

    def lower(self, node: str) -> int:
        return self.dist.get(node, self.bound())


@dataclass
class Search:
    """The state of one path search between `start` and `end`."""

    start: Rings
    end: Rings
    found: list[list[str]] = field(default_factory=list)

    def min_length(self) -> int:
        """A lower bound of the start-to-end distance (UNREACHABLE when a finished
        side did not reach the other end)."""
        a, b = next(iter(self.start.dist)), next(iter(self.end.dist))
        return max(self.start.lower(b), self.end.lower(a))

    def on_walks(self, length: int) -> list[str]:
        """Known nodes that may lie on a path of `length` hops, in id order."""
        return sorted(n for n in self.start.dist.keys() | self.end.dist.keys()
                      if self.start.lower(n) + self.end.lower(n) <= length)

    def side_to_grow(self, length: int) -> Rings | None:
        """The side whose next ring is needed to name every step of a `length`-hop
        path (the smaller frontier first), or None when both rings suffice."""
        if self.start.done or self.end.done or self.start.depth + self.end.depth >= length - 1:
            return None
        return self.start if len(self.start.frontier) <= len(self.end.frontier) else self.end


def walk(adj: dict[str, list[str]], node: str, end: str, left: int,
         to_end: Callable[[str], int], limit: int, found: list[list[str]],
         path: list[str] | None = None) -> None:
    """Append to `found` the simple paths from `node` to `end` of exactly `left` more
    hops over `adj` (neighbours sorted: paths come in id order), until `found`
    holds `limit`. `to_end` is a lower bound of a node's distance to `end`."""
    path = path if path is not None else [node]
    if node == end:
        if left == 0:
            found.append(list(path))
        return
    for nxt in adj.get(node, ()):
        if len(found) >= limit:
            return
        if nxt in path or to_end(nxt) > left - 1:
            continue
        path.append(nxt)
        walk(adj, nxt, end, left - 1, to_end, limit, found, path)
        path.pop()


def edge_choices(choices: Sequence[Sequence[T]], key: Callable[[T], Any],
                 weight: Callable[[T], int], limit: int) -> list[list[T]]:
    """The edge sequences along a node path given each hop's edges: each hop's
    strongest (`key`) first, in order of choice, at most `limit`, then the heaviest
    (`weight` summed) first.

    >>> edge_choices([[3, 1], [2]], key=lambda e: -e, weight=lambda e: e, limit=5)
    [[3, 2], [1, 2]]
    """
    combos: list[list[T]] = []
    for combo in product(*(sorted(c, key=key) for c in choices)):
        combos.append(list(combo))
        if len(combos) >= limit:
            break
    combos.sort(key=lambda hops: -sum(weight(e) for e in hops))
    return combos
