"""What every benchmark shares: timing, percentiles, goals and the results files.

A result is one JSON file per benchmark in `bench/results/`: the machine, when,
the parameters, the figures (absolute numbers), the ratios against baselines
measured in the same run, and each goal with its target and whether it was met.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.machine import machine

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
WORK = HERE / "work"  # generated stores and files (git-ignored)
REPO = HERE.parent

SHARED_NOTE = (
    "Measured on a 2-core machine shared with other engineers' processes: wall-clock "
    "figures are noisier (and slower) than on an idle machine; see load_average and the "
    "CPU-time figures where given."
)


def code_version() -> dict[str, Any]:
    """The commit measured, and the product files that differed from it (others
    may be editing them while a benchmark runs)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                                  check=False, timeout=10).stdout.rstrip("\n")
        except (OSError, subprocess.SubprocessError):
            return ""

    dirty = [line[3:] for line in git("status", "--porcelain", "graph", "loaders", "api",
                                      "viz").splitlines()]
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "uncommitted_changes_in": dirty}


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def cpu_pressure() -> float | None:
    """Share of the last 60 s in which some runnable task waited for a CPU (Linux PSI),
    in percent: how contended the machine was, beyond the load average."""
    try:
        with open("/proc/pressure/cpu", encoding="ascii") as fh:
            some = fh.readline().split()
        return float(dict(f.split("=") for f in some[1:])["avg60"])
    except (OSError, ValueError, KeyError, IndexError):
        return None


def peak_rss_bytes() -> int:
    """This process's peak resident set size. Linux's VmHWM belongs to the current
    program; getrusage's maxrss also counts the parent's before exec (a spawned child
    would report its parent's peak), so it is only the fallback."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0..100), nearest-rank on the sorted values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def latency_summary(seconds: list[float]) -> dict[str, float]:
    """p50/p99/max/mean in milliseconds, and the sample count: every benchmark's
    latency figures (queries, evidence, http, soak) come from here."""
    ms = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(percentile(ms, 50), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "max_ms": round(max(ms), 3) if ms else float("nan"),
        "mean_ms": round(statistics.fmean(ms), 3) if ms else float("nan"),
        "n": len(ms),
    }


def spread(values: list[float]) -> dict[str, float]:
    """Median, min and max of repeated measurements (e.g. rounds of a benchmark)."""
    if not values:
        return {"median": float("nan"), "min": float("nan"), "max": float("nan")}
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3)}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


@dataclass
class Goal:
    """`figure` compared with `target` by `op` (">=", "<=", "<")."""

    name: str
    figure: str
    op: str
    target: float
    value: float | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.value is None:
            return None
        v, t = self.value, self.target
        return {">=": v >= t, "<=": v <= t, "<": v < t, ">": v > t}[self.op]

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "figure": self.figure, "op": self.op,
                "target": self.target, "value": self.value, "met": self.met,
                "note": self.note}


@dataclass
class Result:
    """One benchmark's results, filled in as it runs and written at the end."""

    name: str
    quick: bool
    parameters: dict[str, Any] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)
    ratios: dict[str, Any] = field(default_factory=dict)
    goals: list[Goal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    load_before: list[float] = field(default_factory=load_average)
    pressure_before: float | None = field(default_factory=cpu_pressure)
    code: dict[str, Any] = field(default_factory=code_version)

    def ratio(self, name: str, value: float, baseline: float, *, what: str,
              against: str) -> float:
        r = value / baseline if baseline else float("nan")
        self.ratios[name] = {"ratio": round(r, 3), "value": value, "baseline": baseline,
                             "figure": what, "baseline_figure": against}
        return r

    def goal(self, name: str, figure: str, op: str, target: float, value: float | None,
             note: str = "") -> None:
        self.goals.append(Goal(name, figure, op, target,
                               None if value is None else round(value, 3), note))

    def path(self) -> Path:
        suffix = "-quick" if self.quick else ""
        return RESULTS / f"{self.name}{suffix}.json"

    def write(self) -> Path:
        RESULTS.mkdir(parents=True, exist_ok=True)
        doc = {
            "benchmark": self.name,
            "quick": self.quick,
            "machine": machine(),
            "code": self.code,
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.started)),
            "duration_s": round(time.time() - self.started, 1),
            "load_average_before": self.load_before,
            "load_average_after": load_average(),
            "cpu_pressure_before": self.pressure_before,
            "cpu_pressure_after": cpu_pressure(),
            "parameters": self.parameters,
            "figures": self.figures,
            "ratios": self.ratios,
            "goals": [g.as_json() for g in self.goals],
            "notes": [SHARED_NOTE, *self.notes],
        }
        path = self.path()
        path.write_text(json.dumps(doc, indent=2, default=str) + "\n", encoding="utf-8")
        return path
