"""SQL for edges: one filter, two plans.

Under the default modalities (and no source or date bound) edges are read from the
`edges` summary table, which every write keeps in step with the claims. Any other
filter aggregates the claims it admits. Both plans return the same columns:
subject, relation, object, claims, sources, first_seen, last_seen, and one count per
modality in `Modality` order.

Queries are assembled from the constant fragments below; values are always bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from graph.analytics import EdgeRecord
from graph.model import Edge
from graph.relations import COUNTED_MODALITIES, RELATIONS, Modality, Relation, expand
from graph.store import EdgeFilter

SYMMETRIC: tuple[str, ...] = tuple(r.value for r, i in RELATIONS.items() if i.symmetric)
MODALITY_ORDER: tuple[Modality, ...] = tuple(Modality)
COUNTED: tuple[str, ...] = tuple(m.value for m in MODALITY_ORDER if m in COUNTED_MODALITIES)

_SUMMARY_COLUMNS = (
    "subject, relation, object, claims, sources, first_seen, last_seen, "
    "asserted, reported, 0, 0, 0"
)
_AGGREGATE_COLUMNS = (
    "subject, relation, object, count(*) AS claims, count(DISTINCT source) AS sources, "
    "min(published), max(published), sum(modality = 'asserted'), "
    "sum(modality = 'reported'), sum(modality = 'denied'), "
    "sum(modality = 'prescriptive'), sum(modality = 'hypothetical')"
)
assert MODALITY_ORDER == (
    Modality.ASSERTED, Modality.REPORTED, Modality.DENIED,
    Modality.PRESCRIPTIVE, Modality.HYPOTHETICAL,
), "the column lists above follow Modality's order"
assert COUNTED == ("asserted", "reported"), "the edges summary counts these two"

ORDER = "ORDER BY sources DESC, claims DESC, subject, relation, object"

# Re-aggregates the summary rows of the triples listed in temp.touched.
REFRESH_TOUCHED = (
    "INSERT INTO edges(subject, relation, object, claims, sources, first_seen, last_seen, "
    "asserted, reported) "
    "SELECT c.subject, c.relation, c.object, count(*), count(DISTINCT c.source), "
    "min(c.published), max(c.published), sum(c.modality = 'asserted'), "
    "sum(c.modality = 'reported') "
    # CROSS JOIN keeps temp.touched the outer loop: the planner, with no statistics
    # on it, would otherwise scan every claim and probe the touched triples
    "FROM temp.touched t CROSS JOIN claims c "
    "ON c.subject = t.subject AND c.relation = t.relation AND c.object = t.object "
    "WHERE c.modality IN ('asserted', 'reported') "
    "GROUP BY c.subject, c.relation, c.object"
)

def _add_counted(rows: Literal["source = ?", "n > ?"]) -> str:
    """The upsert adding the counted claims that `rows` (a constant condition on
    `claims`) selects to the summary. Only for claims of sources new to the store:
    a source is added once, so distinct sources add up."""
    # `rows` is one of two constant conditions, never a value
    return (
        "INSERT INTO edges(subject, relation, object, claims, sources, first_seen, "  # noqa: S608
        "last_seen, asserted, reported) "
        "SELECT subject, relation, object, count(*), count(DISTINCT source), "
        "min(published), max(published), sum(modality = 'asserted'), "
        "sum(modality = 'reported') "
        f"FROM claims WHERE {rows} AND modality IN ('asserted', 'reported') "
        "GROUP BY subject, relation, object "
        "ON CONFLICT(subject, relation, object) DO UPDATE SET "
        "claims = claims + excluded.claims, sources = sources + excluded.sources, "
        "first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, "
        "excluded.first_seen), "
        "last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, "
        "excluded.last_seen), "
        "asserted = asserted + excluded.asserted, reported = reported + excluded.reported"
    )


ADD_SOURCE = _add_counted("source = ?")
"""Adds one new source's counted claims to the summary."""
FOLD_NEW = _add_counted("n > ?")
"""Adds every counted claim after row ? (the bulk path's new sources) in one pass."""


def uses_summary(flt: EdgeFilter) -> bool:
    """True when the filter's edges can be read from the summary table."""
    return (
        flt.modalities == COUNTED_MODALITIES
        and flt.source is None
        and flt.since is None
        and flt.until is None
    )


@dataclass
class EdgeQuery:
    """The page query, the total query, and their bound values."""

    page_sql: str
    count_sql: str
    params: list[Any] = field(default_factory=list)
    page_params: list[Any] = field(default_factory=list)
    windowed: bool = False
    """True when each page row ends with the total (count_sql is then needed only
    for a page past the end)."""


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def triple_conditions(flt: EdgeFilter) -> tuple[list[str], list[Any]]:
    """WHERE conditions on subject/relation/object (ids already resolved)."""
    where: list[str] = []
    params: list[Any] = []
    rels = expand(flt.relations, flt.subtypes)
    if rels != frozenset(Relation):
        chosen = sorted(r.value for r in rels)
        where.append(f"relation IN ({_marks(len(chosen))})")
        params += chosen
    if flt.subject is not None or flt.object is not None:
        direct, swapped, dp, sp = [], [], [], []
        for column, other, value in (("subject", "object", flt.subject),
                                     ("object", "subject", flt.object)):
            if value is not None:
                direct.append(f"{column} = ?")
                dp.append(value)
                swapped.append(f"{other} = ?")
                sp.append(value)
        # A symmetric relation is stored once, in id order: match it either way round.
        symmetric = sorted(r for r in SYMMETRIC if r in rels)
        if symmetric:
            where.append(
                f"(({' AND '.join(direct)}) OR (relation IN ({_marks(len(symmetric))}) "
                f"AND {' AND '.join(swapped)}))"
            )
            params += dp + symmetric + sp
        else:
            where += direct
            params += dp
    if flt.actor is not None:
        where.append("(subject = ? OR object = ?)")
        params += [flt.actor, flt.actor]
    return where, params


def edge_query(flt: EdgeFilter, *, paged: bool = True) -> EdgeQuery:
    """The SQL for the edges `flt` admits (its actor ids already resolved)."""
    where, params = triple_conditions(flt)
    if uses_summary(flt):
        where.append("sources >= ?")
        params.append(flt.min_sources)
        cond = " AND ".join(where) or "1"
        body = f"SELECT {_SUMMARY_COLUMNS} FROM edges WHERE {cond}"  # noqa: S608 - constant fragments
        count = f"SELECT count(*) FROM edges WHERE {cond}"  # noqa: S608
    else:
        mods = sorted(m.value for m in flt.modalities)
        where.append(f"modality IN ({_marks(len(mods))})")
        params += mods
        if flt.source is not None:
            where.append("source = (SELECT n FROM sources WHERE id = ?)")
            params.append(flt.source)
        if flt.since is not None:
            where.append("published >= ?")
            params.append(flt.since.isoformat())
        if flt.until is not None:
            where.append("published <= ?")
            params.append(flt.until.isoformat())
        cond = " AND ".join(where)
        grouped = (
            f"SELECT {_AGGREGATE_COLUMNS} FROM claims WHERE {cond} "  # noqa: S608
            "GROUP BY subject, relation, object HAVING count(DISTINCT source) >= ?"
        )
        params.append(flt.min_sources)
        body = grouped
        count = f"SELECT count(*) FROM ({grouped})"  # noqa: S608
    page_sql = f"{body} {ORDER}"
    page_params: list[Any] = []
    windowed = False
    if paged:
        if not uses_summary(flt):
            # one aggregation for the page and its total (the last column)
            page_sql = f"SELECT *, count(*) OVER () FROM ({body}) {ORDER}"  # noqa: S608
            windowed = True
        page_sql += " LIMIT ? OFFSET ?"
        page_params = [flt.limit, flt.offset]
    return EdgeQuery(page_sql, count, params, page_params, windowed)


_RELATION = {r.value: r for r in Relation}


def record_from_row(row: tuple[Any, ...], interned: dict[Any, Any]) -> EdgeRecord:
    """An EdgeRecord from a row in the column layout above; `interned` shares equal
    ids, dates and count tuples between records (graphs of many edges)."""
    def share(value: Any) -> Any:
        return interned.setdefault(value, value)

    first = share(date.fromisoformat(row[5])) if row[5] else None
    last = share(date.fromisoformat(row[6])) if row[6] else None
    return EdgeRecord(share(row[0]), _RELATION[row[1]], share(row[2]), row[3], row[4],
                      first, last, share(tuple(row[7:12])))


def edge_from_row(row: tuple[Any, ...]) -> Edge:
    """An Edge from a row in the column layout above."""
    counts = row[7:12]
    return Edge(
        subject=row[0],
        relation=Relation(row[1]),
        object=row[2],
        claims=row[3],
        sources=row[4],
        first_seen=date.fromisoformat(row[5]) if row[5] else None,
        last_seen=date.fromisoformat(row[6]) if row[6] else None,
        modalities={m: int(n) for m, n in zip(MODALITY_ORDER, counts, strict=True) if n},
    )
