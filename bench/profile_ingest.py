"""Where `SqliteStore.ingest` spends its CPU: `python -m bench.profile_ingest [N]`.

Loads N generated claims (default 50,000; 1,000 per source) into a new store in
bench/work/, and over the last ten ingests reports the CPU time of each kind of
SQL statement and a cProfile (process CPU time, not wall time: the machine is
shared) of the Python side. Not part of `make bench`.
"""

from __future__ import annotations

import cProfile
import pstats
import sqlite3
import sys
import time
from collections import defaultdict
from typing import Any

from bench.common import WORK
from bench.corpus import claims
from bench.stores import SEED, fresh_sqlite, remove_sqlite

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
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
