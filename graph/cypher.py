"""Every Cypher statement the Neo4j backend runs, as named constants and builders.

Values always travel as `$parameters`. The only text ever spliced into a statement
is (a) a relationship type taken from the relation taxonomy (`graph.relations`),
checked against it here, and (b) a fixed WHERE fragment chosen by which filters are
set. Path searches use no variable-length pattern: they expand one bounded ring at a
time (graph/path_search.py).

Graph shape::

    (:Claim)-[:SUBJECT]->(:Actor)   (:Claim)-[:OBJECT]->(:Actor)   (:Claim)-[:CITES]->(:Source)
    (:Actor)-[:SUPPORTS|FUNDS|... {claims, sources, first_seen, last_seen,
                                   asserted, reported, subject, object,
                                   rank_in, rank_out}]->(:Actor)
    (:MergedActor {id})-[:MERGED_INTO]->(:Actor)

A Claim node also holds `subject`, `object` and `source` ids, so aggregation reads one
node per claim, and its evidence `rank` (its source's date, the source, its place).
A derived relationship holds its ends' ids and its page ranks (`edge_ranks`), so a
page of an actor's supporters is read off a relationship index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final

from graph.relations import RELATIONS, Relation

REL_TYPES: Final[dict[Relation, str]] = {r: i.neo4j_type for r, i in RELATIONS.items()}
RELATION_OF_TYPE: Final[dict[str, Relation]] = {t: r for r, t in REL_TYPES.items()}


def rel_type(relation: Relation) -> str:
    """The relationship type of a relation, from the taxonomy only."""
    t = REL_TYPES[Relation(relation)]
    if not t.replace("_", "").isalpha() or not t.isupper():  # the taxonomy is code, but be sure
        raise ValueError(f"bad relationship type in the taxonomy: {t!r}")
    return t


# --- schema -----------------------------------------------------------------------

SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE",
    "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE",
    "CREATE CONSTRAINT merged_actor_id IF NOT EXISTS FOR (m:MergedActor) REQUIRE m.id IS UNIQUE",
    "CREATE INDEX actor_alias_keys IF NOT EXISTS FOR (a:Actor) ON (a.alias_keys)",
    "CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)",
    "CREATE INDEX claim_relation IF NOT EXISTS FOR (c:Claim) ON (c.relation)",
    # A triple's claims in evidence order (`rank`): a page is read off the index.
    "CREATE INDEX claim_evidence IF NOT EXISTS "
    "FOR (c:Claim) ON (c.subject, c.relation, c.object, c.rank)",
    "DROP INDEX claim_triple IF EXISTS",  # schema 1: claim_evidence serves its queries
    "CREATE INDEX claim_subject IF NOT EXISTS FOR (c:Claim) ON (c.subject)",
    "CREATE INDEX claim_object IF NOT EXISTS FOR (c:Claim) ON (c.object)",
    "CREATE INDEX claim_source IF NOT EXISTS FOR (c:Claim) ON (c.source)",
    "CREATE INDEX source_published IF NOT EXISTS FOR (s:Source) ON (s.published)",
    # Per relationship type: one end's relationships in page order (`edge_ranks`).
    *(f"CREATE INDEX {t.lower()}_{way} IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.{end}, r.rank_{way})"
      for t in sorted(REL_TYPES.values()) for way, end in (("in", "object"), ("out", "subject"))),
)

# Schema 2 gave every claim its evidence `rank` (see `evidence_rank`), schema 3 every
# derived relationship its ends' ids and page ranks (`edge_ranks`). The version is
# kept on one (:AllegianceSchema) node; an older store is brought up to it on open.
SCHEMA_VERSION: Final = 3

GET_SCHEMA_VERSION: Final = "MATCH (m:AllegianceSchema) RETURN max(m.version) AS version"

SET_SCHEMA_VERSION: Final = """
MERGE (m:AllegianceSchema {key: 'schema'})
SET m.version = $version
"""

# The Cypher twin of `graph.neo4j_rows.evidence_rank` (both must agree).
RANK_CLAIMS: Final = """
MATCH (c:Claim)-[:CITES]->(s:Source)
WHERE c.rank IS NULL
CALL (c, s) {
  SET c.rank = coalesce(toString(s.published), '~') + '|' + s.id + '|'
             + right('0000000000' + toString(c.start), 10) + '|' + c.id
} IN TRANSACTIONS OF 10000 ROWS
"""

# Ranks pad counts to this many digits, inverted: more sources/claims sort first.
RANK_DIGITS: Final = 10
_RANK_TOP: Final = 10**RANK_DIGITS - 1


def _inverted(count: str) -> str:
    return f"right('{'0' * RANK_DIGITS}' + toString({_RANK_TOP} - {count}), {RANK_DIGITS})"


def edge_ranks(r: str) -> str:
    """A SET clause giving relationship `r` its page ranks: sources (inverted), claims
    (inverted), then the id of the far end, as one string. Among the relationships
    of one type into an actor, `rank_in` sorts as the page does (sources DESC,
    claims DESC, subject); `rank_out` likewise out of an actor (object last).
    `r.subject` and `r.object` must be set."""
    head = f"{_inverted(f'{r}.sources')} + {_inverted(f'{r}.claims')}"
    return f"SET {r}.rank_in = {head} + {r}.subject, {r}.rank_out = {head} + {r}.object"


def rank_below(min_sources: int) -> str:
    """The least rank (either way) of a relationship with fewer than `min_sources`
    sources: those with at least that many rank below it."""
    return str(_RANK_TOP - max(min_sources, 1) + 1).zfill(RANK_DIGITS)


# Schema 3: the ends' ids and the page ranks of every derived relationship.
RANK_EDGES: Final = f"""
MATCH (s:Actor)-[r:{"|".join(sorted(REL_TYPES.values()))}]->(o:Actor)
WHERE r.rank_in IS NULL OR r.rank_out IS NULL
CALL (r, s, o) {{
  SET r.subject = s.id, r.object = o.id
  {edge_ranks("r")}
}} IN TRANSACTIONS OF 10000 ROWS
"""

SHOW_CONSTRAINTS: Final = (
    "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type "
    "RETURN name, labelsOrTypes, properties, type"
)

PING: Final = "RETURN 1 AS ok"

# --- actors -------------------------------------------------------------------------
# An actor keeps every name it has had, in order (`names`, its first name first), with
# their folded forms (`alias_keys`) for matching; `aliases` are the names other than
# `name`, kept for people browsing the graph.

RESOLVE_IDS: Final = """
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
OPTIONAL MATCH (:MergedActor {id: id})-[:MERGED_INTO]->(k:Actor)
RETURN id, coalesce(a.id, k.id) AS resolved, coalesce(a.alias_keys, k.alias_keys) AS keys
"""

ACTOR_MAP: Final = "a {.id, .name, .names, .alias_keys, .kind, .country, .wikidata, .description}"

GET_ACTORS: Final = f"""
UNWIND $ids AS id
MATCH (a:Actor {{id: id}})
RETURN {ACTOR_MAP} AS actor
"""

CREATE_ACTORS: Final = """
UNWIND $rows AS row
CREATE (a:Actor {id: row.id})
SET a += row
"""

SET_NAMES: Final = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.names = row.names, a.alias_keys = row.alias_keys, a.aliases = row.aliases
"""

UPDATE_ACTORS: Final = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.name = row.name, a.kind = row.kind, a.country = row.country,
    a.wikidata = row.wikidata, a.description = row.description
"""

SUGGEST_BY_KEY: Final = """
MATCH (a:Actor) WHERE $key IN a.alias_keys
RETURN a.id AS id ORDER BY id LIMIT $limit
"""

ALL_ACTOR_IDS: Final = "MATCH (a:Actor) RETURN a.id AS id"

COUNT_ACTORS: Final = """
MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
RETURN count(a) AS total
"""

LIST_ACTORS: Final = f"""
MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
WITH a ORDER BY a.id SKIP $offset LIMIT $limit
RETURN {ACTOR_MAP} AS actor
"""

# Rank 0: a name equals the query; 1: a name starts with it; 2: one contains it.
SEARCH_ACTORS: Final = f"""
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind) AND any(k IN a.alias_keys WHERE k CONTAINS $q)
WITH a, reduce(best = 2, k IN a.alias_keys |
    CASE WHEN k = $q THEN 0
         WHEN k STARTS WITH $q AND best > 1 THEN 1
         ELSE best END) AS rank
ORDER BY rank, a.id
SKIP $offset LIMIT $limit
RETURN {ACTOR_MAP} AS actor
"""

COUNT_SEARCH: Final = """
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind) AND any(k IN a.alias_keys WHERE k CONTAINS $q)
RETURN count(a) AS total
"""

# --- sources ------------------------------------------------------------------------

SOURCE_MAP: Final = (
    "s {.id, .title, .author, .publisher, .url, .published, .retrieved, .media_type, .loader}"
)

SOURCE_EXISTS: Final = "MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS found"

SUGGEST_SOURCES: Final = """
MATCH (s:Source) WHERE s.id CONTAINS $text
RETURN s.id AS id ORDER BY id LIMIT $limit
"""

CREATE_SOURCE: Final = """
CREATE (s:Source {id: $row.id})
SET s += $row
"""

GET_SOURCE: Final = f"MATCH (s:Source {{id: $id}}) RETURN {SOURCE_MAP} AS source, s.text AS text"

COUNT_SOURCES: Final = "MATCH (s:Source) RETURN count(s) AS total"

LIST_SOURCES: Final = f"""
MATCH (s:Source)
WITH s ORDER BY s.retrieved DESC, s.id SKIP $offset LIMIT $limit
RETURN {SOURCE_MAP} AS source
"""

# --- claims -------------------------------------------------------------------------

CLAIM_PROPERTIES: Final = (
    "id", "subject", "relation", "object", "source", "quote", "start", "end", "modality",
    "attributed_to", "confidence", "extractor", "page", "valid_from", "valid_to", "created",
    "rank",
)

# Every property named (a null one is not stored): with `SET c += row` the planner
# must assume the map may touch what the MATCH reads, and adds an Eager.
CREATE_CLAIMS: Final = f"""
UNWIND $rows AS row
MATCH (s:Actor {{id: row.subject}}), (o:Actor {{id: row.object}}), (src:Source {{id: row.source}})
CREATE (c:Claim {{{", ".join(f"`{k}`: row.`{k}`" for k in CLAIM_PROPERTIES)}}})
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:CITES]->(src)
"""

# A triple's claims come off the claim_evidence index already in page order (ORDER BY
# names every indexed property, so no sort): a page reads only its own claims and
# those it skips, not every claim of a heavy edge. `$modalities` null: all of them.
_TRIPLE_CLAIMS: Final = """
MATCH (c:Claim)
WHERE c.subject = $subject AND c.relation = $relation AND c.object = $object
  AND c.rank IS NOT NULL AND ($modalities IS NULL OR c.modality IN $modalities)
"""

# The page and the total in one round trip.
EVIDENCE_PAGE: Final = f"""
CALL () {{{_TRIPLE_CLAIMS}RETURN count(c) AS total
}}
CALL () {{{_TRIPLE_CLAIMS}WITH c ORDER BY c.subject, c.relation, c.object, c.rank
  SKIP $offset LIMIT $limit
  MATCH (c)-[:CITES]->(s:Source)
  RETURN collect({{claim: properties(c), source: {SOURCE_MAP}}}) AS items
}}
RETURN total, items
"""

CLAIMS_PAGE: Final = """
MATCH (c:Claim)
WHERE $source IS NULL OR c.source = $source
WITH c ORDER BY c.id SKIP $offset LIMIT $limit
RETURN properties(c) AS claim
"""

COUNT_CLAIMS: Final = """
MATCH (c:Claim) WHERE $source IS NULL OR c.source = $source
RETURN count(c) AS total
"""

# --- derived actor-to-actor relationships -------------------------------------------

TRIPLE_COUNTS: Final = """
UNWIND $rows AS row
OPTIONAL MATCH (c:Claim {subject: row.subject, relation: row.relation, object: row.object})
WHERE c.rank IS NOT NULL AND c.modality IN $counted
RETURN row.subject AS subject, row.relation AS relation, row.object AS object,
       count(c) AS claims
"""


def refresh_relationships(relation: Relation) -> str:
    """Drop and rebuild the derived relationship of `relation` for each row
    {subject, object}, from the counted claims (none left: no relationship)."""
    t = rel_type(relation)
    return f"""
UNWIND $rows AS row
MATCH (s:Actor {{id: row.subject}}), (o:Actor {{id: row.object}})
OPTIONAL MATCH (s)-[old:{t}]->(o)
DELETE old
WITH DISTINCT s, o
CALL (s, o) {{
  MATCH (c:Claim {{subject: s.id, relation: $relation, object: o.id}})
  WHERE c.rank IS NOT NULL AND c.modality IN $counted
  MATCH (c)-[:CITES]->(src:Source)
  WITH count(c) AS claims, count(DISTINCT src) AS sources,
       min(src.published) AS first_seen, max(src.published) AS last_seen,
       sum(CASE c.modality WHEN 'asserted' THEN 1 ELSE 0 END) AS asserted,
       sum(CASE c.modality WHEN 'reported' THEN 1 ELSE 0 END) AS reported
  WHERE claims > 0
  CREATE (s)-[r:{t}]->(o)
  SET r.claims = claims, r.sources = sources, r.first_seen = first_seen,
      r.last_seen = last_seen, r.asserted = asserted, r.reported = reported,
      r.subject = s.id, r.object = o.id
  {edge_ranks("r")}
}}
"""


def add_to_relationships(relations: Iterable[Relation]) -> str:
    """Add one new source's counted claims to the derived relationships, all types in
    one statement: `$rows` maps each relationship type to rows {subject, object,
    claims, asserted, reported} of that source's counts (a type with no rows: an
    empty list); `$published` is its date (a new source adds exactly one to
    `sources`)."""
    blocks = []
    for t in sorted(rel_type(r) for r in set(relations)):
        blocks.append(f"""CALL () {{
  UNWIND $rows.{t} AS row
  MATCH (s:Actor {{id: row.subject}}), (o:Actor {{id: row.object}})
  MERGE (s)-[r:{t}]->(o)
  ON CREATE SET r.claims = 0, r.sources = 0, r.asserted = 0, r.reported = 0,
                r.subject = row.subject, r.object = row.object
  SET r.claims = r.claims + row.claims, r.sources = r.sources + 1,
      r.asserted = r.asserted + row.asserted, r.reported = r.reported + row.reported,
      r.first_seen = CASE WHEN $published IS NOT NULL
                           AND (r.first_seen IS NULL OR $published < r.first_seen)
                          THEN $published ELSE r.first_seen END,
      r.last_seen = CASE WHEN $published IS NOT NULL
                          AND (r.last_seen IS NULL OR $published > r.last_seen)
                         THEN $published ELSE r.last_seen END
  {edge_ranks("r")}
}}""")
    return "\n".join(blocks) + "\n"


HOP_MAP: Final = (
    "{subject: startNode(r).id, type: type(r), object: endNode(r).id, claims: r.claims, "
    "sources: r.sources, first_seen: r.first_seen, last_seen: r.last_seen, "
    "asserted: r.asserted, reported: r.reported}"
)


def relationships(relations: Iterable[Relation]) -> str:
    """Every derived relationship of the given relations."""
    types = "|".join(rel_type(r) for r in sorted(set(relations)))
    return f"MATCH (:Actor)-[r:{types}]->(:Actor) RETURN {HOP_MAP} AS hop"


def count_relationships(relations: Iterable[Relation]) -> str:
    types = "|".join(rel_type(r) for r in sorted(set(relations)))
    return f"MATCH (:Actor)-[r:{types}]->(:Actor) RETURN count(r) AS total"


def actor_edge_counts(relations: Iterable[Relation]) -> str:
    """The derived relationships touching $actor (either way), and their claims."""
    types = "|".join(rel_type(r) for r in sorted(set(relations)))
    return f"""
MATCH (:Actor {{id: $actor}})-[r:{types}]-(:Actor)
WITH DISTINCT r WHERE r.sources >= 1
RETURN count(r) AS edges, coalesce(sum(r.claims), 0) AS claims
"""


# --- retract ------------------------------------------------------------------------

SOURCE_TRIPLES: Final = """
MATCH (c:Claim {source: $id})
RETURN c.subject AS subject, c.relation AS relation, c.object AS object,
       max(CASE WHEN c.modality IN $counted THEN 1 ELSE 0 END) = 1 AS counted
"""

DELETE_SOURCE: Final = """
MATCH (s:Source {id: $id})
OPTIONAL MATCH (c:Claim {source: $id})
WITH s, collect(c) AS claims
FOREACH (c IN claims | DETACH DELETE c)
DETACH DELETE s
RETURN size(claims) AS removed
"""

# --- merge --------------------------------------------------------------------------

MERGE_TRIPLES: Final = """
MATCH (c:Claim) WHERE c.subject = $merge OR c.object = $merge
RETURN c.subject AS subject, c.relation AS relation, c.object AS object, count(c) AS claims
"""

# Claims between the two actors would join the kept one to itself: they are dropped.
DROP_SELF_CLAIMS: Final = """
OPTIONAL MATCH (c:Claim)
WHERE (c.subject = $keep AND c.object = $merge) OR (c.subject = $merge AND c.object = $keep)
DETACH DELETE c
RETURN count(c) AS dropped
"""

MOVE_SUBJECT_CLAIMS: Final = """
MATCH (k:Actor {id: $keep})
MATCH (c:Claim {subject: $merge})-[r:SUBJECT]->(:Actor)
DELETE r
CREATE (c)-[:SUBJECT]->(k)
SET c.subject = $keep
"""

MOVE_OBJECT_CLAIMS: Final = """
MATCH (k:Actor {id: $keep})
MATCH (c:Claim {object: $merge})-[r:OBJECT]->(:Actor)
DELETE r
CREATE (c)-[:OBJECT]->(k)
SET c.object = $keep
"""

# Symmetric relations keep subject < object (as Claim does).
REORDER_SYMMETRIC: Final = """
MATCH (c:Claim)-[rs:SUBJECT]->(s:Actor), (c)-[ro:OBJECT]->(o:Actor)
WHERE c.relation IN $symmetric AND (c.subject = $keep OR c.object = $keep) AND s.id > o.id
DELETE rs, ro
CREATE (c)-[:SUBJECT]->(o), (c)-[:OBJECT]->(s)
SET c.subject = o.id, c.object = s.id
"""

# A moved claim that repeats another (same source, triple and span) is dropped; the
# one with the smallest id stays.
DROP_REPEATED_CLAIMS: Final = """
MATCH (c:Claim) WHERE c.subject = $keep OR c.object = $keep
WITH c ORDER BY c.id
WITH c.source AS src, c.subject AS s, c.relation AS r, c.object AS o, c.start AS a,
     c.end AS b, collect(c) AS same
WHERE size(same) > 1
UNWIND same[1..] AS extra
DETACH DELETE extra
RETURN count(*) AS dropped
"""

FOLD_ACTOR: Final = """
MATCH (k:Actor {id: $keep}), (m:Actor {id: $merge})
SET k.names = $names, k.alias_keys = $alias_keys, k.aliases = $aliases,
    k.merged_ids = coalesce(k.merged_ids, []) + [$merge] + coalesce(m.merged_ids, []),
    k.country = coalesce(k.country, m.country), k.wikidata = coalesce(k.wikidata, m.wikidata),
    k.description = coalesce(k.description, m.description)
WITH k, m
OPTIONAL MATCH (old:MergedActor)-[r:MERGED_INTO]->(m)
DELETE r
WITH k, m, collect(old) AS olds
FOREACH (o IN olds | CREATE (o)-[:MERGED_INTO]->(k))
MERGE (gone:MergedActor {id: $merge})
MERGE (gone)-[:MERGED_INTO]->(k)
DETACH DELETE m
"""

# --- reads over edges ---------------------------------------------------------------


@dataclass(frozen=True)
class EdgeQuery:
    """Which optional filters an edge query applies (their values are params), and
    whether it reads the derived relationships (`summary`: counted modalities only,
    no source or date bound) or aggregates the claims."""

    relations: frozenset[Relation]
    summary: bool = False
    subject: bool = False
    object: bool = False
    actor: bool = False
    source: bool = False
    since: bool = False
    until: bool = False
    any_of: bool = False  # either end in $any_of
    both_in: bool = False  # both ends in $both_in
    any_sources: bool = False  # $min_sources <= 1: every derived relationship qualifies


def _end_conditions(q: EdgeQuery, s: str, o: str, symmetric: str) -> list[str]:
    """Conditions on the ends `s`, `o` (id expressions); `symmetric` tests whether
    the edge's relation is symmetric."""
    parts = []
    if q.subject or q.object:
        direct, swapped = [], []
        if q.subject:
            direct.append(f"{s} = $subject")
            swapped.append(f"{o} = $subject")
        if q.object:
            direct.append(f"{o} = $object")
            swapped.append(f"{s} = $object")
        # A symmetric relation is stored once, in id order: match it either way round.
        parts.append(f"(({' AND '.join(direct)}) OR ({symmetric} AND {' AND '.join(swapped)}))")
    if q.actor:
        parts.append(f"({s} = $actor OR {o} = $actor)")
    if q.any_of:
        parts.append(f"({s} IN $any_of OR {o} IN $any_of)")
    if q.both_in:
        parts.append(f"{s} IN $both_in AND {o} IN $both_in")
    return parts


def _aggregate(q: EdgeQuery) -> str:
    where = ["c.relation IN $relations", "c.modality IN $modalities",
             *_end_conditions(q, "c.subject", "c.object", "c.relation IN $symmetric")]
    if q.source:
        where.append("c.source = $source")
    dated = [f for f, on in (("src.published >= $since", q.since),
                             ("src.published <= $until", q.until)) if on]
    return f"""
MATCH (c:Claim)
WHERE {" AND ".join(where)}
MATCH (c)-[:CITES]->(src:Source)
{("WHERE " + " AND ".join(dated)) if dated else ""}
WITH c.subject AS subject, c.relation AS relation, c.object AS object,
     count(c) AS claims, count(DISTINCT src.id) AS sources,
     min(src.published) AS first_seen, max(src.published) AS last_seen,
     sum(CASE c.modality WHEN 'asserted' THEN 1 ELSE 0 END) AS asserted,
     sum(CASE c.modality WHEN 'reported' THEN 1 ELSE 0 END) AS reported,
     sum(CASE c.modality WHEN 'denied' THEN 1 ELSE 0 END) AS denied,
     sum(CASE c.modality WHEN 'prescriptive' THEN 1 ELSE 0 END) AS prescriptive,
     sum(CASE c.modality WHEN 'hypothetical' THEN 1 ELSE 0 END) AS hypothetical
WHERE sources >= $min_sources
"""


def _summary_head(q: EdgeQuery) -> str:
    """The derived relationships `r` (ends `s`, `o`) a summary query admits, found
    either way round from its anchor."""
    types = "|".join(rel_type(r) for r in sorted(q.relations))
    anchor = ("$subject" if q.subject else "$object" if q.object
              else "$actor" if q.actor else None)
    if anchor:
        match = f"MATCH (:Actor {{id: {anchor}}})-[r:{types}]-(:Actor)"
    elif q.any_of:
        match = f"MATCH (x:Actor) WHERE x.id IN $any_of\nMATCH (x)-[r:{types}]-(:Actor)"
    elif q.both_in:
        match = f"MATCH (x:Actor) WHERE x.id IN $both_in\nMATCH (x)-[r:{types}]->(:Actor)"
    else:
        match = f"MATCH (:Actor)-[r:{types}]->(:Actor)"
    where = ["r.sources >= $min_sources",
             *_end_conditions(q, "s.id", "o.id", "type(r) IN $symmetric_types")]
    return f"""
{match}
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS o
WHERE {" AND ".join(where)}"""


def _summary(q: EdgeQuery) -> str:
    return f"""{_summary_head(q)}
WITH s.id AS subject, $relation_of[type(r)] AS relation, o.id AS object,
     r.claims AS claims, r.sources AS sources, r.first_seen AS first_seen,
     r.last_seen AS last_seen, r.asserted AS asserted, r.reported AS reported,
     0 AS denied, 0 AS prescriptive, 0 AS hypothetical
"""


def _edges(q: EdgeQuery) -> str:
    return _summary(q) if q.summary else _aggregate(q)


EDGE_ROW: Final = (
    "{subject: subject, relation: relation, object: object, claims: claims, sources: sources, "
    "first_seen: first_seen, last_seen: last_seen, asserted: asserted, reported: reported, "
    "denied: denied, prescriptive: prescriptive, hypothetical: hypothetical}"
)
EDGE_ORDER: Final = "ORDER BY sources DESC, claims DESC, subject, relation, object"


def _directed(q: EdgeQuery) -> bool:
    """Whether a summary query is anchored at its subject and/or object and has no
    symmetric type (stored in id order, so found either way round)."""
    return (q.subject or q.object) and not any(RELATIONS[r].symmetric for r in q.relations)


def _summary_rows(q: EdgeQuery) -> str:
    """The derived relationships `r` (ends `s`, `o`) a summary query admits. Anchored
    at its subject and/or object with no symmetric type, the pattern is directed: the
    anchor's relationships of the other direction are never read."""
    types = "|".join(rel_type(r) for r in sorted(q.relations))
    if _directed(q):
        s = "(s:Actor {id: $subject})" if q.subject else "(s)"
        o = "(o:Actor {id: $object})" if q.object else "(o)"
        rest = replace(q, subject=False, object=False)  # the pattern holds them
        where = ["r.sources >= $min_sources", *_end_conditions(rest, "s.id", "o.id", "false")]
        return f"MATCH {s}-[r:{types}]->{o}\nWHERE {' AND '.join(where)}"
    return _summary_head(q).strip()


def _ranked_seeks(q: EdgeQuery, then: str) -> str:
    """Per relationship type, its relationships at the anchor (one end, directed, no
    symmetric type) with at least `$min_sources` sources, off the type's index on
    (anchor, rank), in page order; each followed by `then`, all UNIONed."""
    way, end = ("in", "object") if q.object else ("out", "subject")
    return "\nUNION ALL\n".join(f"""MATCH ()-[r:{t}]->()
WHERE r.{end} = ${end} AND r.rank_{way} < $rank_below
{then.format(end=end, way=way, type=t)}""" for t in (rel_type(rel) for rel in sorted(q.relations)))


def _ranked_rows(q: EdgeQuery) -> str:
    """The relationships `r` of a page anchored at one end, in page order: per type,
    the first `$offset + $limit` off its index, already in page order (no sort of the
    anchor's other relationships), then merged by their ranks, which the index
    holds, and relations (only the page's own relationships are read). Into an actor, `rank_in`
    then the relation is the page order (sources, claims, subject, relation); out
    of one, the counts' part of `rank_out`, the relation, then the rest (object)."""
    way = "in" if q.object else "out"
    seeks = _ranked_seeks(q, "WITH r ORDER BY r.{end}, r.rank_{way} LIMIT $offset + $limit\n"
                             "RETURN r, r.rank_{way} AS rank, $relation_of['{type}'] AS relation")
    order = ("rank, relation" if way == "in"
             else f"left(rank, {2 * RANK_DIGITS}), relation, rank")
    return f"""CALL () {{
{seeks}
}}
WITH r, rank, relation
ORDER BY {order}
SKIP $offset LIMIT $limit"""


def _ranked_count(q: EdgeQuery) -> str:
    """How many relationships at the anchor have at least `$min_sources` sources:
    index entries counted, no relationship read."""
    return f"CALL () {{\n{_ranked_seeks(q, 'RETURN count(r) AS n')}\n}}\nRETURN sum(n) AS total"


_PAGE_ITEM: Final = (
    "{subject: subject, relation: relation, object: object, claims: claims, sources: sources,\n"
    " first_seen: r.first_seen, last_seen: r.last_seen, asserted: r.asserted,\n"
    " reported: r.reported, denied: 0, prescriptive: 0, hypothetical: 0}"
)


def _summary_page(q: EdgeQuery) -> str:
    """One page of a summary query and its total: the count reads one property per
    relationship (or none: a degree, index entries), and the page keeps only its own
    rows while it sorts (no list of every edge is built)."""
    rows = _summary_rows(q)
    count = f"{rows}\nRETURN count(r) AS total"
    page = f"""{rows}
WITH r, s.id AS subject, $relation_of[type(r)] AS relation, o.id AS object,
     r.claims AS claims, r.sources AS sources
{EDGE_ORDER}
SKIP $offset LIMIT $limit"""
    one_end = q.subject != q.object and not (q.actor or q.any_of or q.both_in)
    if one_end and _directed(q):
        page = f"""{_ranked_rows(q)}
WITH r, r.subject AS subject, relation, r.object AS object, r.claims AS claims,
     r.sources AS sources"""
        count = _ranked_count(q)
        if q.any_sources:
            # the anchor's degree per type, kept on the node: its edges are not walked
            types = "|".join(rel_type(r) for r in sorted(q.relations))
            pattern = f"(o)<-[:{types}]-()" if q.object else f"(s)-[:{types}]->()"
            anchor = "(o:Actor {id: $object})" if q.object else "(s:Actor {id: $subject})"
            count = f"MATCH {anchor}\nRETURN COUNT {{ {pattern} }} AS total"
    return f"""
CALL () {{
{count}
}}
CALL () {{
{page}
RETURN collect({_PAGE_ITEM}) AS items
}}
RETURN total, items
"""


def edges_page(q: EdgeQuery) -> str:
    """One page of edges, most sources first, with the total count."""
    if q.summary:
        return _summary_page(q)
    return f"""{_edges(q)}
WITH subject, relation, object, claims, sources, first_seen, last_seen, asserted, reported,
     denied, prescriptive, hypothetical
{EDGE_ORDER}
WITH collect({EDGE_ROW}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
"""


def edges_all(q: EdgeQuery) -> str:
    """Every edge the filter admits, in page order."""
    return f"""{_edges(q)}
RETURN {EDGE_ROW} AS edge
{EDGE_ORDER}
"""


def _types(relations: Iterable[Relation]) -> str:
    return "|".join(rel_type(r) for r in sorted(set(relations)))


def neighbour_ring(relations: Iterable[Relation]) -> str:
    """The actors one admitted relationship away from `$frontier` and not in `$seen`
    (a map of ids), each with the sources of those relationships summed: one ring of
    a neighbourhood, scored, without reading the edges themselves."""
    return f"""
MATCH (x:Actor) WHERE x.id IN $frontier
MATCH (x)-[r:{_types(relations)}]-(y:Actor)
WHERE r.sources >= $min_sources AND $seen[y.id] IS NULL
RETURN y.id AS id, sum(r.sources) AS score
"""


def path_ring(relations: Iterable[Relation]) -> str:
    """The neighbours (either direction) of the nodes in `$frontier` over admitted
    relationships: one ring of a breadth-first search, ids only."""
    return f"""
MATCH (x:Actor) WHERE x.id IN $frontier
MATCH (x)-[r:{_types(relations)}]-(y:Actor)
WHERE r.sources >= $min_sources
RETURN DISTINCT y.id AS id
"""


def path_steps(relations: Iterable[Relation]) -> str:
    """The steps u -> v (either direction of an admitted relationship) that may lie
    on a path of `$length` hops: `$ds`/`$de` map node ids to their distance from the
    start/end (known ones), `$ds_bound`/`$de_bound` bound the rest; `$known` are the
    nodes one end of each such step is among."""
    return f"""
MATCH (x:Actor) WHERE x.id IN $known
MATCH (x)-[r:{_types(relations)}]-(y:Actor)
WHERE r.sources >= $min_sources
WITH x.id AS x, y.id AS y
UNWIND [[x, y], [y, x]] AS step
WITH DISTINCT step[0] AS u, step[1] AS v
WHERE coalesce($ds[u], $ds_bound) + 1 + coalesce($de[v], $de_bound) <= $length
RETURN u, v
"""


def hops_between(relations: Iterable[Relation]) -> str:
    """Every admitted relationship joining each pair in `$pairs` (either direction)."""
    return f"""
UNWIND $pairs AS pair
MATCH (x:Actor {{id: pair[0]}})-[r:{_types(relations)}]-(y:Actor {{id: pair[1]}})
WHERE r.sources >= $min_sources
RETURN pair[0] AS a, pair[1] AS b, collect({HOP_MAP}) AS hops
"""


# --- stats and clear ----------------------------------------------------------------

STATS: Final = """
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
RETURN actors, sources, claims
"""

ACTORS_BY_KIND: Final = "MATCH (a:Actor) RETURN a.kind AS key, count(a) AS n"
CLAIMS_BY_MODALITY: Final = "MATCH (c:Claim) RETURN c.modality AS key, count(c) AS n"
CLAIMS_BY_RELATION: Final = "MATCH (c:Claim) RETURN c.relation AS key, count(c) AS n"

CLEAR: Final = """
MATCH (n) WHERE n:Actor OR n:Source OR n:Claim OR n:MergedActor
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
"""
