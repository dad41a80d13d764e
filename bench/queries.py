"""Queries: p50/p99 of supporters, evidence, filtered edges, paths (max 4 hops) and a
depth-2 neighbourhood, on SQLite at 10k actors / 1M claims and on Neo4j at 10k
actors / 200k claims (a database kept in bench/work, built on first use); and the
peak memory of the embedded store at 1M claims.

The baseline of each latency is `get_actor` (one indexed read through the same
API) measured in the same run. The SQLite part runs in a child process, so its
peak RSS is the store's and nothing else's.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from bench.common import Result, latency_summary, peak_rss_bytes
from bench.corpus import claim_sample
from bench.ingest import SQLITE, SQLITE_QUICK
from bench.stores import (
    SEED,
    Scale,
    neo4j_server,
    neo4j_store_at,
    provenance,
    sqlite_store_at,
)
from graph.errors import NotFound
from graph.relations import Relation
from graph.store import EdgeFilter, GraphStore

NEO4J = Scale(actors=10_000, checkpoints=(10_000, 50_000, 100_000, 200_000))
NEO4J_QUICK = Scale(actors=1_000, checkpoints=(2_000, 5_000))
ROUNDS = {"get_actor": 200, "supporters": 300, "evidence": 300, "edges_filtered": 100,
          "paths": 20, "neighbourhood": 20}
ROUNDS_QUICK = {k: max(10, v // 10) for k, v in ROUNDS.items()}
MEMORY_GOAL = 2 * 2**30
QUERY_BUDGET_S = 20.0  # per query kind: `make bench` has 20 minutes in all


def _time_each(fn: Callable[[Any], object], args: list[Any]) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each call (CPU time: steadier on a shared machine);
    stops early once QUERY_BUDGET_S is spent on this query (n says how many ran)."""
    wall: list[float] = []
    cpu: list[float] = []
    for a in args:
        if sum(wall) > QUERY_BUDGET_S:
            break
        t, c = time.perf_counter(), time.process_time()
        fn(a)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu


def _summary(times: tuple[list[float], list[float]]) -> dict[str, Any]:
    return {**latency_summary(times[0]), "cpu": latency_summary(times[1])}


WARM_UP_CALLS = 20


def _warm_up(store: GraphStore, actors: list[str]) -> list[float]:
    """Unmeasured calls of supporters and evidence on actors outside the measured
    sample, so that the figures are of a running server (plans compiled, JIT warm)
    rather than of its first minute; their wall times (ms) are kept in the results."""
    times = []
    for a in actors[:WARM_UP_CALLS]:
        t = time.perf_counter()
        for e in store.supporters(a, EdgeFilter(limit=3)).items:
            store.evidence(*e.key)
        times.append(round((time.perf_counter() - t) * 1000, 1))
    return times


def measure(store: GraphStore, n_actors: int, rounds: dict[str, int]) -> dict[str, Any]:
    """Latencies of each query over actors drawn half by the power law, half uniformly."""
    ids = []
    for a in claim_sample(SEED + 2, n_actors, 4 * max(rounds.values())):
        try:
            store.get_actor(a)
        except NotFound:
            continue
        ids.append(a)
    ids, spare = ids[: 2 * max(rounds.values())], ids[2 * max(rounds.values()):]
    figures: dict[str, Any] = {"actors_sampled": len(ids)}
    figures["warm_up_ms"] = _warm_up(store, spare or ids)

    def pick(name: str) -> list[str]:
        return [ids[i % len(ids)] for i in range(rounds[name])]

    figures["get_actor"] = _summary(_time_each(store.get_actor, pick("get_actor")))
    figures["supporters"] = _summary(_time_each(store.supporters, pick("supporters")))
    triples: list[tuple[str, Relation, str]] = []
    for a in ids:
        triples += [e.key for e in store.edges(EdgeFilter(actor=a, limit=3)).items]
        if len(triples) >= rounds["evidence"]:
            break
    figures["evidence"] = _summary(
        _time_each(lambda t: store.evidence(*t), triples[: rounds["evidence"]]))
    flt = {"relations": (Relation.FUNDING, Relation.ARMS), "min_sources": 2,
           "since": date(2018, 1, 1), "limit": 50}
    figures["edges_filtered"] = _summary(_time_each(
        lambda a: store.edges(EdgeFilter(actor=a, **flt)), pick("edges_filtered")))
    figures["edges_filtered"]["filter"] = {"relations": ["funding", "arms"], "min_sources": 2,
                                           "since": "2018-01-01", "limit": 50}
    # the first traversal builds the in-memory graph (SQLite): timed on its own
    t = time.perf_counter()
    store.neighbourhood(ids[0], depth=1, max_nodes=10)
    figures["first_traversal_s"] = round(time.perf_counter() - t, 3)
    pairs = list(zip(pick("paths"), reversed(pick("paths")), strict=True))
    found = []

    def paths(p: tuple[str, str]) -> None:
        found.append(len(store.paths(p[0], p[1], max_hops=4, limit=10)))

    figures["paths_max4"] = _summary(_time_each(paths, [p for p in pairs if p[0] != p[1]]))
    figures["paths_max4"]["mean_paths_found"] = round(sum(found) / max(len(found), 1), 2)
    sizes = []

    def hood(a: str) -> None:
        sizes.append(len(store.neighbourhood(a, depth=2, max_nodes=500).nodes))

    figures["neighbourhood_d2"] = _summary(_time_each(hood, pick("neighbourhood")))
    figures["neighbourhood_d2"]["mean_nodes"] = round(sum(sizes) / max(len(sizes), 1), 1)
    return figures


def _sqlite_child(path: str, n_actors: int, rounds: dict[str, int], out: Any) -> None:
    from pathlib import Path

    from graph.sqlite_store import SqliteStore

    base = peak_rss_bytes()
    with SqliteStore(Path(path)) as store:
        stats = store.stats()
        figures = measure(store, n_actors, rounds)
    figures["stats"] = {"actors": stats.actors, "claims": stats.claims, "edges": stats.edges,
                        "sources": stats.sources}
    figures["peak_rss_bytes"] = peak_rss_bytes()
    figures["baseline_rss_bytes"] = base
    out.put(figures)


def _ratios(res: Result, prefix: str, figures: dict[str, Any]) -> None:
    base = figures["get_actor"]["p99_ms"]
    for q in ("supporters", "evidence", "edges_filtered", "paths_max4", "neighbourhood_d2"):
        res.ratio(f"{prefix}_{q}_p99", figures[q]["p99_ms"], base,
                  what=f"{prefix} {q} p99 ms", against=f"{prefix} get_actor p99 ms")


def _sqlite(res: Result, quick: bool) -> None:
    scale = SQLITE_QUICK if quick else SQLITE
    rounds = ROUNDS_QUICK if quick else ROUNDS
    path = sqlite_store_at(scale)
    res.parameters["sqlite_store"] = provenance(path)
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_sqlite_child, args=(str(path), scale.actors, rounds, queue))
    child.start()
    figures = queue.get()
    child.join()
    res.figures["sqlite"] = figures
    _ratios(res, "sqlite", figures)
    res.ratio("sqlite_peak_rss", figures["peak_rss_bytes"], figures["baseline_rss_bytes"],
              what="peak RSS of the store process (bytes)",
              against="RSS of the same process before opening the store")
    for q in ("supporters", "evidence"):
        res.goal(f"SQLite {q} p99 < 20 ms", f"sqlite {q} p99_ms", "<", 20,
                 figures[q]["p99_ms"])
        res.goal(f"SQLite {q} p99 < 20 ms, in CPU time", f"sqlite {q} cpu p99_ms", "<", 20,
                 figures[q]["cpu"]["p99_ms"], note="this process's CPU time per query")
    res.goal("SQLite peak memory < 2 GiB", "peak_rss_bytes", "<", MEMORY_GOAL,
             figures["peak_rss_bytes"], note=f"at {figures['stats']['claims']:,} claims")


def neo4j_result(store: GraphStore, scale: Scale, loaded: int, quick: bool,
                 write: bool = True) -> Result:
    """Measure the queries on a Neo4j store holding `loaded` claims of `scale`;
    write `queries_neo4j` (unless told not to)."""
    res = Result("queries_neo4j", quick)
    rounds = {k: max(10, v // 2) for k, v in (ROUNDS_QUICK if quick else ROUNDS).items()}
    res.parameters = {"seed": SEED, "rounds": rounds, "paths_max_hops": 4,
                      "neighbourhood": {"depth": 2, "max_nodes": 500},
                      "scale": vars(scale), "claims_loaded": loaded}
    res.figures["neo4j_claims_loaded"] = loaded
    figures = measure(store, scale.actors, rounds)
    res.figures["neo4j"] = figures
    _ratios(res, "neo4j", figures)
    for q in ("supporters", "evidence"):
        res.goal(f"Neo4j {q} p99 < 50 ms", f"neo4j {q} p99_ms", "<", 50, figures[q]["p99_ms"],
                 note=f"at {loaded:,} claims")
    res.notes.append("Client-side CPU time is not the server's work: use wall time here.")
    if write:
        res.write()
    return res


def neo4j_queries(quick: bool) -> Result:
    """The Neo4j queries at the full scale (10k actors, 200k claims), on a database
    kept in bench/work and reused while its parameters match (built on first use)."""
    from graph.neo4j_store import Neo4jStore

    scale = NEO4J_QUICK if quick else NEO4J
    path = neo4j_store_at(scale)
    with neo4j_server(path) as server, Neo4jStore(server.uri) as store:
        res = neo4j_result(store, scale, scale.claims, quick, write=False)
    res.parameters["neo4j_store"] = provenance(path)
    res.write()
    return res


def run(quick: bool = False, backends: tuple[str, ...] = ("sqlite",)) -> list[Result]:
    """SQLite queries, and with `backends=("neo4j",)` the Neo4j ones (`make bench`
    runs those from the ingest benchmark, which has the server's time budget)."""
    out = []
    if "sqlite" in backends:
        res = Result("queries_sqlite", quick)
        res.parameters = {"seed": SEED, "rounds": ROUNDS_QUICK if quick else ROUNDS,
                          "paths_max_hops": 4, "neighbourhood": {"depth": 2, "max_nodes": 500},
                          "scale": vars(SQLITE_QUICK if quick else SQLITE)}
        _sqlite(res, quick)
        res.write()
        out.append(res)
    if "neo4j" in backends:
        out.append(neo4j_queries(quick))
    return out
