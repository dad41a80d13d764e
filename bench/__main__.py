"""`python -m bench [extraction|ingest|queries|http|view ...] [--quick]`.

With no names, runs them all (ingest first: it builds the 1M-claim store the
others read). Each writes `bench/results/<name>.json`; the table in
`bench/README.md` is then rebuilt from every results file.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback

from bench.report import update_readme

ORDER = ("ingest", "queries", "http", "view", "extraction")


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
    failed = []
    for name in names:
        print(f"== {name}{' (quick)' if args.quick else ''}", flush=True)
        t = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{name}")
            results = module.run(quick=args.quick)
            for r in results if isinstance(results, list) else [results]:
                print(f"   wrote {r.path()}", flush=True)
            print(f"   {name} took {time.perf_counter() - t:.0f} s", flush=True)
        except Exception:  # one failed benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
    update_readme()
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
