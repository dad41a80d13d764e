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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.common import WORK, Result
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
        yield base
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


def run(quick: bool = False) -> Result:
    res = Result("http", quick)
    scale = SQLITE_QUICK if quick else SQLITE
    seconds = DURATION_QUICK_S if quick else DURATION_S
    db = sqlite_store_at(scale)
    ids = sorted(set(claim_sample(SEED + 3, scale.actors, 400)))
    res.parameters = {"scale": vars(scale), "clients": CLIENTS, "seconds": seconds,
                      "actors": len(ids), "tool": "wrk -t2", "server": "allegiance serve "
                      "(uvicorn, one worker) on 127.0.0.1", "sqlite_store": provenance(db)}
    with serve(db) as url:
        # every generated id is stored at this scale; a missing one would show as non-2xx
        paths = [f"/actors/{a}/supporters" for a in ids]
        wrk(url, paths[:20], 2)  # warm-up: graph and page caches
        sup = wrk(url, paths, seconds)
        health = wrk(url, ["/health"], seconds)
    res.figures = {"supporters": sup, "health": health, "store_claims": scale.claims}
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
