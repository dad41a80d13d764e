"""POST /documents: every format through the real readers and pipeline, dry runs,
limits, refusals, and nothing stored by a request that failed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF

from tests.api.conftest import MakeClient

PROSE = "Iran funds Hezbollah through front companies in several countries."


def _pdf() -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 10, "Quarterly note on regional armed groups")
    pdf.add_page()
    pdf.multi_cell(0, 10, PROSE)
    return bytes(pdf.output())


CURATED = [{"subject": "Iran", "relation": "funding", "object": "Hezbollah",
            "quote": "Iran funds Hezbollah.", "source_title": "Analyst notes",
            "source_date": "2023-04-05"}]
CSV = ("subject,relation,object,quote,source_title,source_date\n"
       'Iran,funding,Hezbollah,"Iran funds Hezbollah.",Analyst notes,2023-04-05\n')

UPLOADS = {
    "note.txt": (PROSE + "\n").encode(),
    "note.md": f"---\ntitle: A note\ndate: 2023-04-05\n---\n\n# A note\n\n{PROSE}\n".encode(),
    "note.html": (f"<html><head><title>A note</title></head><body><article><h1>A note</h1>"
                  f"<p>{PROSE}</p></article></body></html>").encode(),
    "note.pdf": _pdf(),
    "claims.csv": CSV.encode(),
    "claims.json": json.dumps(CURATED).encode(),
    "claims.jsonl": "".join(json.dumps(r) + "\n" for r in CURATED).encode(),
}


def _counts(client: TestClient) -> tuple[int, int]:
    stats = client.get("/stats").json()
    return stats["sources"], stats["claims"]


@pytest.mark.parametrize("filename", sorted(UPLOADS))
def test_upload_each_format(client: TestClient, filename: str):
    r = client.post("/documents", files={"file": (filename, UPLOADS[filename])})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["dry_run"] is False
    [doc] = body["documents"]
    assert doc["created"] is True
    triples = {(c["subject"], c["relation"], c["object"]) for c in doc["claims"]}
    assert ("iran", "funding", "hezbollah") in triples
    ev = client.get("/edges/Iran/funding/Hezbollah/evidence").json()
    [item] = ev["items"]
    assert "Iran funds Hezbollah" in item["claim"]["quote"]
    assert item["source"]["id"] == doc["source"]
    text = client.get(f"/sources/{doc['source']}/text",
                      params={"claim": item["claim"]["id"]}).json()
    marked = [s for s in text["segments"] if s["claim"]]
    assert marked[0]["text"] == item["claim"]["quote"]
    if filename.endswith(".pdf"):
        assert item["claim"]["page"] == 2


def test_json_text_with_metadata(client: TestClient):
    r = client.post("/documents", json={"text": PROSE, "title": "Posted note",
                                        "url": "https://example.org/n", "author": "A. B.",
                                        "published": "2021-02-03"})
    assert r.status_code == 201, r.text
    source = r.json()["documents"][0]["source"]
    meta = client.get(f"/sources/{source}").json()
    assert (meta["title"], meta["url"], meta["author"], meta["published"]) == (
        "Posted note", "https://example.org/n", "A. B.", "2021-02-03")
    assert [(e["subject"], e["relation"], e["object"]) for e in meta["edges"]] == [
        ("iran", "funding", "hezbollah")]


def test_same_document_twice_changes_nothing(client: TestClient):
    first = client.post("/documents", json={"text": PROSE}).json()
    before = client.get("/export?format=json").json()
    again = client.post("/documents", json={"text": PROSE})
    assert again.status_code == 201
    assert again.json()["documents"][0]["created"] is False
    assert again.json()["documents"][0]["source"] == first["documents"][0]["source"]
    assert client.get("/export?format=json").json() == before


def test_dry_run_returns_claims_and_stores_nothing(client: TestClient):
    r = client.post("/documents", params={"dry_run": "true"},
                    files={"file": ("note.txt", UPLOADS["note.txt"])})
    assert r.status_code == 200
    assert r.json()["dry_run"] is True
    assert r.json()["documents"][0]["claims"]
    assert _counts(client) == (0, 0)
    assert client.get("/actors/iran").status_code == 404


def test_oversized_upload_is_413_and_stores_nothing(make_client: MakeClient):
    client = make_client(max_upload_bytes=1000)
    big = (PROSE + "\n") * 100
    r = client.post("/documents", files={"file": ("big.txt", big.encode())})
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "1000" in r.json()["detail"]
    assert client.post("/documents", json={"text": big}).status_code == 413
    assert _counts(client) == (0, 0)


def test_oversized_stream_without_length_is_413(make_client: MakeClient):
    client = make_client(max_upload_bytes=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(200):
            yield b"Iran funds Hezbollah. "
        yield b'"}'

    r = client.post("/documents", content=chunks(),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert _counts(client) == (0, 0)


def test_small_upload_under_a_small_limit_passes(make_client: MakeClient):
    client = make_client(max_upload_bytes=1000)
    r = client.post("/documents", files={"file": ("note.txt", UPLOADS["note.txt"])})
    assert r.status_code == 201


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"files": {"file": ("picture.png", b"\x89PNG\r\n\x1a\n0000")}}, 415),
    ({"files": {"file": ("book.epub", b"PK\x03\x04")}}, 415),
    ({"content": PROSE.encode(), "headers": {"content-type": "text/plain"}}, 415),
    ({"content": PROSE.encode(), "headers": {}}, 415),
    ({"content": b'{"text": "unterminated', "headers": {"content-type": "application/json"}},
     422),
    ({"json": {"text": ""}}, 422),
    ({"json": {"text": "   "}}, 422),
    ({"json": {"text": 5}}, 422),
    ({"json": {"text": PROSE, "published": "last week"}}, 422),
    ({"json": {"text": PROSE, "published": 0}}, 422),
    ({"json": {"text": PROSE, "colour": "red"}}, 422),
    ({"json": [PROSE]}, 422),
    ({"files": {"other": ("note.txt", b"Iran funds Hezbollah.")}}, 422),
    ({"files": {"file": ("claims.csv", b"subject,relation,object,quote,source_title\n"
                                       b"Iran,friendship,Hezbollah,Iran likes them.,N\n")}},
     422),
    ({"files": {"file": ("claims.json", b'[{"subject": "Iran"')}}, 422),
    ({"files": {"file": ("note.pdf", b"%PDF-1.4 truncated")}}, 422),
    ({"files": {"file": ("empty.txt", b"")}}, 422),
])
def test_refused_documents_store_nothing(client: TestClient, kwargs: dict, status: int):
    r = client.post("/documents", **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["detail"]
    assert _counts(client) == (0, 0)


def test_a_bad_record_in_a_claims_file_stores_none_of_it(client: TestClient):
    good = CURATED[0]
    bad = {**good, "relation": "adores", "quote": "Iran adores Hamas."}
    r = client.post("/documents", files={"file": ("claims.json", json.dumps([good, bad]))})
    assert r.status_code == 422
    assert "adores" in r.json()["detail"]
    assert _counts(client) == (0, 0)
