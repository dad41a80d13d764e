"""Actors over HTTP: search, detail, supporters and supported, merge."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import MakeClient, Seeded

PROBLEM = "application/problem+json"


def test_search_by_alias_is_case_and_accent_insensitive(client: TestClient, seeded: Seeded):
    r = client.get("/actors", params={"q": "hizballah"})
    assert r.status_code == 200
    body = r.json()
    assert [a["id"] for a in body["items"]] == ["hezbollah"]
    assert body["total"] == 1


def test_list_actors_pages_with_totals(client: TestClient, seeded: Seeded):
    first = client.get("/actors", params={"limit": 2}).json()
    second = client.get("/actors", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == len(second["items"]) == 2
    assert {a["id"] for a in first["items"]}.isdisjoint({a["id"] for a in second["items"]})


def test_list_actors_by_kind(client: TestClient, seeded: Seeded):
    body = client.get("/actors", params={"kind": "state"}).json()
    assert {a["id"] for a in body["items"]} == {"iran", "syria", "russia"}


def test_actor_detail_by_name_with_counts(client: TestClient, seeded: Seeded):
    r = client.get("/actors/Party of God")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "hezbollah"
    assert body["supporters"] == 2  # iran: funding and support are distinct edges
    assert body["supported"] == 1  # trains the houthis
    assert body["edges"] == 3


def test_unknown_actor_is_404_with_suggestions(client: TestClient, seeded: Seeded):
    r = client.get("/actors/Hezbolah/supporters")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["status"] == 404
    assert "Hezbolah" in body["detail"]
    assert "Hezbollah" in body["suggestions"]


def test_supporters_with_counts_and_dates(client: TestClient, seeded: Seeded):
    body = client.get("/actors/hezbollah/supporters").json()
    assert body["actor"]["id"] == "hezbollah"
    got = {(e["subject"], e["relation"]): e for e in body["items"]}
    assert set(got) == {("iran", "funding"), ("iran", "support")}
    funding = got[("iran", "funding")]
    assert (funding["claims"], funding["sources"]) == (1, 1)
    assert funding["first_seen"] == funding["last_seen"] == "2020-01-01"
    assert funding["subject_name"] == "Iran"
    assert funding["evidence"] == "/edges/iran/funding/hezbollah/evidence"
    assert body["total"] == 2


def test_supporters_filters(client: TestClient, seeded: Seeded):
    only = client.get("/actors/hezbollah/supporters", params={"relation": "funding"}).json()
    assert [e["relation"] for e in only["items"]] == ["funding"]
    late = client.get("/actors/hezbollah/supporters", params={"since": "2021-01-01"}).json()
    assert [e["relation"] for e in late["items"]] == ["support"]
    early = client.get("/actors/hezbollah/supporters", params={"until": "2021-01-01"}).json()
    assert [e["relation"] for e in early["items"]] == ["funding"]
    assert client.get("/actors/hezbollah/supporters",
                      params={"min_sources": 2}).json()["items"] == []


def test_denied_claims_do_not_count_unless_asked(client: TestClient, seeded: Seeded):
    counted = client.get("/actors/houthis/supporters").json()["items"]
    arms = next(e for e in counted if e["relation"] == "arms")
    assert arms["claims"] == 1 and arms["modalities"] == {"reported": 1}
    denied = client.get("/actors/houthis/supporters", params={"modality": "denied"}).json()
    assert [(e["subject"], e["relation"]) for e in denied["items"]] == [("iran", "arms")]


def test_supported_by_alias(client: TestClient, seeded: Seeded):
    body = client.get("/actors/Tehran/supported").json()
    assert body["actor"]["id"] == "iran"
    assert {(e["relation"], e["object"]) for e in body["items"]} == {
        ("funding", "hezbollah"), ("support", "hezbollah"), ("arms", "houthis"),
        ("support", "hamas")}


def test_merge_moves_claims_and_keeps_old_id(client: TestClient, seeded: Seeded):
    r = client.post("/actors/merge", json={"keep": "Hezbollah", "merge": "Hamas"})
    assert r.status_code == 200, r.text
    assert r.json()["kept"] == "hezbollah" and r.json()["merged"] == "hamas"
    assert client.get("/actors/hamas").json()["id"] == "hezbollah"
    supporters = client.get("/actors/hezbollah/supporters").json()["items"]
    assert ("iran", "support") in {(e["subject"], e["relation"]) for e in supporters}


def test_merge_into_itself_is_conflict(client: TestClient, seeded: Seeded):
    r = client.post("/actors/merge", json={"keep": "iran", "merge": "Tehran"})
    assert r.status_code == 409
    assert r.headers["content-type"].startswith(PROBLEM)


def test_merge_unknown_is_404(client: TestClient, seeded: Seeded):
    r = client.post("/actors/merge", json={"keep": "iran", "merge": "Atlantis"})
    assert r.status_code == 404


def test_bad_parameters_are_422(client: TestClient, seeded: Seeded):
    for params in ({"limit": 0}, {"limit": 1001}, {"limit": -5}, {"offset": -1},
                   {"limit": "many"}, {"kind": "dragon"}):
        r = client.get("/actors", params=params)
        assert r.status_code == 422, params
        assert r.headers["content-type"].startswith(PROBLEM)
        assert r.json()["detail"]
    for params in ({"relation": "friendship"}, {"min_sources": 0}, {"since": "yesterday"},
                   {"since": "0"}, {"until": "1700000000"},
                   {"since": "2024-01-01", "until": "2020-01-01"}, {"modality": "rumoured"}):
        r = client.get("/actors/iran/supported", params=params)
        assert r.status_code == 422, params
        assert r.json()["detail"]


def test_merge_needs_a_valid_body(make_client: MakeClient, seeded: Seeded):
    client = make_client()
    assert client.post("/actors/merge", content=b"{not json",
                       headers={"content-type": "application/json"}).status_code == 422
    assert client.post("/actors/merge", json={"keep": 3}).status_code == 422
