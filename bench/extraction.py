"""Extraction: words per second of the whole pipeline (`loaders.extract.extract`) on
1 MB and 20 MB of generated reporting, against the same text only split into
sentences (the pipeline's own segmenter) and tokenised (the pipeline's token
regex); and the time of one 5,000-word article, best and median of several runs.

The text is a corpus of 5,000-word documents (`bench.corpus.corpus`), each
extracted as one document, as the loaders do. Wall and CPU time are both given:
on a shared machine the CPU time of this process is the steadier figure.

`make bench` has 20 minutes in all, so each size has a wall budget for the
pipeline (SIZE_BUDGET_S): past it, the documents done so far are the sample, the
baseline runs on the same documents, and the results say how much was done.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench.common import Result
from bench.corpus import corpus, document
from graph.settings import get_settings
from loaders.document import Document
from loaders.extract import extract
from loaders.pipeline.segment import split_sentences
from loaders.pipeline.tokens import _TOKEN
from loaders.registry import load_registry

SEED = 11
SIZES_MB = (1, 20)
SIZES_MB_QUICK = (0.1, 0.3)
ARTICLE_WORDS = 5000
ARTICLE_RUNS = 7
ARTICLE_RUNS_QUICK = 3
SIZE_BUDGET_S = 200.0


def texts_of(megabytes: float) -> list[str]:
    """Generated documents until their UTF-8 size reaches `megabytes`."""
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    for text in corpus(SEED, total_words=10**9):
        out.append(text)
        size += len(text.encode("utf-8"))
        if size >= target:
            break
    return out


def tokenise_only(text: str) -> int:
    """The baseline: sentences with offsets, and the tokens of the text."""
    split_sentences(text)
    return sum(1 for _ in _TOKEN.finditer(text))


def _rate(fn: Callable[[str], object], texts: list[str],
          budget_s: float | None = None) -> dict[str, float]:
    """Words/s of `fn` over `texts`, stopping after the document that passes `budget_s`."""
    words = done = 0
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        if budget_s is not None and time.perf_counter() - t > budget_s:
            break
        fn(text)
        words += len(text.split())
        done += 1
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "documents": done,
            "words": words, "words_per_s": round(words / wall, 1),
            "words_per_cpu_s": round(words / cpu, 1)}


def previous_run(res: Result) -> dict[str, Any] | None:
    """The headline figures of the results file this run replaces (before/after)."""
    try:
        old = json.loads(res.path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    out: dict[str, Any] = {"timestamp": old.get("timestamp"), "code": old.get("code"),
                           "load_average_before": old.get("load_average_before")}
    for key, fig in (old.get("figures") or {}).items():
        if key.endswith("MB") and isinstance(fig, dict) and "pipeline" in fig:
            out[key] = {"pipeline_words_per_s": fig["pipeline"]["words_per_s"],
                        "pipeline_words_per_cpu_s": fig["pipeline"]["words_per_cpu_s"],
                        "tokenise_only_words_per_s": fig["tokenise_only"]["words_per_s"]}
    if "article_5000_words" in (old.get("figures") or {}):
        out["article_median_s"] = old["figures"]["article_5000_words"].get("median_s")
    return out


def run(quick: bool = False) -> Result:
    res = Result("extraction", quick)
    previous = previous_run(res)
    if previous is not None:
        res.figures["previous_run"] = previous
    sizes = SIZES_MB_QUICK if quick else SIZES_MB
    runs = ARTICLE_RUNS_QUICK if quick else ARTICLE_RUNS
    res.parameters = {"seed": SEED, "sizes_mb": sizes, "document_words": 5000,
                      "article_words": ARTICLE_WORDS, "article_runs": runs,
                      "baseline": "loaders.pipeline.segment.split_sentences + the pipeline's "
                      "token regex (loaders.pipeline.tokens._TOKEN)"}
    t = time.perf_counter()
    registry = load_registry(get_settings().registry)
    article = document(SEED, ARTICLE_WORDS)
    extract(Document(article), registry)  # first call: builds the name trie and rules
    res.figures["first_call_s"] = round(time.perf_counter() - t, 3)

    times, cpus = [], []
    claims = 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        claims = len(extract(Document(article), registry).claims)
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    res.figures["article_5000_words"] = {
        "best_s": round(min(times), 3), "median_s": round(statistics.median(times), 3),
        "best_cpu_s": round(min(cpus), 3), "median_cpu_s": round(statistics.median(cpus), 3),
        "runs": runs, "words": len(article.split()), "claims": claims}
    t0 = time.perf_counter()
    tokenise_only(article)
    res.figures["article_5000_words"]["tokenise_only_s"] = round(time.perf_counter() - t0, 4)
    res.goal("5,000-word article well under 1 s (median)", "article median_s", "<", 1.0,
             statistics.median(times))
    res.goal("5,000-word article well under 1 s (median), in CPU time", "article median_cpu_s",
             "<", 1.0, statistics.median(cpus), note="this process's CPU time")

    for mb in sizes:
        texts = texts_of(mb)
        words = sum(len(x.split()) for x in texts)
        claims_total = 0

        def whole(text: str) -> None:
            nonlocal claims_total
            claims_total += len(extract(Document(text), registry).claims)

        full = _rate(whole, texts, None if quick else SIZE_BUDGET_S)
        done = int(full["documents"])
        base = _rate(tokenise_only, texts[:done])  # the same documents
        sample = "" if done == len(texts) else (
            f" (sample: the first {done} of {len(texts)} documents, {full['words']:,} of "
            f"{words:,} words, in the {SIZE_BUDGET_S:.0f} s budget)")
        res.figures[f"{mb}MB"] = {"documents": len(texts), "words": words,
                                  "bytes": sum(len(x.encode()) for x in texts),
                                  "documents_done": done, "claims": claims_total,
                                  "pipeline": full, "tokenise_only": base}
        print(f"  {mb} MB: pipeline {full['words_per_s']:.0f} words/s, tokenise only "
              f"{base['words_per_s']:.0f} words/s{sample}", flush=True)
        r = res.ratio(f"pipeline_vs_tokenise_{mb}MB", full["words_per_s"], base["words_per_s"],
                      what=f"pipeline words/s, {mb} MB{sample}",
                      against=f"tokenise+split words/s, {mb} MB")
        res.ratio(f"pipeline_vs_tokenise_cpu_{mb}MB", full["words_per_cpu_s"],
                  base["words_per_cpu_s"], what=f"pipeline words/CPU-s, {mb} MB",
                  against=f"tokenise+split words/CPU-s, {mb} MB")
        res.goal(f"pipeline >= 0.5x tokenising alone ({mb} MB)",
                 f"pipeline_vs_tokenise_{mb}MB", ">=", 0.5, r)
        res.write()
    res.write()
    return res
