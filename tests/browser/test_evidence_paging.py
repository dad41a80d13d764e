"""A heavy edge's evidence a page at a time: "More evidence" in the served view, a
count of what was left out in a written file."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Claim, Source
from graph.relations import Modality, Relation
from graph.sqlite_store import SqliteStore
from graph.store import EVIDENCE_LIMIT
from tests.browser.conftest import Watched
from tests.browser.test_view import click_edge, open_view
from tests.browser.test_view_file import write_view
from viz.payload import edge_id

pytestmark = pytest.mark.browser

EXTRA = EVIDENCE_LIMIT + 5  # the corpus already holds 2 claims of this edge
PHRASE = "Iran supports Hezbollah"


def add_heavy_edge(store: SqliteStore) -> int:
    """EXTRA more claims that Iran supports Hezbollah, one a denial; the edge's total."""
    src = Source.create(" ".join(f"{PHRASE} (item {i})." for i in range(EXTRA)),
                        title="Long ledger")
    claims, start = [], -1
    for i in range(EXTRA):
        start = src.text.index(PHRASE, start + 1)
        claims.append(Claim(subject="iran", relation=Relation.SUPPORT, object="hezbollah",
                            source=src.id, quote=PHRASE, start=start, end=start + len(PHRASE),
                            modality=Modality.DENIED if i == EXTRA - 1 else Modality.ASSERTED))
    store.ingest(src, [], claims)
    return store.evidence("iran", Relation.SUPPORT, "hezbollah", limit=0).total


def test_more_evidence_fetches_the_next_page(store: SqliteStore, server: str,
                                             watched: Watched) -> None:
    total = add_heavy_edge(store)
    assert total == EXTRA + 2
    page = watched.page
    open_view(page, server + "/view")
    click_edge(page, edge_id("iran", "support", "hezbollah"))
    page.wait_for_selector("#details button.more")
    assert page.locator("#details ul.evidence li").count() == EVIDENCE_LIMIT
    text = page.inner_text("#details")
    assert f"Showing {EVIDENCE_LIMIT} of {total} claims" in text
    assert "denials: counter-evidence (1)" in text.lower()  # of the whole edge
    page.click("#details button.more")
    page.wait_for_function(f"() => document.querySelectorAll('#details ul.evidence li')"
                           f".length === {total}")
    assert page.locator("#details button.more").count() == 0
    assert page.locator("#details ul.counter li").count() == 1
    claims = page.eval_on_selector_all("#details li[data-claim]",
                                       "els => els.map(e => e.dataset.claim)")
    assert len(set(claims)) == total  # no claim twice
    assert watched.errors == []


def test_written_file_embeds_a_page_and_says_how_many_more(
        store: SqliteStore, tmp_path: Path, watched: Watched) -> None:
    total = add_heavy_edge(store)
    out = write_view(tmp_path)
    page = watched.page
    page.context.set_offline(True)
    open_view(page, out.as_uri())
    click_edge(page, edge_id("iran", "support", "hezbollah"))
    page.wait_for_selector("#details ul.evidence li")
    assert page.locator("#details ul.evidence li").count() == EVIDENCE_LIMIT
    text = page.inner_text("#details")
    assert f"{total - EVIDENCE_LIMIT} more not embedded in this file" in text
    assert page.locator("#details button.more").count() == 0
    assert watched.errors == []
