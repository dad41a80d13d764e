"""A short soak: mixed reads and writes from concurrent clients against a real
`allegiance serve` subprocess on loopback, on each backend (`make soak` runs the
long one and writes bench/results/soak.json).

Asserted: no failed request (no transport error, no 5xx, no status a request of
its kind should never get), the server still up, the store holding exactly what
the clients left in it, and the server's resident memory growing after warm-up by
no more than bench.soak.MEMORY_GROWTH_BOUND_MB (its docstring gives the reasons
for the bound). Latency percentiles are printed, never asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.soak import MEMORY_GROWTH_BOUND_MB, soak, summary_line

# Each soak stops at its request budget or its time cap, whichever comes first (a
# slow machine sends fewer requests; nothing here judges speed).
SQLITE = {"max_requests": 1000, "seconds": 60.0}
NEO4J = {"max_requests": 300, "seconds": 90.0}


def _check(result: dict[str, object]) -> None:
    print(summary_line(result))  # p99 latency: recorded (pytest -s shows it), not judged
    assert result["failures"] == 0, (result["failed_examples"],
                                     "\n".join(result["server_log_errors"]))
    assert result["server_errors"] == 0
    assert result["server_alive_at_end"]
    final = result["final_stats"]
    assert isinstance(final, dict) and final["sources"] == result["expected_sources"]
    assert isinstance(result["requests"], int) and result["requests"] > 0
    rss = result["rss_mb"]
    assert isinstance(rss, dict) and rss["samples"] >= 20
    assert rss["growth_after_warmup"] <= MEMORY_GROWTH_BOUND_MB, rss


def test_soak_sqlite(tmp_path: Path) -> None:
    _check(soak(f"sqlite:///{tmp_path}/soak.db", **SQLITE))


@pytest.mark.neo4j
def test_soak_neo4j(neo4j_uri: str) -> None:
    from tests.conftest import open_neo4j

    with open_neo4j(neo4j_uri) as store:
        store.clear()
    _check(soak(neo4j_uri, **NEO4J))
