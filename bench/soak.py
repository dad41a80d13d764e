"""Soak: mixed reads and writes against a real `allegiance serve` on loopback.

`python -m bench.soak [--seconds S] [--max-requests N] [--backend sqlite|neo4j|both]`
(`make soak`). Each backend gets a fresh store and a server subprocess; CLIENTS
threads send a weighted mix of requests (ingest new documents, load one again,
retract one of their own, and reads of every kind: actors, supporters, edges,
evidence, paths, graph, view data, sources, stats, export) until the time OR the
request budget is spent, whichever comes first.

Measured: every request's status and latency (p50/p99 per kind and overall), the
server process's resident memory sampled every SAMPLE_S. A request fails when it
errors in transport, answers 5xx, or answers a status its kind never should (e.g.
a 404 when retracting a document the same client loaded). Written to
`bench/results/soak.json`.

Memory bound (MEMORY_GROWTH_BOUND_MB): RSS after warm-up (the first WARMUP_SHARE
of the run: imports, the extractor's registry, the first store caches) may grow by
at most that much by the end. Justification: the documents added during a soak are
a few hundred short texts (well under 1 MB of text, a few MB of database); what
legitimately grows with them (the SQLite page cache, the in-memory graph, Python's
allocator arenas) stays within a few times the data, i.e. a few MB to tens of MB. A
leak of even 10 KB per request over a soak of thousands of requests, or a cache
without a bound, goes past it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.common import Result, latency_summary

CLIENTS = 4
# Often enough that a short soak on a fast machine still has a memory curve: the test's
# 1,000 requests took ~4 s here (16 samples at 0.25 s, under the 20 it asks for).
# Reading /proc/<pid>/status costs microseconds.
SAMPLE_S = 0.05
WARMUP_SHARE = 0.25
MEMORY_GROWTH_BOUND_MB = 48.0
PATIENCE_S = 180.0  # for the server to answer /ready on a busy machine
KEY = "soak-key"
ALLEGIANCE = str(Path(sys.executable).with_name("allegiance"))

STATES = ("Iran", "Syria", "Russia", "Qatar", "Turkey", "Pakistan", "Sudan", "Libya")
GROUPS = ("Hezbollah", "Hamas", "the Houthis", "al-Shabaab", "the Taliban", "Boko Haram",
          "Lashkar-e-Taiba", "the Wagner Group")
VERBS = ("funds", "supplies weapons to", "trains fighters of", "provides safe haven to",
         "supports")
QUERY_NAMES = ("Iran", "Hezbollah", "Hamas", "Russia", "Qatar", "the Houthis")


# ---- the server -----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float | None:
    """Resident memory of `pid` in MiB (psutil when installed, else /proc)."""
    try:
        import psutil  # type: ignore[import-untyped]

        return float(psutil.Process(pid).memory_info().rss) / 2**20
    except ImportError:
        pass
    except Exception:  # the process is gone
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path


@contextmanager
def serve(store: str, workdir: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """`allegiance serve` on a free loopback port over `store`; stopped on exit."""
    port = free_port()
    log = workdir / "server.log"
    environ = {**os.environ, "ALLEGIANCE_STORE": store, "ALLEGIANCE_API_KEY": KEY,
               **(env or {})}
    with log.open("wb") as out:
        proc = subprocess.Popen([ALLEGIANCE, "serve", "--host", "127.0.0.1", "--port",
                                 str(port)], stdout=out, stderr=subprocess.STDOUT,
                                env=environ, cwd=workdir)
    server = Server(proc, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + PATIENCE_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"allegiance serve exited ({proc.returncode}): "
                                   f"{log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{server.url}/ready", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"allegiance serve not ready after {PATIENCE_S:.0f} s")
            time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ---- the load -------------------------------------------------------------------------

@dataclass
class Tally:
    """Every request's kind, status and latency; failures with what went wrong."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    failures: list[str] = field(default_factory=list)  # the first 50
    failed: int = 0
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, budget: int) -> bool:
        """Claim one request of the budget; False once it is spent."""
        with self.lock:
            if self.requests >= budget:
                return False
            self.requests += 1
            return True

    def record(self, kind: str, status: int, seconds: float, ok: bool, what: str) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1
            if not ok:
                self.failed += 1
                if len(self.failures) < 50:
                    self.failures.append(what)


def article(rng: random.Random, tag: str) -> str:
    lines = [f"Field report {tag}.", ""]
    for _ in range(rng.randint(2, 6)):
        lines.append(f"{rng.choice(STATES)} {rng.choice(VERBS)} {rng.choice(GROUPS)}.")
    return "\n".join(lines) + "\n"


# Each kind: weight, and the statuses it may answer (anything else is a failure).
READS: dict[str, tuple[int, set[int]]] = {
    "stats": (6, {200}), "sources": (6, {200}), "actor": (8, {200, 404}),
    "supporters": (12, {200, 404}), "supported": (8, {200, 404}), "edges": (10, {200, 404}),
    "evidence": (8, {200, 404}), "paths": (6, {200, 404}), "graph": (6, {200, 404}),
    "view_data": (6, {200, 404}), "source_text": (6, {200, 404}),
    # an export is no snapshot: while writes keep changing the store it may answer 409
    # "try again" (never a mixed or partial export)
    "export": (1, {200, 409}),
}
WRITES: dict[str, tuple[int, set[int]]] = {
    "ingest": (12, {201}), "ingest_again": (3, {201}), "retract": (3, {200}),
}


class Client(threading.Thread):
    """One client: its own documents (so its retractions are always of live ones)."""

    def __init__(self, n: int, url: str, tally: Tally, stop_at: float, budget: int,
                 seed: int) -> None:
        super().__init__(name=f"soak-client-{n}", daemon=True)
        self.n, self.url, self.tally = n, url, tally
        self.stop_at, self.budget = stop_at, budget
        self.rng = random.Random(seed * 1000 + n)
        self.mine: dict[str, str] = {}  # live source id -> text
        self.made = 0
        kinds = {**READS, **WRITES}
        self.kinds = list(kinds)
        self.weights = [kinds[k][0] for k in self.kinds]
        self.expected = {k: v[1] for k, v in kinds.items()}

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=60,
                          headers={"X-API-Key": KEY}) as http:
            while time.monotonic() < self.stop_at and self.tally.take(self.budget):
                kind = self.rng.choices(self.kinds, self.weights)[0]
                self.one(http, kind)

    def warm_up(self) -> None:
        """One request of each kind of read, outside any tally."""
        with httpx.Client(base_url=self.url, timeout=PATIENCE_S,
                          headers={"X-API-Key": KEY}) as http:
            for kind in READS:
                _, method, path, kwargs = self.request(kind)
                http.request(method, path, **kwargs)

    def request(self, kind: str) -> tuple[str, str, str, dict[str, Any]]:
        """(kind, method, path, httpx keyword arguments) of one request of `kind` (a
        write on this client's documents becomes an ingest while it has none)."""
        rng, name = self.rng, self.rng.choice(QUERY_NAMES)
        if kind in ("ingest_again", "retract") and not self.mine:
            kind = "ingest"
        if kind == "ingest":
            self.made += 1
            text = article(rng, f"{self.n}-{self.made}")
            return kind, "POST", "/documents", {"json": {"text": text,
                                                         "title": f"soak {self.made}"}}
        if kind == "ingest_again":
            text = rng.choice(list(self.mine.values()))
            return kind, "POST", "/documents", {"json": {"text": text}}
        if kind == "retract":
            return kind, "DELETE", f"/sources/{rng.choice(list(self.mine))}", {}
        paths: dict[str, tuple[str, dict[str, Any]]] = {
            "stats": ("/stats", {}),
            "sources": ("/sources", {"limit": 20, "offset": rng.randint(0, 50)}),
            "actor": (f"/actors/{name}", {}),
            "supporters": (f"/actors/{name}/supporters", {}),
            "supported": (f"/actors/{name}/supported", {}),
            "edges": ("/edges", {"actor": name, "limit": 20}),
            "evidence": (f"/edges/iran/{rng.choice(['funding', 'arms', 'support'])}/"
                         f"{rng.choice(['hezbollah', 'hamas', 'houthis'])}/evidence", {}),
            "paths": ("/paths", {"from": name, "to": rng.choice(GROUPS[3:])}),
            "graph": ("/graph", {"center": name, "depth": 2}),
            "view_data": ("/view/data", {"center": name}),
            "source_text": (f"/sources/{rng.choice(list(self.mine) or ['sha256:00'])}/text",
                            {}),
            "export": ("/export", {"format": "json"}),
        }
        path, params = paths[kind]
        return kind, "GET", path, {"params": params}

    def one(self, http: httpx.Client, kind: str) -> None:
        kind, method, path, kwargs = self.request(kind)
        started = time.perf_counter()
        try:
            r = http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            self.tally.record(kind, 0, time.perf_counter() - started, False,
                              f"{method} {path}: {type(exc).__name__}: {exc}")
            return
        seconds = time.perf_counter() - started
        ok = r.status_code in self.expected[kind]
        if ok and method == "POST":
            for doc in r.json()["documents"]:
                fresh = doc["source"] not in self.mine
                if kind == "ingest_again" and doc["created"]:
                    ok = False  # loading a live document again must create nothing
                if kind == "ingest" and doc["created"] != fresh:
                    ok = False
                self.mine[doc["source"]] = kwargs["json"]["text"]
        if ok and method == "DELETE":
            self.mine.pop(path.rsplit("/", 1)[1], None)
        self.tally.record(kind, r.status_code, seconds, ok,
                          f"{method} {path}: {r.status_code} {r.text[:300]}")


# ---- one run --------------------------------------------------------------------------

def soak(store: str, seconds: float, max_requests: int, clients: int = CLIENTS,
         seed: int = 7, workdir: Path | None = None,
         progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run one soak against a server over `store` (fresh: the caller empties it)."""
    with tempfile.TemporaryDirectory(prefix="allegiance-soak-") as tmp:
        where = workdir or Path(tmp)
        with serve(store, where) as server:
            # the first document loads the extractor's registry: before the clock starts
            first = httpx.post(f"{server.url}/documents", headers={"X-API-Key": KEY},
                               json={"text": article(random.Random(seed), "warm-up")},
                               timeout=PATIENCE_S)
            first.raise_for_status()
            # and one request of each kind: the store's first run of each query (Neo4j
            # plans it) is not what a long-running server spends its time on
            Client(-1, server.url, Tally(), 0.0, 0, seed).warm_up()
            tally = Tally()
            samples: list[tuple[float, float]] = []
            started = time.monotonic()
            stop_at = started + seconds
            done = threading.Event()

            def sample() -> None:
                while not done.is_set():
                    mb = rss_mb(server.process.pid)
                    if mb is not None:
                        samples.append((time.monotonic() - started, mb))
                    done.wait(SAMPLE_S)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            workers = [Client(n, server.url, tally, stop_at, max_requests, seed)
                       for n in range(clients)]
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            elapsed = time.monotonic() - started
            done.set()
            sampler.join()
            alive = server.process.poll() is None
            final = httpx.get(f"{server.url}/stats", headers={"X-API-Key": KEY}, timeout=60)
        log_errors = server_log_errors(server.log) if tally.failed else []
    warm = [mb for t, mb in samples if t >= elapsed * WARMUP_SHARE]
    after_warmup = warm[0] if warm else float("nan")
    peak_late = max(warm) if warm else float("nan")
    every = [x for values in tally.latencies.values() for x in values]
    errors_5xx = sum(n for kinds in tally.statuses.values() for s, n in kinds.items()
                     if s >= 500 or s == 0)
    result = {
        "store": store.split(":", 1)[0] if store.startswith("sqlite") else "neo4j",
        "seconds": round(elapsed, 1), "clients": clients,
        "requests": tally.requests, "requests_per_s": round(tally.requests / elapsed, 1),
        "failures": tally.failed, "failed_examples": tally.failures[:10],
        "server_errors": errors_5xx, "server_alive_at_end": alive,
        "server_log_errors": log_errors,
        "latency": latency_summary(every),
        "latency_by_kind": {k: latency_summary(v)
                            for k, v in sorted(tally.latencies.items())},
        "statuses": {k: dict(v) for k, v in sorted(tally.statuses.items())},
        "rss_mb": {"start": round(samples[0][1], 1) if samples else None,
                   "after_warmup": round(after_warmup, 1), "peak_after_warmup":
                   round(peak_late, 1), "end": round(samples[-1][1], 1) if samples else None,
                   "growth_after_warmup": round(peak_late - after_warmup, 1),
                   "bound": MEMORY_GROWTH_BOUND_MB, "samples": len(samples)},
        "final_stats": final.json() if final.status_code == 200 else final.status_code,
        # the warm-up document and each client's documents it did not retract
        "expected_sources": 1 + sum(len(w.mine) for w in workers),
    }
    if progress:
        progress(summary_line(result))
    return result


def server_log_errors(log: Path, limit: int = 150) -> list[str]:
    """The server log from its first error or traceback on (at most `limit` lines)."""
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return []
    first = next((i for i, line in enumerate(lines)
                  if line.startswith("Traceback") or "ERROR" in line), len(lines))
    return lines[first:first + limit]


def summary_line(r: dict[str, Any]) -> str:
    m = r["rss_mb"]
    return (f"soak[{r['store']}]: {r['requests']} requests in {r['seconds']} s "
            f"({r['requests_per_s']}/s, {r['clients']} clients), failures {r['failures']}, "
            f"5xx {r['server_errors']}; latency p50 {r['latency']['p50_ms']} ms, "
            f"p99 {r['latency']['p99_ms']} ms; RSS {m['after_warmup']} MB after warm-up, "
            f"peak {m['peak_after_warmup']} MB (+{m['growth_after_warmup']} MB, bound "
            f"{m['bound']} MB)")


# ---- make soak ------------------------------------------------------------------------

@contextmanager
def neo4j_store() -> Iterator[str]:
    """A Bolt URI: NEO4J_URI, or the test suite's Neo4j started for the soak."""
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    from tests.neo4j_server.server import Neo4jServer

    server = Neo4jServer(Path(__file__).resolve().parent.parent / ".cache" / "neo4j").start()
    try:
        yield server.uri
    finally:
        server.stop()


def _clear_neo4j(uri: str) -> None:
    from graph.factory import store_from_settings
    from graph.settings import Settings

    with store_from_settings(Settings(ALLEGIANCE_STORE=uri)) as store:
        store.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=150.0,
                        help="each backend's soak lasts at most this long")
    parser.add_argument("--max-requests", type=int, default=20_000,
                        help="and sends at most this many requests")
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--backend", choices=["sqlite", "neo4j", "both"], default="both")
    args = parser.parse_args(argv)

    result = Result("soak", quick=False)
    result.parameters = {"seconds": args.seconds, "max_requests": args.max_requests,
                         "clients": args.clients, "warmup_share": WARMUP_SHARE,
                         "memory_growth_bound_mb": MEMORY_GROWTH_BOUND_MB,
                         "mix": {k: w for k, (w, _) in {**READS, **WRITES}.items()}}
    runs: dict[str, Any] = {}
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory(prefix="allegiance-soak-db-") as tmp:
            runs["sqlite"] = soak(f"sqlite:///{tmp}/soak.db", args.seconds, args.max_requests,
                                  args.clients, progress=print)
    if args.backend in ("neo4j", "both"):
        with neo4j_store() as uri:
            _clear_neo4j(uri)
            runs["neo4j"] = soak(uri, args.seconds, args.max_requests, args.clients,
                                 progress=print)
            _clear_neo4j(uri)
    ok = True
    for name, r in runs.items():
        result.figures[name] = r
        result.goal(f"{name}: no failed request", f"{name}.failures", "<=", 0, r["failures"])
        result.goal(f"{name}: no 5xx", f"{name}.server_errors", "<=", 0, r["server_errors"])
        result.goal(f"{name}: RSS growth after warm-up (MB)",
                    f"{name}.rss_mb.growth_after_warmup", "<=", MEMORY_GROWTH_BOUND_MB,
                    r["rss_mb"]["growth_after_warmup"])
        ok = ok and all(g.met for g in result.goals)
    result.notes.append("p99 latency is recorded, not judged: the machine is shared.")
    path = result.write()
    print(f"written: {path}")
    print(json.dumps({n: {"failures": r["failures"], "p99_ms": r["latency"]["p99_ms"],
                          "rss_growth_mb": r["rss_mb"]["growth_after_warmup"]}
                      for n, r in runs.items()}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
