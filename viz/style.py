"""How the view encodes meaning: colours and shapes by actor kind, colours by relation.

Colours follow the Okabe-Ito palette where it has enough hues, so kinds and
relations stay distinguishable to most colour-blind readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from graph.model import ActorKind
from graph.relations import RELATIONS, Relation


@dataclass(frozen=True)
class KindStyle:
    colour: str
    shape: str  # a vis-network shape that draws its label below the node
    symbol: str  # the legend's glyph for the shape
    label: str


KIND_STYLES: dict[ActorKind, KindStyle] = {
    ActorKind.ARMED_GROUP: KindStyle("#d55e00", "triangle", "\u25b2", "armed group"),
    ActorKind.STATE: KindStyle("#0072b2", "square", "\u25a0", "state"),
    ActorKind.STATE_AGENCY: KindStyle("#56b4e9", "diamond", "\u25c6", "state agency"),
    ActorKind.IGO: KindStyle("#009e73", "hexagon", "\u2b22", "international organisation"),
    ActorKind.ORGANIZATION: KindStyle("#cc79a7", "dot", "\u25cf", "organisation"),
    ActorKind.PERSON: KindStyle("#e69f00", "star", "\u2605", "person"),
    ActorKind.OTHER: KindStyle("#7f7f7f", "triangleDown", "\u25bc", "other"),
}

RELATION_COLOURS: dict[Relation, str] = {
    Relation.ALLIANCE: "#2e7d32",
    Relation.SUPPORT: "#1565c0",
    Relation.FACILITATION: "#26a69a",
    Relation.FUNDING: "#c49a00",
    Relation.ARMS: "#c62828",
    Relation.TRAINING: "#6a1b9a",
    Relation.SAFE_HAVEN: "#8d6e63",
    Relation.INTELLIGENCE: "#00838f",
    Relation.PERSONNEL: "#ef6c00",
    Relation.HOSTILITY: "#37474f",
}

MAX_EDGE_WIDTH = 10.0


def edge_width(sources: int) -> float:
    """Line width for an edge backed by `sources` distinct sources (1 -> 1.5px)."""
    return round(min(MAX_EDGE_WIDTH, 1.5 + 2.0 * math.log2(max(sources, 1))), 2)


def node_size(degree: int) -> float:
    """Node radius grows with the square root of its number of edges."""
    return round(12.0 + 4.0 * math.sqrt(max(degree, 0)), 2)


def _parent(relation: Relation) -> str | None:
    parent = RELATIONS[relation].parent
    return parent.value if parent else None


def legend() -> dict[str, list[dict[str, object]]]:
    """The legend's entries, in taxonomy order, as plain data for templates and JSON."""
    return {
        "kinds": [{"kind": k.value, "label": s.label, "colour": s.colour, "shape": s.shape,
                   "symbol": s.symbol} for k, s in KIND_STYLES.items()],
        "relations": [{"relation": r.value, "label": RELATIONS[r].label,
                       "colour": RELATION_COLOURS[r], "directed": not RELATIONS[r].symmetric,
                       "parent": _parent(r)}
                      for r in Relation],
    }
