"""Faults caused for real, against `allegiance serve` and `allegiance load` subprocesses:
Neo4j killed under a running API (503 with a clear detail, then recovery by itself on
the same port), a full disk (a 8 MB tmpfs filled up) and a read-only database file
(`chattr +i`: we run as root, so chmod would not stop a write). Every failure is a
clear error, and the store is exactly as before.
"""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.sqlite_store import SqliteStore
from tests.conftest import open_neo4j
from tests.neo4j_server.server import Neo4jServer
from tests.reliability.reliability_support import (
    PATIENCE,
    Snapshot,
    article,
    check_sqlite_file,
    claims_file,
    make_corpus,
    own_neo4j_server,
    run_cli,
    serve,
    snapshot,
    wait_until,
)

PROBLEM = "application/problem+json"
FAST = {"ALLEGIANCE_NEO4J_TIMEOUT": "5"}  # seconds a request waits for a dead Neo4j


def _problem(res: httpx.Response, status: int, *words: str) -> str:
    """Assert `res` is a problem response of `status` whose detail holds `words`."""
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith(PROBLEM)
    body = res.json()
    assert body["status"] == status
    detail = str(body["detail"])
    for word in words:
        assert word.lower() in detail.lower(), detail
    assert "Traceback" not in res.text and 'File "' not in res.text
    return detail


def _doc(i: int) -> dict[str, str]:
    return {"text": article("fault", i, random.Random(i)), "title": f"Fault report {i}"}


# ---- Neo4j stopped and started again under a running API ---------------------------------


@pytest.fixture(scope="module")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """A Neo4j server of this module's own (fixed port and data dir: it is killed and
    started again on the same data)."""
    yield from own_neo4j_server(tmp_path_factory, "neo4j-faults")


@pytest.mark.neo4j
def test_neo4j_down_gives_503_and_the_api_recovers(neo4j_server: Neo4jServer,
                                                   tmp_path: Path) -> None:
    with open_neo4j(neo4j_server.uri) as store:
        store.clear()
    with serve(neo4j_server.uri, tmp_path / "serve.log", **FAST) as base, \
            httpx.Client(base_url=base, timeout=PATIENCE) as http:
        assert http.post("/documents", json=_doc(1)).status_code == 201
        assert http.get("/ready").status_code == 200
        held = http.get("/stats").json()

        neo4j_server.kill()
        _problem(http.get("/ready"), 503, "unavailable", "Neo4j")
        for path in ("/stats", "/actors/iran/supporters", "/sources", "/edges"):
            _problem(http.get(path), 503, "unavailable", "Neo4j")
        _problem(http.post("/documents", json=_doc(2)), 503, "unavailable", "Neo4j")
        assert http.get("/health").status_code == 200  # the process itself is fine

        neo4j_server.start()  # same port, same data
        wait_until(lambda: http.get("/ready").status_code == 200,
                   "the API to reach Neo4j again by itself")
        assert http.get("/stats").json() == held  # nothing lost, document 2 not stored
        posted = http.post("/documents", json=_doc(2))
        assert posted.status_code == 201, posted.text
        assert posted.json()["documents"][0]["created"] is True
        assert http.get("/stats").json()["sources"] == held["sources"] + 1


@pytest.mark.neo4j
def test_api_started_while_neo4j_is_down_serves_once_it_is_up(neo4j_server: Neo4jServer,
                                                              tmp_path: Path) -> None:
    uri = neo4j_server.uri  # the same port after the restart
    with open_neo4j(uri) as store:
        store.clear()
    neo4j_server.kill()
    try:
        with serve(uri, tmp_path / "serve.log", **FAST) as base, \
                httpx.Client(base_url=base, timeout=PATIENCE) as http:
            _problem(http.get("/ready"), 503, "unavailable", "Neo4j")
            _problem(http.get("/stats"), 503, "unavailable")
            neo4j_server.start()
            wait_until(lambda: http.get("/ready").status_code == 200,
                       "the API to open the store once Neo4j is up")
            assert http.post("/documents", json=_doc(3)).status_code == 201
            assert http.get("/stats").json()["sources"] == 1
    finally:
        if not neo4j_server.is_running():
            neo4j_server.start()


# ---- SQLite: a full disk ------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs of this test's own (needs root, or CAP_SYS_ADMIN)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(path: Path) -> None:
    """Write zeros into `path` until the disk is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)


def _snapshot(db: Path) -> Snapshot:
    with SqliteStore(db) as store:
        return snapshot(store)


def _loaded_store(db: Path, tmp_path: Path) -> Snapshot:
    corpus = make_corpus(tmp_path / "corpus", 3, tag="held")
    done = run_cli(f"sqlite:///{db}", "load", str(corpus))
    assert done.returncode == 0, done.stderr
    return _snapshot(db)


def test_full_disk_is_a_clear_error_and_loses_nothing(small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "graph.db"
    before = _loaded_store(db, tmp_path)
    big = tmp_path / "ledger.json"  # large enough to need new pages whatever is free
    big.write_text(claims_file("full", 0, random.Random(5), 1500), encoding="utf-8")
    filler = small_disk / "filler"
    with serve(f"sqlite:///{db}", tmp_path / "serve.log") as base, \
            httpx.Client(base_url=base, timeout=PATIENCE) as http:
        assert http.get("/ready").status_code == 200
        _fill(filler)
        upload = {"file": ("ledger.json", big.read_bytes(), "application/json")}
        _problem(http.post("/documents", files=upload), 503, "disk is full",
                 "nothing was written")
        # reads go on
        stats = http.get("/stats")
        assert stats.status_code == 200
        assert stats.json()["sources"] == before.stats.sources
        # the CLI, on the same store meanwhile
        cli = run_cli(f"sqlite:///{db}", "load", str(big))
        said = " ".join(cli.stderr.split())
        assert cli.returncode != 0
        assert f"{big}: not stored:" in said and "disk is full" in said, said
        assert "Traceback" not in cli.stderr + cli.stdout

        filler.unlink()
        check_sqlite_file(db)
        assert _snapshot(db) == before  # exactly as it was
        posted = http.post("/documents", files=upload)  # room again: no restart needed
        assert posted.status_code == 201, posted.text
        assert http.get("/stats").json()["sources"] == before.stats.sources + 1
    check_sqlite_file(db)


# ---- SQLite: a read-only database file ------------------------------------------------------


def test_read_only_database_file_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "store" / "graph.db"
    before = _loaded_store(db, tmp_path)
    doc = tmp_path / "new.md"
    doc.write_text(article("ro", 1, random.Random(9)), encoding="utf-8")
    lock = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True,
                          check=False)
    if lock.returncode != 0:
        pytest.skip(f"cannot make the file immutable here: {lock.stderr.strip()}")
    try:
        cli = run_cli(f"sqlite:///{db}", "load", str(doc))
        said = " ".join(cli.stderr.split())
        assert cli.returncode != 0
        assert f"{doc}: not stored:" in said and "read-only" in said, said
        assert "Traceback" not in cli.stderr + cli.stdout

        with serve(f"sqlite:///{db}", tmp_path / "serve.log") as base, \
                httpx.Client(base_url=base, timeout=PATIENCE) as http:
            assert http.get("/ready").status_code == 200  # reads still work
            assert http.get("/stats").json()["sources"] == before.stats.sources
            _problem(http.post("/documents", json=_doc(4)), 503, "read-only",
                     "nothing was written")
            assert http.get("/stats").json()["sources"] == before.stats.sources
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=False)
    check_sqlite_file(db)
    assert _snapshot(db) == before
