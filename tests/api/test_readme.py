"""The README documents every setting with its default, and keeps the two commands."""

from __future__ import annotations

import re
from pathlib import Path

from graph.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def _shown(default: object) -> str:
    if default is None:
        return "(unset)"
    if default == "":
        return "(empty)"
    return f"`{default}`"


def _config_rows() -> dict[str, str]:
    """Variable -> default cell of the README's configuration table."""
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.fullmatch(r"`[A-Z0-9_]+`", cells[0]):
            rows[cells[0].strip("`")] = cells[1]
    return rows


def test_every_setting_is_documented_with_its_default():
    rows = _config_rows()
    missing, wrong = [], []
    for name, field in Settings.model_fields.items():
        env = str(field.validation_alias or name.upper())
        if env not in rows:
            missing.append(env)
        elif rows[env] != _shown(field.default):
            wrong.append(f"{env}: README says {rows[env]}, default is {_shown(field.default)}")
    assert not missing, f"settings missing from README's configuration table: {missing}"
    assert not wrong, wrong
    documented = set(rows)
    known = {str(f.validation_alias or n.upper()) for n, f in Settings.model_fields.items()}
    assert documented <= known, f"README documents unknown settings: {documented - known}"


def test_the_two_commands_are_there():
    text = README.read_text(encoding="utf-8")
    assert re.search(r"^\s+make run\s", text, re.MULTILINE)
    assert re.search(r"^\s+make test\s", text, re.MULTILINE)
