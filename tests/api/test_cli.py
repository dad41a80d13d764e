"""The CLI query commands on the same store the fixtures fill, both backends."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.settings import get_settings
from graph.store import GraphStore
from tests.api.conftest import Seeded

runner = CliRunner()


@pytest.fixture
def cli_store(store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[GraphStore]:
    """The test's store, also configured for the CLI through the environment."""
    if "neo4j" in type(store).__module__:
        monkeypatch.setenv("ALLEGIANCE_STORE", request.getfixturevalue("neo4j_uri"))
        monkeypatch.setenv("NEO4J_PASSWORD", "")
    else:
        monkeypatch.setenv("ALLEGIANCE_STORE", f"sqlite:///{tmp_path / 'graph.db'}")
    get_settings.cache_clear()
    yield store
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def run_json(*args: str) -> dict:
    code, out = run(*args, "--json")
    assert code == 0, out
    return json.loads(out)


def test_supporters_table_and_json(cli_store: GraphStore, seeded: Seeded):
    code, out = run("supporters", "Hizballah")
    assert code == 0, out
    assert "Supporters of Hezbollah" in out and "funds" in out and "Iran" in out
    body = run_json("supporters", "hezbollah", "--relation", "funding")
    assert [(e["subject"], e["claims"], e["sources"]) for e in body["items"]] == [
        ("iran", 1, 1)]


def test_supported_and_edges(cli_store: GraphStore, seeded: Seeded):
    body = run_json("supported", "Tehran", "--since", "2021-01-01")
    assert {(e["relation"], e["object"]) for e in body["items"]} == {("support", "hezbollah")}
    edges = run_json("edges", "--relation", "support", "--min-sources", "1")
    assert edges["total"] == 5
    assert run_json("edges", "--actor", "Syria")["items"][0]["relation"] == "alliance"


def test_unknown_names_exit_2_with_suggestions(cli_store: GraphStore, seeded: Seeded):
    code, out = run("supporters", "Hezbolah")
    assert code == 2
    assert "Hezbollah" in out and "Traceback" not in out
    code, out = run("evidence", "Iran", "befriends", "Hamas")
    assert code != 0 and "befriends" in out and "Traceback" not in out
    code, out = run("supporters", "[/bold]odd")
    assert code == 2 and "[/bold]odd" in out


def test_evidence_shows_quotes_and_denials(cli_store: GraphStore, seeded: Seeded):
    code, out = run("evidence", "Iran", "arms", "Ansar Allah")
    assert code == 0, out
    assert "Iran supplied weapons to the Houthis" in out
    assert "denied" in out and "Iran denied arming the Houthis" in out
    body = run_json("evidence", "iran", "arms", "houthis")
    assert (body["claims"], body["counter_claims"]) == (1, 1)


def test_evidence_a_page_at_a_time(cli_store: GraphStore, seeded: Seeded):
    code, out = run("evidence", "Iran", "arms", "Ansar Allah", "--limit", "1")
    assert code == 0, out
    assert "Claims 1-1 of 2; next: --offset 1" in out
    code, rest = run("evidence", "Iran", "arms", "Ansar Allah", "--limit", "1", "--offset", "1")
    assert code == 0 and "Claims 2-2 of 2" in rest and "next" not in rest
    pages = [run_json("evidence", "iran", "arms", "houthis", "--limit", "1", "--offset", o)
             for o in ("0", "1")]
    assert [(p["total"], len(p["items"]), p["counter_claims"]) for p in pages] == [(2, 1, 1)] * 2
    assert {p["items"][0]["role"] for p in pages} == {"supporting", "counter"}
    code, out = run("evidence", "iran", "arms", "houthis", "--limit", "0")
    assert code != 0 and "--limit" in out and "Traceback" not in out


def test_paths_actors_stats(cli_store: GraphStore, seeded: Seeded):
    body = run_json("paths", "Hamas", "Houthis")
    assert [a["id"] for a in body["paths"][0]["actors"]] == ["hamas", "iran", "houthis"]
    code, out = run("paths", "Hamas", "Houthis")
    assert code == 0 and "Iran" in out
    assert [a["id"] for a in run_json("actors", "hizb")["items"]] == ["hezbollah"]
    stats = run_json("stats")
    assert (stats["sources"], stats["claims"]) == (3, 8)


def test_export_and_retract(cli_store: GraphStore, seeded: Seeded, tmp_path: Path):
    out_file = tmp_path / "claims.csv"
    code, out = run("export", "--format", "csv", "--out", str(out_file))
    assert code == 0, out
    rows = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert len(rows) == 8
    code, out = run("export", "--format", "xlsx")
    assert code != 0 and "xlsx" in out
    gone = run_json("retract", seeded.a.id)
    assert gone["claims_removed"] == 3
    assert run_json("stats")["sources"] == 2
    code, out = run("retract", seeded.a.id)
    assert code == 2


def test_demo_loads_only_an_empty_store(cli_store: GraphStore):
    code, out = run("demo")
    assert code == 0, out
    assert "Loaded the demo corpus" in out
    loaded = run_json("stats")
    assert loaded["sources"] >= 5 and loaded["claims"] >= 20
    hezbollah = run_json("supporters", "Hezbollah")
    assert any(e["subject"] == "iran" and e["sources"] >= 2 for e in hezbollah["items"])
    code, out = run("demo")
    assert code == 0 and "already holds" in out
    assert run_json("stats") == loaded


@pytest.mark.parametrize("store_setting", ["sqlite:///{foreign}", "ftp://somewhere"])
def test_serve_refuses_a_store_it_cannot_use_with_one_line(
        store_setting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database", encoding="utf-8")
    monkeypatch.setenv("ALLEGIANCE_STORE", store_setting.format(foreign=foreign))
    get_settings.cache_clear()
    try:
        code, output = run("serve", "--port", "1")
    finally:
        get_settings.cache_clear()
    assert code == 1
    assert "error:" in output and "Traceback" not in output
    assert foreign.read_text(encoding="utf-8") == "not a database"
