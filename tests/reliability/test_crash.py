"""Crash safety: `allegiance load` killed mid-load (SQLite) and Neo4j killed mid-ingest
leave every document whole or absent, and loading again completes without duplicates.

The load is a real subprocess over a folder of generated articles and large claims
files; the kill comes once the store shows some sources stored (never after a fixed
time), so it lands inside the load on a machine of any speed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import cypher
from graph.relations import COUNTED_MODALITIES, Relation
from tests.neo4j_server.server import Neo4jServer
from tests.reliability.reliability_support import (
    PATIENCE,
    Snapshot,
    assert_same,
    assert_whole_or_absent,
    check_sqlite_file,
    clean_load,
    make_corpus,
    own_neo4j_server,
    run_cli,
    snapshot,
    start_load,
    wait_until,
)

ARTICLES, LEDGERS, LEDGER_CLAIMS = 120, 12, 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("crash") / "corpus", ARTICLES, LEDGERS,
                       LEDGER_CLAIMS)


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """One uninterrupted load of the corpus into a fresh SQLite store."""
    got = clean_load(corpus, tmp_path_factory.mktemp("clean") / "clean.db")
    assert got.stats.sources == ARTICLES + LEDGERS  # every generated document extracts
    return got


def _load_output(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


# ---- SQLite -------------------------------------------------------------------------


def _stored_sources(db: Path) -> int:
    """Sources committed so far, read by a separate read-only connection."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return int(con.execute("SELECT count(*) FROM sources").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


def _kill_when(proc: subprocess.Popen[bytes], db: Path, sources: int, log: Path) -> None:
    """SIGKILL the load once `sources` are committed; fail if it finished first."""
    def enough() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"the load ended ({proc.returncode}) before the kill:\n"
                                 f"{_load_output(log)}")
        return _stored_sources(db) >= sources

    wait_until(enough, f"{sources} sources committed by the load", every=0.02)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=PATIENCE) == -signal.SIGKILL


def _sqlite_snapshot(db: Path) -> Snapshot:
    from graph.sqlite_store import SqliteStore

    with SqliteStore(db) as store:
        return snapshot(store)


def test_sqlite_load_killed_mid_way_leaves_whole_documents(
        corpus: Path, clean: Snapshot, tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    store = f"sqlite:///{db}"
    seen = 0
    for round_, after in enumerate((5, 40)):  # killed early, then again later in a re-run
        log = tmp_path / f"load-{round_}.log"
        proc = start_load(store, corpus, log)
        try:
            _kill_when(proc, db, after, log)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        check_sqlite_file(db)
        got = _sqlite_snapshot(db)
        assert_whole_or_absent(got, clean)
        assert seen <= len(got.sources) < len(clean.sources)  # a crash loses no commit
        seen = len(got.sources)

    done = run_cli(store, "load", "--json", str(corpus))
    assert done.returncode == 0, done.stderr
    check_sqlite_file(db)
    assert_same(_sqlite_snapshot(db), clean)
    again = run_cli(store, "load", "--json", str(corpus))  # and loading again adds nothing
    assert again.returncode == 0, again.stderr
    assert '"sources_added": 0' in again.stdout
    assert_same(_sqlite_snapshot(db), clean)


# ---- Neo4j ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """A Neo4j server of this module's own, on a fixed port and data dir, so it can be
    killed and started again on the same data."""
    yield from own_neo4j_server(tmp_path_factory, "neo4j-crash")


def _neo4j_store(server: Neo4jServer):  # type: ignore[no-untyped-def]
    from tests.conftest import open_neo4j

    return open_neo4j(server.uri)


def _neo4j_sources(server: Neo4jServer) -> int:
    import neo4j

    try:
        with neo4j.GraphDatabase.driver(server.uri, auth=None, connection_timeout=5) as d:
            records, _, _ = d.execute_query("MATCH (s:Source) RETURN count(s) AS n")
            return int(records[0]["n"])
    except Exception:  # not up yet, or busy: ask again
        return 0


def _derived_in_step(server: Neo4jServer) -> None:
    """The typed actor-to-actor relationships count exactly the counted claims."""
    import neo4j

    counted = sorted(m.value for m in COUNTED_MODALITIES)
    with neo4j.GraphDatabase.driver(server.uri, auth=None) as d:
        claims, _, _ = d.execute_query(
            "MATCH (c:Claim) WHERE c.modality IN $counted RETURN c.subject AS s, "
            "c.relation AS r, c.object AS o, count(*) AS n", counted=counted)
        rels, _, _ = d.execute_query(
            "MATCH (a:Actor)-[r]->(b:Actor) WHERE type(r) IN $types "
            "RETURN a.id AS s, type(r) AS t, b.id AS o, r.claims AS n",
            types=sorted(cypher.RELATION_OF_TYPE))
        orphans, _, _ = d.execute_query(
            "MATCH (c:Claim) WHERE NOT (c)-[:CITES]->(:Source) RETURN count(c) AS n")
    want = {(r["s"], cypher.rel_type(Relation(r["r"])), r["o"]): r["n"] for r in claims}
    have = {(r["s"], r["t"], r["o"]): r["n"] for r in rels}
    assert have == want
    assert orphans[0]["n"] == 0


@pytest.mark.neo4j
def test_neo4j_killed_mid_ingest_leaves_whole_documents(
        corpus: Path, clean: Snapshot, neo4j_server: Neo4jServer, tmp_path: Path) -> None:
    with _neo4j_store(neo4j_server) as store:
        store.clear()
    log = tmp_path / "load.log"
    proc = start_load(neo4j_server.uri, corpus, log)
    try:
        def enough() -> bool:
            if proc.poll() is not None:
                raise AssertionError(f"the load ended ({proc.returncode}) before the kill:\n"
                                     f"{_load_output(log)}")
            return _neo4j_sources(neo4j_server) >= 10

        wait_until(enough, "10 sources stored in Neo4j by the load", every=0.05)
        neo4j_server.kill()
        # the load notices, says so, and fails
        code = proc.wait(timeout=PATIENCE)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = _load_output(log)
    assert code != 0, output
    assert "Traceback" not in output
    assert "Neo4j" in output and "error" in output.lower(), output

    neo4j_server.start()  # same port, same data: recovers from its transaction log
    with _neo4j_store(neo4j_server) as store:
        got = snapshot(store)
    assert_whole_or_absent(got, clean)
    assert 10 <= len(got.sources) < len(clean.sources)
    _derived_in_step(neo4j_server)

    done = run_cli(neo4j_server.uri, "load", "--json", str(corpus))
    assert done.returncode == 0, done.stderr
    with _neo4j_store(neo4j_server) as store:
        assert_same(snapshot(store), clean)
    _derived_in_step(neo4j_server)
