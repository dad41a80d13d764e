"""`allegiance view --out`: one file that opens from disk, offline, and still audits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.sqlite_store import SqliteStore
from tests.browser.conftest import Watched
from tests.browser.corpus import EDGES, NODES, XSS_FLAG
from tests.browser.test_view import click_edge, click_node, open_view, shown
from viz.payload import edge_id

pytestmark = pytest.mark.browser


ALLEGIANCE = str(Path(sys.executable).with_name("allegiance"))


def run_view(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`allegiance view` as a user runs it, on the test corpus's store."""
    env = {**os.environ, "ALLEGIANCE_STORE": f"sqlite:///{tmp_path / 'view.db'}"}
    return subprocess.run([ALLEGIANCE, "view", *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def write_view(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "graph.html"
    done = run_view(tmp_path, "--out", str(out), *args)
    assert done.returncode == 0, done.stderr
    return out


def test_written_file_opens_offline_and_shows_evidence(
        store: SqliteStore, tmp_path: Path, watched: Watched) -> None:
    out = write_view(tmp_path)
    page = watched.page
    page.context.set_offline(True)
    open_view(page, out.as_uri())
    assert shown(page) == (NODES, EDGES)
    click_edge(page, edge_id("iran", "support", "hezbollah"))
    page.wait_for_selector("#details ul.evidence li")
    assert page.locator("#details blockquote").all_inner_texts() == [
        "Iran supports Hezbollah", "Iran supports Hezbollah"]
    click_edge(page, edge_id("iran", "arms", "shadow-brigade"))
    page.wait_for_selector("#details blockquote")
    assert f"<script>window.{XSS_FLAG}=5</script>" in page.inner_text("#details blockquote")
    page.fill("#min-sources", "2")
    assert shown(page) == (2, 1)
    page.click("#reset-filters")
    assert page.evaluate(f"() => window.{XSS_FLAG}") is None
    assert watched.dialogs == [] and watched.errors == []
    assert [u for u in watched.requests if not u.startswith(("file:", "data:"))] == []


def test_written_file_centres_and_finds_paths_without_a_server(
        store: SqliteStore, tmp_path: Path, watched: Watched) -> None:
    out = write_view(tmp_path, "--depth", "1")
    page = watched.page
    page.context.set_offline(True)
    open_view(page, out.as_uri())
    click_node(page, "hezbollah")
    page.click("#centre-here")
    assert shown(page) == (4, 4)
    page.click("#reset-filters")
    page.fill("#path-from", "Syria")
    page.fill("#path-to", "Houthis")
    page.click("#find-paths")
    page.wait_for_selector("body[data-paths]")
    assert page.inner_text("#details ol.paths li") == (
        "Syria —gives safe haven to→ Hezbollah ←supports— Iran —arms→ Houthis")


def test_view_command_rejects_an_unknown_centre(store: SqliteStore, tmp_path: Path) -> None:
    done = run_view(tmp_path, "--out", str(tmp_path / "x.html"), "--center", "Nobody Known")
    assert done.returncode == 2
    assert "no actor named 'Nobody Known'" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "x.html").exists()
