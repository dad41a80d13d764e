"""`python -m bench [extraction|ingest|queries|http|view ...] [--quick]`.

With no names, runs them all (ingest first: it builds the 1M-claim store the
others read). Each writes `bench/results/<name>.json`; the table in
`bench/README.md` is then rebuilt from every results file. Each benchmark has a
share of the 20 minutes `make bench` may take (BUDGET_S); the time each took
against its share is printed at the end and, for a run of all of them, written
to `bench/results/run.json`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback

from bench.common import RESULTS, cpu_pressure, load_average
from bench.machine import machine
from bench.report import update_readme

ORDER = ("ingest", "queries", "http", "view", "extraction")
WHOLE_RUN_S = 20 * 60
BUDGET_S = {  # wall seconds on the 2-core machine; they add up to under WHOLE_RUN_S
    # SQLite (load to 1M, naive sample) + Neo4j ingest (on a cold machine: the build of
    # the 200k query database) and queries
    "ingest": 600,
    "queries": 120,  # SQLite at 1M claims: 20 s per query kind + building the graph
    "http": 75,
    "view": 120,
    "extraction": 240,
}


def budget_lines(took: dict[str, float], failed: list[str]) -> list[str]:
    """The time of each benchmark against its share, and of the whole run."""
    lines = [f"{'benchmark':<12}{'took s':>9}{'budget s':>10}  result"]
    for name, seconds in took.items():
        over = seconds - BUDGET_S[name]
        state = "FAILED" if name in failed else (
            f"over by {over:.0f} s" if over > 0 else "within")
        lines.append(f"{name:<12}{seconds:>9.0f}{BUDGET_S[name]:>10}  {state}")
    total = sum(took.values())
    state = f"over by {total - WHOLE_RUN_S:.0f} s" if total > WHOLE_RUN_S else "within"
    lines.append(f"{'whole run':<12}{total:>9.0f}{WHOLE_RUN_S:>10}  {state}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run: {', '.join(ORDER)} (default: all)")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes: a smoke run of every code path")
    args = parser.parse_args(argv)
    names = args.names or list(ORDER)
    unknown = [n for n in names if n not in ORDER]
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}; choose from {', '.join(ORDER)}")
    failed: list[str] = []
    took: dict[str, float] = {}
    started = time.time()
    load_before = load_average()
    pressure_before = cpu_pressure()
    for name in names:
        print(f"== {name}{' (quick)' if args.quick else ''} "
              f"(budget {BUDGET_S[name]} s)", flush=True)
        t = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{name}")
            results = module.run(quick=args.quick)
            for r in results if isinstance(results, list) else [results]:
                print(f"   wrote {r.path()}", flush=True)
        except Exception:  # one failed benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        took[name] = time.perf_counter() - t
        print(f"   {name} took {took[name]:.0f} s", flush=True)
    lines = budget_lines(took, failed)
    if set(names) == set(ORDER):
        RESULTS.mkdir(parents=True, exist_ok=True)
        run = {"quick": args.quick, "machine": machine(),
               "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
               "load_average_before": load_before, "load_average_after": load_average(),
               "cpu_pressure_before": pressure_before, "cpu_pressure_after": cpu_pressure(),
               "took_s": {k: round(v, 1) for k, v in took.items()},
               "budget_s": BUDGET_S, "total_s": round(sum(took.values()), 1),
               "whole_run_budget_s": WHOLE_RUN_S, "failed": failed}
        path = RESULTS / f"run{'-quick' if args.quick else ''}.json"
        path.write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")
    update_readme()
    print("\n".join(["", "== time against budget", *lines]), flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
