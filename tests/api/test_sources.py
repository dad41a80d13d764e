"""Sources over HTTP: list, detail, text with a claim marked, retraction."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import MakeClient, Seeded


def test_list_sources(client: TestClient, seeded: Seeded):
    body = client.get("/sources").json()
    assert body["total"] == 3
    assert {s["id"] for s in body["items"]} == {seeded.a.id, seeded.b.id, seeded.c.id}
    assert "text" not in body["items"][0]


def test_source_detail_lists_its_edges(client: TestClient, seeded: Seeded):
    body = client.get(f"/sources/{seeded.b.id}").json()
    assert body["title"] == "Denials & advisers"
    assert body["published"] == "2022-06-01"
    assert body["length"] == len(seeded.b.text)
    assert {(e["subject"], e["relation"], e["object"]) for e in body["edges"]} == {
        ("iran", "support", "hezbollah"), ("iran", "arms", "houthis"),
        ("hezbollah", "training", "houthis")}


def test_text_marks_the_claim_and_escapes_html(client: TestClient, seeded: Seeded):
    claim = seeded.claims["b_train"]
    r = client.get(f"/sources/{seeded.b.id}/text", params={"claim": claim.id})
    assert r.status_code == 200
    body = r.json()
    marked = [s for s in body["segments"] if s["claim"]]
    assert [(s["text"], s["start"], s["end"]) for s in marked] == [
        (claim.quote, claim.start, claim.end)]
    assert "".join(s["text"] for s in body["segments"]) == seeded.b.text
    assert body["claim"]["id"] == claim.id
    assert f">{claim.quote}</mark>" in body["html"]
    assert "<script>" not in body["html"] and "&lt;script&gt;" in body["html"]


def test_text_without_claim_and_with_unknown_claim(client: TestClient, seeded: Seeded):
    plain = client.get(f"/sources/{seeded.c.id}/text").json()
    assert plain["segments"] == [{"text": seeded.c.text, "start": 0,
                                  "end": len(seeded.c.text), "claim": None}]
    assert client.get(f"/sources/{seeded.c.id}/text",
                      params={"claim": seeded.claims["b_train"].id}).status_code == 404


def test_unknown_source_is_404(client: TestClient, seeded: Seeded):
    missing = "sha256:" + "0" * 64
    for path in (f"/sources/{missing}", f"/sources/{missing}/text", "/sources/nonsense"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("application/problem+json")
    assert client.delete(f"/sources/{missing}").status_code == 404


def test_retract_reports_what_disappeared(client: TestClient, seeded: Seeded):
    r = client.delete(f"/sources/{seeded.a.id}")
    assert r.status_code == 200
    body = r.json()
    assert body["claims_removed"] == 3
    gone = {(e["subject"], e["relation"], e["object"]) for e in body["edges_removed"]}
    assert ("iran", "funding", "hezbollah") in gone
    assert ("russia", "alliance", "syria") in gone
    assert client.get(f"/sources/{seeded.a.id}").status_code == 404
    assert client.get("/stats").json()["sources"] == 2
    supporters = client.get("/actors/hezbollah/supporters").json()["items"]
    assert [e["relation"] for e in supporters] == ["support"]


def test_writes_need_the_key_when_one_is_set(make_client: MakeClient, seeded: Seeded):
    client = make_client(api_key="s3cret")
    assert client.get("/actors/iran").status_code == 200  # reads stay open
    for headers in ({}, {"X-API-Key": "wrong"}):
        r = client.delete(f"/sources/{seeded.a.id}", headers=headers)
        assert r.status_code == 401
        assert r.headers["content-type"].startswith("application/problem+json")
        r = client.post("/actors/merge", json={"keep": "iran", "merge": "hamas"},
                        headers=headers)
        assert r.status_code == 401
        r = client.post("/documents", json={"text": "Iran funds Hamas."}, headers=headers)
        assert r.status_code == 401
    assert client.get("/stats").json()["sources"] == 3  # nothing changed
    ok = client.delete(f"/sources/{seeded.a.id}", headers={"X-API-Key": "s3cret"})
    assert ok.status_code == 200
