"""Runs the shared scorer on ../shared/eval and prints its table."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO.parent / "shared" / "eval"
FLOOR_F1 = 0.85


@pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="../shared/eval is not present")
def test_eval_score_meets_the_floor() -> None:
    cli = REPO / ".venv" / "bin" / "allegiance"
    cmd = f"{cli} extract {{path}} --json"
    done = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), "--gold", str(EVAL / "docs"), "--cmd", cmd, "-v"],
        capture_output=True, text=True, cwd=REPO, timeout=900,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    m = re.match(r"F1 ([\d.]+) .* traps (\d+) citations (\d+)/(\d+) failures (\d+)", summary)
    assert m, summary
    f1, traps, cited, claims, failures = float(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5])
    assert f1 >= FLOOR_F1
    assert traps == 0 and failures == 0 and cited == claims
