"""`SqliteStore.ingest_many`: the bulk path stores exactly what ingesting the batches
one by one stores, all or nothing, and readers see the store before or after it.

Real SQLite files throughout. The bulk path (indexes dropped, summary folded, indexes
rebuilt) is forced on these small loads by the store's `bulk_min`/`bulk_ratio`.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from graph import sqlite_bulk
from graph.errors import ModelError
from graph.export import to_json
from graph.model import Actor, ActorKind, Claim, Source
from graph.relations import Modality, Relation
from graph.settings import Settings
from graph.sqlite_store import SqliteStore
from graph.store import Batch, EdgeFilter
from loaders.ingest import BULK_CLAIMS, extract_file, load_paths, store_extractions
from tests.conftest import REPO
from tests.reliability.reliability_support import check_sqlite_file

TABLES = {
    "actors": "id", "aliases": "actor_id, position", "merges": "old_id",
    "sources": "n", "claims": "n", "edges": "subject, relation, object",
}


def make_batches(seed: int, sources: int, first: int = 0) -> list[Batch]:
    """Sources with 5-30 claims each over 12 actors: every relation (alliance given
    both ways round) and modality, undated sources, repeated claims and aliases that
    differ from batch to batch."""
    rng = random.Random(seed)
    out: list[Batch] = []
    for b in range(first, first + sources):
        n = rng.randint(5, 30)
        picks = [(rng.randrange(12), rng.randrange(12), rng.choice(list(Relation)),
                  rng.choice(list(Modality))) for _ in range(n)]
        sentences = [f"Item {k} of report {b}: a{s} and a{o} ({r.value})."
                     for k, (s, o, r, _) in enumerate(picks)]
        published = None if b % 4 == 3 else date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
        src = Source.create(" ".join(sentences), title=f"Report {b}", published=published)
        claims: list[Claim] = []
        pos = 0
        for quote, (s, o, r, m) in zip(sentences, picks, strict=True):
            if s != o:
                claims.append(Claim(subject=f"a{s:02d}", relation=r, object=f"a{o:02d}",
                                    source=src.id, quote=quote, start=pos,
                                    end=pos + len(quote), modality=m, confidence=0.7))
            pos += len(quote) + 1
        claims += claims[:2]  # a claim repeated in its batch is stored once
        named = sorted({x for c in claims for x in (c.subject, c.object)})
        actors = [Actor(id=a, name=f"Actor {a}", kind=ActorKind.ARMED_GROUP,
                        aliases=(f"{a} alias {b % 3}",)) for a in named]
        out.append((src, actors, claims))
    return out


def dump(db: Path) -> dict[str, Any]:
    """Every row of every table (the write generation left out) and the index SQL, once
    the file passes the integrity check."""
    check_sqlite_file(db)
    con = sqlite3.connect(db)
    try:
        out: dict[str, Any] = {t: con.execute(f"SELECT * FROM {t} ORDER BY {order}").fetchall()
                               for t, order in TABLES.items()}
        out["indexes"] = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                     "ORDER BY name").fetchall()
        return out
    finally:
        con.close()


def everything(store: SqliteStore) -> dict[str, Any]:
    """What readers see: the full export, stats and an indexed query of each kind."""
    support = store.edges(EdgeFilter(relations=(Relation.SUPPORT,), limit=1000))
    first = support.items[0] if support.items else None
    evidence = (store.evidence(first.subject, first.relation, first.object, limit=1000)
                if first else None)
    return {"export": to_json(store), "stats": store.stats(), "support": support,
            "evidence": evidence}


def sequential(db: Path, batches: Sequence[Batch]) -> dict[str, Any]:
    with SqliteStore(db) as store:
        for source, actors, claims in batches:
            store.ingest(source, actors, claims)
    return dump(db)


@pytest.fixture
def bulk_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the bulk loads started (the real BulkLoad.start runs)."""
    started: list[int] = []
    real = sqlite_bulk.BulkLoad.start.__func__  # type: ignore[attr-defined]

    def start(cls: type[sqlite_bulk.BulkLoad], con: sqlite3.Connection) -> Any:
        started.append(1)
        return real(cls, con)

    monkeypatch.setattr(sqlite_bulk.BulkLoad, "start", classmethod(start))
    return started


def bulk_store(db: Path, *, bulk: bool = True) -> SqliteStore:
    store = SqliteStore(db)
    if bulk:
        store.bulk_min, store.bulk_ratio = 0, 0.0  # bulk from the second batch on
    else:
        store.bulk_min = 10**9
    return store


BATCHES = make_batches(1, 40)


@pytest.mark.parametrize("bulk", [True, False])
def test_ingest_many_equals_sequential_ingest(tmp_path: Path, bulk_started: list[int],
                                              bulk: bool) -> None:
    want = sequential(tmp_path / "seq.db", BATCHES)
    with bulk_store(tmp_path / "bulk.db", bulk=bulk) as store:
        reports = store.ingest_many(iter(BATCHES))
    assert len(bulk_started) == int(bulk)
    assert [r.created for r in reports] == [True] * len(BATCHES)
    assert sum(r.claims_added for r in reports) == len(want["claims"])
    got = dump(tmp_path / "bulk.db")
    assert got == want
    with SqliteStore(tmp_path / "seq.db") as a, SqliteStore(tmp_path / "bulk.db") as b:
        assert everything(a) == everything(b)


def test_loading_again_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "bulk.db"
    with bulk_store(db) as store:
        store.ingest_many(BATCHES)
        before = dump(db)
        again = store.ingest_many(BATCHES + BATCHES[:3])  # a source twice in one call too
    assert not any(r.created or r.claims_added or r.actors_added for r in again)
    assert dump(db) == before


def test_a_source_repeated_within_the_call_is_stored_once(tmp_path: Path) -> None:
    want = sequential(tmp_path / "seq.db", BATCHES[:10] + BATCHES[2:4])
    with bulk_store(tmp_path / "bulk.db") as store:
        reports = store.ingest_many(BATCHES[:10] + BATCHES[2:4])
    assert [r.created for r in reports[-2:]] == [False, False]
    assert dump(tmp_path / "bulk.db") == want


def _bad_quote(batch: Batch) -> Batch:
    source, actors, claims = batch
    wrong = claims[1].model_copy(update={"quote": "x" * len(claims[1].quote)})
    return source, actors, [claims[0], wrong, *claims[2:]]


def _unknown_actor(batch: Batch) -> Batch:
    source, actors, claims = batch
    c = claims[0]
    stray = Claim(subject="nobody", relation=c.relation, object=c.object, source=c.source,
                  quote=c.quote, start=c.start, end=c.end)
    return source, actors, [stray, *claims[1:]]


@pytest.mark.parametrize("bulk", [True, False])
@pytest.mark.parametrize(("spoil", "words"), [
    (_bad_quote, ("quote", "is not the source text")),
    (_unknown_actor, ("subject", "'nobody'", "neither among the given actors nor stored")),
])
def test_a_bad_batch_in_the_middle_stores_nothing(tmp_path: Path, bulk: bool, spoil: Any,
                                                  words: tuple[str, ...]) -> None:
    db = tmp_path / "bulk.db"
    with bulk_store(db, bulk=bulk) as store:
        store.ingest_many(BATCHES[:5])
        before, seen = dump(db), everything(store)
        batches = [*BATCHES[5:25], spoil(BATCHES[25]), *BATCHES[26:]]
        with pytest.raises(ModelError) as err:
            store.ingest_many(batches)
        message = str(err.value)
        assert message.startswith(f"batch 20 (source {BATCHES[25][0].id})")
        assert all(w in message for w in words)
        assert everything(store) == seen
        assert dump(db) == before
        store.ingest_many(BATCHES[5:])  # the store is usable, the call can be redone
    assert dump(db) == sequential(tmp_path / "seq.db", BATCHES)


@pytest.mark.parametrize("bulk", [True, False])
def test_into_a_non_empty_store_with_a_merged_actor(tmp_path: Path, bulk: bool) -> None:
    """Half loaded one by one and a merge made; the rest by ingest_many, some claims
    naming the merged id: the same as all one by one."""
    first, rest = BATCHES[:20], BATCHES[20:]
    dbs = {"seq": tmp_path / "seq.db", "bulk": tmp_path / "bulk.db"}
    for name, db in dbs.items():
        with bulk_store(db, bulk=bulk) as store:
            for source, actors, claims in first:
                store.ingest(source, actors, claims)
            store.merge_actors("a01", "a02")
            if name == "seq":
                for source, actors, claims in rest:
                    store.ingest(source, actors, claims)
            else:
                store.ingest_many(rest)
    assert dump(dbs["bulk"]) == dump(dbs["seq"])


def test_the_choice_of_path_depends_on_the_store(tmp_path: Path,
                                                 bulk_started: list[int]) -> None:
    with SqliteStore(tmp_path / "s.db") as store:
        store.bulk_min, store.bulk_ratio = 100, 1.0
        store.ingest_many(BATCHES[:30])  # ~500 claims into an empty store: bulk
        assert len(bulk_started) == 1
        store.ingest_many(BATCHES[30:])  # ~170 more into ~500 stored: batch by batch
        assert len(bulk_started) == 1


def test_readers_see_the_store_before_or_after(tmp_path: Path) -> None:
    """A reader thread reads, at chosen points inside the bulk transaction (the
    batches' iterator waits for it), exactly the store as it was before the call."""
    db = tmp_path / "bulk.db"
    with bulk_store(db) as store:
        store.ingest_many(BATCHES[:5])
        before = everything(store)
        seen: list[dict[str, Any]] = []
        ask, answered = threading.Event(), threading.Event()
        stop = False

        def reader() -> None:
            while True:
                ask.wait()
                ask.clear()
                if stop:
                    return
                seen.append(everything(store))  # the store's own read connection
                answered.set()

        def batches() -> Iterator[Batch]:
            for i, batch in enumerate(BATCHES[5:]):
                if i in (3, 20):  # both after the bulk path began (at the 2nd batch)
                    answered.clear()
                    ask.set()
                    assert answered.wait(60), "the reader did not answer"
                yield batch

        thread = threading.Thread(target=reader)
        thread.start()
        try:
            store.ingest_many(batches())
        finally:
            stop = True
            ask.set()
            thread.join(60)
        after = everything(store)
    assert seen == [before, before]
    with SqliteStore(tmp_path / "seq.db") as seq:
        for source, actors, claims in BATCHES:
            seq.ingest(source, actors, claims)
        assert everything(seq) == after


_CHILD = """
import sys
from pathlib import Path

import graph.sqlite_store as sqlite_store
from tests.test_sqlite_bulk import make_batches

sqlite_store._WRITER_CACHE_KIB = 256  # a small cache: the transaction spills into the WAL
store = sqlite_store.SqliteStore(Path(sys.argv[1]))
store.bulk_min, store.bulk_ratio = 0, 0.0
store.open()


def batches():
    for i, batch in enumerate(make_batches(2, 400, first=1000)):
        if i == 300:  # long after the bulk path began
            print("inside", flush=True)
            sys.stdin.read()  # wait here, inside the transaction, to be killed
        yield batch


store.ingest_many(batches())
print("committed", flush=True)
"""


def test_killed_mid_bulk_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    """SIGKILL inside a bulk transaction that has already written pages to the WAL:
    the file passes the integrity check and holds exactly what it held before; the
    same load then completes."""
    db = tmp_path / "crash.db"
    with SqliteStore(db) as store:
        store.ingest_many(BATCHES)
    before = dump(db)
    wal = Path(f"{db}-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(db)], cwd=REPO,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"inside\n"
        assert wal.stat().st_size > wal_before  # uncommitted pages are on disk
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=120) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert dump(db) == before
    more = make_batches(2, 400, first=1000)
    with SqliteStore(db) as store:
        store.ingest_many(more)
    assert dump(db) == sequential(tmp_path / "seq.db", BATCHES + more)


def test_load_of_a_large_claims_file_goes_in_bulk(tmp_path: Path,
                                                  bulk_started: list[int]) -> None:
    """`load_paths` stores a claims file of BULK_CLAIMS or more by one ingest_many,
    which takes the bulk path, and stores the same as its sources one by one."""
    rng = random.Random(3)
    names = ("Iran", "Syria", "Hezbollah", "Hamas", "the Houthis", "Qatar", "Turkey")
    lines = []
    for k in range(BULK_CLAIMS + 200):
        s, o = rng.sample(names, 2)
        lines.append(json.dumps({"subject": s, "relation": rng.choice(["funding", "arms"]),
                                 "object": o, "quote": f"{s} and {o}, item {k}.",
                                 "source_title": f"Ledger {k % 30}"}))
    path = tmp_path / "ledgers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings()
    with SqliteStore(tmp_path / "load.db") as store:
        summary = load_paths(store, [path], settings)
    assert summary.ok, summary.errors
    assert (summary.sources_added, summary.claims_added) == (30, BULK_CLAIMS + 200)
    assert len(bulk_started) == 1
    extractions = extract_file(path, settings)  # once more, now kept: the same times
    with SqliteStore(tmp_path / "bulk.db") as store:
        store_extractions(store, extractions)
    assert len(bulk_started) == 2
    want = sequential(tmp_path / "seq.db",
                      [(e.source, e.actors, e.claims) for e in extractions])
    assert dump(tmp_path / "bulk.db") == want
