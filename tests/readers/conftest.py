"""Shared helpers for the reader tests: the fixture folder and a size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "readers"
LIMIT = 1_000_000


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
