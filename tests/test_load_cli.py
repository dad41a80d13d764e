"""`allegiance load` against a real SQLite store: good files load, bad files are
reported without stopping the batch or storing anything, loading again changes nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fpdf import FPDF
from typer.testing import CliRunner

from api.cli import app
from graph.settings import get_settings
from graph.sqlite_store import SqliteStore
from graph.store import Stats

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
GOOD_TEXT = ("Iran arms report\n\n"
             "Iran supplies weapons and money to Hezbollah, according to US officials.\n")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The store file the CLI is configured to use (through ALLEGIANCE_STORE)."""
    path = tmp_path / "store" / "graph.db"
    path.parent.mkdir()
    monkeypatch.setenv("ALLEGIANCE_STORE", f"sqlite:///{path}")
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of good files, bad files, and files a folder load must skip."""
    folder = tmp_path / "corpus"
    (folder / "nested" / "deeper").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "report.txt").write_text(GOOD_TEXT, encoding="utf-8")
    shutil.copy(FIXTURES / "article.html", folder / "nested" / "article.html")
    shutil.copy(FIXTURES / "claims.csv", folder / "nested" / "deeper" / "claims.csv")
    shutil.copy(FIXTURES / "claims_bad.csv", folder / "claims_bad.csv")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    scan = FPDF()
    scan.add_page()
    scan.rect(10, 10, 50, 50, style="F")
    (folder / "scan.pdf").write_bytes(bytes(scan.output()))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 skipped: not a supported type")
    (folder / ".hidden" / "secret.txt").write_text(GOOD_TEXT + "hidden\n", encoding="utf-8")
    return folder


def _load(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["load", *args])
    return result.exit_code, result.stdout, result.stderr


def _stats(db: Path) -> Stats:
    with SqliteStore(db) as store:
        return store.stats()


def test_folder_loads_good_files_and_reports_bad_ones(db: Path, corpus: Path) -> None:
    code, out, err = _load(str(corpus))
    assert code == 1, out + err
    assert "4 of 7 files failed" in err
    assert "3 of 7 files" in out
    for bad, reason in (("empty.txt", "empty document"), ("image.txt", "binary file"),
                        ("scan.pdf", "no text layer (scanned PDF?)"),
                        ("claims_bad.csv", "line 3: relation: 'supprt'")):
        assert bad in err and reason in err
    assert "notes.docx" not in out + err and "secret.txt" not in out + err

    stats = _stats(db)
    assert stats.sources == 4  # the text, the page, and the two sources of claims.csv
    assert stats.claims >= 5  # 3 curated + at least one from each of the two documents
    with SqliteStore(db) as store:
        titles = {s.title for s in store.list_sources().items}
    assert titles == {"Iran arms report", "UN panel: Iran supplied missiles to the Houthis",
                      "UN Panel of Experts report", "Think tank brief"}
    # claims_bad.csv had one valid row (source "Report"): a failed file stores nothing
    assert "Report" not in titles


def test_loading_again_changes_nothing(db: Path, corpus: Path) -> None:
    _load(str(corpus))
    before = _stats(db)
    code, out, _ = _load("--json", str(corpus))
    assert code == 1
    summary = json.loads(out)
    assert (summary["sources_added"], summary["sources_unchanged"], summary["actors_added"],
            summary["claims_added"]) == (0, 4, 0, 0)
    assert _stats(db) == before


def test_json_summary(db: Path, corpus: Path) -> None:
    code, out, _ = _load("--json", str(corpus / "report.txt"), str(corpus / "nested"),
                         str(corpus / "empty.txt"), str(corpus / "missing.txt"))
    assert code == 1
    summary = json.loads(out)
    assert summary["ok"] is False
    assert summary["files"] == 5
    assert summary["sources_added"] == 4
    assert summary["claims_added"] == _stats(db).claims
    assert sorted(Path(f["path"]).name for f in summary["loaded"]) == [
        "article.html", "claims.csv", "report.txt"]
    errors = {Path(e["path"]).name: e["error"] for e in summary["errors"]}
    assert set(errors) == {"empty.txt", "missing.txt"}
    assert "no such file or folder" in errors["missing.txt"]
    assert "empty document" in errors["empty.txt"]


def test_all_good_exits_zero(db: Path, corpus: Path) -> None:
    code, out, err = _load(str(corpus / "report.txt"), str(corpus / "nested"))
    assert code == 0, err
    assert "3 of 3 files" in out
    assert "failed" not in err
    assert _stats(db).sources == 4


def test_explicit_unsupported_file_is_an_error(db: Path, corpus: Path) -> None:
    code, _, err = _load(str(corpus / "notes.docx"))
    assert code == 1
    assert "unsupported file type '.docx'" in err
    assert _stats(db).sources == 0


def test_oversized_file_is_refused_without_reading_it(db: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_MAX_DOCUMENT_BYTES", "20000000")
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse; read, it would be a "binary file" instead
    (tmp_path / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, _, err = _load(str(big), str(tmp_path / "ok.txt"))
    assert code == 1
    assert "dump.txt: too large (50.0 MB; the limit is 20.0 MB" in err
    assert "1 of 2 files failed" in err
    assert _stats(db).sources == 1


def test_broken_registry_file_fails_the_load_once(db: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    registry = tmp_path / "mine.yaml"
    registry.write_text("- id: x\n  name: [not, a, name]\n", encoding="utf-8")
    monkeypatch.setenv("ALLEGIANCE_REGISTRY", str(registry))
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, err = _load(str(tmp_path / "a.txt"))
    assert code == 1
    assert "mine.yaml" in err and err.count("error:") == 1
    assert "Loaded" not in out
