"""The network view's data and page, on both backends, without a browser."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from graph.errors import NotFound
from graph.relations import Relation
from graph.store import GraphStore
from tests.browser.corpus import EDGES, NODES, XSS_FLAG, fill, fill_tree
from viz.evidence import edge_evidence
from viz.layout import PHYSICS_MAX_NODES, radial_layout
from viz.page import render_page
from viz.payload import ViewQuery, build_view, edge_id


def by_id(data: dict, eid: str) -> dict:  # type: ignore[type-arg]
    return next(e for e in data["edges"] if e["id"] == eid)


def test_view_data_encodes_each_edge(store: GraphStore) -> None:
    fill(store)
    data = build_view(store, ViewQuery())
    assert (len(data["nodes"]), len(data["edges"])) == (NODES, EDGES)
    assert data["meta"]["physics"] is True and data["meta"]["truncated"] is False
    support = by_id(data, edge_id("iran", "support", "hezbollah"))
    assert (support["sources"], support["dates"]) == (2, ["2019-05-01", "2021-03-10"])
    assert support["arrows"] == "to" and support["dashes"] is False
    assert by_id(data, edge_id("hamas", "alliance", "hezbollah"))["arrows"] == ""
    assert by_id(data, edge_id("iran", "funding", "hamas"))["dashes"] is True
    training = by_id(data, edge_id("irgc", "training", "houthis"))
    assert support["width"] > training["width"] and support["color"] != training["color"]
    assert all("title" not in x for x in data["nodes"] + data["edges"])


def test_view_narrows_by_centre_relation_and_sources(store: GraphStore) -> None:
    fill(store)
    around = build_view(store, ViewQuery(center="Hizballah", depth=1))
    assert sorted(n["id"] for n in around["nodes"]) == ["hamas", "hezbollah", "iran", "syria"]
    assert around["meta"]["center"] == "hezbollah"
    support = build_view(store, ViewQuery(relations=(Relation.SUPPORT,)))
    assert len(support["edges"]) == EDGES - 1  # subtypes count; the alliance does not
    assert len(build_view(store, ViewQuery(min_sources=2))["edges"]) == 1
    with pytest.raises(NotFound):
        build_view(store, ViewQuery(center="Nobody Known"))


def test_capped_view_says_what_it_left_out(store: GraphStore) -> None:
    fill(store)
    data = build_view(store, ViewQuery(max_nodes=3))
    assert len(data["nodes"]) == 3 and data["meta"]["truncated"] is True
    assert f"has {EDGES} matching edges" in data["meta"]["message"]
    assert "minimum number of sources" in data["meta"]["message"]


def test_large_view_gets_server_positions_and_no_physics(store: GraphStore) -> None:
    fill_tree(store, PHYSICS_MAX_NODES + 50)
    data = build_view(store, ViewQuery())
    assert len(data["nodes"]) == PHYSICS_MAX_NODES + 50
    assert data["meta"]["physics"] is False and data["options"]["physics"]["enabled"] is False
    spots = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(spots) == len(data["nodes"])  # every actor has its own place


def test_evidence_keeps_denials_apart_and_marks_names(store: GraphStore) -> None:
    fill(store)
    ev = edge_evidence(store, "iran", Relation.ARMS, "houthis")
    assert [i["quote"] for i in ev["supporting"]] == ["Iran arms the Houthis"]
    assert [i["quote"] for i in ev["counter"]] == ["Iran denied that it arms the Houthis"]
    item = ev["supporting"][0]
    assert item["marks"] == [[0, 4, "subject"], [14, 21, "object"]]
    assert item["text_url"] == f"/sources/{item['source']['id'].replace(':', '%3A')}" \
        f"/text?claim={item['claim'].replace(':', '%3A')}"
    assert item["before"] == "The panel found that " and item["after"].startswith(" through")


class _Refs(HTMLParser):
    """Every URL-bearing attribute and the text of every inline script."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self._in: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "action")]
        if tag == "script":
            self._in, self._text = {k: v or "" for k, v in attrs}, []

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in is not None:
            if "src" not in self._in and self._in.get("type") != "application/json":
                self.scripts.append("".join(self._text))
            self._in, self._text = None, []


@pytest.mark.parametrize("standalone", [False, True])
def test_page_escapes_document_text_and_stays_local(store: GraphStore, standalone: bool
                                                    ) -> None:
    fill(store)
    html = render_page(build_view(store, ViewQuery(), standalone=standalone),
                       standalone=standalone)
    assert f"<script>window.{XSS_FLAG}" not in html and "<img src=x" not in html
    refs = _Refs()
    refs.feed(html)
    allowed = ("data:",) if standalone else ("/", "data:")
    assert [u for u in refs.urls if not u.startswith(allowed)] == []
    if standalone:  # only our own inline scripts may run, by hash
        found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert found is not None
        csp = unescape(found.group(1))
        assert "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
        assert len(refs.scripts) == 2
        for script in refs.scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in csp


def test_layout_is_deterministic_and_keeps_components_apart() -> None:
    nodes = [str(i) for i in range(40)]
    edges = [(str(i), str(i + 1)) for i in range(0, 19)] + [("20", str(i)) for i in range(21, 40)]
    one, two = radial_layout(nodes, edges), radial_layout(list(reversed(nodes)), edges)
    assert one == two
    first = [one[str(i)] for i in range(20)]
    second = [one[str(i)] for i in range(20, 40)]
    gap = min(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 for ax, ay in first for bx, by in second)
    assert gap >= 100
