"""`allegiance serve --workers N`: a real server of several processes on one SQLite file.

Which worker holds a connection is read from Linux's /proc (the socket inodes each
process holds), so nothing in the API says which process answered.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

ALLEGIANCE = str(Path(sys.executable).with_name("allegiance"))
PATIENCE_S = 120.0

pytestmark = [
    pytest.mark.timeout(300),
    pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _alive(pid: int) -> bool:
    """Running (a zombie, dead but not yet reaped, does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid and _alive(int(entry.name)):
                found.add(int(entry.name))
    return found


def _socket_inodes(pid: int) -> set[int]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def _tcp_sockets() -> list[tuple[str, int, int, str, int]]:
    """(local address hex, local port, remote port, state hex, inode) of every IPv4 socket."""
    rows = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        f = line.split()
        local_ip, local_port = f[1].split(":")
        rows.append((local_ip, int(local_port, 16), int(f[2].split(":")[1], 16), f[3],
                     int(f[9])))
    return rows


def _worker_of(client_port: int, server_port: int, workers: set[int]) -> int | None:
    """The worker holding the server end of the connection from `client_port`."""
    for _, local, remote, state, inode in _tcp_sockets():
        if local == server_port and remote == client_port and state == "01":  # ESTABLISHED
            for pid in workers:
                if inode in _socket_inodes(pid):
                    return pid
    return None



@contextmanager
def serving(store: Path, *args: str, env: dict[str, str] | None = None
            ) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`allegiance serve *args` on a free port (host left to its default); stopped on exit."""
    port = _free_port()
    environ = {**os.environ, "ALLEGIANCE_STORE": f"sqlite:///{store}", **(env or {})}
    environ.pop("ALLEGIANCE_HOST", None)
    log = store.with_suffix(".log")
    with log.open("wb") as out:
        proc = subprocess.Popen([ALLEGIANCE, "serve", "--port", str(port), *args], env=environ,
                                stdout=out, stderr=subprocess.STDOUT, cwd=store.parent)
    try:
        deadline = time.monotonic() + PATIENCE_S
        while True:
            assert proc.poll() is None, f"serve exited: {log.read_text(errors='replace')}"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server was not ready in time"
            time.sleep(0.2)
        yield proc, port
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _workers(parent: int, port: int, expected: int) -> set[int]:
    """The parent's worker processes: the children holding the listening socket (not,
    say, multiprocessing's resource tracker)."""
    deadline = time.monotonic() + PATIENCE_S
    while True:
        listening = {inode for _, local, _, state, inode in _tcp_sockets()
                     if local == port and state == "0A"}
        workers = {pid for pid in _children(parent) if _socket_inodes(pid) & listening}
        if len(workers) >= expected:
            return workers
        assert time.monotonic() < deadline, f"{len(workers)} worker processes, not {expected}"
        time.sleep(0.2)


class Connection:
    """One HTTP connection, accepted by the worker that answers it."""

    def __init__(self, port: int) -> None:
        self.con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.con.connect()
        assert self.con.sock is not None
        self.local_port: int = self.con.sock.getsockname()[1]

    def request(self, method: str, path: str, body: object = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body)
        headers = {"Content-Type": "application/json"} if data else {}
        self.con.request(method, path, body=data, headers=headers)
        r = self.con.getresponse()
        return r.status, json.loads(r.read() or b"null")


def _via(worker: int, port: int, workers: set[int], method: str, path: str,
         body: object = None) -> tuple[int, Any]:
    """Send a request through `worker`: the kernel hands each new connection to one of
    the processes accepting, so connect until that worker holds one (a fresh connection
    each time: an idle one would be closed by the server's keep-alive timeout)."""
    for _ in range(200):
        c = Connection(port)
        try:
            assert c.request("GET", "/health")[0] == 200  # accepted by now
            owner = _worker_of(c.local_port, port, workers)
            assert owner in workers, "no worker holds the connection"
            if owner == worker:
                return c.request(method, path, body)
        finally:
            c.con.close()
    raise AssertionError(f"worker {worker} accepted none of 200 connections")


def _document(n: int) -> dict[str, str]:
    return {"text": f"Field report {n}.\n\nIran funds Hezbollah. Qatar supports Hamas "
            f"number {n}.\n", "title": f"report {n}"}


def test_two_workers_share_one_sqlite_store(tmp_path: Path) -> None:
    store = tmp_path / "graph.db"
    with serving(store, "--workers", "2") as (proc, port):
        workers = _workers(proc.pid, port, 2)
        # loopback only by default: the one listening socket on the port is 127.0.0.1's
        listening = {ip for ip, local, _, state, _ in _tcp_sockets()
                     if local == port and state == "0A"}
        assert listening == {"0100007F"}

        a, b = sorted(workers)

        def on(worker: int, method: str, path: str, body: object = None) -> tuple[int, Any]:
            return _via(worker, port, workers, method, path, body)

        assert on(a, "GET", "/actors/Hezbollah/supporters")[0] == 404
        status, stats = on(b, "GET", "/stats")
        assert status == 200 and stats["sources"] == 0

        # a write through one worker is seen through the other at once, and so is a
        # retraction through the other
        status, created = on(a, "POST", "/documents", _document(0))
        assert status == 201, created
        status, page = on(b, "GET", "/actors/Hezbollah/supporters")
        assert status == 200, page
        assert "Iran" in {e["subject_name"] for e in page["items"]}, page

        # paths come from a graph each process keeps in memory: it follows the other's
        # writes too
        query = "/paths?from=Qatar&to=Hezbollah"
        status, found = on(b, "GET", query)
        assert status == 200 and found["paths"] == [], found
        link = {"text": "Field note.\n\nQatar funds Iran.\n", "title": "note"}
        assert on(a, "POST", "/documents", link)[0] == 201
        status, found = on(b, "GET", query)
        assert status == 200, found
        assert [[x["name"] for x in p["actors"]] for p in found["paths"]][:1] == [
            ["Qatar", "Iran", "Hezbollah"]], found
        source = created["documents"][0]["source"]
        assert on(b, "DELETE", f"/sources/{source}")[0] == 200
        status, page = on(a, "GET", "/actors/Hezbollah/supporters")
        assert status == 404 or not page["items"], page

        # concurrent writes and reads through both workers: none fails, none is lost
        failures: list[str] = []

        def client(n: int) -> None:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as c:
                for i in range(4):
                    r = c.post("/documents", json=_document(100 * n + i))
                    if r.status_code != 201:
                        failures.append(f"ingest: {r.status_code} {r.text[:200]}")
                    for path in ("/stats", "/actors/Iran/supported", "/edges?actor=Hamas"):
                        r = c.get(path)
                        if r.status_code != 200:
                            failures.append(f"{path}: {r.status_code} {r.text[:200]}")

        threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not failures, failures[:5]
        for worker in (a, b):
            status, stats = on(worker, "GET", "/stats")
            assert status == 200 and stats["sources"] == 25, stats  # and the note

        # SIGTERM to the server stops it and every worker
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)], "workers outlived the server"


def test_one_worker_by_default(tmp_path: Path) -> None:
    with serving(tmp_path / "graph.db") as (proc, port):
        assert httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200
        assert _children(proc.pid) == set()  # uvicorn serves in the process itself


@pytest.mark.parametrize("how", [["--workers", "2"], []])
def test_several_workers_refused_with_neo4j(tmp_path: Path, how: list[str]) -> None:
    """Neo4j writes are serialised within one process only: several are refused, before
    anything is started or contacted (nothing listens on port 9)."""
    env = {**os.environ, "ALLEGIANCE_STORE": "bolt://127.0.0.1:9", "ALLEGIANCE_WORKERS": "3"}
    done = subprocess.run([ALLEGIANCE, "serve", "--port", str(_free_port()), *how], env=env,
                          capture_output=True, text=True, timeout=PATIENCE_S, cwd=tmp_path)
    assert done.returncode == 2
    workers = how[1] if how else "3"
    assert f"{workers} workers need a SQLite store" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_workers_setting_is_checked(tmp_path: Path) -> None:
    env = {**os.environ, "ALLEGIANCE_STORE": f"sqlite:///{tmp_path / 'g.db'}",
           "ALLEGIANCE_WORKERS": "0"}
    done = subprocess.run([ALLEGIANCE, "serve"], env=env, capture_output=True, text=True,
                          timeout=PATIENCE_S, cwd=tmp_path)
    assert done.returncode == 2
    assert "ALLEGIANCE_WORKERS" in done.stderr and "Traceback" not in done.stderr
