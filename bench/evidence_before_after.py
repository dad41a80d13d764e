"""Evidence before and after paging, on one SQLite store: `python -m
bench.evidence_before_after STORE.db` (a store built by bench.stores.load).

Before: the unpaged read `SqliteStore.evidence` did until af44400 (every claim of
the triple, sorted after joining its source, each turned into a Claim), replayed
with the same SQL. After: `evidence()` as it is, the default page of 50, and the
last page of the heaviest edges. Triples: those of the edges with most claims, and
those the `queries` benchmark samples (actors drawn half by the power law).
Writes results/evidence_paging.json.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Result, latency_summary
from bench.corpus import claim_sample
from bench.stores import SEED
from graph.errors import NotFound
from graph.relations import Relation
from graph.sqlite_rows import CLAIM_COLUMNS, SOURCE_INFO_COLUMNS, claim_from_row, source_info
from graph.sqlite_store import SqliteStore
from graph.store import EdgeFilter, Evidence

Triple = tuple[str, Relation, str]
_INFO = ", ".join(f"s.{c.strip()}" for c in SOURCE_INFO_COLUMNS.split(","))
OLD_SQL = (f"SELECT {CLAIM_COLUMNS}, {_INFO} FROM claims c "  # noqa: S608
           "JOIN sources s ON s.n = c.source "
           "WHERE c.subject = ? AND c.relation = ? AND c.object = ? "
           "ORDER BY s.published IS NULL, s.published, s.id, c.span_start, c.id")


def unpaged(con: sqlite3.Connection, t: Triple) -> list[Evidence]:
    """The pre-paging evidence read (modalities None: no modality condition)."""
    rows = con.execute(OLD_SQL, (t[0], t[1].value, t[2])).fetchall()
    infos: dict[str, Any] = {}
    return [Evidence(claim=claim_from_row(r[:16]),
                     source=infos.get(r[4]) or infos.setdefault(r[4], source_info(r[16:])))
            for r in rows]


def timed(fn: Callable[[Any], object], args: list[Any]) -> dict[str, Any]:
    wall: list[float] = []
    cpu: list[float] = []
    for a in args:
        t, c = time.perf_counter(), time.process_time()
        fn(a)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return {**latency_summary(wall), "cpu": latency_summary(cpu)}


def main(path: Path) -> Result:
    res = Result("evidence_paging", quick=False)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    heavy = [(s, Relation(r), o) for s, r, o in con.execute(
        "SELECT subject, relation, object FROM edges ORDER BY claims DESC LIMIT 20")]
    with SqliteStore(path) as store:
        stats = store.stats()
        sampled: list[Triple] = []
        for a in claim_sample(SEED + 2, 10_000, 2_000):
            try:
                sampled += [e.key for e in store.edges(EdgeFilter(actor=a, limit=3)).items]
            except NotFound:  # an actor the sample names but the store lacks
                continue
            if len(sampled) >= 300:
                break
        triples = heavy + sampled[:300]
        sizes = {t: store.evidence(*t, limit=0).total for t in heavy}
        plan = [r[3] for r in con.execute(
            "EXPLAIN QUERY PLAN SELECT c.id FROM claims c JOIN sources s ON s.n = c.source "
            "WHERE c.subject = ? AND c.relation = ? AND c.object = ? "
            "ORDER BY c.published IS NULL, c.published, s.id, c.span_start, c.id LIMIT 50",
            (heavy[0][0], heavy[0][1].value, heavy[0][2]))]
        before = timed(lambda t: unpaged(con, t), triples)
        after = timed(lambda t: store.evidence(*t), triples)
        last = timed(lambda t: store.evidence(t[0], t[1], t[2], offset=max(sizes[t] - 50, 0)),
                     heavy)
    res.parameters = {"store": path.name, "claims": stats.claims, "actors": stats.actors,
                      "triples": len(triples), "heaviest_edges": len(heavy),
                      "heaviest_claims": max(sizes.values())}
    res.figures = {"unpaged_before": before, "page_after": after,
                   "last_page_of_heaviest": last, "plan": plan}
    for q in ("p50_ms", "p99_ms"):
        res.ratio(f"evidence_{q}", after[q], before[q], what=f"evidence page of 50, {q}",
                  against=f"unpaged evidence (before), {q}")
        res.ratio(f"evidence_cpu_{q}", after["cpu"][q], before["cpu"][q],
                  what=f"evidence page of 50, CPU {q}",
                  against=f"unpaged evidence (before), CPU {q}")
    res.goal("SQLite evidence p99 < 20 ms", "page_after p99_ms", "<", 20, after["p99_ms"],
             note=f"{stats.claims:,} claims")
    res.goal("SQLite evidence p99 < 20 ms, in CPU time", "page_after cpu p99_ms", "<", 20,
             after["cpu"]["p99_ms"], note="this process's CPU time per query")
    res.write()
    return res


if __name__ == "__main__":
    print(main(Path(sys.argv[1])).path())
