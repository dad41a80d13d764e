"""The network view in a real headless Chromium, served by the real app."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

from graph.sqlite_store import SqliteStore
from tests.browser.conftest import Watched
from tests.browser.corpus import EDGES, NODES, XSS_FLAG, fill_tree
from viz.layout import PHYSICS_MAX_NODES
from viz.payload import edge_id

pytestmark = pytest.mark.browser

# A point on the edge where a click hits that edge and nothing else, in page coordinates.
EDGE_POINT = """(id) => {
  const v = window.allegianceView, e = v.edges.get(id), net = v.network;
  const p = net.getPositions([e.from, e.to]);
  const box = document.querySelector('#network canvas').getBoundingClientRect();
  for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7]) {
    const dom = net.canvasToDOM({x: p[e.from].x + t * (p[e.to].x - p[e.from].x),
                                 y: p[e.from].y + t * (p[e.to].y - p[e.from].y)});
    if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === id) {
      return [box.left + dom.x, box.top + dom.y];
    }
  }
  return null;
}"""
NODE_POINT = """(id) => {
  const net = window.allegianceView.network;
  const dom = net.canvasToDOM(net.getPositions([id])[id]);
  const box = document.querySelector('#network canvas').getBoundingClientRect();
  return [box.left + dom.x, box.top + dom.y];
}"""
SHOWN = "() => [allegianceView.shownNodeIds().length, allegianceView.shownEdgeIds().length]"


def open_view(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)


def shown(page: Page) -> tuple[int, int]:
    n, e = page.evaluate(SHOWN)
    return n, e


def click_edge(page: Page, eid: str) -> None:
    point = page.evaluate(EDGE_POINT, eid)
    assert point is not None, f"edge {eid} has no clickable point on screen"
    page.mouse.click(*point)


def click_node(page: Page, actor: str) -> None:
    page.mouse.click(*page.evaluate(NODE_POINT, actor))


def only_local(requests: list[str]) -> list[str]:
    """The requests that went anywhere but 127.0.0.1 (data: URLs stay in the page)."""
    return [u for u in requests
            if urlsplit(u).scheme not in ("data", "file") and urlsplit(u).hostname != "127.0.0.1"]


def test_page_draws_every_actor_and_edge_with_its_meaning(server: str, watched: Watched) -> None:
    page = watched.page
    open_view(page, server + "/view")
    assert shown(page) == (NODES, EDGES)
    assert page.evaluate("() => allegianceView.nodes.length") == NODES
    assert page.evaluate("() => allegianceView.edges.length") == EDGES
    styles = page.evaluate("""() => {
      const e = allegianceView.edges, n = allegianceView.nodes;
      const by = (r, s, o) =>
        e.get({filter: x => x.relation === r && x.from === s && x.to === o})[0];
      return {alliance: by('alliance', 'hamas', 'hezbollah'),
              funding: by('funding', 'iran', 'hamas'),
              support: by('support', 'iran', 'hezbollah'),
              training: by('training', 'irgc', 'houthis'),
              iran: n.get('iran'), hezbollah: n.get('hezbollah')};
    }""")
    assert styles["alliance"]["arrows"] == ""  # symmetric: no arrow
    assert styles["support"]["arrows"] == "to"
    assert styles["funding"]["dashes"] is True  # only reported
    assert styles["support"]["dashes"] is False
    assert styles["support"]["width"] > styles["training"]["width"]  # two sources vs one
    assert styles["support"]["color"] != styles["training"]["color"]
    assert styles["iran"]["shape"] != styles["hezbollah"]["shape"]
    assert styles["iran"]["color"]["background"] != styles["hezbollah"]["color"]["background"]
    assert "title" not in styles["iran"]  # no HTML tooltips from document text
    legend = page.inner_text("#legend")
    assert "armed group" in legend and "state" in legend and "only reported" in legend
    assert only_local(watched.requests) == []
    assert watched.errors == []


def test_clicking_an_edge_shows_its_quotes_sources_and_denials(
        server: str, watched: Watched) -> None:
    page = watched.page
    open_view(page, server + "/view")
    click_edge(page, edge_id("iran", "support", "hezbollah"))
    page.wait_for_selector("#details ul.evidence li")
    quotes = page.locator("#details blockquote").all_inner_texts()
    assert quotes == ["Iran supports Hezbollah", "Iran supports Hezbollah"]
    assert page.locator("#details mark.subject").first.inner_text() == "Iran"
    assert page.locator("#details mark.object").first.inner_text() == "Hezbollah"
    text = page.inner_text("#details")
    assert "UN Monitoring Team report" in text and "Think-tank brief" in text
    assert "2019-05-01" in text and "2021-03-10" in text
    link = page.locator("#details a[href^='/sources/']").first.get_attribute("href")
    assert link is not None and "/text?claim=claim%3A" in link
    reader = page.locator("#details a[href^='/view/sources/']").first.get_attribute("href")
    assert reader is not None

    click_edge(page, edge_id("iran", "arms", "houthis"))
    page.wait_for_selector("#details ul.evidence.counter li")
    assert page.locator("#details ul.counter blockquote").all_inner_texts() == [
        "Iran denied that it arms the Houthis"]
    assert "attributed to Iran" in page.inner_text("#details ul.counter")

    click_edge(page, edge_id("iran", "funding", "hamas"))
    page.wait_for_selector("#details .badge.reported")
    assert "attributed to US officials" in page.inner_text("#details")

    response = page.goto(server + reader)  # the first source, read in context
    assert response is not None and response.status == 200
    assert page.inner_text("mark#claim") == "Iran supports Hezbollah"
    assert page.inner_text("#source-title") == "UN Monitoring Team report"
    assert "The IRGC trains the Houthis" in page.inner_text(".source-text")
    assert only_local(watched.requests) == []


def test_filters_change_what_is_drawn_without_reloading(server: str, watched: Watched) -> None:
    page = watched.page
    open_view(page, server + "/view")
    page.evaluate("() => { window.__sameDocument = true; }")
    page.uncheck("input[name=relation][value=support]")
    assert shown(page) == (NODES, EDGES - 1)
    page.uncheck("input[name=relation][value=arms]")  # drops Iran-Houthis and Shadow Brigade
    assert shown(page) == (NODES - 1, EDGES - 3)
    page.click("#reset-filters")
    assert shown(page) == (NODES, EDGES)
    page.fill("#min-sources", "2")
    assert shown(page) == (2, 1)  # only Iran supports Hezbollah has two sources
    page.fill("#min-sources", "1")
    page.fill("#since", "2022-01-01")
    assert shown(page) == (4, 2)  # Syria's safe haven (2022) and the arms cable (2023)
    page.fill("#until", "2022-12-31")
    assert shown(page) == (2, 1)
    assert page.evaluate("() => window.__sameDocument") is True
    assert "2 of 7 actors, 1 of 7 edges" in page.inner_text("#status")


def test_hostile_document_text_is_shown_and_never_runs(server: str, watched: Watched) -> None:
    page = watched.page
    open_view(page, server + "/view")
    shadow = edge_id("iran", "arms", "shadow-brigade")
    click_edge(page, shadow)
    page.wait_for_selector("#details blockquote")
    quote = page.inner_text("#details blockquote")
    assert f"<script>window.{XSS_FLAG}=5</script>" in quote
    assert f'<img src=x onerror="window.{XSS_FLAG}=4">' in quote
    details = page.inner_text("#details")
    assert f"<script>window.{XSS_FLAG}=3</script>Leaked cable" in details  # the title
    assert f"<script>window.{XSS_FLAG}=2</script>" in page.inner_text("#details h3")
    click_node(page, "shadow-brigade")
    page.wait_for_selector("#details #centre-here")
    assert f'onerror="window.{XSS_FLAG}=1"' in page.inner_text("#details h3")
    assert f"<script>window.{XSS_FLAG}=2</script>" in page.inner_text("#hover")
    assert page.locator("#details img, #details script").count() == 0
    page.fill("#path-from", "Iran")  # the datalist holds the hostile name as a value
    assert page.evaluate(f"() => window.{XSS_FLAG}") is None
    click_edge(page, shadow)
    page.wait_for_selector("#details a[href^='/view/sources/']")
    reader = page.locator("#details a[href^='/view/sources/']").first.get_attribute("href")
    page.goto(server + str(reader))  # the hostile document itself, as a page
    assert f"<script>window.{XSS_FLAG}=5</script>" in page.inner_text("mark#claim")
    assert page.inner_text("#source-title") == f"<script>window.{XSS_FLAG}=3</script>Leaked cable"
    assert page.locator("article img, article script").count() == 0
    assert page.evaluate(f"() => window.{XSS_FLAG}") is None
    assert watched.dialogs == []
    assert only_local(watched.requests) == []


def test_actor_panel_and_centre_here(server: str, watched: Watched) -> None:
    page = watched.page
    open_view(page, server + "/view")
    click_node(page, "hezbollah")
    page.wait_for_selector("#details #centre-here")
    text = page.inner_text("#details")
    assert "Hizballah" in text and "armed group" in text
    assert "3 edge(s): 0 outgoing, 3 incoming" in text
    page.click("#centre-here")
    page.wait_for_url("**/view?center=hezbollah*")
    page.wait_for_selector("body[data-ready='1']")
    # Hezbollah, its three neighbours, and Iran's funding of Hamas among them
    assert shown(page) == (4, 4)
    assert "centred on Hezbollah" in page.inner_text("header")
    page.fill("#centre-form input[name=center]", "Islamic Republic of Iran")  # an alias
    page.click("#centre-form button")
    page.wait_for_url("**/view?center=Islamic+Republic+of+Iran&depth=1")
    page.wait_for_selector("body[data-ready='1']")
    assert shown(page) == (5, 5)  # Iran, the four it backs, and the Hamas-Hezbollah alliance


def test_path_view_highlights_paths_between_two_actors(server: str, watched: Watched) -> None:
    page = watched.page
    open_view(page, server + "/view")
    page.fill("#path-from", "Syria")
    page.fill("#path-to", "Houthis")
    page.click("#find-paths")
    page.wait_for_selector("body[data-paths]")
    assert page.inner_text("#details ol.paths li") == (
        "Syria —gives safe haven to→ Hezbollah ←supports— Iran —arms→ Houthis")
    selected = page.evaluate("() => allegianceView.network.getSelectedNodes().sort()")
    assert selected == ["hezbollah", "houthis", "iran", "syria"]


def test_bad_view_parameters_get_a_clear_page(server: str, watched: Watched) -> None:
    page = watched.page
    response = page.goto(server + "/view?center=Nobody%20Known")
    assert response is not None and response.status == 404
    assert "no actor named 'Nobody Known'" in page.inner_text("body")
    hostile = f"<img src=x onerror=window.{XSS_FLAG}=6>"
    response = page.goto(server + "/view?center=" + quote(hostile))
    assert response is not None and response.status == 404
    assert hostile in page.inner_text("body")
    assert page.evaluate(f"() => window.{XSS_FLAG}") is None
    response = page.goto(server + "/view?relations=bribery")
    assert response is not None and response.status == 422
    assert "bribery" in page.inner_text("body")


def test_large_view_uses_server_positions_with_physics_off(
        server: str, store: SqliteStore, watched: Watched) -> None:
    fill_tree(store, PHYSICS_MAX_NODES + 100)
    page = watched.page
    open_view(page, server + "/view")
    total = NODES + PHYSICS_MAX_NODES + 100
    assert shown(page) == (total, EDGES + PHYSICS_MAX_NODES + 99)
    drawn = page.evaluate("""() => {
      const v = allegianceView, pos = v.network.getPositions(['g0', 'g1', 'g2']);
      return {physics: v.network.physics.physicsEnabled,
              given: ['g0', 'g1', 'g2'].map(id => [v.nodes.get(id).x, v.nodes.get(id).y]),
              drawn: ['g0', 'g1', 'g2'].map(id => [pos[id].x, pos[id].y])};
    }""")
    assert drawn["physics"] is False
    for (gx, gy), (dx, dy) in zip(drawn["given"], drawn["drawn"], strict=True):
        assert abs(gx - dx) < 1 and abs(gy - dy) < 1  # the server's layout, unmoved
    assert "dashed once zoomed in" in page.inner_text("#legend")
