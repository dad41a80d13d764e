"""What only the embedded store does: its file, schema, WAL and refusals."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from graph import sqlite_schema
from graph.errors import StoreCorrupt, StoreUnavailable
from graph.sqlite_store import SqliteStore
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import ACTORS, S1, claim, load, source


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers(name) VALUES ('Alice')")
    con.commit()
    con.close()


def _wrong_marker(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('application', 'someone-else')")
    con.commit()
    con.close()


@pytest.mark.parametrize("make", [
    lambda p: p.write_text("just some notes, not a database\n"),
    lambda p: p.write_bytes(os.urandom(8192)),
    _foreign_sqlite,
    _wrong_marker,
], ids=["text", "random", "foreign-sqlite", "wrong-marker"])
def test_foreign_file_is_refused_and_left_untouched(tmp_path: Path, make: object) -> None:
    path = tmp_path / "graph.db"
    make(path)  # type: ignore[operator]
    before = _snapshot(tmp_path)
    store = SqliteStore(path)
    with pytest.raises(StoreCorrupt, match="is not an allegiance database"):
        store.open()
    assert _snapshot(tmp_path) == before
    with pytest.raises(StoreUnavailable):
        store.stats()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with SqliteStore(path):
        pass
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt, match="newer"):
        SqliteStore(path).open()
    assert path.read_bytes() == before  # (SQLite may add its -wal/-shm side files)


def test_damaged_store_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with SqliteStore(path) as s:
        load(s)
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # every page after the first
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt):  # noqa: SIM117 - open or the first read may notice
        with SqliteStore(path) as s:
            s.stats()
            s.edges(EdgeFilter())


def test_constructor_does_no_io_and_open_creates_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "graph.db"
    store = SqliteStore(path)
    assert isinstance(store, GraphStore)
    assert not (tmp_path / "deep").exists()
    with pytest.raises(StoreUnavailable, match="not open"):
        store.ping()
    with store:
        store.ping()
    assert path.is_file()


def test_schema_version_wal_and_marker(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with SqliteStore(path):
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA user_version").fetchone()[0] == sqlite_schema.SCHEMA_VERSION
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        con.close()
    assert meta == {"application": "allegiance",
                    "schema_version": str(sqlite_schema.SCHEMA_VERSION)}


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with SqliteStore(path) as s:
        load(s)
        s.merge_actors("hezbollah", "syria")
        before = (s.stats(), s.edges(EdgeFilter()), s.get_source(S1.id), s.paths("iran", "israel"))
    with SqliteStore(path) as s:
        after = (s.stats(), s.edges(EdgeFilter()), s.get_source(S1.id), s.paths("iran", "israel"))
        assert s.get_actor("syria").id == "hezbollah"
    assert after == before


def test_pending_migrations_run_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "graph.db"
    with SqliteStore(path) as s:
        load(s)
    v2 = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", [*sqlite_schema.MIGRATIONS, v2])
    monkeypatch.setattr(sqlite_schema, "SCHEMA_VERSION", len(sqlite_schema.MIGRATIONS))
    with SqliteStore(path) as s:
        assert s.stats().claims == 9
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == sqlite_schema.SCHEMA_VERSION
    assert con.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
    con.close()


def test_a_second_connection_sees_writes_of_the_first(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with SqliteStore(path) as reader, SqliteStore(path) as writer:
        load(writer)
        assert reader.paths("iran", "hamas") == []  # builds the reader's graph
        src = source("Hezbollah trains Hamas.")
        writer.ingest(src, list(ACTORS), [claim(src, "hezbollah", "training", "hamas",
                                                "Hezbollah trains Hamas")])
        assert [p.actors for p in reader.paths("iran", "hamas")][0] == [
            "iran", "hezbollah", "hamas"]


def test_large_batch_ingest_is_one_transaction(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    words = [f"G{i} funds G{i + 1}." for i in range(3000)]
    src = source(" ".join(words))
    from graph.model import Actor

    actors = [Actor(id=f"g{i}", name=f"G{i}") for i in range(3001)]
    claims = [claim(src, f"g{i}", "funding", f"g{i + 1}", f"G{i} funds G{i + 1}")
              for i in range(3000)]
    with SqliteStore(path, batch_size=250) as s:
        bad = claims[2500].model_copy(update={"subject": "g-missing"})
        with pytest.raises(Exception, match="g-missing"):
            s.ingest(src, actors, [*claims[:2500], bad])
        assert s.stats().claims == 0
        report = s.ingest(src, actors, claims)
        assert report.claims_added == 3000 and s.stats().edges == 3000
        assert len(s.paths("g0", "g5", max_hops=5)) == 1


def test_two_stores_creating_one_file_at_once(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "graph.db"
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_it() -> None:
        try:
            barrier.wait()
            with SqliteStore(path) as s:
                s.ping()
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with SqliteStore(path) as s:
        assert s.stats().claims == 0


class _Rollback(Exception):
    """Ends a write transaction without committing it."""


def test_reads_run_beside_a_write_and_see_what_it_commits(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with SqliteStore(tmp_path / "graph.db") as s, ThreadPoolExecutor(1) as other:
        load(s)
        assert other.submit(lambda: s.paths("iran", "hamas")).result() == []
        with pytest.raises(_Rollback), s._writing() as con:  # a write holds the writer
            con.execute("DELETE FROM claims")
            # the other thread reads on its own connection: not blocked, and it does
            # not see the uncommitted delete (a hang here fails by timeout)
            assert other.submit(lambda: s.stats().claims).result(timeout=60) == 9
            raise _Rollback
        src = source("Hezbollah trains Hamas.")
        s.ingest(src, list(ACTORS), [claim(src, "hezbollah", "training", "hamas",
                                           "Hezbollah trains Hamas")])
        assert other.submit(lambda: s.stats().claims).result() == 10
        paths = other.submit(lambda: s.paths("iran", "hamas")).result()
        assert [p.actors for p in paths][0] == ["iran", "hezbollah", "hamas"]


def test_close_closes_every_threads_connection(tmp_path: Path) -> None:
    import threading

    s = SqliteStore(tmp_path / "graph.db")
    s.open()
    load(s)
    s.stats()
    have_read, release = threading.Barrier(4), threading.Event()

    def read() -> None:
        s.stats()
        have_read.wait()
        release.wait()  # the thread (and its connection) stays alive until the close

    threads = [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    have_read.wait()
    connections = [s._con, *s._readers.values()]
    assert len({id(c) for c in connections}) == 5  # the writer, this thread, three others
    s.close()
    release.set()
    for t in threads:
        t.join()
    for con in connections:
        assert con is not None
        with pytest.raises(sqlite3.ProgrammingError):
            con.execute("SELECT 1")
    with pytest.raises(StoreUnavailable):
        s.stats()
    s.open()  # this thread's old connection is not reused
    assert s.stats().claims == 9
    s.close()


@pytest.mark.parametrize("written_at", [1, 2])
def test_an_older_store_migrates_to_one_triple_index(tmp_path: Path, written_at: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "graph.db"
    with monkeypatch.context() as m:
        m.setattr(sqlite_schema, "MIGRATIONS", sqlite_schema.MIGRATIONS[:written_at])
        m.setattr(sqlite_schema, "SCHEMA_VERSION", written_at)
        with SqliteStore(path) as old:
            load(old)
            before = old.edges(EdgeFilter(limit=100))
            hez = old.edge_counts("hezbollah")
    with SqliteStore(path) as s:
        assert s.edges(EdgeFilter(limit=100)) == before
        assert s.edge_counts("hezbollah") == hez
        assert s.stats().claims == 9
    con = sqlite3.connect(path)
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert con.execute("PRAGMA user_version").fetchone()[0] == sqlite_schema.SCHEMA_VERSION
    con.close()
    assert "claims_triple" in indexes
    assert not indexes & {"claims_subject", "claims_evidence"}


def test_names_are_added_after_another_connection_rewrote_the_actor(tmp_path: Path) -> None:
    from tests.contract.world import IRAN, S2, S2_CLAIMS

    path = tmp_path / "graph.db"
    with SqliteStore(path) as a, SqliteStore(path) as b:
        load(a)  # a has now stored Iran with its alias
        b.clear()
        b.add_actors([IRAN.model_copy(update={"aliases": ()})])
        assert b.get_actor("iran").aliases == ()
        a.ingest(S2, list(ACTORS), list(S2_CLAIMS))  # names Iran with its alias again
        assert a.get_actor("iran").aliases == IRAN.aliases
        assert b.get_actor("iran").aliases == IRAN.aliases
