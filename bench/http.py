"""HTTP: requests/s and latency of `/actors/{id}/supporters` with 32 concurrent
clients against `allegiance serve` (a subprocess on 127.0.0.1) at the 1M-claim
store, driven by `wrk` (Debian's package). The baseline is `/health` under the same
load in the same run: what the server does per request before the store is asked.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.common import WORK, Result, latency_summary
from bench.corpus import claim_sample
from bench.ingest import SQLITE, SQLITE_QUICK
from bench.stores import SEED, provenance, sqlite_store_at

CLIENTS = 32
DURATION_S = 20
DURATION_QUICK_S = 3
_LATENCY = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """`allegiance serve` on a free loopback port over the SQLite store at `db`."""
    with serving(db) as (base, _):
        yield base


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serving(db: Path) -> Iterator[tuple[str, int]]:
    """As `serve`, also giving the server's process id."""
    port = _free_port()
    env = {**os.environ, "ALLEGIANCE_STORE": f"sqlite:///{db.resolve()}",
           "ALLEGIANCE_HOST": "127.0.0.1", "ALLEGIANCE_PORT": str(port)}
    exe = Path(sys.executable).with_name("allegiance")
    log = (WORK / "serve.log").open("wb")
    proc = subprocess.Popen([str(exe), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"allegiance serve exited ({proc.returncode}); see {log.name}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("allegiance serve did not answer /health within 120 s")
            time.sleep(0.3)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def wrk(url: str, paths: list[str], seconds: int) -> dict[str, Any]:
    """Run wrk with CLIENTS connections cycling through `paths`; parse its report."""
    exe = shutil.which("wrk")
    if exe is None:
        raise RuntimeError("the HTTP benchmark needs wrk: apt-get install -y wrk")
    script = WORK / "paths.lua"
    listed = ",\n".join(f'  "{p}"' for p in paths)  # ids are generated a000123 forms
    script.write_text(
        f"local paths = {{\n{listed}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\nend\n", encoding="utf-8")
    out = subprocess.run([exe, "-t2", f"-c{CLIENTS}", f"-d{seconds}s", "--latency",
                          "--timeout", "30s", "-s", str(script), url],
                         capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    lat = {f"p{p}_ms": round(float(v) * _UNIT[u], 3) for p, v, u in _LATENCY.findall(out)}
    return {"requests_per_s": float(rps.group(1)) if rps else None,
            "requests": int(total.group(1)) if total else None,
            "non_2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": errors.group(0) if errors else None,
            **lat, "seconds": seconds, "clients": CLIENTS}


HUBS = [f"a{i:06d}" for i in range(5)]  # the generator's five most connected actors


def _with_server_cpu(pid: int, run_wrk: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """wrk's figures plus the server's CPU time per request over the run."""
    before = cpu_s(pid)
    out = run_wrk()
    used = cpu_s(pid) - before
    out["server_cpu_s"] = round(used, 2)
    if out.get("requests"):
        out["server_cpu_ms_per_request"] = round(1000 * used / out["requests"], 3)
    return out


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
    seconds = DURATION_QUICK_S if quick else DURATION_S
    db = sqlite_store_at(scale)
    ids = sorted(set(claim_sample(SEED + 3, scale.actors, 400)))
    res.parameters = {"scale": vars(scale), "clients": CLIENTS, "seconds": seconds,
                      "actors": len(ids), "tool": "wrk -t2", "server": "allegiance serve "
                      "(uvicorn, one worker) on 127.0.0.1", "sqlite_store": provenance(db)}
    with serving(db) as (url, pid):
        # every generated id is stored at this scale; a missing one would show as non-2xx
        paths = [f"/actors/{a}/supporters" for a in ids]
        wrk(url, paths[:20], 2)  # warm-up: graph and page caches
        sup = _with_server_cpu(pid, lambda: wrk(url, paths, seconds))
        health = _with_server_cpu(pid, lambda: wrk(url, ["/health"], seconds))
        summary = actor_summaries(url, HUBS)
    res.figures = {"supporters": sup, "health": health, "store_claims": scale.claims,
                   "actor_summary": summary}
    if sup.get("server_cpu_ms_per_request") and health.get("server_cpu_ms_per_request"):
        res.ratio("supporters_server_cpu_vs_health", sup["server_cpu_ms_per_request"],
                  health["server_cpu_ms_per_request"],
                  what="supporters: server CPU ms per request",
                  against="/health: server CPU ms per request")
    res.ratio("actor_summary_p50_vs_supporters", summary["p50_ms"], sup.get("p50_ms", 0.0),
              what=f"GET /actors/{{id}} p50 ms, {len(HUBS)} top hubs one at a time",
              against="supporters p50 ms under 32 clients")
    if sup["non_2xx"]:
        res.notes.append(f"{sup['non_2xx']} supporters responses were not 2xx")
    res.ratio("supporters_rps_vs_health", sup["requests_per_s"] or 0.0,
              health["requests_per_s"] or 0.0, what="supporters requests/s",
              against="/health requests/s (same clients)")
    res.ratio("supporters_p99_vs_health", sup.get("p99_ms", float("nan")),
              health.get("p99_ms", float("nan")), what="supporters p99 ms",
              against="/health p99 ms")
    res.write()
    return res
