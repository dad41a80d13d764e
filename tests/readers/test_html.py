"""HTML: main text only, boilerplate dropped, metadata from the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from loaders.document import Document
from loaders.readers import read_bytes, read_path
from tests.readers.conftest import LIMIT


def _read(path: Path) -> Document:
    result = read_path(path, LIMIT)
    assert isinstance(result, Document)
    return result


def test_article_text_without_page_furniture(fixtures: Path) -> None:
    doc = _read(fixtures / "article.html")
    assert doc.text.split("\n\n") == [
        "UN panel: Iran supplied missiles to the Houthis",
        "A United Nations panel of experts said on Tuesday that Iran supplied ballistic "
        "missiles to the Houthis in Yemen.",
        "The report, seen by The Example Times, cites serial numbers of recovered parts.\n"
        "It was delivered to the Security Council.",
        "Iran has denied arming the group.",
    ]


@pytest.mark.parametrize("boilerplate", [
    "Qatar funds the Taliban",  # script data and the "most read" aside
    "Russia arms Wagner",  # script
    "Saudi Arabia funds militia",  # related news
    "Hezbollah trains",  # related news
    "Share on Twitter", "newsletter", "Subscribe", "cookies", "Advertisement",
    "Politics", "Topics:", "2023 The Example Times", "By Jane Roe", "Photo: agency",
    "font-family",
])
def test_boilerplate_is_dropped(fixtures: Path, boilerplate: str) -> None:
    assert boilerplate not in _read(fixtures / "article.html").text


def test_metadata_from_meta_tags(fixtures: Path) -> None:
    doc = _read(fixtures / "article.html")
    assert doc.title == "UN panel: Iran supplied missiles to the Houthis"
    assert doc.author == "Jane Roe"
    assert doc.published == date(2023, 4, 5)
    assert doc.publisher == "The Example Times"
    assert doc.url == "https://times.example/world/un-panel-iran-houthis"
    assert (doc.loader, doc.media_type) == ("html", "text/html")


def test_metadata_from_json_ld_time_and_title(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(
        '<html><head><title>Fallback title</title><script type="application/ld+json">'
        '{"@graph": [{"@type": "WebSite"}, {"@type": ["NewsArticle"], "headline": "LD title",'
        ' "author": [{"name": "A. Writer"}, {"name": "B. Writer"}],'
        ' "publisher": {"name": "Wire"}}]}</script></head>'
        '<body><p>Published <time datetime="2021-07-09">9 July</time>. The IRGC armed them.</p>'
        "</body></html>", encoding="utf-8")
    doc = _read(path)
    assert (doc.title, doc.author, doc.publisher, doc.published) == (
        "LD title", "A. Writer; B. Writer", "Wire", date(2021, 7, 9))
    assert doc.text == "Published 9 July. The IRGC armed them."


def test_page_without_article_uses_body_and_drops_site_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    path.write_text(
        "<html><body><header><h1>Site name</h1></header>"
        "<div><p>First point.</p><p>Second <b>point</b>.</p></div>"
        "<div class='related-links'><a href='/1'>One</a> <a href='/2'>Two</a></div>"
        "<ul><li><a href='/x'>Link list item one</a></li><li><a href='/y'>Item two</a></li></ul>"
        "<ul><li>A real list item.</li><li>Another.</li></ul>"
        "<footer>Contact</footer></body></html>", encoding="utf-8")
    doc = _read(path)
    assert doc.text == "First point.\n\nSecond point.\n\nA real list item.\n\nAnother."
    assert doc.title == "Site name"  # the <h1> is the best title the page has


def test_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1252"><title>Côte d’Ivoire</title></head>'
            "<body><p>Les forces de Côte d’Ivoire « soutiennent » le groupe.</p></body></html>")
    path.write_bytes(html.encode("cp1252"))
    doc = _read(path)
    assert doc.title == "Côte d’Ivoire"
    assert doc.text == "Les forces de Côte d’Ivoire « soutiennent » le groupe."


def test_page_of_scripts_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    scripts = "<script>var a = 'Iran supports Hezbollah';</script>" * 500
    path.write_text(f"<html><head>{scripts}</head><body><nav><a href='/'>Home</a></nav>"
                    f"{scripts}<noscript>Enable JavaScript</noscript></body></html>",
                    encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"app\.html: empty document"):
        read_path(path, LIMIT)


def test_deeply_nested_page_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 5000 + "Deep text." + "</div>" * 5000 + "</body></html>"
    result = read_bytes(html.encode(), "deep.html", LIMIT)
    assert isinstance(result, Document)
    assert result.text == "Deep text."


def test_related_box_with_teasers_and_div_footer_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "teasers.html"
    path.write_text(
        "<html><body><div id='page'>"
        "<div class='page-header'><a href='/'>Wire</a> <span>World news since 1901</span></div>"
        "<div class='story'><h1>Militia gets drones</h1>"
        "<p>The militia received drones from abroad, the ministry said.</p></div>"
        "<section><h2>More stories</h2>"
        "<div><a href='/1'>Story one</a><p>Kenya trains the police of its neighbour.</p></div>"
        "<div><a href='/2'>Story two</a><p>Chad hosts rebels, a minister claims.</p></div>"
        "</section>"
        "<div class='site-footer'>About us. Kenya funds nobody.</div>"
        "</div></body></html>", encoding="utf-8")
    doc = _read(path)
    assert doc.text == ("Militia gets drones\n\n"
                        "The militia received drones from abroad, the ministry said.")


def test_teaser_articles_are_not_taken_for_the_story(tmp_path: Path) -> None:
    story = " ".join(f"Sentence {i} of the story about the Sahel." for i in range(12))
    teasers = "".join(f"<article class='card'><a href='/{i}'>Teaser {i}</a>"
                      f"<p>Short teaser text {i}.</p></article>" for i in range(6))
    path = tmp_path / "cards.html"
    path.write_text(f"<html><body><main><div class='story'><h1>Sahel</h1><p>{story}</p></div>"
                    f"<div class='related'>{teasers}</div></main></body></html>",
                    encoding="utf-8")
    assert _read(path).text == f"Sahel\n\n{story}"


def test_double_line_breaks_separate_paragraphs() -> None:
    html = (b"<html><body><div>Iran armed the group.<br><br>Qatar paid them.<br>"
            b"Twice.<br> <br>\n<br>Turkey hosted them.</div></body></html>")
    result = read_bytes(html, "old.html", LIMIT)
    assert isinstance(result, Document)
    assert result.text == ("Iran armed the group.\n\nQatar paid them.\nTwice.\n\n"
                           "Turkey hosted them.")
