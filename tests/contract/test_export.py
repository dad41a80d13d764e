"""Export: GraphML that networkx reads back, JSON that parses back."""

from __future__ import annotations

import io
import json

import networkx as nx

from graph import export
from graph.model import Claim
from graph.relations import Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import load


def test_whole_store_graphml_reads_back(store: GraphStore) -> None:
    load(store)
    g = nx.read_graphml(io.StringIO(export.to_graphml(store)), force_multigraph=True)
    assert set(g.nodes) == {"hezbollah", "iran", "syria", "israel", "irgc", "hamas"}
    assert g.nodes["hezbollah"]["name"] == "Hezbollah"
    assert g.nodes["hezbollah"]["aliases"] == "Hizballah; Ḥizb Allāh"
    edges = {(u, d["relation"], v): d for u, v, d in g.edges(data=True)}
    assert len(edges) == 6
    funding = edges[("iran", "funding", "hezbollah")]
    assert (funding["claims"], funding["sources"]) == (2, 2)
    assert (funding["first_seen"], funding["last_seen"]) == ("2020-01-15", "2021-06-01")


def test_subgraph_graphml_and_json(store: GraphStore) -> None:
    load(store)
    sub = store.neighbourhood("israel", depth=2, flt=EdgeFilter(relations=(
        Relation.HOSTILITY, Relation.SUPPORT)))
    g = nx.read_graphml(io.StringIO(export.subgraph_graphml(sub)), force_multigraph=True)
    assert set(g.nodes) == {a.id for a in sub.nodes} == {"israel", "hezbollah", "iran", "syria"}
    assert sorted((u, d["relation"], v) for u, v, d in g.edges(data=True)) == sorted(
        (e.subject, e.relation.value, e.object) for e in sub.edges)
    doc = json.loads(export.subgraph_json(sub))
    assert [a["id"] for a in doc["actors"]] == [a.id for a in sub.nodes]
    assert len(doc["edges"]) == len(sub.edges) == 4
    assert doc["truncated"] is False


def test_whole_store_json_holds_everything(store: GraphStore) -> None:
    load(store)
    doc = json.loads(export.to_json(store))
    assert len(doc["actors"]) == 7 and len(doc["sources"]) == 3 and len(doc["edges"]) == 6
    claims = [Claim.model_validate(c) for c in doc["claims"]]
    assert sorted(c.id for c in claims) == sorted(c.id for c in store.claims(limit=100).items)
    texts = {s["id"]: s["text"] for s in doc["sources"]}
    assert all(texts[c.source][c.start:c.end] == c.quote for c in claims)


def test_export_of_an_empty_store(store: GraphStore) -> None:
    g = nx.read_graphml(io.StringIO(export.to_graphml(store)))
    assert g.number_of_nodes() == 0
    doc = json.loads(export.to_json(store))
    assert (doc["actors"], doc["claims"], doc["edges"], doc["sources"]) == ([], [], [], [])
