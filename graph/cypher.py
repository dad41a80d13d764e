"""Every Cypher statement the Neo4j backend runs, as named constants and builders.

Values always travel as `$parameters`. The only text ever spliced into a statement
is (a) a relationship type taken from the relation taxonomy (`graph.relations`),
checked against it here, (b) a fixed WHERE fragment chosen by which filters are set,
and (c) the hop bound of a variable-length pattern, an int checked against
`MAX_PATH_HOPS` (Cypher accepts no parameter there).

Graph shape::

    (:Claim)-[:SUBJECT]->(:Actor)   (:Claim)-[:OBJECT]->(:Actor)   (:Claim)-[:CITES]->(:Source)
    (:Actor)-[:SUPPORTS|FUNDS|... {claims, sources, first_seen, last_seen,
                                   asserted, reported}]->(:Actor)
    (:MergedActor {id})-[:MERGED_INTO]->(:Actor)

A Claim node also holds `subject`, `object` and `source` ids, so aggregation reads one
node per claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from graph.relations import RELATIONS, Relation

MAX_PATH_HOPS: Final = 6

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
    "CREATE INDEX claim_subject IF NOT EXISTS FOR (c:Claim) ON (c.subject)",
    "CREATE INDEX claim_object IF NOT EXISTS FOR (c:Claim) ON (c.object)",
    "CREATE INDEX claim_source IF NOT EXISTS FOR (c:Claim) ON (c.source)",
    "CREATE INDEX source_published IF NOT EXISTS FOR (s:Source) ON (s.published)",
)

SHOW_CONSTRAINTS: Final = (
    "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type "
    "RETURN name, labelsOrTypes, properties, type"
)

PING: Final = "RETURN 1 AS ok"

# --- actors -------------------------------------------------------------------------

RESOLVE_IDS: Final = """
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
OPTIONAL MATCH (:MergedActor {id: id})-[:MERGED_INTO]->(k:Actor)
RETURN id, coalesce(a.id, k.id) AS resolved
"""

ACTOR_FIELDS: Final = (
    "a.id AS id, a.name AS name, a.aliases AS aliases, a.kind AS kind, "
    "a.country AS country, a.wikidata AS wikidata, a.description AS description"
)

GET_ACTORS: Final = f"""
UNWIND $ids AS id
MATCH (a:Actor {{id: id}})
RETURN {ACTOR_FIELDS}, a.alias_keys AS alias_keys
"""

CREATE_ACTORS: Final = """
UNWIND $rows AS row
CREATE (a:Actor {id: row.id})
SET a.name = row.name, a.aliases = row.aliases, a.alias_keys = row.alias_keys,
    a.kind = row.kind, a.country = row.country, a.wikidata = row.wikidata,
    a.description = row.description, a.merged_ids = []
"""

SET_ALIASES: Final = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.aliases = row.aliases, a.alias_keys = row.alias_keys
"""

UPDATE_ACTORS: Final = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.name = row.name, a.aliases = row.aliases, a.alias_keys = row.alias_keys,
    a.kind = row.kind, a.country = row.country, a.wikidata = row.wikidata,
    a.description = row.description
"""

COUNT_ACTORS: Final = """
MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
RETURN count(a) AS total
"""

LIST_ACTORS: Final = f"""
MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
WITH a ORDER BY toLower(a.name), a.id SKIP $offset LIMIT $limit
RETURN {ACTOR_FIELDS}
"""

# Rank 0: a name or alias equals the query; 1: starts with it; 2: contains it.
SEARCH_ACTORS: Final = f"""
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind) AND any(k IN a.alias_keys WHERE k CONTAINS $q)
WITH a, reduce(best = 2, k IN a.alias_keys |
    CASE WHEN k = $q THEN 0
         WHEN k STARTS WITH $q AND best > 1 THEN 1
         ELSE best END) AS rank
ORDER BY rank, toLower(a.name), a.id
WITH collect({{a: a, rank: rank}}) AS hits
UNWIND hits[$offset..$offset + $limit] AS hit
WITH hit.a AS a, size(hits) AS total
RETURN {ACTOR_FIELDS}, total
"""

COUNT_SEARCH: Final = """
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind) AND any(k IN a.alias_keys WHERE k CONTAINS $q)
RETURN count(a) AS total
"""

# --- sources ------------------------------------------------------------------------

SOURCE_INFO_FIELDS: Final = (
    "s.id AS id, s.title AS title, s.author AS author, s.publisher AS publisher, "
    "s.url AS url, s.published AS published, s.retrieved AS retrieved, "
    "s.media_type AS media_type, s.loader AS loader"
)

SOURCE_MAP: Final = (
    "s {.id, .title, .author, .publisher, .url, .published, .retrieved, .media_type, .loader}"
)

SOURCE_EXISTS: Final = "MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS found"

CREATE_SOURCE: Final = """
CREATE (s:Source {id: $row.id})
SET s.title = $row.title, s.author = $row.author, s.publisher = $row.publisher,
    s.url = $row.url, s.published = $row.published, s.retrieved = $row.retrieved,
    s.media_type = $row.media_type, s.loader = $row.loader, s.text = $row.text
"""

GET_SOURCE: Final = f"MATCH (s:Source {{id: $id}}) RETURN {SOURCE_INFO_FIELDS}, s.text AS text"

COUNT_SOURCES: Final = "MATCH (s:Source) RETURN count(s) AS total"

LIST_SOURCES: Final = f"""
MATCH (s:Source)
WITH s ORDER BY s.published DESC, s.retrieved DESC, s.id SKIP $offset LIMIT $limit
RETURN {SOURCE_INFO_FIELDS}
"""

# --- claims -------------------------------------------------------------------------

CREATE_CLAIMS: Final = """
UNWIND $rows AS row
MATCH (s:Actor {id: row.subject}), (o:Actor {id: row.object}), (src:Source {id: row.source})
CREATE (c:Claim {id: row.id})
SET c += row
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:CITES]->(src)
"""

CLAIM_FIELDS: Final = (
    "c.id AS id, c.subject AS subject, c.relation AS relation, c.object AS object, "
    "c.source AS source, c.quote AS quote, c.start AS start, c.end AS end, "
    "c.modality AS modality, c.attributed_to AS attributed_to, c.confidence AS confidence, "
    "c.extractor AS extractor, c.page AS page, c.valid_from AS valid_from, "
    "c.valid_to AS valid_to, c.created AS created"
)

EVIDENCE: Final = f"""
MATCH (c:Claim)
WHERE c.subject = $subject AND c.object = $object AND c.relation = $relation
  AND c.modality IN $modalities
MATCH (c)-[:CITES]->(s:Source)
RETURN properties(c) AS claim, {SOURCE_MAP} AS source
ORDER BY s.published IS NULL, s.published, s.id, c.start, c.id
"""

CLAIMS_PAGE: Final = f"""
MATCH (c:Claim)
WHERE $source IS NULL OR c.source = $source
WITH c ORDER BY c.source, c.start, c.id SKIP $offset LIMIT $limit
RETURN {CLAIM_FIELDS}
"""

COUNT_CLAIMS: Final = """
MATCH (c:Claim) WHERE $source IS NULL OR c.source = $source
RETURN count(c) AS total
"""

# --- derived actor-to-actor relationships -------------------------------------------

TRIPLE_COUNTS: Final = """
UNWIND $rows AS row
OPTIONAL MATCH (c:Claim {subject: row.subject, relation: row.relation, object: row.object})
WHERE c.modality IN $counted
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
  WHERE c.modality IN $counted
  MATCH (c)-[:CITES]->(src:Source)
  WITH count(c) AS claims, count(DISTINCT src) AS sources,
       min(src.published) AS first_seen, max(src.published) AS last_seen,
       sum(CASE c.modality WHEN 'asserted' THEN 1 ELSE 0 END) AS asserted,
       sum(CASE c.modality WHEN 'reported' THEN 1 ELSE 0 END) AS reported
  WHERE claims > 0
  CREATE (s)-[r:{t}]->(o)
  SET r.claims = claims, r.sources = sources, r.first_seen = first_seen,
      r.last_seen = last_seen, r.asserted = asserted, r.reported = reported
}}
"""


def relationships_between(relations: Iterable[Relation]) -> str:
    """Every derived relationship of the given relations, for checks and stats."""
    types = "|".join(rel_type(r) for r in sorted(set(relations)))
    return f"""
MATCH (s:Actor)-[r:{types}]->(o:Actor)
RETURN s.id AS subject, type(r) AS type, o.id AS object, r.claims AS claims,
       r.sources AS sources, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.asserted AS asserted, r.reported AS reported
ORDER BY subject, type, object
"""


# --- retract ------------------------------------------------------------------------

SOURCE_TRIPLES: Final = """
MATCH (c:Claim {source: $id})
RETURN DISTINCT c.subject AS subject, c.relation AS relation, c.object AS object
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
RETURN DISTINCT c.subject AS subject, c.relation AS relation, c.object AS object
"""

# Claims between the two actors would become self-loops: they are dropped.
DROP_SELF_CLAIMS: Final = """
MATCH (c:Claim)
WHERE (c.subject = $keep AND c.object = $merge) OR (c.subject = $merge AND c.object = $keep)
DETACH DELETE c
RETURN count(*) AS dropped
"""

MOVE_SUBJECT_CLAIMS: Final = """
MATCH (k:Actor {id: $keep})
MATCH (c:Claim {subject: $merge})-[r:SUBJECT]->(:Actor)
DELETE r
CREATE (c)-[:SUBJECT]->(k)
SET c.subject = $keep
RETURN count(c) AS moved
"""

MOVE_OBJECT_CLAIMS: Final = """
MATCH (k:Actor {id: $keep})
MATCH (c:Claim {object: $merge})-[r:OBJECT]->(:Actor)
DELETE r
CREATE (c)-[:OBJECT]->(k)
SET c.object = $keep
RETURN count(c) AS moved
"""

# Symmetric relations keep subject < object (as Claim does).
REORDER_SYMMETRIC: Final = """
MATCH (c:Claim)-[rs:SUBJECT]->(s:Actor), (c)-[ro:OBJECT]->(o:Actor)
WHERE c.relation IN $symmetric AND (c.subject = $keep OR c.object = $keep) AND s.id > o.id
DELETE rs, ro
CREATE (c)-[:SUBJECT]->(o), (c)-[:OBJECT]->(s)
SET c.subject = o.id, c.object = s.id
"""

FOLD_ACTOR: Final = """
MATCH (k:Actor {id: $keep}), (m:Actor {id: $merge})
SET k.aliases = $aliases, k.alias_keys = $alias_keys,
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
    """Which optional filters an edge aggregation applies (their values are params)."""

    subject: bool = False
    object: bool = False
    actor: bool = False
    source: bool = False
    since: bool = False
    until: bool = False
    any_of: bool = False  # either end in $any_of
    both_in: bool = False  # both ends in $both_in


def _claim_where(q: EdgeQuery) -> str:
    parts = ["c.relation IN $relations", "c.modality IN $modalities"]
    if q.subject:
        parts.append("c.subject = $subject")
    if q.object:
        parts.append("c.object = $object")
    if q.actor:
        parts.append("(c.subject = $actor OR c.object = $actor)")
    if q.source:
        parts.append("c.source = $source")
    if q.any_of:
        parts.append("(c.subject IN $any_of OR c.object IN $any_of)")
    if q.both_in:
        parts.append("c.subject IN $both_in AND c.object IN $both_in")
    return " AND ".join(parts)


def _source_where(q: EdgeQuery) -> str:
    parts = []
    if q.since:
        parts.append("src.published >= $since")
    if q.until:
        parts.append("src.published <= $until")
    return ("WHERE " + " AND ".join(parts)) if parts else ""


def _aggregate(q: EdgeQuery) -> str:
    return f"""
MATCH (c:Claim)
WHERE {_claim_where(q)}
MATCH (c)-[:CITES]->(src:Source)
{_source_where(q)}
WITH c.subject AS subject, c.relation AS relation, c.object AS object,
     count(c) AS claims, count(DISTINCT src.id) AS sources,
     min(src.published) AS first_seen, max(src.published) AS last_seen,
     collect(c.modality) AS modalities
WHERE sources >= $min_sources
"""


EDGE_ROW: Final = (
    "{subject: subject, relation: relation, object: object, claims: claims, sources: sources, "
    "first_seen: first_seen, last_seen: last_seen, modalities: modalities}"
)
EDGE_ORDER: Final = "ORDER BY sources DESC, claims DESC, subject, relation, object"


def edges_page(q: EdgeQuery) -> str:
    """One page of aggregated edges, most sources first, with the total count."""
    return f"""{_aggregate(q)}
WITH subject, relation, object, claims, sources, first_seen, last_seen, modalities
{EDGE_ORDER}
WITH collect({EDGE_ROW}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
"""


def edges_all(q: EdgeQuery) -> str:
    """Every aggregated edge the filter admits, in page order."""
    return f"""{_aggregate(q)}
RETURN subject, relation, object, claims, sources, first_seen, last_seen, modalities
{EDGE_ORDER}
"""


def paths(relations: Iterable[Relation], max_hops: int) -> str:
    """Simple undirected paths over the derived relationships, shortest first."""
    if not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_PATH_HOPS:
        raise ValueError(f"max_hops must be an int in 1..{MAX_PATH_HOPS}")
    types = "|".join(rel_type(r) for r in sorted(set(relations)))
    return f"""
MATCH (a:Actor {{id: $start}}), (b:Actor {{id: $end}})
MATCH p = (a)-[rels:{types}*1..{max_hops}]-(b)
WHERE all(r IN rels WHERE r.sources >= $min_sources)
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, rels, reduce(total = 0, r IN rels | total + r.claims) AS evidence
WITH p, evidence,
     [r IN rels | {{subject: startNode(r).id, type: type(r), object: endNode(r).id,
                   claims: r.claims, sources: r.sources, first_seen: r.first_seen,
                   last_seen: r.last_seen, asserted: r.asserted, reported: r.reported}}] AS hops
RETURN [n IN nodes(p) | n.id] AS actors, hops
ORDER BY length(p), evidence DESC, actors, [h IN hops | h.type]
LIMIT $limit
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

CLEAR: Final = """
MATCH (n) WHERE n:Actor OR n:Source OR n:Claim OR n:MergedActor
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
"""
