"""HTML: the article's own text, without page furniture, and its metadata.

Steps: read metadata from <meta>, JSON-LD, <title> and <time>; pick the main
content (the largest <article>, else <main>, else <body>); drop what is never prose
(scripts, styles, forms, navigation, asides, site headers and footers, hidden
elements) and boilerplate blocks recognised by their class/id or by their heading
("Related news", "Read more", ...) or by being mostly links; then write one
paragraph per block element, separated by blank lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from graph.errors import InvalidInput
from loaders.document import Document
from loaders.readers.dates import parse_date

_NEVER_PROSE = frozenset({
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "nav", "aside", "form", "button", "select", "input", "textarea", "label",
    "figure", "dialog", "menu", "video", "audio", "picture", "img", "map", "head",
})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
    "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "thead", "tbody",
    "tfoot", "caption", "header", "footer", "address", "hr", "figcaption", "details",
    "summary", "center", "body", "html",
})
_FURNITURE_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", "alertdialog", "toolbar",
})
_BOILERPLATE_WORDS = frozenset({
    "related", "recommended", "recommendations", "share", "sharing", "social", "newsletter",
    "subscribe", "subscription", "signup", "promo", "advert", "advertisement", "ad", "ads",
    "sponsored", "cookie", "cookies", "consent", "comments", "breadcrumb", "breadcrumbs",
    "sidebar", "navbar", "nav", "menu", "popup", "modal", "paywall", "outbrain", "taboola",
    "tags", "toolbar", "pagination", "pager", "byline", "readmore", "trending",
})
_BOILERPLATE_PHRASES = ("read-more", "more-stories", "more-news", "most-read", "most-popular",
                        "you-may-like", "also-read", "see-also")
_BOILERPLATE_HEADING = re.compile(
    r"^(related( news| articles| stories| content| coverage| reading)?|more (from|on|"
    r"news|stories)\b.*|see also|you (may|might) (also )?like|recommended( for you)?|"
    r"most (read|popular|viewed)|also read|latest (news|stories)|trending( now)?|read more\b.*|"
    r"share( this( article| story| page| post)?)?( on \w+)?|follow us( on \w+)?|"
    r"sign up\b.{0,40}\bnewsletter.*|subscribe( to (our|the) newsletter)?|advertisement|"
    r"comments?)\W*$",
    re.IGNORECASE,
)
_LINK_DENSE = 0.6
_META_TITLE = ("og:title", "citation_title", "dc.title", "dcterms.title", "twitter:title")
_META_AUTHOR = ("author", "citation_author", "dc.creator", "dcterms.creator", "article:author",
                "parsely-author", "sailthru.author", "byl")
_META_DATE = ("article:published_time", "citation_publication_date", "citation_date",
              "citation_online_date", "dc.date", "dc.date.issued", "dcterms.created",
              "dcterms.issued", "date", "pubdate", "publishdate", "publish-date",
              "og:published_time", "parsely-pub-date", "sailthru.date", "datepublished")
_META_PUBLISHER = ("og:site_name", "citation_publisher", "dc.publisher", "dcterms.publisher",
                   "citation_journal_title")
_LD_ARTICLE = re.compile(r"article|report|posting|webpage|creativework", re.IGNORECASE)


def read_html(text: str, name: str) -> Document:
    """A document of the main text of the HTML page `text`."""
    soup = BeautifulSoup(text, "lxml")
    meta = _Metadata.of(soup)
    root = _main_content(soup)
    _drop_furniture(root)
    prose = "\n\n".join(_paragraphs(root))
    if not prose.strip():
        raise InvalidInput(f"{name}: empty document (no text in the page's main content)")
    return Document(
        text=prose, title=meta.title, author=meta.author, publisher=meta.publisher,
        url=meta.url, published=meta.published, media_type="text/html", loader="html",
    )


# --- metadata -------------------------------------------------------------------------


@dataclass
class _Metadata:
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None

    @classmethod
    def of(cls, soup: BeautifulSoup) -> _Metadata:
        metas = _meta_values(soup)
        ld = _json_ld(soup)

        def first(keys: tuple[str, ...]) -> str | None:
            return next((metas[k][0] for k in keys if k in metas), None)

        title_tag = soup.find("title")
        h1 = soup.find("h1")
        title = (first(_META_TITLE) or ld.get("headline")
                 or _text(title_tag) or _text(h1))
        authors = next((metas[k] for k in _META_AUTHOR
                        if k in metas and not metas[k][0].startswith("http")), None)
        author = "; ".join(dict.fromkeys(_strip_by(a) for a in authors)) if authors else None
        date_value = first(_META_DATE) or ld.get("datePublished") or _time_value(soup)
        canonical = soup.find("link", rel="canonical")
        url_candidates = [
            canonical.get("href") if isinstance(canonical, Tag) else None,
            first(("og:url", "citation_public_url", "citation_abstract_html_url")),
            ld.get("url"),
        ]
        url = next((u for u in url_candidates if isinstance(u, str)
                    and u.startswith(("http://", "https://"))), None)
        return cls(
            title=title,
            author=author or ld.get("author"),
            publisher=first(_META_PUBLISHER) or ld.get("publisher"),
            url=url,
            published=parse_date(date_value),
        )


def _meta_values(soup: BeautifulSoup) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("name") or tag.get("property") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            values.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return values


def _json_ld(soup: BeautifulSoup) -> dict[str, str]:
    """headline, author, datePublished, publisher and url of the first article-like
    JSON-LD object, as plain strings."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for obj in _ld_objects(data):
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and _LD_ARTICLE.search(k) for k in kinds):
                found = {key: _ld_name(obj.get(key)) for key in
                         ("headline", "author", "datePublished", "publisher", "url")}
                return {k: v for k, v in found.items() if v}
    return {}


def _ld_objects(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_objects(data.get("@graph"))


def _ld_name(value: object) -> str | None:
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return "; ".join(names) or None
    return None


def _time_value(soup: BeautifulSoup) -> str | None:
    times = [t for t in soup.find_all("time") if isinstance(t.get("datetime"), str)]
    preferred = [t for t in times if t.has_attr("pubdate") or "publish" in _attrs(t)]
    for tag in preferred or times:
        value = tag.get("datetime")
        if isinstance(value, str):
            return value
    return None


def _strip_by(author: str) -> str:
    return re.sub(r"^by\s+", "", author.strip(), flags=re.IGNORECASE)


def _text(tag: object) -> str | None:
    if isinstance(tag, Tag):
        return " ".join(tag.get_text(" ").split()) or None
    return None


# --- main content ---------------------------------------------------------------------


def _main_content(soup: BeautifulSoup) -> Tag:
    articles = [a for a in soup.find_all("article") if isinstance(a, Tag)]
    if articles:
        return max(articles, key=_text_length)
    for found in (soup.find("main"), soup.find(None, {"role": "main"}), soup.body):
        if isinstance(found, Tag):
            return found
    return soup


def _drop_furniture(root: Tag) -> None:
    total = _text_length(root)
    for tag in list(root.find_all(True)):
        if tag.decomposed:
            continue
        if _is_furniture(tag, root) or (_has_boilerplate_name(tag)
                                        and _text_length(tag) <= total / 2):
            tag.decompose()
    for tag in list(root.find_all(re.compile(r"^(h[1-6]|p|div|strong|span)$"))):
        if not tag.decomposed and _is_boilerplate_heading(tag):
            _drop_heading_and_links(tag, root)
    for tag in list(root.find_all(["ul", "ol", "div", "section", "table", "dl"])):
        if not tag.decomposed and _is_link_list(tag):
            tag.decompose()


def _is_furniture(tag: Tag, root: Tag) -> bool:
    if tag.name in _NEVER_PROSE:
        return True
    if tag.name in ("header", "footer") and (tag.name == "footer" or root.name == "body"):
        return True
    role = tag.get("role")
    if isinstance(role, str) and role.lower() in _FURNITURE_ROLES:
        return True
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(tag.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _attrs(tag: Tag) -> str:
    classes: object = tag.get("class") or []
    joined = " ".join(map(str, classes)) if isinstance(classes, list) else str(classes)
    return f"{joined} {tag.get('id') or ''}".lower()


def _has_boilerplate_name(tag: Tag) -> bool:
    names = _attrs(tag)
    if not names.strip():
        return False
    if any(p in names.replace("_", "-") for p in _BOILERPLATE_PHRASES):
        return True
    return any(w in _BOILERPLATE_WORDS for w in re.split(r"[\s_\-]+", names))


def _is_boilerplate_heading(tag: Tag) -> bool:
    words = " ".join(tag.get_text(" ").split())
    return 0 < len(words) <= 60 and bool(_BOILERPLATE_HEADING.match(words))


def _drop_heading_and_links(heading: Tag, root: Tag) -> None:
    """Remove a "Related news"-style heading with the link lists after it, and its
    section when nothing but links is left there."""
    parent = heading.parent
    sibling = heading.find_next_sibling()
    heading.decompose()
    while isinstance(sibling, Tag) and (sibling.name in ("ul", "ol") or _is_link_list(sibling)):
        following = sibling.find_next_sibling()
        sibling.decompose()
        sibling = following
    if isinstance(parent, Tag) and parent is not root and _is_link_list(parent):
        parent.decompose()


def _is_link_list(tag: Tag) -> bool:
    """Mostly links: a list of headlines rather than prose."""
    length = _text_length(tag)
    if length == 0:
        return False
    links = tag.find_all("a")
    if len(links) < 2:
        return False
    linked = sum(len("".join(a.get_text().split())) for a in links)
    return linked / length >= _LINK_DENSE


def _text_length(tag: Tag) -> int:
    return len("".join(tag.get_text().split()))


# --- text -----------------------------------------------------------------------------


@dataclass
class _Writer:
    """Collects inline text and closes a paragraph at each block boundary."""

    paragraphs: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.buffer.append(text)

    def flush(self) -> None:
        lines = ("".join(self.buffer)).split("\n")
        self.buffer.clear()
        text = "\n".join(c for c in (" ".join(line.split()) for line in lines) if c)
        if text and not _is_boilerplate_line(text):
            self.paragraphs.append(text)


def _is_boilerplate_line(text: str) -> bool:
    return len(text) <= 60 and bool(_BOILERPLATE_HEADING.match(text))


_END = object()


def _paragraphs(root: Tag) -> list[str]:
    """The text of `root`, one string per block; walked without recursion so that
    deeply nested pages cannot exhaust the stack."""
    writer = _Writer()
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if node is _END:
            writer.flush()
        elif isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction):
            continue
        elif isinstance(node, NavigableString):
            writer.add(str(node))
        elif isinstance(node, Tag):
            if node.name == "br":
                writer.add("\n")
                continue
            if node.name in ("td", "th"):
                writer.add(" ")
            if node.name in _BLOCKS:
                writer.flush()
                stack.append(_END)
            stack.extend(reversed(node.contents))
    writer.flush()
    return writer.paragraphs
