"""Bad input through the CLI (`allegiance load`, `allegiance extract`) and the API
(POST /documents), on both backends: a clear error naming the file and, where it
applies, the line and field; a non-zero exit or a 4xx problem response; no traceback
or server path; and the store exactly as it was (a full export compared)."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from graph import export
from graph.settings import get_settings
from graph.store import GraphStore
from loaders import ingest
from loaders.pipeline.segment import MAX_SENTENCE_CHARS, split_sentences
from loaders.readers import read_path
from tests.api.conftest import MakeClient, make_client, seed
from tests.reliability.corpus import MB, PROSE, Bad, pathological_cases, small_cases

__all__ = ["make_client"]  # a fixture, used by name

SMALL = small_cases()
HEAVY_IDS = ["flate-bomb-pdf", "inflating-pdf", "nested-divs-html", "unclosed-tags-md",
             "brackets-md", "long-field-csv", "long-line-jsonl", "long-script-html"]
ALLEGIANCE = str(Path(sys.executable).with_name("allegiance"))
LEAKS = ("Traceback", 'File "', ".py", "/work/", "/tmp/", "site-packages")


@functools.cache
def _heavy() -> dict[str, Bad]:
    return {case.id: case for case in pathological_cases()}


@pytest.fixture
def cli_store(store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[GraphStore]:
    """The test's store holding three seeded documents, also configured for the CLI."""
    if "neo4j" in type(store).__module__:
        monkeypatch.setenv("ALLEGIANCE_STORE", request.getfixturevalue("neo4j_uri"))
        monkeypatch.setenv("NEO4J_PASSWORD", "")
    else:
        monkeypatch.setenv("ALLEGIANCE_STORE", f"sqlite:///{tmp_path / 'graph.db'}")
    get_settings.cache_clear()
    seed(store)
    yield store
    get_settings.cache_clear()


def cli(*args: str) -> tuple[int, str]:
    """Exit code and stdout + stderr, whitespace folded (rich wraps long lines)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"the command raised {result.exception!r}")
    return result.exit_code, " ".join((result.stdout + result.stderr).split())


def assert_mentions(message: str, case: Bad) -> None:
    flat = " ".join(message.split())
    for fragment in (case.name, *case.expect):
        assert fragment in flat, f"{fragment!r} not in {message!r}"


def assert_refused_everywhere(store: GraphStore, client: TestClient, case: Bad,
                              folder: Path) -> None:
    before = export.to_json(store)
    path = folder / case.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(case.data)

    code, out = cli("load", str(path))
    assert code == 1, out
    assert_mentions(out, case)
    assert str(path) in out and "1 of 1 files failed" in out
    assert "Traceback" not in out
    if case.prose:
        code, out = cli("extract", str(path))
        assert code == 1, out
        assert_mentions(out, case)
        assert "Traceback" not in out

    r = client.post("/documents", files={"file": (case.name, case.data)})
    assert 400 <= r.status_code < 500, r.text
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["status"] == r.status_code
    assert_mentions(problem["detail"], case)
    assert not any(leak in r.text for leak in LEAKS), r.text

    assert export.to_json(store) == before


@pytest.mark.parametrize("case", SMALL, ids=[c.id for c in SMALL])
def test_bad_file_is_refused_and_stores_nothing(cli_store: GraphStore,
                                                make_client: MakeClient, case: Bad,
                                                tmp_path: Path) -> None:
    assert_refused_everywhere(cli_store, make_client(), case, tmp_path / "in")


@pytest.mark.parametrize("case_id", HEAVY_IDS)
def test_pathological_file_is_refused_quickly_and_stores_nothing(
        cli_store: GraphStore, make_client: MakeClient, case_id: str, tmp_path: Path) -> None:
    """Bombs, 200,000 nested elements and 5 MB lines: refused by a limit, not by
    running out of time or memory."""
    assert_refused_everywhere(cli_store, make_client(), _heavy()[case_id], tmp_path / "in")


def test_a_50_mb_text_is_refused_by_the_size_limits(cli_store: GraphStore,
                                                    make_client: MakeClient,
                                                    tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = (PROSE + "\n").encode()
    with big.open("wb") as handle:
        for _ in range(50 * MB // len(line) + 1):
            handle.write(line)
    before = export.to_json(cli_store)

    code, out = cli("load", str(big))
    assert code == 1
    assert f"{big}: too large (50.0 MB; the limit is 20.0 MB" in out
    assert "ALLEGIANCE_MAX_DOCUMENT_BYTES" in out
    code, out = cli("extract", str(big))
    assert code == 1 and "too large (50.0 MB" in out

    r = make_client().post("/documents", files={"file": ("big.txt", big.read_bytes())})
    assert r.status_code == 413
    assert r.headers["content-type"] == "application/problem+json"
    assert "ALLEGIANCE_MAX_UPLOAD_BYTES" in r.json()["detail"]
    assert export.to_json(cli_store) == before

    size = big.stat().st_size
    doc = read_path(big, max_bytes=size)  # exactly at a raised limit: read whole
    assert len(getattr(doc, "text", "")) == size - 1  # the last newline is trimmed


def test_a_lowered_limit_refuses_one_byte_over_and_loads_at_the_limit(
        cli_store: GraphStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(PROSE, encoding="utf-8")
    size = note.stat().st_size
    sources = cli_store.stats().sources
    before = export.to_json(cli_store)

    monkeypatch.setenv("ALLEGIANCE_MAX_DOCUMENT_BYTES", str(size - 1))
    get_settings.cache_clear()
    code, out = cli("load", str(note))
    assert code == 1 and f"{note}: too large ({size} bytes; the limit is {size - 1} bytes" in out
    assert export.to_json(cli_store) == before

    monkeypatch.setenv("ALLEGIANCE_MAX_DOCUMENT_BYTES", str(size))
    get_settings.cache_clear()
    code, out = cli("load", str(note))
    assert code == 0, out
    assert cli_store.stats().sources == sources + 1


def test_cli_refuses_archives_missing_files_and_folders_by_name(cli_store: GraphStore,
                                                                tmp_path: Path) -> None:
    before = export.to_json(cli_store)
    archive = tmp_path / "reports.tar.gz"
    archive.write_bytes(b"\x1f\x8b\x08\x00" + bytes(64))
    missing = tmp_path / "nowhere.txt"
    code, out = cli("load", str(archive), str(missing))
    assert code == 1
    assert f"{archive}: unsupported file type '.gz'" in out
    assert f"{missing}: no such file or folder" in out
    code, out = cli("extract", str(tmp_path))
    assert code == 1 and f"{tmp_path}: is a folder, not a file" in out
    assert "Traceback" not in out
    assert export.to_json(cli_store) == before


def test_one_bad_file_in_a_folder_stores_nothing_of_it(cli_store: GraphStore,
                                                       tmp_path: Path) -> None:
    """The good files of a folder load; every bad one is named and adds nothing."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    bad = [c for c in SMALL if not c.id.startswith(("empty-", "blank-"))]
    for i, case in enumerate(bad):
        (folder / f"{i:02d}-{case.name}").write_bytes(case.data)
    good = folder / "zz-good.txt"
    good.write_text(PROSE, encoding="utf-8")
    before = cli_store.stats()

    code, out = cli("load", str(folder))
    assert code == 1
    assert f"{len(bad)} of {len(bad) + 1} files failed" in out
    for i, case in enumerate(bad):
        assert f"{folder / f'{i:02d}-{case.name}'}:" in out, case.id
    (extraction,) = ingest.extract_file(good, get_settings())
    after = cli_store.stats()
    assert (after.sources, after.claims) == (before.sources + 1,
                                             before.claims + len(extraction.claims))


API_BODIES = [
    pytest.param({"json": {"text": ""}}, 422, "text", id="empty-text"),
    pytest.param({"json": {"text": " \n\t "}}, 422, "empty document", id="blank-text"),
    pytest.param({"json": {"title": "no text"}}, 422, "text", id="no-text"),
    pytest.param({"json": {"text": PROSE, "published": "2023-13-45"}}, 422, "published",
                 id="bad-date"),
    pytest.param({"json": {"text": ["a", "list"]}}, 422, "text", id="text-not-a-string"),
    pytest.param({"content": b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
                  "headers": {"content-type": "application/json"}}, 422, "recursion limit",
                 id="deep-json-body"),
    pytest.param({"content": b'{"text": "Iran funds', "headers": {
        "content-type": "application/json"}}, 422, "JSON", id="truncated-json-body"),
    pytest.param({"content": b"\xff\xfe\x00garbage", "headers": {
        "content-type": "application/json"}}, 422, "JSON", id="binary-json-body"),
    pytest.param({"files": {"file": ("reports.tar.gz", b"\x1f\x8b\x08\x00" + bytes(64))}},
                 415, ".gz", id="gz-upload"),
    pytest.param({"files": {"file": ("reports.zip", b"PK\x03\x04" + bytes(64))}},
                 415, ".zip", id="zip-upload"),
    pytest.param({"content": b"--x\r\nContent-Disposition: form-data; name=\"file\"; "
                  b"filename=\"a.txt\"\r\n\r\nIran funds", "headers": {
                      "content-type": "multipart/form-data; boundary=x"}}, 422, "multipart",
                 id="truncated-multipart"),
    pytest.param({"files": {"other": ("a.txt", PROSE.encode())}}, 422, "file",
                 id="no-file-field"),
]


@pytest.mark.parametrize(("kwargs", "status", "fragment"), API_BODIES)
def test_bad_request_bodies_are_4xx_problems(cli_store: GraphStore, make_client: MakeClient,
                                             kwargs: dict[str, object], status: int,
                                             fragment: str) -> None:
    before = export.to_json(cli_store)
    r = make_client().post("/documents", **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert fragment in json.dumps(r.json())
    assert not any(leak in r.text for leak in LEAKS), r.text
    assert export.to_json(cli_store) == before


@pytest.mark.parametrize(("name", "data"), [
    ("front.md", b'---\ntitle: "x\\ud800y"\nauthor: "\\udfff"\n---\n\n' + PROSE.encode()),
    ("ld.html", b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
                b'"headline": "x\\ud800y", "author": "\\udfff"}</script></head><body><p>'
                + PROSE.encode() + b"</p></body></html>"),
])
def test_lone_surrogates_in_metadata_are_dropped_not_stored(
        cli_store: GraphStore, make_client: MakeClient, name: str, data: bytes) -> None:
    """YAML front matter and JSON-LD may escape a lone surrogate, which no store can
    hold as UTF-8: the value is left out and the document loads."""
    r = make_client().post("/documents", files={"file": (name, data)})
    assert r.status_code == 201, r.text
    [doc] = r.json()["documents"]
    stored = cli_store.get_source(doc["source"])
    assert stored.author is None and stored.title in (None, "front", "ld")


def test_arguments_that_are_not_utf8_get_a_message_not_a_traceback(
        cli_store: GraphStore, tmp_path: Path) -> None:
    """Bytes that are not UTF-8 in an argument (Linux hands them over as surrogate
    escapes): a name is refused with a message; a file so named still loads."""
    before = export.to_json(cli_store)
    odd = "Ir" + os.fsdecode(b"\xff") + "an"
    for command in (["actor", odd], ["supporters", odd], ["evidence", odd, "funding", "x"]):
        code, out = cli(*command)
        assert code == 2, out
        assert "not valid UTF-8 text" in out and "Traceback" not in out
    assert export.to_json(cli_store) == before
    path = tmp_path / os.fsdecode(b"note-\xff.txt")
    path.write_text(PROSE, encoding="utf-8")
    done = subprocess.run([ALLEGIANCE, "load", os.fsencode(path)], capture_output=True,
                          timeout=600, check=False)  # real argv bytes, real stdout
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stdout + done.stderr
    assert cli_store.stats().sources == len(json.loads(before)["sources"]) + 1


def test_a_5_mb_line_is_cut_into_bounded_sentences_with_exact_offsets() -> None:
    text = ("Iran funds Hezbollah through front companies in several countries, " * 80_000)
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert "".join(text[s.start:s.end + 1] for s in sentences) == text


def test_a_long_line_document_loads_with_quotes_matching_offsets(
        cli_store: GraphStore, make_client: MakeClient) -> None:
    """200 kB on one line, no sentence end: extracted (not refused), every claim's
    quote a verbatim span of the stored text."""
    line = " ".join(f"Iran funds Hezbollah through company number {i}, and"
                    for i in range(4_000)).encode()
    r = make_client().post("/documents", files={"file": ("line.txt", line)})
    assert r.status_code == 201, r.text
    [doc] = r.json()["documents"]
    assert doc["claims"]
    text = cli_store.get_source(doc["source"]).text
    assert all(text[c["start"]:c["end"]] == c["quote"] for c in doc["claims"])
