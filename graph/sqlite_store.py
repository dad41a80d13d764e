"""The embedded store: SQLite is the store of record, networkx serves traversal.

Writes go through one connection, guarded by a lock, in autocommit mode with
explicit transactions: every write is one `BEGIN IMMEDIATE ... COMMIT`. Reads use a
connection of their own thread (WAL: readers neither block the writer nor each
other), each read one snapshot. The in-memory graph holds aggregated edges (from the
`edges` summary table), is built on first use and dropped after every write.
sqlite3 errors become graph.errors at this boundary.
"""

from __future__ import annotations

import difflib
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path as FilePath
from typing import Any, Self

import networkx as nx

from graph import analytics
from graph.errors import (
    AllegianceError,
    Conflict,
    InvalidInput,
    NotFound,
    StoreCorrupt,
    StoreError,
    StoreUnavailable,
)
from graph.model import (
    Actor,
    ActorKind,
    Claim,
    Edge,
    Source,
    SourceInfo,
    fold,
)
from graph.relations import Modality, Relation, expand, is_symmetric
from graph.sqlite_bulk import BulkLoad
from graph.sqlite_edges import (
    ADD_SOURCE,
    REFRESH_TOUCHED,
    SYMMETRIC,
    edge_from_row,
    edge_query,
    record_from_row,
    uses_summary,
)
from graph.sqlite_rows import (
    CLAIM_COLUMNS,
    INSERT_CLAIM,
    INSERT_SOURCE,
    SOURCE_INFO_COLUMNS,
    actor_from_row,
    claim_from_row,
    claim_rows,
    source_from_row,
    source_info,
    source_row,
)
from graph.sqlite_schema import inspect, migrate
from graph.store import (
    EVIDENCE_LIMIT,
    Batch,
    EdgeCounts,
    EdgeFilter,
    Evidence,
    IngestReport,
    MergeReport,
    Page,
    Path,
    RetractReport,
    Stats,
    Subgraph,
    batch_error,
)
from graph.store_checks import (
    check_claim_actors,
    check_claims,
    check_max_hops,
    check_page,
    support_filter,
)

_CHUNK = 500  # ids per IN (...) list
_fold = lru_cache(maxsize=65_536)(fold)  # registries repeat the same names on every ingest
_SUGGESTIONS = 5
_ADJACENCIES = 4  # path filters whose neighbour sets are kept between calls
_SYMMETRIC = frozenset(Relation(r) for r in SYMMETRIC)
# The writer's cache holds the index pages a large load keeps touching (at 1M claims
# the claim and edge indexes are ~400 MB); it fills only as pages are written.
_WRITER_CACHE_KIB = 524_288  # 512 MB of pages at most
_CHECKPOINT_PAGES = 10_000  # WAL pages (~40 MB) between checkpoints (SQLite's default: 1,000)
_WAL_LIMIT = 64 * 1024 * 1024  # bytes the WAL file is cut back to after a checkpoint
_READER_CACHE_KIB = 65_536  # per reading thread
# Every write moves the store's generation on, so a graph built from an older
# snapshot (of this process or another) is known to be stale.
_NEXT_GENERATION = (
    "INSERT INTO meta(key, value) VALUES ('generation', '1') "
    "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 "
    "RETURNING CAST(value AS INTEGER)"
)
_NAMED_MAX = 200_000  # actor records remembered as stored with all their names


def _generation(con: sqlite3.Connection) -> int:
    row = con.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def _chunks(values: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _names(actor: Actor) -> list[str]:
    """Actor.names(), with the folding cached."""
    seen: dict[str, str] = {}
    for n in (actor.name, *actor.aliases):
        seen.setdefault(_fold(n), n)
    return list(seen.values())


def _marks(n: int) -> str:
    return ", ".join("?" * n)


@dataclass
class _Known:
    """Actor ids looked up in one write transaction: which are stored and which are
    merged into another. Nothing but this transaction changes them while it runs."""

    stored: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)
    checked: set[str] = field(default_factory=set)


class SqliteStore:
    """The GraphStore on one SQLite file. No I/O until `open()`."""

    bulk_min = 5_000
    bulk_ratio = 0.25
    """`ingest_many` takes the bulk path once its new claims reach bulk_min plus
    bulk_ratio times the claims stored before it."""

    def __init__(self, path: FilePath, *, batch_size: int = 10_000, timeout: float = 10.0):
        self.path = FilePath(path)
        self._batch = batch_size
        self._timeout = timeout
        self._con: sqlite3.Connection | None = None  # the writer
        self._lock = threading.RLock()  # serialises writes, open and close
        # guards the readers' map: a thread's first read must not wait for a write
        # (a bulk load holds `_lock` for its whole transaction)
        self._readers_lock = threading.Lock()
        self._local = threading.local()  # this thread's (opening, read connection)
        self._readers: dict[int, sqlite3.Connection] = {}  # by thread ident
        self._opening = 0  # counts open() calls: a reader of an earlier one is closed
        self._graph_lock = threading.Lock()
        self._graph: nx.MultiDiGraph | None = None
        self._graph_seen = -1  # the store's write generation the graph was built at
        self._adjacency: dict[tuple[frozenset[Relation], int], analytics.Adjacency] = {}
        # (id, name, aliases) of actors stored with all those names, as of generation
        # `_written` (our last commit): an ingest naming them again has nothing to add
        self._named: set[tuple[str, str, tuple[str, ...]]] = set()
        self._written = -1

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

    # ---- lifecycle ----------------------------------------------------------------

    def open(self) -> None:
        """Create or migrate the database; refuse (untouched) a file that is not ours."""
        with self._lock:
            if self._con is not None:
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailable(f"cannot create {self.path.parent}: {exc}") from exc
            version = inspect(self.path)
            con: sqlite3.Connection | None = None
            try:
                con = self._connect(_WRITER_CACHE_KIB)
                self._enter_wal(con)
                # a 1,000-claim ingest writes several thousand pages: checkpoint (and
                # fsync) after every few, not after each
                con.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES}")
                con.execute(f"PRAGMA journal_size_limit = {_WAL_LIMIT}")
                con.execute("PRAGMA foreign_keys = ON")
                migrate(con, version)
            except sqlite3.Error as exc:
                if con is not None:
                    con.close()
                raise self._mapped(exc) from exc
            self._con = con
            self._opening += 1

    def _enter_wal(self, con: sqlite3.Connection) -> None:
        """Switch to WAL, waiting out other connections doing the same.

        Changing the journal mode needs an exclusive lock, and SQLite answers "locked"
        at once rather than calling the busy handler when another connection is
        mid-switch (several stores creating one new file), so we retry up to the timeout.
        """
        deadline = time.monotonic() + self._timeout
        pause = 0.005
        while True:
            try:
                con.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    def _connect(self, cache_kib: int) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None,
                              check_same_thread=False)  # close() may run on another thread
        # Under WAL, NORMAL syncs at checkpoints, not at every commit: a committed write
        # survives an application crash; only a power loss or OS crash may undo the
        # last commits (never corrupting the file).
        con.execute("PRAGMA synchronous = NORMAL")
        con.execute(f"PRAGMA cache_size = {-int(cache_kib)}")  # negative: KiB
        con.execute("PRAGMA temp_store = MEMORY")
        return con

    def close(self) -> None:
        """Close the writer and every thread's read connection."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
            with self._readers_lock:
                for reader in self._readers.values():
                    reader.close()
                self._readers.clear()
            self._graph = None

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ping(self) -> None:
        with self._reading() as con:
            con.execute("SELECT 1 FROM meta LIMIT 1").fetchall()

    # ---- plumbing -----------------------------------------------------------------

    def _mapped(self, exc: sqlite3.Error) -> AllegianceError:
        msg = str(exc)
        low = msg.lower()
        if isinstance(exc, sqlite3.IntegrityError):
            return Conflict(f"{self.path}: {msg}")
        if "malformed" in low or "not a database" in low:
            return StoreCorrupt(f"{self.path} is damaged: {msg}")
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # primary result code
        if code == sqlite3.SQLITE_FULL:  # the transaction was rolled back
            return StoreUnavailable(f"{self.path}: the disk is full ({msg}); nothing was written")
        if code == sqlite3.SQLITE_READONLY:
            return StoreUnavailable(f"{self.path} is read-only ({msg}); nothing was written")
        if any(w in low for w in ("locked", "busy", "unable to open", "readonly", "disk")):
            return StoreUnavailable(f"{self.path}: {msg}")
        return StoreError(f"{self.path}: {msg}")

    @property
    def _cx(self) -> sqlite3.Connection:
        if self._con is None:
            raise StoreUnavailable(f"the store at {self.path} is not open (call open())")
        return self._con

    def _reader(self) -> sqlite3.Connection:
        """This thread's read connection, opened on its first read."""
        held = getattr(self._local, "reader", None)
        if held is not None and held[0] == self._opening and self._con is not None:
            return held[1]  # type: ignore[no-any-return]
        with self._readers_lock:
            self._cx  # noqa: B018 - raises StoreUnavailable when closed
            alive = {t.ident for t in threading.enumerate()}
            for ident in [i for i in self._readers if i not in alive]:
                self._readers.pop(ident).close()  # its thread has ended
            me = threading.get_ident()
            stale = self._readers.pop(me, None)
            if stale is not None:
                stale.close()
            con = self._connect(_READER_CACHE_KIB)
            con.execute("PRAGMA query_only = ON")
            self._readers[me] = con
            self._local.reader = (self._opening, con)
            return con

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several reads, on this thread's connection:
        it sees every write committed before it began."""
        try:
            con = self._reader()
            con.execute("BEGIN")
            try:
                yield con
            finally:
                con.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._mapped(exc) from exc

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole or rolled back whole."""
        with self._lock:
            con = self._cx
            try:
                con.execute("BEGIN IMMEDIATE")
                if _generation(con) != self._written:  # another process wrote since
                    self._named.clear()
            except sqlite3.Error as exc:
                raise self._mapped(exc) from exc
            try:
                yield con
                (self._written,) = con.execute(_NEXT_GENERATION).fetchone()
                con.execute("COMMIT")
            except BaseException as exc:
                self._named.clear()  # names noted in this transaction were not stored
                self._written = -1
                with suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._mapped(exc) from exc
                raise
            finally:
                self._graph = None

    def _stored_ids(self, con: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for part in _chunks(sorted(set(ids))):
            found.update(r[0] for r in con.execute(
                f"SELECT id FROM actors WHERE id IN ({_marks(len(part))})", part))  # noqa: S608
        return found

    def _learn(self, con: sqlite3.Connection, known: _Known, ids: Iterable[str]) -> None:
        """Look up the ids `known` has not seen yet."""
        new = set(ids) - known.checked
        if new:
            known.merged.update(self._merged(con, new))
            known.stored.update(self._stored_ids(con, new))
            known.checked |= new

    def _merged(self, con: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in _chunks(sorted(set(ids))):
            found.update(con.execute(
                f"SELECT old_id, new_id FROM merges WHERE old_id IN ({_marks(len(part))})",  # noqa: S608
                part).fetchall())
        return found

    def _resolve(self, con: sqlite3.Connection, actor_id: str) -> str:
        """The stored id `actor_id` names now (following merges), or NotFound."""
        if con.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
            return actor_id
        row = con.execute("SELECT new_id FROM merges WHERE old_id = ?", (actor_id,)).fetchone()
        if row:
            return str(row[0])
        raise NotFound(f"actor {actor_id!r} is not in the store",
                       self._suggest(con, actor_id))

    def _suggest(self, con: sqlite3.Connection, text: str) -> list[str]:
        """Ids of actors whose id or a name is close to `text`."""
        key = fold(text)
        out: list[str] = [r[0] for r in con.execute(
            "SELECT DISTINCT actor_id FROM aliases WHERE key = ? ORDER BY actor_id LIMIT ?",
            (key, _SUGGESTIONS))]
        ids = [r[0] for r in con.execute("SELECT id FROM actors")]
        for cand in difflib.get_close_matches(text, ids, n=_SUGGESTIONS, cutoff=0.6):
            if cand not in out:
                out.append(cand)
        return out[:_SUGGESTIONS]

    def _resolve_filter(self, con: sqlite3.Connection, flt: EdgeFilter) -> EdgeFilter:
        update = {k: self._resolve(con, v) for k in ("subject", "object", "actor")
                  if (v := getattr(flt, k)) is not None}
        return flt.model_copy(update=update) if update else flt

    def _actors(self, con: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Actor]:
        rows: dict[str, tuple[Any, ...]] = {}
        names: dict[str, list[str]] = {}
        for part in _chunks(list(ids)):
            marks = _marks(len(part))
            for r in con.execute(
                "SELECT id, name, kind, country, wikidata, description FROM actors "  # noqa: S608 - placeholders only
                f"WHERE id IN ({marks})", part):
                rows[r[0]] = r
            for actor_id, name in con.execute(
                f"SELECT actor_id, name FROM aliases WHERE actor_id IN ({marks}) "  # noqa: S608
                "ORDER BY actor_id, position", part):
                names.setdefault(actor_id, []).append(name)
        return {i: actor_from_row(r, names.get(i, [])) for i, r in rows.items()}

    def _add_names(self, con: sqlite3.Connection, names: dict[str, list[str]]) -> int:
        """Add the names each actor does not have yet; returns how many were added."""
        have: dict[str, set[str]] = {}
        top: dict[str, int] = {}
        for part in _chunks(list(names)):
            for actor_id, key, pos in con.execute(
                "SELECT actor_id, key, position FROM aliases "  # noqa: S608
                f"WHERE actor_id IN ({_marks(len(part))})", part):
                have.setdefault(actor_id, set()).add(key)
                top[actor_id] = max(top.get(actor_id, -1), pos)
        rows = []
        for actor_id, wanted in names.items():
            seen = have.setdefault(actor_id, set())
            last = top.get(actor_id, -1)
            for name in wanted:
                key = _fold(name)
                if key and key not in seen:
                    seen.add(key)
                    last += 1
                    rows.append((actor_id, last, name, key))
            top[actor_id] = last
        con.executemany("INSERT INTO aliases(actor_id, position, name, key) "
                        "VALUES (?, ?, ?, ?)", rows)
        return len(rows)

    def _upsert_actors(self, con: sqlite3.Connection, actors: Sequence[Actor],
                       update: bool, known: _Known | None = None) -> int:
        """Insert new actors; give stored ones their new names (and, with `update`,
        the new record). Actors under a merged id lend their names to the kept one.
        Returns how many were new."""
        united: dict[str, Actor] = {}
        for a in actors:
            if a.id in united:
                prev = united[a.id]
                a = prev.model_copy(update={"aliases": prev.aliases + a.names()})
            united[a.id] = a
        known = known or _Known()
        self._learn(con, known, united)
        merged, stored = known.merged, known.stored
        extra: dict[str, list[str]] = {}
        new_rows, alias_rows = [], []
        if len(self._named) > _NAMED_MAX:
            self._named.clear()
        for a in united.values():
            target = merged.get(a.id)
            record = (a.id, a.name, a.aliases)
            if target is not None:
                extra.setdefault(target, []).extend(_names(a))
                continue
            if a.id in stored and not update and record in self._named:
                continue
            self._named.add(record)  # forgotten if this transaction rolls back
            if a.id in stored:
                if update:
                    con.execute("UPDATE actors SET name = ?, kind = ?, country = ?, "
                                "wikidata = ?, description = ? WHERE id = ?",
                                (a.name, a.kind.value, a.country, a.wikidata,
                                 a.description, a.id))
                extra.setdefault(a.id, []).extend(_names(a))
            else:
                new_rows.append((a.id, a.name, a.kind.value, a.country, a.wikidata,
                                 a.description))
                alias_rows += [(a.id, i, n, _fold(n)) for i, n in enumerate(_names(a))]
        con.executemany("INSERT INTO actors(id, name, kind, country, wikidata, description) "
                        "VALUES (?, ?, ?, ?, ?, ?)", new_rows)
        con.executemany("INSERT INTO aliases(actor_id, position, name, key) "
                        "VALUES (?, ?, ?, ?)", alias_rows)
        stored.update(r[0] for r in new_rows)
        self._add_names(con, extra)
        return len(new_rows)

    @staticmethod
    def _touched(con: sqlite3.Connection) -> None:
        """An empty temp.touched: the triples whose summary rows a write recomputes."""
        con.execute("CREATE TEMP TABLE IF NOT EXISTS touched (subject TEXT, relation TEXT, "
                    "object TEXT, PRIMARY KEY (subject, relation, object)) WITHOUT ROWID")
        con.execute("DELETE FROM temp.touched")

    def _refresh_touched(self, con: sqlite3.Connection) -> None:
        """Recompute the summary rows of the triples in temp.touched from the claims."""
        con.execute("DELETE FROM edges WHERE (subject, relation, object) IN "
                    "(SELECT subject, relation, object FROM temp.touched)")
        con.execute(REFRESH_TOUCHED)

    # ---- writes -------------------------------------------------------------------

    def ingest(self, source: Source, actors: Sequence[Actor],
               claims: Sequence[Claim]) -> IngestReport:
        """Store a source, its actors and claims in one transaction, or nothing.

        Every claim is checked against the source's text, and its actors must be
        given or stored, before anything is written. A claim naming a merged id is
        stored under the kept actor; one that then joins an actor to itself is
        dropped. A source already stored changes nothing (`created` False).
        """
        check_claims(source, claims)
        with self._writing() as con:
            report, n = self._store_batch(con, source, actors, claims, _Known())
            if n is not None:
                con.execute(ADD_SOURCE, (n,))
            return report

    def ingest_many(self, batches: Iterable[Batch]) -> list[IngestReport]:
        """Store many batches in one transaction: all of them, or nothing.

        Each batch is checked and stored as `ingest` does (a failing one raises its
        error naming the batch's position and source; nothing of the call stays).
        Readers see the store as before until the commit, then with every batch.
        Once the new claims are many next to those stored (`bulk_ratio`), the
        claims and edges secondary indexes are dropped, the remaining claims go in
        without them, the edge summary is folded from the new claims in one
        statement and the indexes are built again by sorting, all in the same
        transaction; smaller loads keep the per-batch path.
        """
        with self._lock, self._without_foreign_keys():
            return self._ingest_many(batches)

    @contextmanager
    def _without_foreign_keys(self) -> Iterator[None]:
        """The writer without foreign key enforcement, for `ingest_many` (the pragma
        cannot change inside a transaction, so it spans the whole call). Each claim
        row would otherwise look up its two actors and its source: ~4 µs of ~16 per
        row inserted. What the keys guard is checked before a batch is written (its
        actors given or stored, merged ids mapped) and written in order (the actors
        and the source before the claims); the tests run `foreign_key_check` after."""
        con = self._cx
        try:
            con.execute("PRAGMA foreign_keys = OFF")
        except sqlite3.Error as exc:
            raise self._mapped(exc) from exc
        try:
            yield
        finally:
            with suppress(sqlite3.Error):
                con.execute("PRAGMA foreign_keys = ON")

    def _ingest_many(self, batches: Iterable[Batch]) -> list[IngestReport]:
        reports: list[IngestReport] = []
        with self._writing() as con:
            (stored,) = con.execute("SELECT count(*) FROM claims").fetchone()
            bulk: BulkLoad | None = None
            added = 0
            known = _Known()
            for position, (source, actors, claims) in enumerate(batches):
                try:
                    check_claims(source, claims)
                    report, n = self._store_batch(con, source, actors, claims, known)
                except InvalidInput as exc:
                    raise batch_error(exc, position, source.id) from exc
                reports.append(report)
                if n is None:
                    continue
                if bulk is None:
                    con.execute(ADD_SOURCE, (n,))
                added += report.claims_added
                if bulk is None and added >= self.bulk_min + self.bulk_ratio * stored:
                    bulk = BulkLoad.start(con)  # from the next batch on
            if bulk is not None:
                bulk.finish(con)
        return reports

    def _store_batch(self, con: sqlite3.Connection, source: Source, actors: Sequence[Actor],
                     claims: Sequence[Claim], known: _Known) -> tuple[IngestReport, int | None]:
        """Store one checked batch's source, actors and claims (not the edge summary);
        returns the report and the source's row number (None when already stored)."""
        given = {a.id for a in actors}
        named = {c.subject for c in claims}
        named.update(c.object for c in claims)
        self._learn(con, known, given | named)
        merged, stored = known.merged, known.stored
        if named.difference(given, stored, merged):
            # some claim names an unknown actor: the check names the first
            check_claim_actors(claims, actors, lambda x: x in stored or x in merged)
        if con.execute("SELECT 1 FROM sources WHERE id = ?", (source.id,)).fetchone():
            return IngestReport(source=source.id, created=False, actors_added=0,
                                claims_added=0), None
        added = self._upsert_actors(con, actors, update=False, known=known)
        n = con.execute(INSERT_SOURCE, source_row(source)).lastrowid
        assert n is not None
        published = source.published.isoformat() if source.published else None
        batch = claim_rows(claims, merged, _SYMMETRIC, n, published)
        for i in range(0, len(batch), self._batch):
            con.executemany(INSERT_CLAIM, batch[i:i + self._batch])
        return IngestReport(source=source.id, created=True, actors_added=added,
                            claims_added=len(batch)), n

    def add_actors(self, actors: Sequence[Actor]) -> int:
        """Upsert actors: new ones are added, stored ones take the given record and
        keep every name they had (a changed name stays as an alias)."""
        with self._writing() as con:
            return self._upsert_actors(con, actors, update=True)

    def merge_actors(self, keep: str, merge: str) -> MergeReport:
        """Fold `merge` into `keep`: its claims move (those that would join `keep` to
        itself, or repeat a claim, are dropped and counted), its names become
        aliases of `keep`, missing fields of `keep` are filled from it, and its id
        keeps resolving to `keep`."""
        with self._writing() as con:
            self._named.clear()  # the merged actor goes
            k, m = self._resolve(con, keep), self._resolve(con, merge)
            if k == m:
                raise Conflict(f"{keep!r} and {merge!r} are the same actor ({k})")
            both = "subject IN (?, ?) OR object IN (?, ?)"
            self._touched(con)
            con.execute("INSERT OR IGNORE INTO temp.touched SELECT subject, relation, object "  # noqa: S608
                        f"FROM claims WHERE {both}", (k, m, k, m))
            (involved,) = con.execute("SELECT count(*) FROM claims WHERE subject = ? "
                                      "OR object = ?", (m, m)).fetchone()
            dropped = con.execute("DELETE FROM claims WHERE (subject = ? AND object = ?) "
                                  "OR (subject = ? AND object = ?)", (k, m, m, k)).rowcount
            con.execute("UPDATE claims SET subject = ? WHERE subject = ?", (k, m))
            con.execute("UPDATE claims SET object = ? WHERE object = ?", (k, m))
            con.execute(
                f"UPDATE claims SET subject = object, object = subject "  # noqa: S608
                f"WHERE relation IN ({_marks(len(SYMMETRIC))}) AND subject > object "
                "AND (subject = ? OR object = ?)", (*SYMMETRIC, k, k))
            dropped += con.execute(
                "DELETE FROM claims WHERE (subject = ? OR object = ?) AND n NOT IN "
                "(SELECT min(n) FROM claims WHERE subject = ? OR object = ? "
                "GROUP BY source, subject, relation, object, span_start, span_end)",
                (k, k, k, k)).rowcount
            # the touched triples now read under the kept id
            con.execute("INSERT OR IGNORE INTO temp.touched SELECT subject, relation, object "
                        "FROM claims WHERE subject = ? OR object = ?", (k, k))
            self._refresh_touched(con)
            con.execute("DELETE FROM edges WHERE subject = ? OR object = ?", (m, m))
            names = [r[0] for r in con.execute(
                "SELECT name FROM aliases WHERE actor_id = ? ORDER BY position", (m,))]
            aliases_added = self._add_names(con, {k: names})
            con.execute(
                "UPDATE actors SET "
                "country = coalesce(country, (SELECT country FROM actors WHERE id = ?)), "
                "wikidata = coalesce(wikidata, (SELECT wikidata FROM actors WHERE id = ?)), "
                "description = coalesce(description, "
                "(SELECT description FROM actors WHERE id = ?)) WHERE id = ?", (m, m, m, k))
            con.execute("UPDATE merges SET new_id = ? WHERE new_id = ?", (k, m))
            con.execute("DELETE FROM actors WHERE id = ?", (m,))
            con.execute("INSERT INTO merges(old_id, new_id) VALUES (?, ?)", (m, k))
            return MergeReport(kept=k, merged=m, claims_moved=involved - dropped,
                               aliases_added=aliases_added, claims_dropped=dropped)

    def retract(self, source_id: str) -> RetractReport:
        """Remove a source and its claims; report the counted edges it emptied or
        weakened."""
        with self._writing() as con:
            row = con.execute("SELECT n FROM sources WHERE id = ?", (source_id,)).fetchone()
            if row is None:
                raise NotFound(f"source {source_id!r} is not in the store",
                               self._source_suggestions(con, source_id))
            n = row[0]
            counted = [(r[0], Relation(r[1]), r[2]) for r in con.execute(
                "SELECT DISTINCT subject, relation, object FROM claims "
                "WHERE source = ? AND modality IN ('asserted', 'reported') "
                "ORDER BY subject, relation, object", (n,))]
            self._touched(con)
            con.execute("INSERT OR IGNORE INTO temp.touched SELECT subject, relation, object "
                        "FROM claims WHERE source = ?", (n,))
            removed_claims = con.execute("DELETE FROM claims WHERE source = ?", (n,)).rowcount
            con.execute("DELETE FROM sources WHERE n = ?", (n,))
            self._refresh_touched(con)
            left = {(r[0], r[1], r[2]) for r in con.execute(
                "SELECT e.subject, e.relation, e.object FROM edges e JOIN temp.touched t "
                "ON e.subject = t.subject AND e.relation = t.relation AND e.object = t.object")}
            return RetractReport(
                source=source_id, claims_removed=removed_claims,
                edges_removed=[t for t in counted if (t[0], t[1].value, t[2]) not in left],
                edges_weakened=[t for t in counted if (t[0], t[1].value, t[2]) in left],
            )

    def clear(self) -> None:
        with self._writing() as con:
            self._named.clear()
            for table in ("claims", "edges", "sources", "merges", "aliases", "actors"):
                con.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names

    # ---- reads: actors and sources -------------------------------------------------

    def get_actor(self, actor_id: str) -> Actor:
        with self._reading() as con:
            resolved = self._resolve(con, actor_id)
            return self._actors(con, [resolved])[resolved]

    def list_actors(self, kind: ActorKind | None = None, limit: int = 100,
                    offset: int = 0) -> Page[Actor]:
        """Actors in id order."""
        check_page(limit, offset)
        where, params = ("WHERE kind = ?", [ActorKind(kind).value]) if kind else ("", [])
        with self._reading() as con:
            (total,) = con.execute(f"SELECT count(*) FROM actors {where}", params).fetchone()  # noqa: S608
            ids = [r[0] for r in con.execute(
                f"SELECT id FROM actors {where} ORDER BY id LIMIT ? OFFSET ?",  # noqa: S608
                [*params, limit, offset])]
            found = self._actors(con, ids)
        return Page[Actor](items=[found[i] for i in ids], total=total, limit=limit,
                           offset=offset)

    def search_actors(self, query: str, kind: ActorKind | None = None, limit: int = 20,
                      offset: int = 0) -> Page[Actor]:
        """Actors whose name or an alias holds `query` (case/diacritic-insensitive):
        exact matches first, then prefix, then substring; id order within each."""
        check_page(limit, offset)
        key = fold(query)
        if not key:
            return Page[Actor](items=[], total=0, limit=limit, offset=offset)
        cond = "instr(al.key, ?) > 0"
        params: list[Any] = [key]
        if kind:
            cond += " AND a.kind = ?"
            params.append(ActorKind(kind).value)
        body = (f"FROM aliases al JOIN actors a ON a.id = al.actor_id WHERE {cond}")
        with self._reading() as con:
            (total,) = con.execute(f"SELECT count(DISTINCT a.id) {body}", params).fetchone()
            ids = [r[0] for r in con.execute(
                "SELECT a.id, min(CASE WHEN al.key = ? THEN 0 WHEN instr(al.key, ?) = 1 "
                f"THEN 1 ELSE 2 END) AS rank {body} GROUP BY a.id "
                "ORDER BY rank, a.id LIMIT ? OFFSET ?", [key, key, *params, limit, offset])]
            found = self._actors(con, ids)
        return Page[Actor](items=[found[i] for i in ids], total=total, limit=limit,
                           offset=offset)

    def _source_suggestions(self, con: sqlite3.Connection, text: str) -> list[str]:
        return [r[0] for r in con.execute(
            "SELECT id FROM sources WHERE instr(id, ?) > 0 ORDER BY id LIMIT ?",
            (text.strip(), _SUGGESTIONS))] if len(text.strip()) >= 4 else []

    def get_source(self, source_id: str) -> Source:
        with self._reading() as con:
            row = con.execute(f"SELECT {SOURCE_INFO_COLUMNS}, text FROM sources "  # noqa: S608
                              "WHERE id = ?", (source_id,)).fetchone()
            if row is None:
                raise NotFound(f"source {source_id!r} is not in the store",
                               self._source_suggestions(con, source_id))
        return source_from_row(row)

    def list_sources(self, limit: int = 100, offset: int = 0) -> Page[SourceInfo]:
        """Sources, most recently retrieved first (then by id)."""
        check_page(limit, offset)
        with self._reading() as con:
            (total,) = con.execute("SELECT count(*) FROM sources").fetchone()
            rows = con.execute(f"SELECT {SOURCE_INFO_COLUMNS} FROM sources "  # noqa: S608
                               "ORDER BY retrieved DESC, id LIMIT ? OFFSET ?",
                               (limit, offset)).fetchall()
        return Page[SourceInfo](items=[source_info(r) for r in rows], total=total,
                                limit=limit, offset=offset)

    def claims(self, source: str | None = None, limit: int = 100,
               offset: int = 0) -> Page[Claim]:
        """Claims (of one source, or all), in claim id order."""
        check_page(limit, offset)
        with self._reading() as con:
            where, params = "", []
            if source is not None:
                row = con.execute("SELECT n FROM sources WHERE id = ?", (source,)).fetchone()
                if row is None:
                    raise NotFound(f"source {source!r} is not in the store",
                                   self._source_suggestions(con, source))
                where, params = "WHERE c.source = ?", [row[0]]
            (total,) = con.execute(f"SELECT count(*) FROM claims c {where}", params).fetchone()  # noqa: S608
            rows = con.execute(
                f"SELECT {CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.n = c.source "  # noqa: S608
                f"{where} ORDER BY c.id LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return Page[Claim](items=[claim_from_row(r) for r in rows], total=total, limit=limit,
                           offset=offset)

    # ---- reads: edges -------------------------------------------------------------

    def _edges(self, con: sqlite3.Connection, flt: EdgeFilter, paged: bool = True
               ) -> tuple[list[Edge], int]:
        q = edge_query(flt, paged=paged)
        rows = con.execute(q.page_sql, q.params + q.page_params).fetchall()
        if not paged:
            total = len(rows)
        elif q.windowed and rows:
            total = rows[0][-1]
        elif q.windowed and flt.offset == 0:
            total = 0
        else:
            (total,) = con.execute(q.count_sql, q.params).fetchone()
        return [edge_from_row(r) for r in rows], total

    def edges(self, flt: EdgeFilter) -> Page[Edge]:
        """Edges over the claims the filter admits: most distinct sources first, then
        most claims, then by subject, relation, object."""
        with self._reading() as con:
            items, total = self._edges(con, self._resolve_filter(con, flt))
        return Page[Edge](items=items, total=total, limit=flt.limit, offset=flt.offset)

    def supporters(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        return self.edges(support_filter(flt, object=actor_id))

    def supported(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        return self.edges(support_filter(flt, subject=actor_id))

    def edge_counts(self, actor_id: str) -> EdgeCounts:
        with self._reading() as con:
            a = self._resolve(con, actor_id)
            # edges_subject and edges_object hold `claims`: two index range scans
            edges, claims = con.execute(
                "SELECT count(*), coalesce(sum(claims), 0) FROM edges "
                "WHERE (subject = ? OR object = ?) AND sources >= 1", (a, a)).fetchone()
        return EdgeCounts(edges=edges, claims=claims)

    def evidence(self, subject: str, relation: Relation, obj: str,
                 modalities: frozenset[Modality] | None = None, limit: int = EVIDENCE_LIMIT,
                 offset: int = 0) -> Page[Evidence]:
        """One page of the claims of exactly this triple (all modalities unless given),
        with their sources: oldest published first (undated last), then source id,
        then position; `total` counts them all."""
        relation = Relation(relation)
        check_page(limit, offset)
        with self._reading() as con:
            s, o = self._resolve(con, subject), self._resolve(con, obj)
            if is_symmetric(relation) and s > o:
                s, o = o, s
            cond = "c.subject = ? AND c.relation = ? AND c.object = ?"
            params: list[Any] = [s, relation.value, o]
            if modalities is not None and set(modalities) != set(Modality):
                mods = sorted(Modality(m).value for m in modalities)
                cond += f" AND c.modality IN ({_marks(len(mods))})"
                params += mods
            (total,) = con.execute(f"SELECT count(*) FROM claims c WHERE {cond}",  # noqa: S608
                                   params).fetchone()
            rows = []
            if limit and offset < total:
                # claims.published copies the source's date: the index on (subject,
                # relation, object, published IS NULL, published) yields a triple's
                # claims in this order, so only ties are sorted, and only up to the
                # page (EXPLAIN: "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY").
                info_cols = ", ".join(f"s.{c.strip()}" for c in SOURCE_INFO_COLUMNS.split(","))
                rows = con.execute(
                    f"SELECT {CLAIM_COLUMNS}, {info_cols} FROM claims c "  # noqa: S608
                    f"JOIN sources s ON s.n = c.source WHERE {cond} "
                    "ORDER BY c.published IS NULL, c.published, s.id, c.span_start, c.id "
                    "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        infos: dict[str, SourceInfo] = {}  # a source cited many times is read once
        items = [Evidence(claim=claim_from_row(r[:16]),
                          source=infos.get(r[4]) or infos.setdefault(r[4], source_info(r[16:])))
                 for r in rows]
        return Page[Evidence](items=items, total=total, limit=limit, offset=offset)

    # ---- reads: traversal ------------------------------------------------------------

    def _default_graph(self, con: sqlite3.Connection) -> nx.MultiDiGraph:
        """The graph of counted edges, built on first use after a write (of this
        process or another: the generation in `meta` moves with every write). Built
        once for all threads; a reader whose snapshot is older than the graph uses
        the newer graph."""
        seen = _generation(con)
        with self._graph_lock:
            if self._graph is None or seen > self._graph_seen:
                q = edge_query(EdgeFilter(), paged=False)
                interned: dict[Any, Any] = {}
                self._graph = analytics.build_graph(
                    record_from_row(r, interned) for r in con.execute(q.page_sql, q.params))
                self._graph_seen = seen
                self._adjacency = {}
            return self._graph

    def _adjacency_for(self, g: nx.MultiDiGraph, rels: frozenset[Relation],
                       min_sources: int, keep: analytics.EdgeTest) -> analytics.Adjacency:
        """The neighbour sets of `g` under a path filter, kept while `g` is current."""
        with self._graph_lock:
            if g is not self._graph:
                return analytics.adjacency(g, keep)
            adj = self._adjacency.get((rels, min_sources))
            if adj is None:
                if len(self._adjacency) >= _ADJACENCIES:
                    del self._adjacency[next(iter(self._adjacency))]
                adj = self._adjacency[(rels, min_sources)] = analytics.adjacency(g, keep)
            return adj

    def _graph_for(self, con: sqlite3.Connection, flt: EdgeFilter | None
                   ) -> tuple[nx.MultiDiGraph, analytics.EdgeTest]:
        """A graph and an edge test that together admit exactly the filter's edges."""
        if flt is None:
            return self._default_graph(con), analytics.relation_test(frozenset(Relation))
        if uses_summary(flt) and flt.subject is None and flt.object is None \
                and flt.actor is None:
            return self._default_graph(con), analytics.relation_test(
                expand(flt.relations, flt.subtypes), flt.min_sources)
        edges, _ = self._edges(con, self._resolve_filter(con, flt), paged=False)
        return analytics.build_graph(edges), analytics.relation_test(frozenset(Relation))

    def paths(self, start: str, end: str, relations: Sequence[Relation] | None = None,
              max_hops: int = 3, min_sources: int = 1, limit: int = 10) -> list[Path]:
        """Shortest-first simple paths over counted edges, walked in either direction;
        `relations` include their subtypes. Among paths of one length, those with
        more claims come first."""
        check_max_hops(max_hops)
        with self._reading() as con:
            a, b = self._resolve(con, start), self._resolve(con, end)
            g = self._default_graph(con)
            rels = expand(relations, True)
            keep = analytics.relation_test(rels, min_sources)
            adj = self._adjacency_for(g, rels, min_sources, keep)
            out: list[Path] = []
            for nodes in analytics.simple_paths(g, a, b, max_hops=max_hops, keep=keep,
                                                limit=limit, adj=adj):
                for hops in analytics.expand_path(g, nodes, keep, limit=limit):
                    out.append(Path(actors=nodes, hops=[h.to_edge() for h in hops]))
        out.sort(key=lambda p: (len(p.hops), -p.evidence))
        return out[:limit]

    def neighbourhood(self, actor_id: str, depth: int = 1, flt: EdgeFilter | None = None,
                      max_nodes: int = 500) -> Subgraph:
        """The actor and those within `depth` hops (either direction) over the edges
        the filter admits (its pagination is ignored), nearest and best-tied first,
        and every admitted edge among them."""
        with self._reading() as con:
            centre = self._resolve(con, actor_id)
            g, keep = self._graph_for(con, flt)
            nodes, cut = analytics.neighbourhood(g, centre, depth, keep, max_nodes)
            edges = [e.to_edge() for e in analytics.induced_edges(g, nodes, keep)]
            actors = self._actors(con, nodes)
        return Subgraph(nodes=[actors[n] for n in nodes if n in actors], edges=edges,
                        truncated=cut)

    def subgraph(self, flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
        """The actors joined by the edges the filter admits (pagination ignored), best
        connected first (most distinct sources over their edges), cut at
        `max_nodes`, and the admitted edges among them."""
        with self._reading() as con:
            g, keep = self._graph_for(con, flt)
            nodes, cut = analytics.best_connected(g, max_nodes, keep)
            edges = [e.to_edge() for e in analytics.induced_edges(g, nodes, keep)]
            actors = self._actors(con, nodes)
        return Subgraph(nodes=[actors[n] for n in nodes if n in actors], edges=edges,
                        truncated=cut)

    def stats(self) -> Stats:
        """Counts; `edges` counts edges under the default filter, `by_relation` and
        `by_modality` count claims, `by_kind` actors (zero counts left out)."""
        with self._reading() as con:
            one = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                   for t in ("actors", "sources", "claims", "edges")}
            by_rel = dict(con.execute("SELECT relation, count(*) FROM claims GROUP BY relation"))
            by_mod = dict(con.execute("SELECT modality, count(*) FROM claims GROUP BY modality"))
            by_kind = dict(con.execute("SELECT kind, count(*) FROM actors GROUP BY kind"))
        return Stats(actors=one["actors"], sources=one["sources"], claims=one["claims"],
                     edges=one["edges"],
                     by_relation={Relation(k): v for k, v in by_rel.items()},
                     by_modality={Modality(k): v for k, v in by_mod.items()},
                     by_kind={ActorKind(k): v for k, v in by_kind.items()})
