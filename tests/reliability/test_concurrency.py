"""Concurrency: 8 clients post overlapping documents at once to a real `allegiance serve`
while readers query; every document ends stored exactly once, no claim is lost, and
no read fails or shows a document half-stored. Both backends.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.model import Claim
from graph.sqlite_store import SqliteStore
from graph.store import EVIDENCE_LIMIT, GraphStore
from loaders.ingest import extract_text, store_extractions
from tests.conftest import BACKENDS, open_neo4j
from tests.reliability.reliability_support import (
    PATIENCE,
    Snapshot,
    article,
    assert_same,
    serve,
    snapshot,
)

CLIENTS, SHARED, OWN = 8, 8, 3  # each client posts every shared document and its own
READERS = 2


@dataclass(frozen=True)
class Doc:
    title: str
    text: str


@dataclass(frozen=True)
class Reference:
    """A sequential load of the same documents into a fresh store."""

    snap: Snapshot
    claims: dict[str, list[Claim]]  # by source id
    triple: tuple[str, str, str]  # the edge with the most claims, read while they arrive
    supporters: dict[tuple[str, str, str], int]  # its object's supporter edges: claims


def _docs() -> tuple[list[Doc], list[list[Doc]]]:
    rng = random.Random(11)
    shared = [Doc(f"shared {i}", article("shared", i, rng, sentences=12))
              for i in range(SHARED)]
    own = [[Doc(f"own {c}-{i}", article(f"own{c}", i, rng, sentences=12)) for i in range(OWN)]
           for c in range(CLIENTS)]
    return shared, own


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    shared, own = _docs()
    claims: dict[str, list[Claim]] = {}
    with SqliteStore(tmp_path_factory.mktemp("reference") / "ref.db") as store:
        for doc in shared + [d for docs in own for d in docs]:
            extraction = extract_text(doc.text, title=doc.title)
            store_extractions(store, [extraction])
            claims[extraction.source.id] = extraction.claims
        snap = snapshot(store)
        counts = Counter((c.subject, c.relation.value, c.object)
                         for cs in claims.values() for c in cs)
        (triple, n), = counts.most_common(1)
        supporters = {(e.subject, e.relation.value, e.object): e.claims
                      for e in store.supporters(triple[2]).items}
    assert snap.stats.sources == SHARED + CLIENTS * OWN
    assert n < EVIDENCE_LIMIT  # its evidence fits one page
    return Reference(snap, claims, triple, supporters)


@pytest.fixture(params=BACKENDS)
def served(request: pytest.FixtureRequest, tmp_path: Path
           ) -> Iterator[tuple[str, GraphStore]]:
    """`allegiance serve` over an empty store of each backend, and that store (opened
    after the server stops, to read what it holds)."""
    if request.param == "sqlite":
        db = tmp_path / "served.db"
        with serve(f"sqlite:///{db}", tmp_path / "serve.log") as base:
            yield base, SqliteStore(db)
        return
    uri = request.getfixturevalue("neo4j_uri")
    with open_neo4j(uri) as store:
        store.clear()
    with serve(uri, tmp_path / "serve.log") as base:
        yield base, open_neo4j(uri)


@dataclass
class Seen:
    """What the readers observed."""

    failures: list[str] = field(default_factory=list)
    answered: Counter[str] = field(default_factory=Counter)  # 200s, by endpoint


def _read_loop(base: str, ref: Reference, stop: threading.Event, seen: Seen) -> None:
    """Query stats, supporters and evidence until `stop`; record anything inconsistent."""
    s, r, o = ref.triple
    final_edges = ref.supporters
    last: dict[str, int] = {}
    answered: set[str] = set()

    def fail(msg: str) -> None:
        seen.failures.append(msg)

    with httpx.Client(base_url=base, timeout=PATIENCE) as http:
        while not stop.is_set():
            for name, path in (("stats", "/stats"), ("supporters", f"/actors/{o}/supporters"),
                               ("evidence", f"/edges/{s}/{r}/{o}/evidence")):
                try:
                    res = http.get(path, params={"limit": 1000} if name == "supporters"
                                   else None)
                except httpx.HTTPError as exc:
                    fail(f"{path}: {exc!r}")
                    continue
                if res.status_code == 404 and name != "stats" and name not in answered:
                    continue  # its actors are not stored yet: fine until they are
                if res.status_code != 200:
                    fail(f"{path}: {res.status_code} {res.text[:300]}")
                    continue
                answered.add(name)
                seen.answered[name] += 1
                body: Any = res.json()
                if name == "stats":
                    for count in ("sources", "claims", "actors"):
                        if body[count] < last.get(count, 0):
                            fail(f"stats.{count} went down: {last[count]} -> {body[count]}")
                        last[count] = body[count]
                    if body["claims"] > ref.snap.stats.claims:
                        fail(f"stats.claims {body['claims']} > {ref.snap.stats.claims}")
                elif name == "supporters":
                    for e in body["items"]:
                        key = (e["subject"], e["relation"], e["object"])
                        if e["claims"] > final_edges.get(key, 0):
                            fail(f"supporters: {key} has {e['claims']} claims, more than "
                                 f"all documents give ({final_edges.get(key, 0)})")
                else:
                    _check_evidence(body, ref, (s, r, o), fail)


def _check_evidence(body: dict[str, Any], ref: Reference, triple: tuple[str, str, str],
                    fail: Any) -> None:
    """Each source cited for the triple shows every claim it makes on it, no fewer."""
    by_source: dict[str, set[str]] = {}
    for item in body["items"]:
        by_source.setdefault(item["claim"]["source"], set()).add(item["claim"]["id"])
    for source, ids in by_source.items():
        want = {c.id for c in ref.claims.get(source, [])
                if (c.subject, c.relation.value, c.object) == triple}
        if ids != want:
            fail(f"evidence: source {source} shows {len(ids)} of its {len(want)} claims "
                 "on the edge")


def _post_all(base: str, docs: list[Doc], results: list[tuple[str, int, Any]]) -> None:
    with httpx.Client(base_url=base, timeout=PATIENCE) as http:
        for doc in docs:
            try:
                res = http.post("/documents", json={"text": doc.text, "title": doc.title})
            except httpx.HTTPError as exc:  # a dropped connection is a failure too
                results.append((doc.title, 0, {"detail": repr(exc)}))
                continue
            body = res.json() if res.headers.get("content-type", "").endswith("json") else None
            results.append((doc.title, res.status_code, body))


def test_overlapping_posts_store_each_document_once(
        served: tuple[str, GraphStore], reference: Reference) -> None:
    base, store = served
    shared, own = _docs()
    plans = []
    for c in range(CLIENTS):
        docs = shared + own[c]
        random.Random(c).shuffle(docs)
        plans.append(docs)
    results: list[tuple[str, int, Any]] = []  # list.append is atomic
    seen = Seen()
    stop = threading.Event()
    readers = [threading.Thread(target=_read_loop, args=(base, reference, stop, seen))
               for _ in range(READERS)]
    writers = [threading.Thread(target=_post_all, args=(base, plan, results))
               for plan in plans]
    for t in readers:
        t.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join(PATIENCE * 4)
    stop.set()
    for t in readers:
        t.join(PATIENCE)
    assert not any(t.is_alive() for t in writers + readers), "a client never finished"

    bad = [(title, code, body) for title, code, body in results if code != 201]
    assert not bad, Counter(f"{code} {body and body.get('detail', '')[:150]}"
                            for _, code, body in bad)
    assert len(results) == CLIENTS * (SHARED + OWN)
    created = Counter(title for title, _, body in results if body["documents"][0]["created"])
    posted = Counter(title for title, _, _ in results)
    assert set(created) == set(posted)  # every document was created by exactly one post
    assert set(created.values()) == {1}, created
    assert not seen.failures, seen.failures[:5]
    assert seen.answered["stats"] > 0, seen.answered  # the readers did read during writes

    with store:
        assert_same(snapshot(store), reference.snap)
