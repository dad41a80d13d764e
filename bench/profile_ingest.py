"""Where SQLite ingest spends its CPU. Not part of `make bench`.

`python -m bench.profile_ingest [N]`: loads N generated claims (default 50,000;
1,000 per source) by `ingest` into a new store in bench/work/, and over the last ten
ingests reports the CPU time of each kind of SQL statement and a cProfile (process
CPU time, not wall time: the machine is shared) of the Python side.

`python -m bench.profile_ingest bulk [N]`: the same split for one `ingest_many` of
N claims (default 90,000) into a store of 10,000, as the ingest benchmark's 100k
segment (add `--cprofile` for the Python side).

`python -m bench.profile_ingest floor [N]`: the floor under any claim row: a bare
`executemany` of N claim rows (default 90,000) into the claims table with no
secondary index, with and without foreign keys, and into a table of 17 untyped
columns and no key in memory.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import random
import sqlite3
import sys
import time
from collections import defaultdict
from typing import Any

from bench.common import WORK
from bench.corpus import claims
from bench.stores import SEED, fresh_sqlite, remove_sqlite
from graph.relations import Modality, Relation
from graph.sqlite_rows import INSERT_CLAIM

LAST = 10  # ingests profiled, at the end of the load


class _TimedConnection:
    """A connection whose execute/executemany add their CPU time to `spent`."""

    def __init__(self, con: sqlite3.Connection, spent: dict[str, float]) -> None:
        self.con, self.spent, self.on = con, spent, False

    def _timed(self, name: str, sql: str, *args: Any) -> Any:
        t = time.process_time()
        out = getattr(self.con, name)(sql, *args)
        if self.on:
            self.spent[" ".join(sql.split()[:3])] += time.process_time() - t
        return out

    def execute(self, sql: str, *args: Any) -> Any:
        return self._timed("execute", sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        return self._timed("executemany", sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


class _WallToo(_TimedConnection):
    """Also adds each statement's wall time to `wall`."""

    def __init__(self, con: sqlite3.Connection, spent: dict[str, float],
                 wall: dict[str, float]) -> None:
        super().__init__(con, spent)
        self.wall = wall

    def _timed(self, name: str, sql: str, *args: Any) -> Any:
        t = time.perf_counter()
        out = super()._timed(name, sql, *args)
        if self.on:
            self.wall[" ".join(sql.split()[:3])] += time.perf_counter() - t
        return out


def bulk(n: int = 90_000, profile: bool = False) -> None:
    """The statement split of one `ingest_many` of n claims into a 10,000-claim store."""
    path = WORK / "profile-bulk.db"
    batches = list(claims(SEED, 10_000, 10_000 + n, 1000))
    spent: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    with fresh_sqlite(path) as store:
        timed = _WallToo(store._con, spent, wall)  # type: ignore[arg-type]
        store._con = timed  # type: ignore[assignment]
        store.ingest_many(batches[:10])
        timed.on = True
        prof = cProfile.Profile(time.process_time) if profile else None
        load = os.getloadavg()[0]
        t, c = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        store.ingest_many(batches[10:])
        if prof:
            prof.disable()
        w, cpu = time.perf_counter() - t, time.process_time() - c
        store._con = timed.con
    remove_sqlite(path)
    print(f"ingest_many of {n:,} claims into 10,000: {w:.2f} s, {cpu:.2f} CPU-s "
          f"({n / w:,.0f}/s, {n / cpu:,.0f}/CPU-s), load {load:.1f}-{os.getloadavg()[0]:.1f}")
    for what, s in sorted(spent.items(), key=lambda kv: -kv[1])[:16]:
        print(f"  {s:6.3f} CPU-s {wall[what]:6.3f} s  {what}")
    print(f"  {cpu - sum(spent.values()):6.3f} CPU-s outside SQL statements (Python)")
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)


def floor(n: int = 90_000) -> None:
    """CPU per row of a bare `executemany` of claim rows (no secondary index)."""
    rng = random.Random(SEED)
    rows = [(f"claim:{rng.getrandbits(160):040x}", f"a{rng.randrange(10_000):06d}",
             rng.choice(list(Relation)).value, f"a{rng.randrange(10_000):06d}", 1 + i // 1000,
             "2019-03-04", f"Sentence {i % 1000} of batch {i // 1000} alleges a link.",
             i * 45, i * 45 + 44, rng.choice(list(Modality)).value, None, 0.8, "bench", None,
             None, None, "2026-11-27T16:30:00.123456+00:00") for i in range(n)]
    path = WORK / "profile-floor.db"
    for fk in ("ON", "OFF"):
        with fresh_sqlite(path) as store:
            store.ingest(*next(claims(SEED, 10_000, 1, 1)))  # source row 1
            store.close()
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("PRAGMA cache_size = -524288")
        con.execute(f"PRAGMA foreign_keys = {fk}")  # a constant of this loop
        con.execute("BEGIN")
        con.executemany("INSERT OR IGNORE INTO actors(id, name, kind) VALUES (?, ?, ?)",
                        [(f"a{i:06d}", f"Actor {i}", "armed_group") for i in range(10_000)])
        con.executemany("INSERT OR IGNORE INTO sources(n, id, retrieved, media_type, loader, "
                        "text) VALUES (?, ?, '', '', '', '')",
                        [(i, f"s{i}") for i in range(2, n // 1000 + 2)])
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                   "AND sql IS NOT NULL AND tbl_name = 'claims'").fetchall():
            con.execute(f"DROP INDEX {name}")  # a name read from sqlite_master
        c = time.process_time()
        con.executemany(INSERT_CLAIM, rows)
        cpu = time.process_time() - c
        con.execute("ROLLBACK")
        con.close()
        print(f"claims table (id UNIQUE), foreign keys {fk}: {cpu / n * 1e6:.1f} µs CPU per row")
    remove_sqlite(path)
    mem = sqlite3.connect(":memory:", isolation_level=None)
    mem.execute("CREATE TABLE t (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q)")
    c = time.process_time()
    mem.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows)
    print(f"in memory, no key: {(time.process_time() - c) / n * 1e6:.1f} µs CPU per row; "
          f"load {os.getloadavg()[0]:.1f}")


def main(n: int = 50_000) -> None:
    path = WORK / "profile-ingest.db"
    store = fresh_sqlite(path)
    store.open()
    spent: dict[str, float] = defaultdict(float)
    timed = _TimedConnection(store._con, spent)  # type: ignore[arg-type]
    store._con = timed  # type: ignore[assignment]
    prof = cProfile.Profile(time.process_time)
    made, cpu = 0, 0.0
    start = n - LAST * 1000
    for source, actors, rows in claims(SEED, 10_000, n, 1000):
        timed.on = made >= start
        c = time.process_time()
        if timed.on:
            prof.enable()
        store.ingest(source, actors, rows)
        if timed.on:
            prof.disable()
            cpu += time.process_time() - c
        made += len(rows)
    store._con = timed.con
    store.close()
    remove_sqlite(path)
    print(f"last {LAST} ingests ({made - start:,} claims into {start:,}): {cpu:.2f} CPU-s, "
          f"{(made - start) / cpu:,.0f} claims/CPU-s")
    for what, s in sorted(spent.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {s:6.3f} CPU-s  {what}")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if args and args[0] == "bulk":
        bulk(int(args[1]) if len(args) > 1 else 90_000, profile="--cprofile" in sys.argv)
    elif args and args[0] == "floor":
        floor(*(int(a) for a in args[1:2]))
    else:
        main(*(int(a) for a in args[:1]))
