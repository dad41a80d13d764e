"""The evidence panel's data for one edge: quotes, where the actors are named in them,
a little context, and each source's metadata.

Quotes and names stay plain text; `marks` are character ranges the page wraps in
<mark> elements it creates itself.

>>> name_marks("Iran is said to arm Hezbollah.", ["Iran"], ["Hezbollah", "Hizballah"])
[[0, 4, 'subject'], [20, 29, 'object']]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from graph import queries
from graph.errors import NotFound
from graph.relations import RELATIONS, Modality, Relation
from graph.store import EVIDENCE_LIMIT, MAX_LIMIT, Evidence, GraphStore

CONTEXT_CHARS = 240


def name_marks(text: str, subject_names: Sequence[str], object_names: Sequence[str]
               ) -> list[list[Any]]:
    """Non-overlapping [start, end, role] ranges where either actor is named in `text`."""
    found: list[tuple[int, int, str]] = []
    for role, names in (("subject", subject_names), ("object", object_names)):
        for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
            pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
            found += [(m.start(), m.end(), role) for m in re.finditer(pattern, text, re.I)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[list[Any]] = []
    for start, end, role in found:
        if not out or start >= out[-1][1]:
            out.append([start, end, role])
    return out


def source_text_url(source_id: str, claim_id: str) -> str:
    """The API's source text (JSON) with the claim's span marked."""
    return f"/sources/{quote(source_id, safe='')}/text?claim={quote(claim_id, safe='')}"


def source_page_url(source_id: str, claim_id: str) -> str:
    """The view's reader page for the source, scrolled to the claim's quote."""
    return f"/view/sources/{quote(source_id, safe='')}?claim={quote(claim_id, safe='')}#claim"


def _item(ev: Evidence, text: str | None, subject_names: Sequence[str],
          object_names: Sequence[str], link_sources: bool) -> dict[str, Any]:
    c, s = ev.claim, ev.source
    before = after = ""
    if text is not None:
        before = text[max(0, c.start - CONTEXT_CHARS):c.start]
        after = text[c.end:c.end + CONTEXT_CHARS]
    url = s.url if s.url and s.url.lower().startswith(("http://", "https://")) else None
    return {
        "claim": c.id, "quote": c.quote, "marks": name_marks(c.quote, subject_names, object_names),
        "before": before, "after": after, "modality": c.modality.value,
        "attributed_to": c.attributed_to, "confidence": c.confidence, "extractor": c.extractor,
        "page": c.page, "subject": c.subject, "object": c.object,
        "source": {"id": s.id, "title": s.title, "publisher": s.publisher, "author": s.author,
                   "published": s.published.isoformat() if s.published else None, "url": url},
        "text_url": source_text_url(s.id, c.id) if link_sources else None,
        "page_url": source_page_url(s.id, c.id) if link_sources else None,
    }


def all_evidence(store: GraphStore, subject: str, relation: Relation, obj: str,
                 modalities: frozenset[Modality] | None = None) -> list[Evidence]:
    """Every claim of the triple, read a page at a time (for figures over all of them)."""
    out: list[Evidence] = []
    while True:
        page = store.evidence(subject, relation, obj, modalities, limit=MAX_LIMIT,
                              offset=len(out))
        out += page.items
        if not page.items or len(out) >= page.total:
            return out


def edge_evidence(store: GraphStore, subject: str, relation: Relation | str, obj: str,
                  *, link_sources: bool = True, texts: dict[str, str | None] | None = None,
                  limit: int = EVIDENCE_LIMIT, offset: int = 0) -> dict[str, Any]:
    """One page of the edge's claims: counted evidence, denials, and the rest, with
    the counts of the whole edge and how many claims follow this page (`more`).

    `texts` caches source texts across calls (a standalone page embeds many edges).
    """
    ev = queries.evidence(store, subject, relation, obj, limit=limit, offset=offset)
    texts = {} if texts is None else texts

    def text_of(source_id: str) -> str | None:
        if source_id not in texts:
            try:
                texts[source_id] = store.get_source(source_id).text
            except NotFound:
                texts[source_id] = None
        return texts[source_id]

    s_names, o_names = ev.subject.names(), ev.object.names()

    def items(group: list[Evidence]) -> list[dict[str, Any]]:
        return [_item(e, text_of(e.source.id), s_names, o_names, link_sources) for e in group]

    info = RELATIONS[ev.relation]
    shown = len(ev.supporting) + len(ev.counter) + len(ev.other)
    return {
        "subject": {"id": ev.subject.id, "name": ev.subject.name},
        "object": {"id": ev.object.id, "name": ev.object.name},
        "relation": ev.relation.value, "label": info.label, "symmetric": info.symmetric,
        "sources": ev.sources, "claims": ev.claims, "denials": ev.denials,
        "total": ev.total, "limit": ev.limit, "offset": ev.offset,
        "more": max(0, ev.total - ev.offset - shown),
        "supporting": items(ev.supporting), "counter": items(ev.counter),
        "other": items(ev.other),
    }
