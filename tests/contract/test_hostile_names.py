"""Names and ids holding quotes, backticks, SQL and Cypher fragments, and any script,
go in and come out intact (and do no harm on the way)."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from graph import export
from graph.model import Actor, Source
from graph.relations import Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import claim, keys, source

HOSTILE = [
    Actor(id="drop'); DROP TABLE claims;--", name="'); DROP TABLE claims;--",
          aliases=('" OR 1=1 --',)),
    Actor(id="n}) DETACH DELETE n //", name="} RETURN n //", aliases=("MATCH (n) DELETE n",)),
    Actor(id="`tick`", name="`Backtick` Brigade", aliases=("a`b``c",)),
    Actor(id="o'brien\"s", name="O'Brien \"Group\"", aliases=("\\'; --", "%_ wildcard%")),
    Actor(id="حزب-الله", name="حزب الله", aliases=("Хезболла", "ヒズボラ", "🙂 Smile Front")),
    Actor(id="$param", name="$name {x: 1}", aliases=("${injected}", "?1 ? :named")),
]


@pytest.fixture
def hostile(store: GraphStore) -> tuple[GraphStore, Source]:
    text = " ".join(f"{a.name} supports {b.name}." for a, b in zip(HOSTILE, HOSTILE[1:],
                                                                    strict=False))
    src = source(text, title="'); DROP TABLE sources;-- `x` } RETURN 1 //")
    claims = [claim(src, a.id, Relation.SUPPORT, b.id, f"{a.name} supports {b.name}")
              for a, b in zip(HOSTILE, HOSTILE[1:], strict=False)]
    store.ingest(src, HOSTILE, claims)
    return store, src


def test_hostile_names_round_trip(hostile: tuple[GraphStore, Source]) -> None:
    store, src = hostile
    for actor in HOSTILE:
        assert store.get_actor(actor.id) == actor
    assert store.get_source(src.id) == src
    s = store.stats()
    assert (s.actors, s.sources, s.claims, s.edges) == (6, 1, 5, 5)


@pytest.mark.parametrize("actor", HOSTILE, ids=lambda a: a.id)
def test_hostile_names_search_filter_and_traverse(hostile: tuple[GraphStore, Source],
                                                  actor: Actor) -> None:
    store, _ = hostile
    for name in actor.names():
        assert actor.id in [a.id for a in store.search_actors(name).items], name
    touching = store.edges(EdgeFilter(actor=actor.id))
    assert touching.total >= 1
    assert all(actor.id in (e.subject, e.object) for e in touching.items)
    hood = store.neighbourhood(actor.id)
    assert hood.nodes[0] == actor


def test_hostile_evidence_paths_merge_export(hostile: tuple[GraphStore, Source]) -> None:
    store, src = hostile
    first, second, last = HOSTILE[0], HOSTILE[1], HOSTILE[-1]
    (ev,) = store.evidence(first.id, Relation.SUPPORT, second.id).items
    assert ev.claim.quote == f"{first.name} supports {second.name}"
    assert ev.source.title == "'); DROP TABLE sources;-- `x` } RETURN 1 //"
    (path,) = store.paths(first.id, last.id, max_hops=5)
    assert path.actors == [a.id for a in HOSTILE]
    g = nx.read_graphml(io.StringIO(export.to_graphml(store)), force_multigraph=True)
    assert {g.nodes[a.id]["name"] for a in HOSTILE} == {a.name for a in HOSTILE}
    report = store.merge_actors(last.id, first.id)
    assert report.claims_moved == 1
    assert store.get_actor(first.id).id == last.id
    assert keys(store.supported(first.id).items) == [(last.id, "support", second.id)]
    assert store.retract(src.id).claims_removed == 5
    assert store.stats().claims == 0
