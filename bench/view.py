"""View: server time to build `/view` for 1k and 5k actors, and the time until the
network has drawn in headless Chromium.

Server time is `build_view` + `render_page` in process (best and median of a few
runs, after one warm-up that builds the store's in-memory graph), against the
store's own `subgraph` query it is built on. Browser time runs from navigation to
the page marking itself ready (`body[data-ready="1"]`, set once vis-network has
its data and, for large views, fixed positions) plus two animation frames, so a
frame has been painted; the baseline is the same page with 10 actors.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from bench.common import Result
from bench.http import serve
from bench.stores import Scale, sqlite_store_at

# A graph an analyst would draw: 10k actors, 50k claims (~40k edges). The 1M-claim
# store would put several hundred thousand edges among the best-connected 5k actors.
VIEW = Scale(actors=10_000, checkpoints=(50_000,))
VIEW_QUICK = Scale(actors=1_000, checkpoints=(5_000,))
SIZES = (1000, 5000)
SIZES_QUICK = (200, 1000)
RUNS = 3
RUNS_QUICK = 2
SIZE_BUDGET_S = 30.0  # per size and side: no further runs once spent (`runs` says how many)
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _stats(times: list[float]) -> dict[str, float]:
    return {"best_ms": round(min(times) * 1000, 1),
            "median_ms": round(statistics.median(times) * 1000, 1), "runs": len(times)}


def server_times(db: Path, sizes: tuple[int, ...], runs: int) -> dict[str, Any]:
    from graph.sqlite_store import SqliteStore
    from viz.page import render_page
    from viz.payload import ViewQuery, build_view

    out: dict[str, Any] = {}
    with SqliteStore(db) as store:
        t = time.perf_counter()
        store.subgraph(max_nodes=10)
        out["graph_build_s"] = round(time.perf_counter() - t, 3)
        for n in sizes:
            view: list[float] = []
            sub: list[float] = []
            nodes = edges = 0
            for _ in range(runs):
                if sum(view) + sum(sub) > SIZE_BUDGET_S:
                    break
                t = time.perf_counter()
                data = build_view(store, ViewQuery(max_nodes=n))
                html = render_page(data, standalone=False)
                view.append(time.perf_counter() - t)
                t = time.perf_counter()
                store.subgraph(max_nodes=n)
                sub.append(time.perf_counter() - t)
                nodes, edges = len(data["nodes"]), len(data["edges"])
            out[str(n)] = {"view": _stats(view), "subgraph": _stats(sub), "nodes": nodes,
                           "edges": edges, "html_bytes": len(html.encode())}
    return out


def browser_times(db: Path, sizes: tuple[int, ...], runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with serve(db) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for n in (10, *sizes):
                times: list[float] = []
                for _ in range(runs):
                    if sum(times) > SIZE_BUDGET_S:
                        break
                    page = browser.new_page()
                    t = time.perf_counter()
                    page.goto(f"{url}/view?max_nodes={n}", wait_until="commit",
                              timeout=300_000)
                    page.wait_for_selector('body[data-ready="1"]', state="attached",
                                           timeout=300_000)
                    page.evaluate(_PAINTED)
                    times.append(time.perf_counter() - t)
                    drawn = page.evaluate("window.allegianceView.nodes.length")
                    page.close()
                out[str(n)] = {**_stats(times), "nodes_drawn": drawn}
        finally:
            browser.close()
    return out


def run(quick: bool = False) -> Result:
    res = Result("view", quick)
    scale = VIEW_QUICK if quick else VIEW
    sizes, runs = (SIZES_QUICK, RUNS_QUICK) if quick else (SIZES, RUNS)
    db = sqlite_store_at(scale)
    res.parameters = {"scale": vars(scale), "sizes": sizes, "runs": runs,
                      "browser": f"{CHROMIUM} {' '.join(FLAGS)} (Playwright)"}
    server = server_times(db, sizes, runs)
    res.figures["server"] = server
    browser = browser_times(db, sizes, runs)
    res.figures["browser"] = browser
    for n in sizes:
        s = server[str(n)]
        res.ratio(f"view_{n}_vs_subgraph", s["view"]["median_ms"], s["subgraph"]["median_ms"],
                  what=f"/view build + render, {s['nodes']} nodes (median ms)",
                  against="store.subgraph of the same size (median ms)")
        res.ratio(f"browser_{n}_vs_10", browser[str(n)]["median_ms"], browser["10"]["median_ms"],
                  what=f"Chromium: navigation to drawn, {browser[str(n)]['nodes_drawn']} nodes "
                  "(median ms)", against="the same with 10 nodes (median ms)")
    res.write()
    return res
