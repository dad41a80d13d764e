"""Ingest: claims per second into SQLite and Neo4j, against the naive way (one
transaction per claim) and, for Neo4j, against `LOAD CSV` of the same rows.

Only the time inside `store.ingest` counts (the generator's time is reported
apart). Sizes are checkpoints of one growing load: the rate "at 100k" is the
rate of the claims from 10k to 100k, into a store that already holds 10k.
The naive way is the same API used one claim (one source) per call, hence one
transaction per claim, into an empty store: the most favourable case for it. It is
measured on a sample of claims (a rate is a rate; a million single-claim
transactions would take an hour).

SQLite is measured two ways. Bulk: the whole scale by `ingest_many`, one call per
checkpoint (10k into an empty store, 90k into that, 900k into that), which also
builds the 1M-claim store the query and HTTP benchmarks reuse. Per batch (`ingest`
per 1,000-claim source, as before): a fresh load to 100k, and the rate at 1M from
SQLITE_EXTRA more claims into a copy of the 1M store. Goals apply to the bulk path.
"""

from __future__ import annotations

import csv
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import WORK, Result, peak_rss_bytes
from bench.corpus import claims
from bench.stores import (
    NEO4J_FULL_JIT,
    SEED,
    Checkpoint,
    LoadRun,
    Scale,
    building_sqlite,
    fresh_sqlite,
    load,
    load_bulk,
    mark_complete,
    mark_neo4j_built,
    neo4j_build_folder,
    neo4j_kept,
    neo4j_path,
    neo4j_server,
    provenance,
    remove_sqlite,
    sqlite_path,
)
from graph.model import fold
from graph.relations import COUNTED_MODALITIES, Relation
from graph.sqlite_store import SqliteStore

SQLITE = Scale(actors=10_000, checkpoints=(10_000, 100_000, 1_000_000))
SQLITE_QUICK = Scale(actors=1_000, checkpoints=(2_000, 10_000, 20_000))
NEO4J = Scale(actors=10_000, checkpoints=(10_000, 100_000, 200_000, 500_000, 1_000_000))
NEO4J_QUICK = Scale(actors=1_000, checkpoints=(2_000, 10_000))
NEO4J_BUDGET_S = 120.0  # "as far as Neo4j goes in a few minutes" (ingest wall time)
NAIVE = {"sqlite": 1_000, "neo4j": 60}  # samples: one transaction per claim
NAIVE_QUICK = {"sqlite": 200, "neo4j": 30}
SQLITE_EXTRA = 20_000  # claims into a copy of a reused 1M store: the rate at 1M
SQLITE_EXTRA_QUICK = 2_000


def segment_rates(points: list[Checkpoint]) -> list[dict[str, Any]]:
    """Per checkpoint: the rate over the claims since the previous one, and overall."""
    out = []
    prev = Checkpoint(0, 0.0, 0.0, 0.0)
    for p in points:
        n = p.claims - prev.claims
        out.append({
            "claims": p.claims,
            "segment_claims_per_s": round(n / (p.wall_s - prev.wall_s), 1),
            "segment_claims_per_cpu_s": round(n / max(p.cpu_s - prev.cpu_s, 1e-9), 1),
            "cumulative_claims_per_s": round(p.claims / p.wall_s, 1),
            "ingest_wall_s": p.wall_s,
            "generate_s": p.generate_s,
        })
        prev = p
    return out


def naive_rate(store: Any, n: int, n_actors: int) -> dict[str, float]:
    """One claim per ingest call (a source each): one transaction per claim."""
    batches = list(claims(SEED + 1, n_actors, n, claims_per_source=1))
    t, c = time.perf_counter(), time.process_time()
    for source, actors, rows in batches:
        store.ingest(source, actors, rows)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    return {"claims": n, "wall_s": round(wall, 3), "claims_per_s": round(n / wall, 1),
            "claims_per_cpu_s": round(n / cpu, 1)}


def _progress(how: str) -> Callable[[Checkpoint], None]:
    def show(p: Checkpoint) -> None:
        print(f"  sqlite {how} {p.claims} claims: {p.claims / p.wall_s:.0f} claims/s "
              f"({p.claims / max(p.cpu_s, 1e-9):.0f} per CPU-s, cumulative)", flush=True)
    return show


def _bulk_rates(res: Result, scale: Scale) -> list[dict[str, Any]]:
    """The whole scale by `ingest_many`, one call per checkpoint (each into the store
    the previous ones made); the store is then kept as the benchmarks' 1M store."""
    path = sqlite_path(scale)
    t = time.perf_counter()
    with building_sqlite(path) as store:
        run = load_bulk(store, scale, at_checkpoint=_progress("bulk"))
    mark_complete(path, scale, build_s=time.perf_counter() - t)
    res.parameters["sqlite_1m_store"] = provenance(path)
    res.figures["sqlite_file_bytes"] = path.stat().st_size
    return segment_rates(run.checkpoints)


def _batch_rates(scale: Scale, quick: bool) -> list[dict[str, Any]]:
    """`ingest` source by source: a fresh load to the checkpoint before the last, and
    the rate at the last from SQLITE_EXTRA more claims into a copy of the full store."""
    full = sqlite_path(scale)
    scratch = full.with_name("ingest-scratch.db")
    with fresh_sqlite(scratch) as store:
        run = load(store, Scale(scale.actors, scale.checkpoints[:-1], scale.claims_per_source),
                   at_checkpoint=_progress("per batch"))
    remove_sqlite(scratch)
    rates = segment_rates(run.checkpoints)
    extra = SQLITE_EXTRA_QUICK if quick else SQLITE_EXTRA
    shutil.copyfile(full, scratch)
    wal = Path(f"{full}-wal")
    if wal.exists():  # not yet checkpointed into the main file: part of the copy
        shutil.copyfile(wal, Path(f"{scratch}-wal"))
    with SqliteStore(scratch) as store:
        more = load(store, Scale(scale.actors, (extra,), scale.claims_per_source),
                    first_batch=10**6)  # sources new to the store
    remove_sqlite(scratch)
    cp = more.checkpoints[-1]
    rate = {"claims": scale.claims, "segment_claims_per_s": round(extra / cp.wall_s, 1),
            "segment_claims_per_cpu_s": round(extra / max(cp.cpu_s, 1e-9), 1),
            "cumulative_claims_per_s": None, "ingest_wall_s": cp.wall_s,
            "generate_s": cp.generate_s,
            "measured_as": f"{extra:,} more claims into a copy of the "
                           f"{scale.claims:,}-claim store"}
    print(f"  sqlite per batch at {scale.claims} claims: {rate['segment_claims_per_s']:.0f} "
          f"claims/s ({extra} more claims into a copy of the store)", flush=True)
    return [*rates, rate]


def _sqlite(res: Result, quick: bool) -> None:
    scale = SQLITE_QUICK if quick else SQLITE
    naive_n = (NAIVE_QUICK if quick else NAIVE)["sqlite"]
    path = sqlite_path(scale)
    with fresh_sqlite(path.with_name("naive.db")) as store:
        naive = naive_rate(store, naive_n, scale.actors)
    res.figures["sqlite_naive"] = naive
    print(f"  sqlite naive: {naive['claims_per_s']:.0f} claims/s", flush=True)
    bulk = _bulk_rates(res, scale)
    res.figures["sqlite_bulk"] = bulk
    batched = _batch_rates(scale, quick)
    res.figures["sqlite"] = batched
    res.figures["sqlite_peak_rss_bytes"] = peak_rss_bytes()
    against = f"claims/s, one transaction per claim (sample of {naive_n:,})"
    for r in bulk:
        key = f"sqlite_bulk_vs_naive_at_{r['claims']}"
        res.ratio(key, r["segment_claims_per_s"], naive["claims_per_s"],
                  what=f"claims/s, bulk (ingest_many), at {r['claims']:,}", against=against)
        res.goal(f"SQLite >= 20x naive at {r['claims']:,} (bulk)", key, ">=", 20,
                 res.ratios[key]["ratio"])
        res.ratio(f"sqlite_bulk_vs_naive_cpu_at_{r['claims']}", r["segment_claims_per_cpu_s"],
                  naive["claims_per_cpu_s"],
                  what=f"claims per CPU-s, bulk (ingest_many), at {r['claims']:,}",
                  against="claims per CPU-s, one transaction per claim")
    for r in batched:
        how = f" ({r['measured_as']})" if r.get("measured_as") else ""
        res.ratio(f"sqlite_vs_naive_at_{r['claims']}", r["segment_claims_per_s"],
                  naive["claims_per_s"],
                  what=f"claims/s, per batch (ingest per source), at {r['claims']:,}{how}",
                  against=against)
    for r in bulk:
        res.goal(f"SQLite >= 100k claims/s at {r['claims']:,} (bulk)",
                 f"sqlite bulk segment rate at {r['claims']}", ">=", 100_000,
                 r["segment_claims_per_s"])


# ---- Neo4j LOAD CSV ---------------------------------------------------------------------

_CSV_ACTORS = """
LOAD CSV WITH HEADERS FROM $actors AS row
CALL (row) {
  CREATE (:Actor {id: row.id, name: row.name, names: [row.name], alias_keys: [row.key],
                  aliases: [], kind: row.kind})
} IN TRANSACTIONS OF 10000 ROWS
"""
_CSV_SOURCES = """
LOAD CSV WITH HEADERS FROM $sources AS row
CALL (row) {
  CREATE (:Source {id: row.id, title: row.title, published: date(row.published),
                   retrieved: datetime(row.retrieved), media_type: row.media_type,
                   loader: row.loader, text: row.text})
} IN TRANSACTIONS OF 1000 ROWS
"""
_CSV_CLAIMS = """
LOAD CSV WITH HEADERS FROM $claims AS row
CALL (row) {
  MATCH (s:Actor {id: row.subject}), (o:Actor {id: row.object}), (src:Source {id: row.source})
  CREATE (c:Claim {id: row.id, subject: row.subject, relation: row.relation,
                   object: row.object, source: row.source, quote: row.quote,
                   start: toInteger(row.start), end: toInteger(row.end),
                   modality: row.modality, confidence: toFloat(row.confidence),
                   extractor: row.extractor, created: datetime(row.created),
                   rank: coalesce(toString(src.published), '~') + '|' + row.source + '|'
                         + right('0000000000' + row.start, 10) + '|' + row.id})
  CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:CITES]->(src)
} IN TRANSACTIONS OF 10000 ROWS
"""


def _derive(rel_type: str) -> str:
    # rel_type comes from the relation taxonomy (graph.cypher.rel_type), never from input
    from graph.cypher import edge_ranks  # the ends' ids and page ranks, as the store writes

    return f"""
MATCH (c:Claim {{relation: $relation}}) WHERE c.modality IN $counted
MATCH (c)-[:CITES]->(src:Source)
WITH c.subject AS s, c.object AS o, count(c) AS claims, count(DISTINCT src) AS sources,
     min(src.published) AS first_seen, max(src.published) AS last_seen,
     sum(CASE c.modality WHEN 'asserted' THEN 1 ELSE 0 END) AS asserted,
     sum(CASE c.modality WHEN 'reported' THEN 1 ELSE 0 END) AS reported
CALL (s, o, claims, sources, first_seen, last_seen, asserted, reported) {{
  MATCH (a:Actor {{id: s}}), (b:Actor {{id: o}})
  CREATE (a)-[r:{rel_type}]->(b)
  SET r.claims = claims, r.sources = sources, r.first_seen = first_seen,
      r.last_seen = last_seen, r.asserted = asserted, r.reported = reported,
      r.subject = s, r.object = o
  {edge_ranks("r")}
}} IN TRANSACTIONS OF 10000 ROWS
"""


def write_csvs(folder: Path, scale: Scale, n: int) -> int:
    """The first `n` generated claims (and their actors and sources) as CSV files."""
    seen: set[str] = set()
    made = 0
    with (open(folder / "actors.csv", "w", newline="", encoding="utf-8") as fa,
          open(folder / "sources.csv", "w", newline="", encoding="utf-8") as fs,
          open(folder / "claims.csv", "w", newline="", encoding="utf-8") as fc):
        wa, ws, wc = csv.writer(fa), csv.writer(fs), csv.writer(fc)
        wa.writerow(["id", "name", "key", "kind"])
        ws.writerow(["id", "title", "published", "retrieved", "media_type", "loader", "text"])
        wc.writerow(["id", "subject", "relation", "object", "source", "quote", "start", "end",
                     "modality", "confidence", "extractor", "created"])
        for source, actors, rows in claims(SEED, scale.actors, n, scale.claims_per_source):
            for a in actors:
                if a.id not in seen:
                    seen.add(a.id)
                    wa.writerow([a.id, a.name, fold(a.name), a.kind.value])
            ws.writerow([source.id, source.title, source.published, source.retrieved.isoformat(),
                         source.media_type, source.loader, source.text])
            for c in rows:
                wc.writerow([c.id, c.subject, c.relation.value, c.object, c.source, c.quote,
                             c.start, c.end, c.modality.value, c.confidence, c.extractor,
                             c.created.isoformat()])
            made += len(rows)
    return made


def load_csv_rate(store: Any, folder: Path, n: int) -> dict[str, Any]:
    """Time `LOAD CSV` of the rows in `folder` (absolute file:// URLs: the tests'
    server allows file URLs and sets no import root) plus deriving the typed relationships
    (what the store's ingest also does), into the empty database of `store`."""
    from graph.cypher import rel_type

    counted = sorted(m.value for m in COUNTED_MODALITIES)
    steps: dict[str, float] = {}
    with store.driver.session(database=store.database) as session:
        for name, query in (("actors", _CSV_ACTORS), ("sources", _CSV_SOURCES),
                            ("claims", _CSV_CLAIMS)):
            t = time.perf_counter()
            session.run(query, {name: (folder / f"{name}.csv").resolve().as_uri()}).consume()
            steps[name] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        for rel in Relation:
            session.run(_derive(rel_type(rel)), relation=rel.value, counted=counted).consume()
        steps["derived_relationships"] = round(time.perf_counter() - t, 3)
        (stored,) = session.run("MATCH (c:Claim) RETURN count(c)").single() or (0,)
    wall = sum(steps.values())
    if stored != n:
        raise RuntimeError(f"LOAD CSV stored {stored} claims, expected {n}")
    return {"claims": n, "wall_s": round(wall, 3), "claims_per_s": round(n / wall, 1),
            "steps_s": steps}


def _neo4j(res: Result, quick: bool, queries_too: bool = True) -> None:
    """LOAD CSV, the naive sample and the batched curve in one server. When the
    query benchmark's database is not kept yet, the curve is the load that builds
    it (its whole 200k, no time budget): one load instead of two on a cold machine."""
    from bench import queries
    from graph.neo4j_store import Neo4jStore

    scale = NEO4J_QUICK if quick else NEO4J
    naive_n = (NAIVE_QUICK if quick else NAIVE)["neo4j"]
    csv_n = scale.checkpoints[0]  # the same rows as the store's load up to its 1st checkpoint
    builds = queries_too and not quick and neo4j_kept(queries.NEO4J) is None
    data_dir = neo4j_build_folder(queries.NEO4J) if builds else None
    with neo4j_server(data_dir) as server, Neo4jStore(server.uri, batch_size=5000) as store:
        res.parameters["neo4j_batch_size"] = store.batch_size
        res.parameters["neo4j_jit"] = "C1+C2" if NEO4J_FULL_JIT else "C1 only (tests' setting)"
        folder = WORK / "csv"
        folder.mkdir(parents=True, exist_ok=True)
        write_csvs(folder, scale, csv_n)
        csv_rate = load_csv_rate(store, folder, csv_n)
        res.figures["neo4j_load_csv"] = csv_rate
        print(f"  neo4j LOAD CSV {csv_n}: {csv_rate['claims_per_s']:.0f} claims/s", flush=True)
        store.clear()
        naive = naive_rate(store, naive_n, scale.actors)
        res.figures["neo4j_naive"] = naive
        print(f"  neo4j naive: {naive['claims_per_s']:.0f} claims/s", flush=True)
        store.clear()
        if builds:
            print(f"  building {neo4j_path(queries.NEO4J).name} (the query database)", flush=True)
        run = load(store, queries.NEO4J if builds else scale,
                   budget_s=None if quick or builds else NEO4J_BUDGET_S,
                   at_checkpoint=lambda p: print(
                       f"  neo4j {p.claims} claims: {p.claims / p.wall_s:.0f} claims/s",
                       flush=True))
        res.parameters["neo4j_curve"] = (
            f"the build of the query database ({queries.NEO4J.claims:,} claims, no budget)"
            if builds else f"as far as {NEO4J_BUDGET_S:.0f} s of ingest goes")
        _neo4j_figures(res, run, naive, csv_rate, naive_n, csv_n)
        if builds:
            res.parameters["neo4j_budget_s"] = None
        res.write()  # before the queries: they may take long on a slow machine
        if not builds:
            store.clear()
    if data_dir is not None:
        mark_neo4j_built(data_dir, queries.NEO4J, run.checkpoints[-1].wall_s)
    if queries_too:  # at the full scale, on the database kept for them (bench.queries)
        queries.neo4j_queries(quick)


def _neo4j_figures(res: Result, run: LoadRun, naive: dict[str, float],
                   csv_rate: dict[str, Any], naive_n: int, csv_n: int) -> None:
    rates = segment_rates(run.checkpoints)
    res.figures["neo4j"] = rates
    res.figures["neo4j_stopped_at"] = rates[-1]["claims"]
    res.parameters["neo4j_budget_s"] = NEO4J_BUDGET_S
    for r in rates:
        res.ratio(f"neo4j_vs_naive_at_{r['claims']}", r["segment_claims_per_s"],
                  naive["claims_per_s"], what=f"claims/s, batched, at {r['claims']:,}",
                  against=f"claims/s, one transaction per claim (sample of {naive_n:,})")
    at_csv = next(r for r in rates if r["claims"] >= csv_n)
    res.ratio("neo4j_vs_load_csv", at_csv["cumulative_claims_per_s"], csv_rate["claims_per_s"],
              what=f"claims/s, store ingest of the first {csv_n:,}",
              against=f"claims/s, LOAD CSV of the same {csv_n:,} rows (+ typed relationships)")
    res.goal("Neo4j >= 20x naive", f"neo4j_vs_naive_at_{csv_n}", ">=", 20,
             res.ratios[f"neo4j_vs_naive_at_{csv_n}"]["ratio"])
    res.goal("Neo4j >= 0.5x LOAD CSV", "neo4j_vs_load_csv", ">=", 0.5,
             res.ratios["neo4j_vs_load_csv"]["ratio"])


def run(quick: bool = False, backends: tuple[str, ...] = ("sqlite", "neo4j")) -> list[Result]:
    """One result per backend: `ingest_sqlite` and `ingest_neo4j`."""
    out = []
    for backend in backends:
        res = Result(f"ingest_{backend}", quick)
        scale = {"sqlite": SQLITE_QUICK if quick else SQLITE,
                 "neo4j": NEO4J_QUICK if quick else NEO4J}[backend]
        res.parameters = {
            "seed": SEED,
            "scale": vars(scale),
            "naive_claims": (NAIVE_QUICK if quick else NAIVE)[backend],
        }
        res.notes.append("Rates at a size are the rate of the claims since the previous "
                         "checkpoint of one growing load; cumulative rates are also given.")
        (_sqlite if backend == "sqlite" else _neo4j)(res, quick)
        res.write()
        out.append(res)
    return out
