"""Benchmark stores: the generated claim sets, loaded into SQLite or Neo4j.

The 1M-claim SQLite store is built once (by the ingest benchmark, or on demand)
and reused by the query, HTTP and view benchmarks. A `.complete` marker (JSON) says
the build finished and what it holds: the scale, seed, the claim generator's code
and the store's schema version. A store is reused, in this run or a later one, only
when all of these match what the code would build now; else it is rebuilt.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import REPO, WORK, code_version
from bench.corpus import claims
from graph import sqlite_store
from graph.sqlite_schema import SCHEMA_VERSION
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


def _cold() -> None:
    """Forget the SQLite store's folded actor names (a module-wide cache), so that
    each measured load folds its names itself, whichever load ran before it."""
    sqlite_store._fold.cache_clear()


def load(store: GraphStore, scale: Scale, seed: int = SEED,
         budget_s: float | None = None,
         at_checkpoint: Callable[[Checkpoint], None] | None = None,
         first_batch: int = 0) -> LoadRun:
    """Ingest the generated batches, timing only `store.ingest`. With `budget_s`,
    stop once that much ingest time is spent, with a last checkpoint there."""
    _cold()
    run = LoadRun()
    wall = cpu = gen = 0.0
    made = 0
    todo = list(scale.checkpoints)
    batches = claims(seed, scale.actors, scale.claims, scale.claims_per_source, first_batch)
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


def load_bulk(store: GraphStore, scale: Scale, seed: int = SEED,
              at_checkpoint: Callable[[Checkpoint], None] | None = None) -> LoadRun:
    """Load the generated batches by one `store.ingest_many` per checkpoint (the
    batches since the previous one), timing only the store's work: the generator
    runs inside the call as it pulls batches, and its time is taken out."""
    _cold()
    run = LoadRun()
    wall = cpu = gen = 0.0
    made = 0
    batches = claims(seed, scale.actors, scale.claims, scale.claims_per_source)
    spent = [0.0, 0.0]  # generator wall and CPU time in the current call

    def segment(target: int) -> Iterator[tuple[Any, ...]]:
        nonlocal made
        while made < target:
            t, c = time.perf_counter(), time.process_time()
            item = next(batches, None)
            spent[0] += time.perf_counter() - t
            spent[1] += time.process_time() - c
            if item is None:
                return
            made += len(item[2])
            yield item

    for target in scale.checkpoints:
        spent[:] = [0.0, 0.0]
        t, c = time.perf_counter(), time.process_time()
        store.ingest_many(segment(target))
        wall += time.perf_counter() - t - spent[0]
        cpu += time.process_time() - c - spent[1]
        gen += spent[0]
        cp = Checkpoint(made, round(wall, 3), round(cpu, 3), round(gen, 3))
        run.checkpoints.append(cp)
        if at_checkpoint is not None:
            at_checkpoint(cp)
    return run


def sqlite_path(scale: Scale, seed: int = SEED) -> Path:
    return WORK / f"sqlite-{scale.actors}a-{scale.claims}c-s{seed}.db"


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".complete")


def fingerprint(scale: Scale, seed: int = SEED) -> dict[str, object]:
    """What a complete store of `scale` must have been built with to be reused."""
    generator = hashlib.sha256(inspect.getsource(claims).encode()).hexdigest()[:16]
    return {"scale": {"actors": scale.actors, "claims": scale.claims,
                      "claims_per_source": scale.claims_per_source},
            "seed": seed, "generator": generator, "schema_version": SCHEMA_VERSION}


def _file_schema_version(path: Path) -> int | None:
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            (v,) = con.execute("PRAGMA user_version").fetchone()
        finally:
            con.close()
        return int(v)
    except (sqlite3.Error, OSError, TypeError, ValueError):
        return None


_BUILT_HERE: set[Path] = set()  # stores built by this process (this run)


def provenance(path: Path) -> dict[str, object]:
    """How the store at `path` came to be: built in this run, or reused (and from when)."""
    try:
        marker = json.loads(_marker(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        marker = {}
    how = "built in this run" if path in _BUILT_HERE else "reused from bench/work"
    return {"file": path.name, "how": how, **{k: marker.get(k) for k in (
        "built_at", "built_by_commit", "build_s", "schema_version")}}


def _marked(path: Path, want: dict[str, object]) -> bool:
    """Whether the marker of `path` records a complete build made as `want` says."""
    try:
        marker = json.loads(_marker(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(marker.get(k) == v for k, v in want.items())


def reusable(scale: Scale, seed: int = SEED) -> Path | None:
    """The complete store of `scale` when its parameters and schema match, else None."""
    path = sqlite_path(scale, seed)
    if not path.exists() or not _marked(path, fingerprint(scale, seed)):
        return None
    if _file_schema_version(path) != SCHEMA_VERSION:
        return None
    return path


def fresh_sqlite(path: Path) -> SqliteStore:
    """An unopened store on a new, empty file at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), _marker(path)):
        p.unlink(missing_ok=True)
    return SqliteStore(path)


@contextmanager
def building_sqlite(path: Path) -> Iterator[SqliteStore]:
    """An open store on a new file of this process's own, moved to `path` once the
    block ends without error: a builder elsewhere that clears `path` meanwhile (another
    run finding no complete store there) cannot unlink the file being built."""
    own = path.with_name(f"{path.name}.building-{os.getpid()}")
    with fresh_sqlite(own) as store:
        yield store
    remove_sqlite(path)
    os.replace(own, path)  # closed: the WAL is checkpointed into the file and removed
    remove_sqlite(own)


def remove_sqlite(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), _marker(path)):
        p.unlink(missing_ok=True)


def mark_complete(path: Path, scale: Scale, seed: int = SEED, build_s: float = 0.0) -> None:
    """Record that the store at `path` holds all of `scale` (and how it was built)."""
    _write_marker(path, fingerprint(scale, seed), build_s)


def _write_marker(path: Path, want: dict[str, object], build_s: float) -> None:
    _BUILT_HERE.add(path)
    _marker(path).write_text(json.dumps({
        **want, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "built_by_commit": code_version()["commit"], "build_s": round(build_s, 1),
    }, indent=2) + "\n", encoding="utf-8")


def sqlite_store_at(scale: Scale, seed: int = SEED) -> Path:
    """The path of a complete SQLite store of `scale`: reused when its parameters and
    schema version match (see `reusable`), else built now."""
    found = reusable(scale, seed)
    if found is not None:
        print(f"  reusing {found.name} ({provenance(found)['built_at']})", flush=True)
        return found
    path = sqlite_path(scale, seed)
    print(f"  building {path.name}", flush=True)
    t = time.perf_counter()
    with building_sqlite(path) as store:
        load_bulk(store, scale, seed)
    mark_complete(path, scale, seed, time.perf_counter() - t)
    return path


@contextmanager
def neo4j_server(data_dir: Path | None = None) -> Iterator[Neo4jServer]:
    """A Neo4j 5.26 server (the tests' one), throwaway unless it is given a
    `data_dir` to keep. NEO4J_FULL_JIT says which JIT: C1 only, as the tests use it,
    starts in about half the CPU, which matters on a shared machine; the full JIT
    runs faster once warm."""
    server = Neo4jServer(REPO / ".cache" / "neo4j", fast_start=not NEO4J_FULL_JIT,
                         data_dir=data_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def neo4j_path(scale: Scale, seed: int = SEED) -> Path:
    return WORK / f"neo4j-{scale.actors}a-{scale.claims}c-s{seed}"


def neo4j_fingerprint(scale: Scale, seed: int = SEED) -> dict[str, object]:
    """What a kept Neo4j database of `scale` must have been built with to be reused:
    the claim generator, the store's schema version and the statements that write it."""
    from graph import cypher
    from graph.neo4j_store import _ADD_SOURCE
    from tests.neo4j_server.server import NEO4J_VERSION

    writes = "\n".join([*cypher.SCHEMA, cypher.CREATE_ACTORS, cypher.CREATE_SOURCE,
                        cypher.CREATE_CLAIMS, _ADD_SOURCE])
    return {**fingerprint(scale, seed), "schema_version": cypher.SCHEMA_VERSION,
            "writes": hashlib.sha256(writes.encode()).hexdigest()[:16],
            "neo4j": NEO4J_VERSION}


def neo4j_kept(scale: Scale, seed: int = SEED) -> Path | None:
    """The kept data folder of `scale` when its marker matches `neo4j_fingerprint`."""
    path = neo4j_path(scale, seed)
    return path if path.is_dir() and _marked(path, neo4j_fingerprint(scale, seed)) else None


def neo4j_build_folder(scale: Scale, seed: int = SEED) -> Path:
    """An emptied data folder for a new database of `scale` (its marker removed)."""
    path = neo4j_path(scale, seed)
    _marker(path).unlink(missing_ok=True)
    shutil.rmtree(path, ignore_errors=True)
    return path


def mark_neo4j_built(path: Path, scale: Scale, build_s: float, seed: int = SEED) -> None:
    """Record that the database in `path` holds all of `scale`, and how it was built."""
    _write_marker(path, neo4j_fingerprint(scale, seed), build_s)


def neo4j_store_at(scale: Scale, seed: int = SEED) -> Path:
    """The data folder of a Neo4j database holding all of `scale`: reused when its
    marker matches `neo4j_fingerprint`, else loaded now through `Neo4jStore.ingest`
    (minutes: the query benchmark then measures the full scale, not what the
    ingest benchmark's time budget reached)."""
    from graph.neo4j_store import Neo4jStore

    kept = neo4j_kept(scale, seed)
    if kept is not None:
        print(f"  reusing {kept.name} ({provenance(kept)['built_at']})", flush=True)
        return kept
    path = neo4j_build_folder(scale, seed)
    print(f"  building {path.name}", flush=True)
    t = time.perf_counter()
    with neo4j_server(path) as server, Neo4jStore(server.uri) as store:
        load(store, scale, seed)
    mark_neo4j_built(path, scale, time.perf_counter() - t, seed)
    return path
