"""Edges, evidence, paths, the graph, export and stats over HTTP."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from tests.api.conftest import Seeded


def test_edges_filter_and_paginate(client: TestClient, seeded: Seeded):
    everything = client.get("/edges").json()
    assert everything["total"] == 6  # denial and hypothesis alone make no edge
    page = client.get("/edges", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 6 and len(page["items"]) == 2
    supports = client.get("/edges", params={"relation": "support"}).json()
    assert {e["relation"] for e in supports["items"]} == {"support", "funding", "arms",
                                                           "training"}
    strict = client.get("/edges", params={"relation": "support", "subtypes": "false"}).json()
    assert {e["relation"] for e in strict["items"]} == {"support"}
    by_name = client.get("/edges", params={"subject": "Hizballah"}).json()
    assert [(e["relation"], e["object"]) for e in by_name["items"]] == [("training", "houthis")]
    around = client.get("/edges", params={"actor": "syria"}).json()
    assert [e["relation"] for e in around["items"]] == ["alliance"]
    of_source = client.get("/edges", params={"source": seeded.c.id}).json()
    assert [(e["subject"], e["object"]) for e in of_source["items"]] == [("iran", "hamas")]


def test_evidence_lists_quotes_and_counter_evidence(client: TestClient, seeded: Seeded):
    r = client.get("/edges/Iran/arms/Ansar Allah/evidence")
    assert r.status_code == 200
    body = r.json()
    assert (body["subject"]["id"], body["object"]["id"]) == ("iran", "houthis")
    assert (body["claims"], body["sources"], body["counter_claims"]) == (1, 1, 1)
    roles = {item["role"]: item for item in body["items"]}
    reported, denied = roles["supporting"], roles["counter"]
    assert reported["claim"]["quote"] == "Iran supplied weapons to the Houthis"
    assert reported["claim"]["attributed_to"] == "a UN panel"
    assert reported["claim"]["modality"] == "reported"
    a = seeded.a
    start, end = reported["claim"]["start"], reported["claim"]["end"]
    assert a.text[start:end] == reported["claim"]["quote"]
    assert reported["source"]["title"] == "Channels of support"
    assert reported["source"]["url"] == "https://example.org/a"
    assert denied["claim"]["modality"] == "denied"
    assert denied["source"]["id"] == seeded.b.id


def test_evidence_pages_with_totals_of_the_whole_edge(client: TestClient, seeded: Seeded):
    url = "/edges/iran/arms/houthis/evidence"
    whole = client.get(url).json()
    assert (whole["total"], whole["limit"], whole["offset"]) == (2, 50, 0)
    pages = [client.get(url, params={"limit": 1, "offset": o}).json() for o in (0, 1, 2)]
    assert [len(p["items"]) for p in pages] == [1, 1, 0]
    for p in pages:  # each page still counts the whole edge, denial included
        assert (p["claims"], p["sources"], p["counter_claims"], p["total"]) == (1, 1, 1, 2)
    ids = [i["claim"]["id"] for p in pages for i in p["items"]]
    assert sorted(ids) == sorted(i["claim"]["id"] for i in whole["items"])
    assert {i["role"] for p in pages for i in p["items"]} == {"supporting", "counter"}


def test_evidence_page_bounds(client: TestClient, seeded: Seeded):
    url = "/edges/iran/arms/houthis/evidence"
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}, {"limit": "x"}):
        r = client.get(url, params=bad)
        assert r.status_code == 422, bad
        assert next(iter(bad)) in r.text
    spec = client.get("/openapi.json").json()
    params = spec["paths"]["/edges/{subject}/{relation}/{object}/evidence"]["get"]["parameters"]
    described = {p["name"]: p for p in params}
    assert described["limit"]["schema"]["maximum"] == 1000
    assert described["limit"]["schema"]["default"] == 50
    assert described["offset"]["schema"]["minimum"] == 0
    assert described["limit"]["description"]


def test_evidence_of_alliance_either_way_round(client: TestClient, seeded: Seeded):
    one = client.get("/edges/syria/alliance/russia/evidence").json()
    other = client.get("/edges/russia/alliance/syria/evidence").json()
    assert one["claims"] == other["claims"] == 1
    assert one["items"][0]["claim"]["quote"] == "Russia is allied with Syria"


def test_evidence_hypothetical_is_other(client: TestClient, seeded: Seeded):
    body = client.get("/edges/iran/arms/hamas/evidence").json()
    assert body["claims"] == 0
    assert [i["role"] for i in body["items"]] == ["other"]


def test_evidence_errors(client: TestClient, seeded: Seeded):
    assert client.get("/edges/iran/friendship/hamas/evidence").status_code == 422
    r = client.get("/edges/Irann/arms/hamas/evidence")
    assert r.status_code == 404 and "Iran" in r.json()["suggestions"]
    assert client.get("/edges/iran/arms/iran/evidence").status_code == 422


def test_paths_through_a_shared_partner(client: TestClient, seeded: Seeded):
    r = client.get("/paths", params={"from": "Hamas", "to": "Houthis"})
    assert r.status_code == 200
    body = r.json()
    assert body["from"]["id"] == "hamas" and body["to"]["id"] == "houthis"
    shortest = body["paths"][0]
    assert [a["id"] for a in shortest["actors"]] == ["hamas", "iran", "houthis"]
    assert len(shortest["hops"]) == 2
    assert shortest["evidence"] == sum(h["claims"] for h in shortest["hops"])


def test_paths_limits(client: TestClient, seeded: Seeded):
    none = client.get("/paths", params={"from": "hamas", "to": "syria"}).json()
    assert none["paths"] == []
    for params in ({"from": "hamas", "to": "syria", "max_hops": 0},
                   {"from": "hamas", "to": "syria", "max_hops": 7},
                   {"from": "hamas"}, {"from": "hamas", "to": "hamas"},
                   {"from": "hamas", "to": "syria", "relation": "love"}):
        assert client.get("/paths", params=params).status_code == 422, params
    assert client.get("/paths", params={"from": "hamas", "to": "Narnia"}).status_code == 404


def test_graph_around_an_actor(client: TestClient, seeded: Seeded):
    body = client.get("/graph", params={"center": "Hezbollah", "depth": 1}).json()
    assert {n["id"] for n in body["nodes"]} == {"hezbollah", "iran", "houthis"}
    assert all(e["subject"] in {"hezbollah", "iran", "houthis"} for e in body["edges"])
    assert body["truncated"] is False
    whole = client.get("/graph").json()
    assert {n["id"] for n in whole["nodes"]} == {"iran", "hezbollah", "houthis", "hamas",
                                                 "syria", "russia"}
    filtered = client.get("/graph", params={"relation": "alliance"}).json()
    assert {n["id"] for n in filtered["nodes"]} == {"russia", "syria"}
    assert client.get("/graph", params={"depth": 9}).status_code == 422
    assert client.get("/graph", params={"center": "nobody-at-all"}).status_code == 404


def test_export_formats(client: TestClient, seeded: Seeded):
    js = client.get("/export", params={"format": "json"})
    assert js.status_code == 200
    data = js.json()
    assert len(data["claims"]) == len(seeded.claims)
    assert {s["id"] for s in data["sources"]} == {seeded.a.id, seeded.b.id, seeded.c.id}
    gml = client.get("/export", params={"format": "graphml"})
    assert gml.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(gml.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:edge", ns)) == 6
    assert len(root.findall(".//g:node", ns)) == 6
    rows = list(csv.DictReader(io.StringIO(client.get("/export?format=csv").text)))
    assert len(rows) == len(seeded.claims)
    denied = [r for r in rows if r["modality"] == "denied"]
    assert denied[0]["quote"] == "Iran denied arming the Houthis"
    assert client.get("/export", params={"format": "xlsx"}).status_code == 422


def test_stats(client: TestClient, seeded: Seeded):
    body = client.get("/stats").json()
    assert (body["actors"], body["sources"], body["claims"]) == (6, 3, 8)
    assert body["edges"] == 6
    assert body["by_modality"]["denied"] == 1
