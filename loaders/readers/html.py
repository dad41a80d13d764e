"""HTML: the article's own text, without page furniture, and its metadata.

Steps: read metadata from <meta>, JSON-LD, <title> and <time>; pick the main
content (the largest <article> unless it is only a teaser, else <main>, else
<body>); drop what is never prose
(scripts, styles, forms, navigation, asides, site headers and footers, hidden
elements) and boilerplate blocks recognised by their class/id or by their heading
("Related news", "Read more", ...) or by being mostly links; then write one
paragraph per block element, separated by blank lines.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
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
    "tags", "toolbar", "pagination", "pager", "byline", "readmore", "trending", "footer",
    "navigation", "masthead", "teaser", "teasers",
})
_BOILERPLATE_PHRASES = ("read-more", "more-stories", "more-news", "most-read", "most-popular",
                        "you-may-like", "also-read", "see-also", "site-header", "page-header",
                        "global-header")
_BOILERPLATE_HEADING = re.compile(
    r"^(related( news| articles| stories| content| coverage| reading)?|more (from|on|"
    r"news|stories)\b.*|see also|you (may|might) (also )?like|recommended( for you)?|"
    r"most (read|popular|viewed)|also read|latest (news|stories)|trending( now)?|read more\b.*|"
    r"share( this( article| story| page| post)?)?( on \w+)?|follow us( on \w+)?|"
    r"sign up\b.{0,40}\bnewsletter.*|subscribe( to (our|the) newsletter)?|advertisement|"
    r"comments?)\W*$",
    re.IGNORECASE,
)
MAX_ELEMENTS = 100_000
"""Start tags read at most: parsing and pruning cost ~0.2 ms per element, so a
generated page of millions of (nested) elements would take many minutes."""
_START_TAG = re.compile(r"<[A-Za-z]")
_LINK_DENSE = 0.6
_MIN_ARTICLE_SHARE = 0.25
_MAX_BOX_SHARE = 0.8
"""A box titled "Related news" is dropped whole unless it holds most of the text."""
_SECTIONS = frozenset({"section", "div", "aside", "nav"})
_LIST_LIKE = frozenset({"ul", "ol", "div", "section", "table", "dl"})
_HEADING_LIKE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "span"})
_SPACES = re.compile(r"\s+")
_BR_PARAGRAPH = re.compile(r"\n[ \t]*\n")
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
    check_element_count(text, name)
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


def check_element_count(text: str, name: str) -> None:
    """Refuse markup with more than MAX_ELEMENTS start tags, before parsing it."""
    tags = sum(1 for _ in itertools.islice(_START_TAG.finditer(text), MAX_ELEMENTS + 1))
    if tags > MAX_ELEMENTS:
        raise InvalidInput(f"{name}: too many HTML elements (more than {MAX_ELEMENTS:,}; "
                           "a page this large or this deeply nested is not read)")


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
        except (json.JSONDecodeError, TypeError, RecursionError):
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
        if not encodable(value):
            return None
        return " ".join(value.split()) or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return "; ".join(names) or None
    return None


def encodable(text: str) -> bool:
    """False for a string holding a lone UTF-16 surrogate (JSON's or YAML's \\ud800)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
        sizes = _measure(soup)
        best = max(articles, key=lambda a: sizes[id(a)].text)
        # Some sites wrap each teaser in <article>: a small one is not the story.
        if sizes[id(best)].text >= _MIN_ARTICLE_SHARE * sizes[id(soup)].text:
            return best
    for found in (soup.find("main"), soup.find(None, {"role": "main"}), soup.body):
        if isinstance(found, Tag):
            return found
    return soup


def _drop_furniture(root: Tag) -> None:
    sizes = _measure(root)
    total = sizes[id(root)].text
    _remove(_pruned(root, lambda tag: _is_furniture(tag, root) or (
        _has_boilerplate_name(tag) and sizes[id(tag)].text <= total / 2)))
    sizes = _measure(root)
    _remove(_boilerplate_sections(root, sizes))
    sizes = _measure(root)
    _remove(_pruned(root, lambda tag: tag.name in _LIST_LIKE and sizes[id(tag)].is_link_list()))


def _pruned(root: Tag, drop: Callable[[Tag], bool]) -> list[Tag]:
    """The elements under `root` that `drop` selects, not looking inside those."""
    found: list[Tag] = []
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if drop(tag):
            found.append(tag)
        else:
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return found


def _boilerplate_sections(root: Tag, sizes: dict[int, _Size]) -> list[Tag]:
    """"Related news"-style headings with the link lists that follow them."""
    found: list[Tag] = []
    total = sizes[id(root)].text
    for heading in _pruned(root, lambda tag: _is_boilerplate_heading(tag, sizes)):
        parent = heading.parent
        if (isinstance(parent, Tag) and parent is not root and parent.name in _SECTIONS
                and _first_element(parent) is heading and parent.find("h1") is None
                and sizes[id(parent)].text <= _MAX_BOX_SHARE * total):
            found.append(parent)  # the heading titles its own box: the box goes
            continue
        found.append(heading)
        sibling = heading.find_next_sibling()
        while isinstance(sibling, Tag) and (sibling.name in ("ul", "ol")
                                            or sizes[id(sibling)].is_link_list()):
            found.append(sibling)
            sibling = sibling.find_next_sibling()
    return found


def _first_element(tag: Tag) -> Tag | None:
    return next((c for c in tag.contents if isinstance(c, Tag)), None)


def _remove(tags: list[Tag]) -> None:
    for tag in tags:
        tag.extract()


@dataclass
class _Size:
    """Non-blank characters of a subtree, those inside links, and its links."""

    text: int = 0
    linked: int = 0
    links: int = 0
    elements: int = 0

    def is_link_list(self) -> bool:
        """Mostly links: a list of headlines rather than prose."""
        return self.links >= 2 and self.text > 0 and self.linked / self.text >= _LINK_DENSE


def _measure(root: Tag) -> dict[int, _Size]:
    """The size of every element under `root`, by id(), in one pass (no get_text()
    per element, which is quadratic on deeply nested pages)."""
    sizes: dict[int, _Size] = {}
    order: list[Tag] = []
    stack = [root]
    while stack:
        tag = stack.pop()
        order.append(tag)
        size = sizes[id(tag)] = _Size()
        for child in tag.contents:
            if isinstance(child, Tag):
                stack.append(child)
            elif isinstance(child, NavigableString) and not isinstance(child, _NOT_TEXT):
                size.text += len("".join(child.split()))
    for tag in reversed(order):  # every element after all of its descendants
        size = sizes[id(tag)]
        if tag.name == "a":
            size.linked, size.links = size.text, size.links + 1
        parent = sizes.get(id(tag.parent)) if tag is not root else None
        if parent is not None:
            parent.text += size.text
            parent.linked += size.linked
            parent.links += size.links
            parent.elements += size.elements + 1
    return sizes


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


def _is_boilerplate_heading(tag: Tag, sizes: dict[int, _Size]) -> bool:
    if tag.name not in _HEADING_LIKE:
        return False
    size = sizes.get(id(tag))
    if size is None or not 0 < size.text <= 60 or size.elements > 10:
        return False
    return _is_boilerplate_line(" ".join(tag.get_text(" ").split()))


# --- text -----------------------------------------------------------------------------


@dataclass
class _Writer:
    """Collects inline text and closes a paragraph at each block boundary."""

    paragraphs: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.buffer.append(text)

    def flush(self) -> None:
        """Close the paragraph; a blank line made of <br>s also separates paragraphs."""
        buffered = "".join(self.buffer)
        self.buffer.clear()
        for block in _BR_PARAGRAPH.split(buffered):
            lines = (" ".join(line.split()) for line in block.split("\n"))
            text = "\n".join(line for line in lines if line)
            if text and not _is_boilerplate_line(text):
                self.paragraphs.append(text)


def _is_boilerplate_line(text: str) -> bool:
    return len(text) <= 60 and bool(_BOILERPLATE_HEADING.match(text))


_END = object()
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


def _paragraphs(root: Tag) -> list[str]:
    """The text of `root`, one string per block; walked without recursion so that
    deeply nested pages cannot exhaust the stack."""
    writer = _Writer()
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if node is _END:
            writer.flush()
        elif isinstance(node, _NOT_TEXT):
            continue
        elif isinstance(node, NavigableString):
            writer.add(_SPACES.sub(" ", str(node)))  # source line breaks are spaces
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
