"""`allegiance extract`: the JSON contract of the eval README and clean errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()


def test_json_output_has_the_documented_shape(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    text = "Iran has long funded Hezbollah, according to US officials."
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) == {"source", "actors", "claims"}
    assert out["source"]["id"].startswith("sha256:")
    assert all(set(a) == {"id", "name", "aliases"} for a in out["actors"])
    (claim,) = out["claims"]
    assert set(claim) == {"subject", "relation", "object", "modality", "quote", "start", "end",
                          "attributed_to", "confidence"}
    names = {a["id"]: a["name"] for a in out["actors"]}
    assert (names[claim["subject"]], claim["relation"], names[claim["object"]]) == \
        ("Iran", "funding", "Hezbollah")
    assert claim["modality"] == "reported" and "officials" in claim["attributed_to"]
    assert text[claim["start"]:claim["end"]] == claim["quote"]


def test_table_output(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("# Note\n\nQatar backs Hamas.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "Qatar" in result.stdout and "support" in result.stdout


def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
