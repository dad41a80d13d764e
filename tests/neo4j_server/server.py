"""Run a real Neo4j 5.26 community server for tests: Maven-fetched jars + a one-file launcher.

Usage by hand: ``python tests/neo4j_server/server.py`` prints the Bolt URI and runs until Ctrl-C.
"""

from __future__ import annotations

import argparse
import functools
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

NEO4J_VERSION = "5.26.31"  # keep in sync with pom.xml
HERE = Path(__file__).resolve().parent
DEFAULT_CACHE_DIR = HERE.parents[1] / ".cache" / "neo4j"
JVM_FLAGS: tuple[str, ...] = (
    "-Xms256m",
    "-Xmx1g",
    # Neo4j's page cache and native file access need these on Java 17.
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)
# C1 only: about half the CPU to start (a big win on a busy 2-core box), slower steady state.
FAST_START_FLAGS: tuple[str, ...] = ("-XX:TieredStopAtLevel=1",)
INSTALL_HINT = "apt-get install openjdk-17-jdk-headless maven"
_READY = re.compile(r"^NEO4J READY (bolt://\S+)$", re.MULTILINE)
_COMPLETE_MARKER = ".complete"


class Neo4jUnavailable(RuntimeError):
    """Java 17+ or Maven, needed to run the Neo4j test server, is missing."""


class Neo4jStartError(RuntimeError):
    """The Neo4j test server did not start."""


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Neo4jUnavailable(
            f"`{name}` not found: Java 17+ and Maven are needed to run the Neo4j test server: "
            f"{INSTALL_HINT}"
        )
    return path


@functools.cache
def _java() -> str:
    java = _tool("java")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)', out)
    if match is None or int(match.group(1)) < 17:
        raise Neo4jUnavailable(
            f"Java 17+ is needed to run the Neo4j test server (found {out.strip()!r}): "
            f"{INSTALL_HINT}"
        )
    return java


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "<no output>"


def fetch_jars(cache_dir: Path = DEFAULT_CACHE_DIR) -> Path:
    """Copy Neo4j's runtime jars into ``cache_dir`` with Maven (once) and return their folder."""
    libs = cache_dir / f"neo4j-{NEO4J_VERSION}-libs"
    if (libs / _COMPLETE_MARKER).is_file():
        return libs
    _java()
    mvn = _tool("mvn")
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{libs.name}.", suffix=".partial", dir=cache_dir))
    try:
        cmd = [
            mvn,
            "-q",
            "-B",
            "-f",
            str(HERE / "pom.xml"),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={tmp}",
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            output = "\n".join((proc.stdout + proc.stderr).splitlines()[-40:])
            raise Neo4jStartError(f"Maven could not fetch the Neo4j jars:\n{output}")
        (tmp / _COMPLETE_MARKER).write_text(f"org.neo4j:neo4j:{NEO4J_VERSION}\n")
        if libs.exists() and not (libs / _COMPLETE_MARKER).is_file():
            shutil.rmtree(libs)  # left by a damaged cache; complete folders only arrive by rename
        try:
            tmp.rename(libs)
        except OSError:
            if not (libs / _COMPLETE_MARKER).is_file():  # else a concurrent fetch won the race
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return libs


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def terminate(proc: subprocess.Popen[bytes], grace: float = 30.0) -> None:
    """End a child process: SIGTERM, then SIGKILL if it is still there after `grace` s."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


class Neo4jServer:
    """A throwaway Neo4j server on 127.0.0.1 with auth off; use as a context manager."""

    def __init__(
        self,
        cache_dir: Path = DEFAULT_CACHE_DIR,
        port: int | None = None,
        startup_timeout: float = 180.0,
        fast_start: bool = True,
        data_dir: Path | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self.data_dir = data_dir  # kept by stop() and kill(), so a restart finds the data
        self.port = port
        self.startup_timeout = startup_timeout
        self.jvm_flags = JVM_FLAGS + (FAST_START_FLAGS if fast_start else ())
        self.temp_dir: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        """Bolt URI of the running server."""
        if self._proc is None or self.port is None:
            raise RuntimeError("Neo4jServer is not started")
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        """File receiving the Java process's stdout and stderr (Neo4j's own log is home/logs)."""
        if self.temp_dir is None:
            raise RuntimeError("Neo4jServer is not started")
        return self.temp_dir / "server.log"

    @property
    def pid(self) -> int | None:
        """Process id of the JVM, or None when not running."""
        return None if self._proc is None else self._proc.pid

    def is_running(self) -> bool:
        """Whether the JVM is still alive."""
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> Neo4jServer:
        """Launch the JVM and wait until Bolt accepts connections; raise Neo4jStartError if not."""
        if self._proc is not None:
            raise RuntimeError("Neo4jServer is already started")
        libs = fetch_jars(self.cache_dir)
        java = _java()
        self.port = self.port or free_port()
        # after kill() the temp dir is reused (its log is rewritten)
        self.temp_dir = self.temp_dir or Path(tempfile.mkdtemp(prefix="allegiance-neo4j-"))
        cmd = [
            java,
            "-cp",
            f"{libs}/*",
            *self.jvm_flags,
            "-Dlauncher.exitOnStdinEof=true",
            str(HERE / "Launcher.java"),
            str(self.data_dir or self.temp_dir / "home"),
            str(self.port),
        ]
        with self.log_path.open("wb") as log:
            # stdin stays an open pipe: the JVM exits by itself if this process dies.
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.temp_dir,
                start_new_session=True,
            )
        try:
            self._wait_ready(time.monotonic() + self.startup_timeout)
        except BaseException:
            self.stop(keep_log=True)
            raise
        return self

    def _wait_ready(self, deadline: float) -> None:
        assert self._proc is not None
        ready = False
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                self._fail(f"exited with code {self._proc.returncode}")
            if not ready:
                text = self.log_path.read_text(errors="replace")
                ready = _READY.search(text[: text.rfind("\n") + 1]) is not None
            if ready and _accepts(self.port or 0):
                return
            time.sleep(0.2)
        self._fail(f"was not ready within {self.startup_timeout:.0f} s")

    def _fail(self, what: str) -> None:
        raise Neo4jStartError(
            f"Neo4j test server {what}; see {self.temp_dir}. Output tail:\n{_tail(self.log_path)}"
        )

    def stop(self, keep_log: bool = False) -> None:
        """SIGTERM the JVM, wait up to 30 s (then kill), and remove the temp dir."""
        proc, self._proc = self._proc, None
        if proc is not None:
            terminate(proc)
            if proc.stdin is not None:
                proc.stdin.close()
        if self.temp_dir is not None and not keep_log:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None

    def kill(self) -> None:
        """SIGKILL the JVM (a crash: no clean shutdown); its data dir stays for a restart."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
            proc.wait()
            if proc.stdin is not None:
                proc.stdin.close()

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def main() -> None:
    """Start a server, print its URI, and run until Ctrl-C or SIGTERM."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, help="Bolt port (default: a free one)")
    parser.add_argument(
        "--full-jit", action="store_true", help="use the C2 JIT too (for benchmarks; slower start)"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with Neo4jServer(port=args.port, fast_start=not args.full_jit) as server:
        print(server.uri, flush=True)
        try:
            while server.is_running():
                time.sleep(0.5)
        except KeyboardInterrupt:
            return
        tail = _tail(server.log_path)
    sys.exit(f"Neo4j test server exited unexpectedly:\n{tail}")


if __name__ == "__main__":
    main()
