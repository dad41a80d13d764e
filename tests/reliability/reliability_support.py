"""Shared helpers of the reliability tests: a generated corpus, what a clean load of
it stores, real `allegiance` subprocesses (load, serve) and patient waiting.

Everything here drives real components: the installed `allegiance` command, real
SQLite files, real Neo4j servers. Nothing is timed; every wait has a generous
deadline and fails with what it was waiting for.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

from graph.settings import Settings
from graph.sqlite_store import SqliteStore
from graph.store import MAX_LIMIT, GraphStore, Stats
from loaders.ingest import load_paths
from tests.conftest import REPO
from tests.neo4j_server.server import Neo4jServer, free_port, terminate

ALLEGIANCE = str(Path(sys.executable).with_name("allegiance"))
PATIENCE = 300.0  # seconds: a busy 2-core machine may be very slow, but not stuck

# Registry names the extractor resolves (checked by the tests' reference load).
STATES = ("Iran", "Syria", "Russia", "Qatar", "Turkey", "Pakistan", "Eritrea", "Sudan",
          "Libya", "Venezuela")
GROUPS = ("Hezbollah", "Hamas", "the Houthis", "al-Shabaab", "the Taliban", "Boko Haram",
          "Palestinian Islamic Jihad", "Lashkar-e-Taiba", "Jaish-e-Mohammed",
          "the Wagner Group")
VERBS = ("funds", "supplies weapons to", "trains fighters of", "provides safe haven to",
         "supports")
CURATED = (("funding", "funds"), ("arms", "arms"), ("training", "trains"),
           ("support", "backs"))

T = TypeVar("T")


def wait_until(check: Callable[[], T | None], what: str, timeout: float = PATIENCE,
               every: float = 0.2) -> T:
    """Poll `check` until it returns something truthy; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


def article(tag: str, i: int, rng: random.Random, sentences: int = 8) -> str:
    """A short Markdown article alleging relations between registry actors."""
    lines = [f"# Field report {tag}-{i}", "", f"Report {i} of the {tag} series."]
    for _ in range(sentences):
        lines.append(f"{rng.choice(STATES)} {rng.choice(VERBS)} {rng.choice(GROUPS)}.")
    return "\n".join(lines) + "\n"


def claims_file(tag: str, i: int, rng: random.Random, claims: int) -> str:
    """A JSON claims file: one source (its whole text) with many curated claims, so that
    storing it is one large transaction."""
    sentences, records = [], []
    for k in range(claims):
        relation, verb = rng.choice(CURATED)
        subject, obj = rng.choice(STATES), rng.choice(GROUPS)
        quote = f"{subject} {verb} {obj} (item {k})."
        sentences.append(quote)
        records.append({"subject": subject, "relation": relation, "object": obj,
                        "quote": quote, "object_kind": "armed_group"})
    return json.dumps({"title": f"Ledger {tag}-{i}", "url": f"https://example.org/{tag}/{i}",
                       "text": " ".join(sentences), "claims": records})


def make_corpus(folder: Path, articles: int, ledgers: int = 0, ledger_claims: int = 300,
                seed: int = 7, tag: str = "r") -> Path:
    """Write `articles` Markdown articles and `ledgers` JSON claims files into `folder`
    (interleaved by name, so a load meets both kinds throughout)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(articles):
        (folder / f"{i:04d}-article.md").write_text(article(tag, i, rng), encoding="utf-8")
    step = max(1, articles // max(ledgers, 1))
    for j in range(ledgers):
        name = f"{j * step:04d}-ledger.json"
        (folder / name).write_text(claims_file(tag, j, rng, ledger_claims), encoding="utf-8")
    return folder


# ---- what a store holds ----------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """A store's content as comparable sets: each source's claim ids, and the actors."""

    sources: dict[str, frozenset[str]]
    actors: frozenset[str]
    stats: Stats

    @property
    def claims(self) -> int:
        return sum(len(c) for c in self.sources.values())


def snapshot(store: GraphStore) -> Snapshot:
    """Every source with the ids of its claims, every actor id, and the stats."""
    by_source: dict[str, set[str]] = {}
    offset = 0
    while True:
        page = store.list_sources(limit=MAX_LIMIT, offset=offset)
        for s in page.items:
            by_source[s.id] = set()
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    offset = 0
    while True:
        claims = store.claims(limit=MAX_LIMIT, offset=offset)
        for c in claims.items:
            assert c.source in by_source, f"claim {c.id} cites {c.source}, which is not stored"
            by_source[c.source].add(c.id)
        offset += len(claims.items)
        if not claims.items or offset >= claims.total:
            break
    actors: set[str] = set()
    offset = 0
    while True:
        actor_page = store.list_actors(limit=MAX_LIMIT, offset=offset)
        actors.update(a.id for a in actor_page.items)
        offset += len(actor_page.items)
        if not actor_page.items or offset >= actor_page.total:
            break
    return Snapshot(sources={k: frozenset(v) for k, v in by_source.items()},
                    actors=frozenset(actors), stats=store.stats())


def clean_load(folder: Path, db: Path) -> Snapshot:
    """What one uninterrupted load of `folder` into a fresh SQLite store gives."""
    with SqliteStore(db) as store:
        summary = load_paths(store, [folder], Settings())
        assert summary.ok, summary.errors
        return snapshot(store)


def assert_whole_or_absent(got: Snapshot, clean: Snapshot) -> None:
    """Every stored source is one of the clean load's, with exactly its claims."""
    for source, claims in got.sources.items():
        assert source in clean.sources, f"{source} is stored but no clean load stores it"
        want = clean.sources[source]
        assert claims == want, (f"{source} is half-stored: {len(claims)} of its "
                                f"{len(want)} claims")
    assert got.stats.sources == len(got.sources)
    assert got.stats.claims == got.claims


def assert_same(got: Snapshot, clean: Snapshot) -> None:
    """The same sources, claims, actors and counts as the clean load."""
    assert got.sources.keys() == clean.sources.keys()
    assert got.sources == clean.sources
    assert got.actors == clean.actors
    assert (got.stats.sources, got.stats.claims, got.stats.actors, got.stats.edges) == (
        clean.stats.sources, clean.stats.claims, clean.stats.actors, clean.stats.edges)
    assert got.stats.by_relation == clean.stats.by_relation


_NULL_REPORT = re.compile(r"^NULL value in (\w+)\.(\w+)$")
# SQLite 3.40.0 to 3.41.0 report NULLs that are not there in WITHOUT ROWID tables whose
# primary key lists columns out of their declared order (our `aliases`): such lines are
# accepted only when a query confirms the column holds no NULL.
_FALSE_NULLS = (3, 40, 0) <= sqlite3.sqlite_version_info <= (3, 41, 0)


def check_sqlite_file(db: Path) -> None:
    """`PRAGMA integrity_check` is ok (every problem listed, not the first 100) and no
    foreign key dangles."""
    con = sqlite3.connect(db)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check(1000000)")]
        if _FALSE_NULLS:
            for line in list(problems):
                if (m := _NULL_REPORT.match(line)) and m.group(1) == "aliases":
                    (nulls,) = con.execute(
                        f"SELECT count(*) FROM aliases WHERE {m.group(2)} IS NULL"
                    ).fetchone()
                    if nulls == 0 and m.group(2) in {"position", "name"}:
                        problems.remove(line)
            problems = problems or ["ok"]
        assert problems == ["ok"]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


# ---- subprocesses --------------------------------------------------------------------


def cli_env(store: str, **extra: str) -> dict[str, str]:
    """The environment of an `allegiance` subprocess using `store`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ALLEGIANCE_", "NEO4J_"))}
    # wide enough that no message is wrapped
    return {**env, "ALLEGIANCE_STORE": store, "PYTHONUNBUFFERED": "1", "COLUMNS": "400",
            **extra}


def run_cli(store: str, *args: str, timeout: float = PATIENCE) -> subprocess.CompletedProcess[str]:
    """Run `allegiance ARGS...` to the end."""
    return subprocess.run([ALLEGIANCE, *args], env=cli_env(store), capture_output=True,
                          text=True, timeout=timeout, check=False)


def start_load(store: str, folder: Path, log: Path) -> subprocess.Popen[bytes]:
    """`allegiance load --json FOLDER` running in the background, output into `log`."""
    with log.open("wb") as out:
        return subprocess.Popen([ALLEGIANCE, "load", "--json", str(folder)],
                                env=cli_env(store), stdout=out, stderr=subprocess.STDOUT)


stop = terminate
"""End a subprocess this test started (SIGTERM, then SIGKILL)."""


def own_neo4j_server(tmp_path_factory: pytest.TempPathFactory,
                     name: str) -> Iterator[Neo4jServer]:
    """Body of a module's own Neo4j server fixture: a fixed port and data dir, so a test
    can kill it and start it again on the same data."""
    if os.environ.get("ALLEGIANCE_SKIP_NEO4J") == "1":
        pytest.skip("ALLEGIANCE_SKIP_NEO4J=1: Neo4j backend tests skipped")
    server = Neo4jServer(REPO / ".cache" / "neo4j", port=free_port(),
                         data_dir=tmp_path_factory.mktemp(name) / "home")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def serve(store: str, log: Path, **env: str) -> Iterator[str]:
    """`allegiance serve` on a free loopback port; yields its base URL once /health answers."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen([ALLEGIANCE, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                env=cli_env(store, **env), stdout=out,
                                stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"allegiance serve exited with {proc.returncode}:\n"
                                 f"{log.read_text(errors='replace')[-3000:]}")
        try:
            return httpx.get(f"{base}/health", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_until(healthy, f"allegiance serve on {base} to answer /health")
        yield base
    finally:
        stop(proc)
