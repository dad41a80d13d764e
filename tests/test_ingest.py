"""loaders.ingest: uploads, texts and folder loads into each real store backend."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from fpdf import FPDF

from graph.errors import Conflict, InvalidInput, StoreUnavailable
from graph.model import Actor, Claim, Source, check_claim_against_source
from graph.settings import Settings
from graph.store import GraphStore, IngestReport, RetractReport
from loaders.ingest import extract_bytes, extract_text, load_paths, store_extractions

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
ALLEGATION = "Iran supplies weapons and money to Hezbollah, according to US officials."


@pytest.fixture
def settings() -> Settings:
    return Settings().model_copy(update={"max_document_bytes": 2_000_000, "registry": None})


def test_pdf_claims_name_their_page(settings: Settings) -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in ("Annual report. This page says nothing about anyone.", ALLEGATION):
        pdf.add_page()
        pdf.multi_cell(0, 10, text)
    [extraction] = extract_bytes(bytes(pdf.output()), "annual.pdf", settings)
    assert extraction.claims, "the pipeline should find the allegation on page 2"
    for claim in extraction.claims:
        check_claim_against_source(claim, extraction.source)
        assert claim.page == 2


def test_upload_without_extension_is_sniffed(settings: Settings) -> None:
    html = (FIXTURES / "article.html").read_bytes()
    [extraction] = extract_bytes(html, "download", settings)
    assert extraction.source.loader == "html"
    assert extraction.source.title == "UN panel: Iran supplied missiles to the Houthis"
    assert "window.dataLayer" not in extraction.source.text


def test_upload_of_claims_gives_one_extraction_per_source(settings: Settings) -> None:
    extractions = extract_bytes((FIXTURES / "claims.csv").read_bytes(), "c.csv", settings)
    assert [len(e.claims) for e in extractions] == [2, 1]


def test_upload_over_the_limit(settings: Settings) -> None:
    small = settings.model_copy(update={"max_document_bytes": 10})
    with pytest.raises(InvalidInput, match=r"big\.txt: too large"):
        extract_bytes(b"x" * 11, "big.txt", small)


def test_extract_text() -> None:
    extraction = extract_text(f"  {ALLEGATION}\n", title="Wire", url="https://w.example")
    assert (extraction.source.title, extraction.source.url) == ("Wire", "https://w.example")
    assert extraction.source.text == ALLEGATION
    assert extraction.claims
    with pytest.raises(InvalidInput, match="empty document"):
        extract_text(" \n\t")


def test_load_paths_reports_failures_and_progress(store: GraphStore, settings: Settings,
                                                  tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ALLEGATION, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    shutil.copy(FIXTURES / "claims.csv", folder / "c.csv")
    shutil.copy(FIXTURES / "claims_bad.jsonl", folder / "d.jsonl")
    seen: list[tuple[str, int, int]] = []
    summary = load_paths(store, [folder], settings,
                         on_progress=lambda path, done, total: seen.append((path.name, done,
                                                                             total)))
    assert seen == [("a.txt", 1, 4), ("b.txt", 2, 4), ("c.csv", 3, 4), ("d.jsonl", 4, 4)]
    assert [Path(e.path).name for e in summary.errors] == ["b.txt", "d.jsonl"]
    assert (summary.files, summary.sources_added, summary.sources_unchanged) == (4, 3, 0)
    stats = store.stats()
    assert (stats.sources, stats.claims) == (3, summary.claims_added)
    again = load_paths(store, [folder], settings)
    assert (again.sources_added, again.sources_unchanged, again.claims_added,
            again.actors_added) == (0, 3, 0, 0)
    assert store.stats() == stats


def test_documents_and_curated_claims_share_registry_actors(store: GraphStore,
                                                            settings: Settings) -> None:
    summary = load_paths(store, [FIXTURES / "claims.csv", FIXTURES / "article.html"], settings)
    assert summary.ok
    iran = [a for a in store.search_actors("Iran").items if a.name == "Iran"]
    assert len(iran) == 1


class _FailsAfterOne:
    """A real store whose second ingest fails (a fault the test cannot cause in a real
    backend at a chosen moment)."""

    def __init__(self, store: GraphStore, error: Exception) -> None:
        self.store, self.error, self.calls = store, error, 0

    def ingest(self, source: Source, actors: Sequence[Actor],
               claims: Sequence[Claim]) -> IngestReport:
        self.calls += 1
        if self.calls > 1:
            raise self.error
        return self.store.ingest(source, actors, claims)

    def retract(self, source_id: str) -> RetractReport:
        return self.store.retract(source_id)


def test_store_failure_stops_the_batch(store: GraphStore, settings: Settings,
                                       tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"{ALLEGATION} ({name})", encoding="utf-8")
    flaky = _FailsAfterOne(store, StoreUnavailable("store went away"))
    with pytest.raises(StoreUnavailable):
        load_paths(flaky, [tmp_path], settings)  # type: ignore[arg-type]
    assert flaky.calls == 2
    assert store.stats().sources == 1


def test_store_extractions_reports_each_source(store: GraphStore, settings: Settings) -> None:
    extractions = extract_bytes((FIXTURES / "claims.json").read_bytes(), "x.json", settings)
    [report] = store_extractions(store, extractions)
    assert report.created and report.claims_added == 2
    [again] = store_extractions(store, extractions)
    assert not again.created and again.claims_added == 0


def test_claims_file_whose_second_source_fails_stores_nothing(store: GraphStore,
                                                              settings: Settings) -> None:
    flaky = _FailsAfterOne(store, Conflict("refused"))
    summary = load_paths(flaky, [FIXTURES / "claims.csv"], settings)  # type: ignore[arg-type]
    assert flaky.calls == 2  # claims.csv cites two sources: the first was stored
    assert [e.error for e in summary.errors] == [f"{FIXTURES / 'claims.csv'}: refused"]
    stats = store.stats()
    assert (stats.sources, stats.claims) == (0, 0)
