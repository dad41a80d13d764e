"""HTML and script in stored text never run in a real headless Chromium: not in the
network view (its embedded JSON, the hover line, the evidence panel), not on a
source's page, not in the JSON of `/sources/{id}/text`. Each payload would set
`window.__pwned`; every string must show literally."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from graph.model import Actor, ActorKind, Claim, Source
from graph.relations import Relation
from graph.sqlite_store import SqliteStore
from tests.browser.conftest import Watched
from tests.browser.test_view import click_edge, click_node, open_view
from viz.payload import edge_id

pytestmark = pytest.mark.browser

FLAG = "__pwned"
CLOSE_SCRIPT = f"</script><script>window.{FLAG}=1</script>"
IMG = f'<img src=x onerror="window.{FLAG}=2">'
ATTRIBUTE = f"\"'><svg onload=window.{FLAG}=3>"
COMMENT = f"<!--<script>window.{FLAG}=4</script>-->"
JS_URL = f"javascript:window.{FLAG}=5"
ENTITY = f"&lt;img src=x onerror=window.{FLAG}=6&gt; &amp;"
TEMPLATE = "{{ 7 * 7 }} ${7*7} {% raw %}"

NAME = f"{CLOSE_SCRIPT}Crimson{ATTRIBUTE} Front"
ALIAS = f"{IMG} alias"
TITLE = f"{CLOSE_SCRIPT}{ATTRIBUTE} Dossier"
QUOTE = f"Iran arms {NAME} {IMG} {COMMENT} {ENTITY} {TEMPLATE}"
TEXT = f"Preamble {ATTRIBUTE}. {QUOTE}. Closing {CLOSE_SCRIPT}."
ATTRIBUTED = f"{ATTRIBUTE} officials {IMG}"

HOSTILE = Actor(id="crimson-front", name=NAME, aliases=(ALIAS,), kind=ActorKind.ARMED_GROUP,
                description=f"{IMG}{CLOSE_SCRIPT}")


@pytest.fixture
def hostile(store: SqliteStore) -> Source:
    """The hostile document, its actor and its claim, in the served store."""
    src = Source.create(TEXT, title=TITLE, url=JS_URL, author=ATTRIBUTE, publisher=IMG,
                        published=date(2024, 2, 1))
    start = src.text.index(QUOTE)
    claim = Claim(subject="iran", relation=Relation.ARMS, object=HOSTILE.id, source=src.id,
                  quote=QUOTE, start=start, end=start + len(QUOTE),
                  attributed_to=ATTRIBUTED)
    store.ingest(src, [store.get_actor("iran"), HOSTILE], [claim])
    return src


def untouched(page: Page, watched: Watched) -> None:
    assert page.evaluate(f"() => window.{FLAG}") is None
    assert page.locator("img, svg, iframe, object, embed").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert watched.dialogs == []


def test_view_and_evidence_panel_show_hostile_text_literally(
        server: str, watched: Watched, hostile: Source) -> None:
    page = watched.page
    open_view(page, server + "/view")
    assert page.evaluate(f"() => allegianceView.nodes.get('{HOSTILE.id}').name") == NAME
    click_edge(page, edge_id("iran", "arms", HOSTILE.id))
    page.wait_for_selector("#details blockquote")
    details = page.inner_text("#details")
    assert QUOTE in page.inner_text("#details blockquote")
    assert TITLE in details and ATTRIBUTED in details and NAME in details
    assert "original:" not in details  # a javascript: url is never offered as a link
    assert page.locator("#details img, #details svg, #details script").count() == 0
    untouched(page, watched)
    click_node(page, HOSTILE.id)
    page.wait_for_selector("#details #centre-here")
    assert NAME in page.inner_text("#details h3")
    assert NAME in page.inner_text("#hover")
    untouched(page, watched)


def test_view_centred_on_the_hostile_actor(server: str, watched: Watched,
                                           hostile: Source) -> None:
    page = watched.page
    open_view(page, f"{server}/view?center={quote(ALIAS)}")
    assert NAME in page.inner_text("header")
    untouched(page, watched)


def test_source_page_shows_hostile_text_literally(server: str, watched: Watched,
                                                  hostile: Source) -> None:
    page = watched.page
    page.goto(f"{server}/view/sources/{hostile.id}")
    page.wait_for_selector("#source-title")
    assert page.inner_text("#source-title") == TITLE
    body = page.inner_text("body")
    assert QUOTE in body and ATTRIBUTE in body and IMG in body and JS_URL not in [
        a.get_attribute("href") for a in page.locator("a").all()]
    assert page.locator("article img, article svg, article script").count() == 0
    untouched(page, watched)


def test_source_text_json_never_runs_in_the_browser(server: str, watched: Watched,
                                                    hostile: Source) -> None:
    page = watched.page
    for path in (f"/sources/{hostile.id}/text", f"/sources/{hostile.id}",
                 f"/view/sources/{quote(IMG, safe='')}", f"/actors/{quote(NAME, safe='')}"):
        response = page.goto(server + path)
        assert response is not None
        kind = response.headers["content-type"]
        assert kind.startswith(("application/json", "application/problem+json",
                                "text/html")), (path, kind)
        untouched(page, watched)
    page.goto(f"{server}/sources/{hostile.id}/text")
    assert page.evaluate("() => document.contentType") == "application/json"
    shown = page.inner_text("body")
    assert IMG.replace('"', '\\"') in shown and CLOSE_SCRIPT in shown


@pytest.mark.parametrize("payload", [CLOSE_SCRIPT, IMG, "<p title=''>" + ATTRIBUTE[2:]],
                         ids=["close-script", "img", "attribute"])
def test_the_payloads_do_run_when_written_raw(watched: Watched, payload: str) -> None:
    """The control: each payload, put in a page unescaped, sets the flag, so the
    tests above would see it run."""
    page = watched.page
    page.set_content(f"<script>var s = '{payload}';</script>" if payload == CLOSE_SCRIPT
                     else f"<div>{payload}</div>")
    page.wait_for_function(f"() => window.{FLAG} !== undefined", timeout=10_000)
