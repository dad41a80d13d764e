"""The embedded store's schema: versioned migrations, and the check that refuses a
file that is not ours before anything is written to it.

A database is ours when its `meta` table says `application = allegiance`; its
schema version is `meta.schema_version` (mirrored in `PRAGMA user_version`).
Migrations run in order, each in the transaction that records its version.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from graph.errors import StoreCorrupt

APPLICATION = "allegiance"
APPLICATION_ID = 0x414C4C47  # "ALLG" in the SQLite header, for `file` and friends
SQLITE_HEADER = b"SQLite format 3\x00"

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    wikidata TEXT,
    description TEXT
) WITHOUT ROWID;
CREATE INDEX actors_kind ON actors(kind, id);

-- Every name of an actor, its own name first (position 0); `key` is model.fold(name).
CREATE TABLE aliases (
    actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases(key, actor_id);

-- Ids folded into another actor keep resolving to it.
CREATE TABLE merges (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX merges_new ON merges(new_id);

CREATE TABLE sources (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    author TEXT,
    publisher TEXT,
    url TEXT,
    published TEXT,
    retrieved TEXT NOT NULL,
    media_type TEXT NOT NULL,
    loader TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX sources_retrieved ON sources(retrieved, id);

-- `published` copies the source's date so date filters need no join.
CREATE TABLE claims (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL REFERENCES actors(id),
    relation TEXT NOT NULL,
    object TEXT NOT NULL REFERENCES actors(id),
    source INTEGER NOT NULL REFERENCES sources(n) ON DELETE CASCADE,
    published TEXT,
    quote TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    modality TEXT NOT NULL,
    attributed_to TEXT,
    confidence REAL NOT NULL,
    extractor TEXT NOT NULL,
    page INTEGER,
    valid_from TEXT,
    valid_to TEXT,
    created TEXT NOT NULL
);
CREATE INDEX claims_subject ON claims(subject, relation, object, modality);
CREATE INDEX claims_object ON claims(object, relation, modality);
CREATE INDEX claims_relation ON claims(relation, modality);  -- (modality alone: too coarse)
CREATE INDEX claims_source ON claims(source);
CREATE INDEX claims_published ON claims(published);

-- Edges under the default filter (counted modalities), kept in step with claims
-- by every write, so the common queries read a summary instead of aggregating.
CREATE TABLE edges (
    subject TEXT NOT NULL,
    relation TEXT NOT NULL,
    object TEXT NOT NULL,
    claims INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    asserted INTEGER NOT NULL,
    reported INTEGER NOT NULL,
    PRIMARY KEY (subject, relation, object)
) WITHOUT ROWID;
-- Per-actor indexes in page order, so a hub's first page needs no sort.
CREATE INDEX edges_subject ON edges(subject, sources DESC, claims DESC, relation, object);
CREATE INDEX edges_object ON edges(object, sources DESC, claims DESC, subject, relation);
CREATE INDEX edges_relation ON edges(relation);
CREATE INDEX edges_rank ON edges(sources DESC, claims DESC, subject, relation, object);
"""

# A page of a triple's evidence in date order (undated last) without sorting every claim.
_V2 = """
CREATE INDEX claims_evidence ON claims(subject, relation, object, published IS NULL, published);
"""

# One index on a triple's claims instead of two (every index on claims is one more
# B-tree page written per claim at ingest): it serves the evidence page order, and
# counting a triple's claims by modality needs no table row.
_V3 = """
DROP INDEX IF EXISTS claims_evidence;
DROP INDEX claims_subject;
CREATE INDEX claims_triple
    ON claims(subject, relation, object, published IS NULL, published, modality);
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3]
"""Migration N (1-based) brings a store from schema N-1 to N. Append only."""

SCHEMA_VERSION = len(MIGRATIONS)


def refuse(path: Path, why: str) -> StoreCorrupt:
    return StoreCorrupt(f"{path} is not an allegiance database: {why}")


def inspect(path: Path) -> int:
    """The schema version of the store at `path` (0 when it is new or empty).

    Reads only (a read-only connection), so a file that is refused is left exactly
    as it was. Raises StoreCorrupt for a foreign, damaged or newer file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    if path.is_dir():
        raise refuse(path, "it is a directory")
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise refuse(path, "it is not an SQLite file")
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise refuse(path, str(exc)) from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return 0
        if "meta" not in tables:
            raise refuse(path, "it holds other tables and no allegiance marker")
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("application") != APPLICATION:
            raise refuse(path, "its meta table has no allegiance marker")
        try:
            version = int(meta.get("schema_version", ""))
        except ValueError as exc:
            raise refuse(path, "its schema version is unreadable") from exc
        if version > SCHEMA_VERSION:
            raise StoreCorrupt(
                f"{path} was written by a newer allegiance (schema {version}; "
                f"this version reads up to {SCHEMA_VERSION})"
            )
        return version
    except sqlite3.DatabaseError as exc:
        raise refuse(path, str(exc)) from exc
    finally:
        con.close()


def migrate(con: sqlite3.Connection, current: int) -> None:
    """Apply every migration after `current`, each in its own transaction.

    `con` must be in autocommit mode (isolation_level=None).
    """
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN IMMEDIATE")
        try:
            (done,) = con.execute("PRAGMA user_version").fetchone()
            if done >= version:  # another process migrated while we waited for the lock
                con.execute("COMMIT")
                continue
            for statement in _statements(MIGRATIONS[version - 1]):
                con.execute(statement)
            con.execute(
                "INSERT INTO meta(key, value) VALUES ('application', ?), ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (APPLICATION, str(version)),
            )
            # PRAGMA values cannot be bound; both are integers we control.
            con.execute(f"PRAGMA user_version = {int(version)}")
            con.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """A migration script split into statements (none of ours holds a ';' in a string)."""
    lines = [ln for ln in script.splitlines() if not ln.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
