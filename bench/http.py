"""HTTP: requests/s and latency of `/actors/{id}/supporters` with 32 concurrent
clients against `allegiance serve` (subprocesses on 127.0.0.1) at the 1M-claim
store, with one worker process and with two, driven by `wrk` (Debian's package).
The baseline is `/health` under the same load in the same run: what the server does
per request before the store is asked.

Repeatable on a shared machine: the store file is read once first (the host pages
out cold file pages, so an earlier run's page cache cannot be counted on), each
server is warmed up over every path, and the figures are the median of ROUNDS
rounds, the rounds of the two servers taken in turn so that a change in the
machine's load falls on both. Each round records what could explain its spread:
the load average, the share of CPU time the hypervisor stole, CPU pressure, the
server's user and system CPU time per request and wrk's own CPU time.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.common import WORK, Result, latency_summary, load_average, spread
from bench.corpus import claim_sample
from bench.ingest import SQLITE, SQLITE_QUICK
from bench.stores import SEED, provenance, sqlite_store_at

CLIENTS = 32
WORKERS = (1, 2)  # the machine has 2 cores
ROUNDS, ROUND_S, WARMUP_S, HEALTH_S = 3, 6, 4, 4
QUICK = {"rounds": 2, "round_s": 2, "warmup_s": 1, "health_s": 1}
PATIENCE_S = 180  # for a server to answer (two start at once on a busy machine)
_LATENCY = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0}
HUBS = [f"a{i:06d}" for i in range(5)]  # the generator's five most connected actors


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---- the server and what it spends ----------------------------------------------------

def _stat(pid: int) -> list[str]:
    """Fields of /proc/PID/stat after the command name (field 3 is index 0)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def process_tree(pid: int) -> list[int]:
    """`pid` and its children (uvicorn's worker processes)."""
    found = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_stat(int(entry.name))[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def cpu_times(pids: list[int]) -> tuple[float, float]:
    """User and system CPU seconds of these processes so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    user = system = 0.0
    for pid in pids:
        try:
            fields = _stat(pid)
        except OSError:  # ended
            continue
        user += int(fields[11]) / tick
        system += int(fields[12]) / tick
    return user, system


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far."""
    return sum(cpu_times([pid]))


def _steal_ticks() -> tuple[int, int]:
    """(stolen, total) CPU ticks of the machine so far: time the hypervisor ran
    something else while one of our virtual CPUs had work."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return fields[7], sum(fields[:8])


def _pressure_avg10() -> float | None:
    try:
        some = Path("/proc/pressure/cpu").read_text().split("\n", 1)[0].split()
        return float(dict(f.split("=") for f in some[1:])["avg10"])
    except (OSError, ValueError, KeyError):
        return None


@dataclass
class Server:
    """`allegiance serve --workers N` on a free loopback port."""

    process: subprocess.Popen[bytes]
    url: str
    workers: int

    def pids(self) -> list[int]:
        return process_tree(self.process.pid)

    def wait_ready(self, log: Path) -> None:
        deadline = time.monotonic() + PATIENCE_S
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"allegiance serve exited ({self.process.returncode}); "
                                   f"see {log}")
            # each worker logs its start-up; /health alone may come from the first one up
            up = log.read_text(errors="replace").count("Application startup complete.")
            try:
                if (up >= self.workers
                        and httpx.get(f"{self.url}/health", timeout=2).status_code == 200):
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"allegiance serve did not answer within {PATIENCE_S} s")
            time.sleep(0.3)


@contextmanager
def started(db: Path, workers: int = 1) -> Iterator[tuple[Server, Path]]:
    """Start `allegiance serve` over the SQLite store at `db`, without waiting for it;
    stopped (SIGTERM to the parent, which stops its workers) on exit."""
    port = _free_port()
    env = {**os.environ, "ALLEGIANCE_STORE": f"sqlite:///{db.resolve()}",
           "ALLEGIANCE_HOST": "127.0.0.1", "ALLEGIANCE_PORT": str(port),
           "ALLEGIANCE_WORKERS": str(workers)}
    exe = Path(sys.executable).with_name("allegiance")
    log = WORK / f"serve-{workers}w.log" if workers > 1 else WORK / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(exe), "serve"], env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        yield Server(proc, f"http://127.0.0.1:{port}", workers), log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def serving(db: Path, workers: int = 1) -> Iterator[tuple[str, int]]:
    """`allegiance serve` over `db`, ready: its URL and the parent's process id."""
    with started(db, workers) as (server, log):
        server.wait_ready(log)
        yield server.url, server.process.pid


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """`allegiance serve` (one worker) on a free loopback port over the store at `db`."""
    with serving(db) as (base, _):
        yield base


def read_through(path: Path) -> float:
    """Read the whole file once (into the OS page cache); the seconds it took."""
    t = time.perf_counter()
    with path.open("rb") as fh:
        while fh.read(1 << 22):
            pass
    return time.perf_counter() - t


# ---- the load -------------------------------------------------------------------------

def wrk(url: str, paths: list[str], seconds: float) -> dict[str, Any]:
    """Run wrk with CLIENTS connections cycling through `paths`; parse its report."""
    exe = shutil.which("wrk")
    if exe is None:
        raise RuntimeError("the HTTP benchmark needs wrk: apt-get install -y wrk")
    script = WORK / f"paths-{os.getpid()}.lua"
    listed = ",\n".join(f'  "{p}"' for p in paths)  # ids are generated a000123 forms
    script.write_text(
        f"local paths = {{\n{listed}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\nend\n", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([exe, "-t2", f"-c{CLIENTS}", f"-d{seconds:g}s", "--latency",
                          "--timeout", "30s", "-s", str(script), url],
                         capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    script.unlink(missing_ok=True)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    lat = {f"p{p}_ms": round(float(v) * _UNIT[u], 3) for p, v, u in _LATENCY.findall(out)}
    wrk_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"requests_per_s": float(rps.group(1)) if rps else None,
            "requests": int(total.group(1)) if total else None,
            "non_2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": errors.group(0) if errors else None,
            **lat, "seconds": seconds, "clients": CLIENTS, "wrk_cpu_s": round(wrk_cpu, 2)}


def settle(pids: list[int], limit_s: float = 60.0) -> float:
    """Wait until the server is idle; the seconds it took. When wrk stops, the requests
    it leaves in flight are still served (a thread-pool job is not cancelled when its
    client goes), and that work must not be counted in the next round."""
    t = time.perf_counter()
    before = sum(cpu_times(pids))
    while time.perf_counter() - t < limit_s:
        time.sleep(0.5)
        now = sum(cpu_times(pids))
        if now - before < 0.05:  # under a tenth of a core over the half second
            break
        before = now
    return round(time.perf_counter() - t, 1)


def round_of(server: Server, paths: list[str], seconds: float,
             idle_first: list[int] | None = None) -> dict[str, Any]:
    """One wrk round, with the server's CPU time and the machine's state around it,
    once the server (and the processes `idle_first`, e.g. another server) are idle."""
    pids = server.pids()
    settled_s = settle(pids + (idle_first or []))
    load = load_average()
    steal0, total0 = _steal_ticks()
    user0, sys0 = cpu_times(pids)
    out = wrk(server.url, paths, seconds)
    user1, sys1 = cpu_times(pids)
    steal1, total1 = _steal_ticks()
    n = out.get("requests") or 0
    out.update({
        "server_cpu_s": round(user1 - user0 + sys1 - sys0, 2),
        "server_user_ms_per_request": round(1000 * (user1 - user0) / n, 3) if n else None,
        "server_sys_ms_per_request": round(1000 * (sys1 - sys0) / n, 3) if n else None,
        "load_1min_before": load[0] if load else None,
        "steal_share": round((steal1 - steal0) / max(1, total1 - total0), 3),
        "cpu_pressure_avg10": _pressure_avg10(),
        "settled_s": settled_s,  # waiting for the previous load to drain first
    })
    if n:
        out["server_cpu_ms_per_request"] = round(1000 * out["server_cpu_s"] / n, 3)
    return out


def summary_of(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Median and spread (min, max) over the rounds; the rounds themselves kept."""
    def values(key: str) -> list[float]:
        return [r[key] for r in rounds if r.get(key) is not None]

    rps, p99 = spread(values("requests_per_s")), spread(values("p99_ms"))
    cpu = spread(values("server_cpu_ms_per_request"))
    return {"requests_per_s": rps["median"], "requests_per_s_min": rps["min"],
            "requests_per_s_max": rps["max"],
            "p50_ms": spread(values("p50_ms"))["median"], "p99_ms": p99["median"],
            "p99_ms_min": p99["min"], "p99_ms_max": p99["max"],
            "server_cpu_ms_per_request": cpu["median"],
            "non_2xx": sum(values("non_2xx")), "n": sum(values("requests")),
            "rounds": rounds}


def actor_summaries(url: str, ids: list[str], rounds: int = 3) -> dict[str, Any]:
    """Latency of GET /actors/{id} (the actor summary), one request at a time."""
    took = []
    with httpx.Client(base_url=url, timeout=120) as client:
        for _ in range(rounds):
            for a in ids:
                t = time.perf_counter()
                client.get(f"/actors/{a}").raise_for_status()
                took.append(time.perf_counter() - t)
    return latency_summary(took)


def run(quick: bool = False) -> Result:
    res = Result("http", quick)
    scale = SQLITE_QUICK if quick else SQLITE
    timing = QUICK if quick else {"rounds": ROUNDS, "round_s": ROUND_S,
                                  "warmup_s": WARMUP_S, "health_s": HEALTH_S}
    db = sqlite_store_at(scale)
    ids = sorted(set(claim_sample(SEED + 3, scale.actors, 400)))
    paths = [f"/actors/{a}/supporters" for a in ids]
    res.parameters = {"scale": vars(scale), "clients": CLIENTS, **timing,
                      "actors": len(ids), "tool": "wrk -t2", "workers": list(WORKERS),
                      "server": "allegiance serve --workers N on 127.0.0.1",
                      "sqlite_store": provenance(db)}
    cold_read_s = read_through(db)
    runs: dict[int, list[dict[str, Any]]] = {w: [] for w in WORKERS}
    health: dict[int, dict[str, Any]] = {}
    with ExitStack() as stack:
        t = time.perf_counter()
        servers = {w: stack.enter_context(started(db, w)) for w in WORKERS}
        for server, log in servers.values():
            server.wait_ready(log)
        start_s = time.perf_counter() - t
        for server, _ in servers.values():  # every thread's connection, every path
            wrk(server.url, paths, timing["warmup_s"])
        every = [pid for server, _ in servers.values() for pid in server.pids()]
        for _ in range(timing["rounds"]):  # in turn: a change of load falls on both
            for w, (server, _) in servers.items():
                runs[w].append(round_of(server, paths, timing["round_s"], every))
        for w, (server, _) in servers.items():
            health[w] = round_of(server, ["/health"], timing["health_s"], every)
        summary = actor_summaries(servers[1][0].url, HUBS)
    res.figures = {"store_claims": scale.claims, "store_read_s": round(cold_read_s, 2),
                   "servers_start_s": round(start_s, 1),
                   "actor_summary": summary}
    for w in WORKERS:
        sup = summary_of(runs[w])
        res.figures[f"workers_{w}"] = {"supporters": sup, "health": health[w]}
        if sup["non_2xx"] or health[w]["non_2xx"]:
            res.notes.append(f"workers={w}: {sup['non_2xx'] + health[w]['non_2xx']} "
                             "responses were not 2xx")
        res.ratio(f"supporters_rps_vs_health_{w}w", sup["requests_per_s"] or 0.0,
                  health[w]["requests_per_s"] or 0.0,
                  what=f"supporters requests/s, {w} worker(s), median of rounds",
                  against=f"/health requests/s, {w} worker(s)")
    one, two = (res.figures[f"workers_{w}"]["supporters"] for w in WORKERS)
    res.ratio("supporters_rps_2w_vs_1w", two["requests_per_s"] or 0.0,
              one["requests_per_s"] or 0.0, what="supporters requests/s, 2 workers (median)",
              against="supporters requests/s, 1 worker (median, same run)")
    res.ratio("supporters_p99_2w_vs_1w", two["p99_ms"], one["p99_ms"],
              what="supporters p99 ms, 2 workers (median)",
              against="supporters p99 ms, 1 worker (median, same run)")
    res.ratio("supporters_server_cpu_2w_vs_1w", two["server_cpu_ms_per_request"],
              one["server_cpu_ms_per_request"],
              what="supporters server CPU ms per request, 2 workers",
              against="supporters server CPU ms per request, 1 worker")
    res.ratio("actor_summary_p50_vs_supporters", summary["p50_ms"], one["p50_ms"],
              what=f"GET /actors/{{id}} p50 ms, {len(HUBS)} top hubs one at a time",
              against="supporters p50 ms under 32 clients, 1 worker")
    res.write()
    return res
