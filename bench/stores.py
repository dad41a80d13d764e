"""Benchmark stores: the generated claim sets, loaded into SQLite or Neo4j.

The 1M-claim SQLite store is built once (by the ingest benchmark, or on demand)
and reused by the query, HTTP and view benchmarks; a `.complete` marker says the
build finished, so a half-built file is never reused.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import REPO, WORK
from bench.corpus import claims
from graph.sqlite_store import SqliteStore
from graph.store import GraphStore
from tests.neo4j_server.server import Neo4jServer

SEED = 7
NEO4J_FULL_JIT = False


@dataclass(frozen=True)
class Scale:
    """A claim set: how many actors, and the claim counts to stop and measure at."""

    actors: int
    checkpoints: tuple[int, ...]
    claims_per_source: int = 1000

    @property
    def claims(self) -> int:
        return self.checkpoints[-1]


@dataclass
class Checkpoint:
    claims: int
    wall_s: float  # time spent inside store.ingest, cumulative
    cpu_s: float  # this process's CPU time inside store.ingest, cumulative
    generate_s: float  # time spent generating the batches, cumulative


@dataclass
class LoadRun:
    checkpoints: list[Checkpoint] = field(default_factory=list)
    stopped_early: bool = False


def load(store: GraphStore, scale: Scale, seed: int = SEED,
         budget_s: float | None = None,
         at_checkpoint: Callable[[Checkpoint], None] | None = None) -> LoadRun:
    """Ingest the generated batches, timing only `store.ingest`. With `budget_s`,
    stop once that much ingest time is spent, with a last checkpoint there."""
    run = LoadRun()
    wall = cpu = gen = 0.0
    made = 0
    todo = list(scale.checkpoints)
    batches = claims(seed, scale.actors, scale.claims, scale.claims_per_source)
    while todo:
        t = time.perf_counter()
        item = next(batches, None)
        gen += time.perf_counter() - t
        if item is None:
            break
        source, actors, rows = item
        t, c = time.perf_counter(), time.process_time()
        store.ingest(source, actors, rows)
        wall += time.perf_counter() - t
        cpu += time.process_time() - c
        made += len(rows)
        over = budget_s is not None and wall > budget_s
        if made >= todo[0] or over:
            if made >= todo[0]:
                todo.pop(0)
            cp = Checkpoint(made, round(wall, 3), round(cpu, 3), round(gen, 3))
            run.checkpoints.append(cp)
            if at_checkpoint is not None:
                at_checkpoint(cp)
            if over and todo:
                run.stopped_early = True
                break
    return run


def sqlite_path(scale: Scale, seed: int = SEED) -> Path:
    return WORK / f"sqlite-{scale.actors}a-{scale.claims}c-s{seed}.db"


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".complete")


def fresh_sqlite(path: Path) -> SqliteStore:
    """An unopened store on a new, empty file at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), _marker(path)):
        p.unlink(missing_ok=True)
    return SqliteStore(path)


def mark_complete(path: Path) -> None:
    _marker(path).write_text("ok\n")


def sqlite_store_at(scale: Scale, seed: int = SEED) -> Path:
    """The path of a complete SQLite store of `scale`, building it when missing."""
    path = sqlite_path(scale, seed)
    if _marker(path).exists() and path.exists():
        return path
    with fresh_sqlite(path) as store:
        load(store, scale, seed)
    mark_complete(path)
    return path


@contextmanager
def neo4j_server() -> Iterator[Neo4jServer]:
    """A throwaway Neo4j 5.26 server (the tests' one). NEO4J_JIT says which JIT: C1
    only, as the tests use it, starts in about half the CPU, which matters on a
    shared machine; the full JIT runs faster once warm."""
    server = Neo4jServer(REPO / ".cache" / "neo4j", fast_start=not NEO4J_FULL_JIT)
    server.start()
    try:
        yield server
    finally:
        server.stop()
