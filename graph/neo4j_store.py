"""The Neo4j backend: claims as nodes, typed actor-to-actor relationships derived
from them, every statement from `graph.cypher`.

Writes run in one managed transaction each (ingest, retract, merge), so the
derived relationships (`SUPPORTS`, `FUNDS`, ...) always match the counted claims.
Driver errors are mapped onto `graph.errors` at this boundary.
"""

from __future__ import annotations

import difflib
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, NoReturn, Self, TypeVar
from urllib.parse import urlsplit

import neo4j
from neo4j import exceptions as nx

from graph import cypher
from graph.cypher import EdgeQuery
from graph.errors import (
    AllegianceError,
    Conflict,
    InvalidInput,
    NotFound,
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
from graph.neo4j_rows import (
    Triple,
    actor_from_row,
    batches,
    canonical,
    claim_from_row,
    edge_from_row,
    evidence_rank,
    hop_from_row,
    name_props,
    source_info_from_row,
    strength,
    with_names,
)
from graph.path_search import Rings, Search, edge_choices, walk
from graph.relations import (
    COUNTED_MODALITIES,
    RELATIONS,
    Modality,
    Relation,
    expand,
)
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

T = TypeVar("T")
_COUNTED = sorted(m.value for m in COUNTED_MODALITIES)
_SYMMETRIC = sorted(r.value for r, i in RELATIONS.items() if i.symmetric)
_SYMMETRIC_TYPES = sorted(cypher.rel_type(Relation(r)) for r in _SYMMETRIC)
_RELATION_OF = {t: r.value for t, r in cypher.RELATION_OF_TYPE.items()}
_ALL_TYPES = sorted(cypher.rel_type(r) for r in RELATIONS)
_ADD_SOURCE = cypher.add_to_relationships(RELATIONS)
_SUGGESTIONS = 5
_CONFLICT_RETRIES = 2
_VANISHED_RETRIES = 5  # reads run again when a concurrent delete emptied a row (_reading)
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Neo4jStore:
    """A GraphStore in a Neo4j 5 database (call `open()` or use `with`)."""

    def __init__(self, uri: str, user: str = "neo4j", password: str = "",
                 database: str = "neo4j", batch_size: int = 5000, timeout: float = 10.0) -> None:
        if batch_size < 1:
            raise InvalidInput(f"batch_size: must be at least 1, got {batch_size}")
        if timeout <= 0:
            raise InvalidInput(f"timeout: must be positive, got {timeout}")
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self.timeout = timeout
        self._auth = (user, password) if password else None
        self._driver: neo4j.Driver | None = None
        # One writer per process: concurrent ingests naming the same actors would
        # deadlock, or collide on the uniqueness constraints, more than retries mend.
        self._write_lock = threading.Lock()

    # ---- lifecycle ---------------------------------------------------------------

    def open(self) -> None:
        """Connect within `timeout` seconds and create the constraints and indexes."""
        if self._driver is not None:
            return
        self._check_uri()
        try:
            driver = neo4j.GraphDatabase.driver(
                self.uri, auth=self._auth, connection_timeout=self.timeout,
                connection_acquisition_timeout=self.timeout,
                max_transaction_retry_time=self.timeout, liveness_check_timeout=self.timeout,
                notifications_min_severity="OFF",
            )
        except (nx.ConfigurationError, ValueError) as exc:
            raise InvalidInput(f"store: {self.uri!r} is not a usable Neo4j URI: {exc}") from exc
        try:
            with self._errors():
                driver.verify_connectivity()
            self._driver = driver
            with self._errors():
                for statement in cypher.SCHEMA:
                    driver.execute_query(statement, database_=self.database)
                self._upgrade(driver)
        except BaseException:
            self._driver = None
            driver.close()
            raise

    def _upgrade(self, driver: neo4j.Driver) -> None:
        """Bring a store written by an older version up to `cypher.SCHEMA_VERSION`
        (schema 2: every claim gets its evidence rank; schema 3: every derived
        relationship its ends' ids and page ranks)."""
        version = driver.execute_query(cypher.GET_SCHEMA_VERSION,
                                       database_=self.database).records[0]["version"]
        if version is not None and version >= cypher.SCHEMA_VERSION:
            return
        with driver.session(database=self.database) as session:
            # in batches: implicit transactions
            if version is None or version < 2:
                session.run(cypher.RANK_CLAIMS).consume()
            session.run(cypher.RANK_EDGES).consume()
        driver.execute_query(cypher.SET_SCHEMA_VERSION, version=cypher.SCHEMA_VERSION,
                             database_=self.database)

    def _check_uri(self) -> None:
        bad = f"store: {self.uri!r} is not a usable Neo4j URI"
        try:
            parts = urlsplit(self.uri)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError as exc:
            raise InvalidInput(f"{bad}: {exc}") from exc
        if parts.scheme not in _SCHEMES or not parts.hostname:
            raise InvalidInput(f"{bad}: use bolt://, neo4j:// or neo4j+s://host[:port]")

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ping(self) -> None:
        self._read(cypher.PING)

    # ---- plumbing ----------------------------------------------------------------

    def _fail(self, exc: Exception) -> NoReturn:
        where = f"Neo4j at {self.uri}"
        why = " ".join(str(getattr(exc, "message", None) or exc).split())  # one line
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, nx.AuthError):
            raise StoreUnavailable(f"{where} refused the credentials: {why}") from exc
        if isinstance(exc, nx.ServiceUnavailable | nx.SessionExpired | OSError
                      | nx.ConnectionAcquisitionTimeoutError):
            raise StoreUnavailable(f"cannot reach {where}: {why}") from exc
        if isinstance(exc, nx.ConstraintError):
            raise Conflict(f"{where}: {why}") from exc
        if code.endswith("DatabaseNotFound"):
            raise StoreUnavailable(f"{where} has no database {self.database!r}") from exc
        if code.startswith("Neo.TransientError"):
            raise StoreUnavailable(f"{where} is busy: {why}") from exc
        raise StoreError(f"{where} failed: {why}") from exc

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except AllegianceError:
            raise
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            self._fail(exc)

    @property
    def driver(self) -> neo4j.Driver:
        if self._driver is None:
            raise StoreUnavailable(f"the Neo4j store at {self.uri} is not open (call open())")
        return self._driver

    def _session(self) -> neo4j.Session:
        """A session sharing the driver's bookmarks, so that on a cluster every read
        sees the writes before it."""
        driver = self.driver
        return driver.session(database=self.database,
                              bookmark_manager=driver.execute_query_bookmark_manager)

    def _read(self, query: str, **params: Any) -> list[neo4j.Record]:
        with self._errors():
            result = self.driver.execute_query(
                query, parameters_=params, database_=self.database,
                routing_=neo4j.RoutingControl.READ,
            )
        return list(result.records)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """Run `work` in one write transaction (retried on transient errors, and when
        a concurrent writer created the same node first: the retry sees it)."""
        with self._errors(), self._write_lock, self._session() as session:
            for _ in range(_CONFLICT_RETRIES):
                try:
                    return session.execute_write(work)
                except nx.ConstraintError:
                    continue
            return session.execute_write(work)

    def _run(self, tx: neo4j.ManagedTransaction, query: str, **params: Any) -> list[neo4j.Record]:
        return list(tx.run(query, params))

    def _run_batched(self, tx: neo4j.ManagedTransaction, query: str,
                     rows: Sequence[dict[str, Any]], **params: Any) -> None:
        for batch in batches(rows, self.batch_size):
            tx.run(query, {**params, "rows": list(batch)}).consume()

    def _reading(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """Run `work` in one read transaction.

        Neo4j reads at read-committed isolation: a node a concurrent write deletes
        after this query matched it reads back without its properties, and turning
        that row into a model fails (ValueError, pydantic's ValidationError among
        them). Everything stored was valid when written, so the read is run again;
        a row still invalid after that is a store fault, not the caller's."""
        with self._errors(), self._session() as session:
            retries = _VANISHED_RETRIES
            while True:
                try:
                    return session.execute_read(work)
                except (AllegianceError, UnicodeError):
                    raise  # ValueErrors too, but the caller's (bad input), not a race
                except ValueError as exc:
                    if not retries:
                        why = " ".join(str(exc).split())
                        raise StoreError(f"Neo4j at {self.uri} returned an invalid record: "
                                         f"{why}") from exc
                    retries -= 1

    def _counted_rows(self, count: str, rows: str, convert: Callable[[Any], T],
                      key: str, limit: int, offset: int, **params: Any) -> tuple[int, list[T]]:
        """A total and one page of rows converted, from one read transaction."""

        def work(tx: neo4j.ManagedTransaction) -> tuple[int, list[T]]:
            total = self._run(tx, count, **params)[0]["total"]
            recs = self._run(tx, rows, limit=limit, offset=offset, **params)
            return total, [convert(r[key]) for r in recs]

        return self._reading(work)

    # ---- actor ids -----------------------------------------------------------------

    def _resolve_all(self, tx: neo4j.ManagedTransaction, ids: Iterable[str],
                     keys: dict[str, list[str]] | None = None) -> dict[str, str | None]:
        """Each id's stored actor (following merges), None when unknown; `keys`, when
        given, receives each stored actor's folded names."""
        recs = self._run(tx, cypher.RESOLVE_IDS, ids=sorted(set(ids)))
        if keys is not None:
            keys.update((r["resolved"], r["keys"] or []) for r in recs if r["resolved"])
        return {r["id"]: r["resolved"] for r in recs}

    def _resolve(self, tx: neo4j.ManagedTransaction, actor_id: str) -> str:
        found = self._resolve_all(tx, [actor_id]).get(actor_id)
        if found is None:
            raise NotFound(f"actor {actor_id!r} is not in the store",
                           self._suggest(tx, actor_id))
        return found

    def _suggest(self, tx: neo4j.ManagedTransaction, text: str) -> list[str]:
        """Ids of actors whose id or a name is close to `text`."""
        out = [r["id"] for r in self._run(tx, cypher.SUGGEST_BY_KEY, key=fold(text),
                                          limit=_SUGGESTIONS)]
        ids = [r["id"] for r in self._run(tx, cypher.ALL_ACTOR_IDS)]
        for cand in difflib.get_close_matches(text, ids, n=_SUGGESTIONS, cutoff=0.6):
            if cand not in out:
                out.append(cand)
        return out[:_SUGGESTIONS]

    def _actors(self, tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> dict[str, Actor]:
        recs = self._run(tx, cypher.GET_ACTORS, ids=list(dict.fromkeys(ids)))
        return {r["actor"]["id"]: actor_from_row(r["actor"]) for r in recs}

    # ---- shared write steps ------------------------------------------------------

    def _refresh(self, tx: neo4j.ManagedTransaction, triples: Iterable[Triple]) -> None:
        """Rebuild the derived relationships of these triples from their claims."""
        by_relation: dict[Relation, list[dict[str, str]]] = {}
        for s, rel, o in sorted(set(triples)):
            by_relation.setdefault(rel, []).append({"subject": s, "object": o})
        for rel, rows in by_relation.items():
            self._run_batched(tx, cypher.refresh_relationships(rel), rows,
                              relation=rel.value, counted=_COUNTED)

    def _add_source(self, tx: neo4j.ManagedTransaction, source: Source,
                    claims: Iterable[dict[str, Any]]) -> None:
        """Add a new source's counted claims to the derived relationships (cheaper
        than rebuilding them: the source adds one to `sources` of each triple)."""
        tally: dict[Triple, Counter[str]] = {}
        for c in claims:
            if c["modality"] in _COUNTED:
                key = (c["subject"], Relation(c["relation"]), c["object"])
                tally.setdefault(key, Counter())[c["modality"]] += 1
        by_type: dict[str, list[dict[str, Any]]] = {t: [] for t in _ALL_TYPES}
        for (s, rel, o), n in sorted(tally.items()):
            by_type[cypher.rel_type(rel)].append({
                "subject": s, "object": o, "claims": n.total(),
                "asserted": n[Modality.ASSERTED.value], "reported": n[Modality.REPORTED.value],
            })
        if tally:
            self._run(tx, _ADD_SOURCE, rows=by_type, published=source.published)

    def _counts(self, tx: neo4j.ManagedTransaction, triples: Sequence[Triple]
                ) -> dict[Triple, int]:
        """Counted claims per triple."""
        rows = [{"subject": s, "relation": r.value, "object": o} for s, r, o in triples]
        out: dict[Triple, int] = {}
        for batch in batches(rows, self.batch_size):
            for rec in self._run(tx, cypher.TRIPLE_COUNTS, rows=list(batch), counted=_COUNTED):
                out[(rec["subject"], Relation(rec["relation"]), rec["object"])] = rec["claims"]
        return out

    def _upsert_actors(self, tx: neo4j.ManagedTransaction, actors: Sequence[Actor],
                       update: bool, known: dict[str, str | None] | None = None,
                       keys: dict[str, list[str]] | None = None) -> int:
        """Create new actors; give stored ones the names they lack (and, with `update`,
        the given record). Actors under a merged id lend their names to the kept one.
        `known` and `keys` are what `_resolve_all` found, if it ran already.
        Returns how many were new."""
        united: dict[str, Actor] = {}
        for a in actors:
            if a.id in united:
                prev = united[a.id]
                a = prev.model_copy(update={"aliases": prev.aliases + a.names()})
            united[a.id] = a
        if known is None:
            keys = {}
            resolved = self._resolve_all(tx, united, keys)
        else:
            resolved = known
        new_rows, updates = [], []
        extra: dict[str, list[str]] = {}
        for a in united.values():
            target = resolved.get(a.id)
            record = {"id": a.id, "name": a.name, "kind": a.kind.value, "country": a.country,
                      "wikidata": a.wikidata, "description": a.description}
            if target is None:
                names, folded = with_names([], a.names())
                new_rows.append({**record, **name_props(a.name, names, folded)})
                continue
            if update and target == a.id:
                updates.append(record)
                extra.setdefault(target, []).extend(a.names())
                continue
            have = set(keys.get(target, ())) if keys is not None else set()
            lacking = [n for n in a.names() if fold(n) not in have]
            if lacking:  # a stored actor that has every name given is not read again
                extra.setdefault(target, []).extend(lacking)
        self._run_batched(tx, cypher.CREATE_ACTORS, new_rows)
        self._run_batched(tx, cypher.UPDATE_ACTORS, updates)
        self._add_names(tx, extra, rewrite={a.id for a in united.values()
                                            if update and resolved.get(a.id) == a.id})
        return len(new_rows)

    def _add_names(self, tx: neo4j.ManagedTransaction, wanted: dict[str, list[str]],
                   rewrite: set[str] | frozenset[str] = frozenset()) -> int:
        """Give each stored actor the names it lacks (rewriting the name properties
        of those in `rewrite` anyway); returns how many were added."""
        if not wanted:
            return 0
        stored = {r["actor"]["id"]: r["actor"]
                  for r in self._run(tx, cypher.GET_ACTORS, ids=sorted(wanted))}
        rows, added = [], 0
        for actor_id, names in wanted.items():
            rec = stored[actor_id]
            have = list(rec["names"] or [])
            now, keys = with_names(have, names)
            if len(now) > len(have) or actor_id in rewrite:
                added += len(now) - len(have)
                rows.append({"id": actor_id, **name_props(rec["name"], now, keys)})
        self._run_batched(tx, cypher.SET_NAMES, rows)
        return added

    # ---- writes ------------------------------------------------------------------

    def ingest(self, source: Source, actors: Sequence[Actor],
               claims: Sequence[Claim]) -> IngestReport:
        """Store a source, its actors and claims in one transaction, or nothing.

        Every claim is checked against the source's text, and its actors must be
        given or stored, before anything is written. A claim naming a merged id is
        stored under the kept actor; one that then joins an actor to itself is
        dropped. A source already stored changes nothing (`created` False).
        """
        check_claims(source, claims)
        given = {a.id for a in actors}
        named = {x for c in claims for x in (c.subject, c.object)}

        def work(tx: neo4j.ManagedTransaction) -> IngestReport:
            keys: dict[str, list[str]] = {}
            resolved = self._resolve_all(tx, given | named, keys)
            check_claim_actors(claims, actors, lambda x: resolved.get(x) is not None)
            if self._run(tx, cypher.SOURCE_EXISTS, id=source.id)[0]["found"]:
                return IngestReport(source=source.id, created=False, actors_added=0,
                                    claims_added=0)
            added = self._upsert_actors(tx, actors, update=False, known=resolved, keys=keys)
            rows: dict[str, dict[str, Any]] = {}
            for c in claims:
                s, rel, o = canonical(resolved.get(c.subject) or c.subject, c.relation,
                                       resolved.get(c.object) or c.object)
                if s == o or c.id in rows:
                    continue
                row = c.model_dump(exclude_none=True)
                row.update(subject=s, object=o, relation=rel.value, modality=c.modality.value,
                           rank=evidence_rank(source.published, source.id, c.start, c.id))
                rows[c.id] = row
            self._run(tx, cypher.CREATE_SOURCE, row=source.model_dump(exclude_none=True))
            self._run_batched(tx, cypher.CREATE_CLAIMS, list(rows.values()))
            self._add_source(tx, source, rows.values())
            return IngestReport(source=source.id, created=True, actors_added=added,
                                claims_added=len(rows))

        return self._write(work)

    def ingest_many(self, batches: Iterable[Batch]) -> list[IngestReport]:
        """`ingest` of each batch in turn; when one fails, the sources this call
        stored are retracted again and its error, naming the batch, is raised."""
        reports: list[IngestReport] = []
        try:
            for position, (source, actors, claims) in enumerate(batches):
                try:
                    reports.append(self.ingest(source, actors, claims))
                except InvalidInput as exc:
                    raise batch_error(exc, position, source.id) from exc
        except Exception:
            for report in reports:
                if report.created:
                    with suppress(AllegianceError):  # the error raised says more
                        self.retract(report.source)
            raise
        return reports

    def add_actors(self, actors: Sequence[Actor]) -> int:
        """Upsert actors: new ones are added, stored ones take the given record and
        keep every name they had (a changed name stays as an alias)."""
        return self._write(lambda tx: self._upsert_actors(tx, actors, update=True))

    def merge_actors(self, keep: str, merge: str) -> MergeReport:
        """Fold `merge` into `keep`: its claims move (those that would join `keep` to
        itself, or repeat a claim, are dropped and counted), its names become aliases
        of `keep`, missing fields of `keep` are filled from it, and its id keeps
        resolving to `keep`."""

        def work(tx: neo4j.ManagedTransaction) -> MergeReport:
            k, m = self._resolve(tx, keep), self._resolve(tx, merge)
            if k == m:
                raise Conflict(f"{keep!r} and {merge!r} are the same actor ({k})")
            old = self._run(tx, cypher.MERGE_TRIPLES, merge=m)
            involved = sum(r["claims"] for r in old)
            dropped = self._run(tx, cypher.DROP_SELF_CLAIMS, keep=k, merge=m)[0]["dropped"]
            self._run(tx, cypher.MOVE_SUBJECT_CLAIMS, keep=k, merge=m)
            self._run(tx, cypher.MOVE_OBJECT_CLAIMS, keep=k, merge=m)
            self._run(tx, cypher.REORDER_SYMMETRIC, keep=k, symmetric=_SYMMETRIC)
            dropped += self._run(tx, cypher.DROP_REPEATED_CLAIMS, keep=k)[0]["dropped"]
            recs = {r["actor"]["id"]: r["actor"]
                    for r in self._run(tx, cypher.GET_ACTORS, ids=[k, m])}
            have = list(recs[k]["names"] or [])
            names, keys = with_names(have, recs[m]["names"] or [recs[m]["name"]])
            props = name_props(recs[k]["name"], names, keys)
            self._run(tx, cypher.FOLD_ACTOR, keep=k, merge=m, **props)
            moved = {canonical(k if r["subject"] == m else r["subject"],
                                Relation(r["relation"]),
                                k if r["object"] == m else r["object"]) for r in old}
            self._refresh(tx, {t for t in moved if t[0] != t[2]})
            return MergeReport(kept=k, merged=m, claims_moved=involved - dropped,
                               aliases_added=len(names) - len(have), claims_dropped=dropped)

        return self._write(work)

    def retract(self, source_id: str) -> RetractReport:
        """Remove a source and its claims; report the counted edges it emptied or
        weakened."""

        def work(tx: neo4j.ManagedTransaction) -> RetractReport:
            if not self._run(tx, cypher.SOURCE_EXISTS, id=source_id)[0]["found"]:
                raise NotFound(f"source {source_id!r} is not in the store",
                               self._source_suggestions(tx, source_id))
            recs = self._run(tx, cypher.SOURCE_TRIPLES, id=source_id, counted=_COUNTED)
            touched = [(r["subject"], Relation(r["relation"]), r["object"]) for r in recs]
            counted = sorted(t for t, r in zip(touched, recs, strict=True) if r["counted"])
            removed = self._run(tx, cypher.DELETE_SOURCE, id=source_id)[0]["removed"]
            self._refresh(tx, touched)
            left = self._counts(tx, counted)
            return RetractReport(
                source=source_id, claims_removed=removed,
                edges_removed=[t for t in counted if not left.get(t)],
                edges_weakened=[t for t in counted if left.get(t)],
            )

        return self._write(work)

    def clear(self) -> None:
        with self._errors(), self._session() as session:
            session.run(cypher.CLEAR).consume()

    # ---- actors and sources ------------------------------------------------------

    def get_actor(self, actor_id: str) -> Actor:
        def work(tx: neo4j.ManagedTransaction) -> Actor:
            found = self._resolve(tx, actor_id)
            return self._actors(tx, [found])[found]

        return self._reading(work)

    def list_actors(self, kind: ActorKind | None = None, limit: int = 100,
                    offset: int = 0) -> Page[Actor]:
        """Actors in id order."""
        check_page(limit, offset)
        k = ActorKind(kind).value if kind else None
        total, items = self._counted_rows(cypher.COUNT_ACTORS, cypher.LIST_ACTORS,
                                          actor_from_row, "actor", limit, offset, kind=k)
        return Page[Actor](items=items, total=total, limit=limit, offset=offset)

    def search_actors(self, query: str, kind: ActorKind | None = None, limit: int = 20,
                      offset: int = 0) -> Page[Actor]:
        """Actors whose name or an alias holds `query` (case/diacritic-insensitive):
        exact matches first, then prefix, then substring; id order within each."""
        check_page(limit, offset)
        q = fold(query)
        if not q:
            return Page[Actor](items=[], total=0, limit=limit, offset=offset)
        k = ActorKind(kind).value if kind else None
        total, items = self._counted_rows(cypher.COUNT_SEARCH, cypher.SEARCH_ACTORS,
                                          actor_from_row, "actor", limit, offset, q=q, kind=k)
        return Page[Actor](items=items, total=total, limit=limit, offset=offset)

    def _source_suggestions(self, tx: neo4j.ManagedTransaction, text: str) -> list[str]:
        if len(text.strip()) < 4:
            return []
        recs = self._run(tx, cypher.SUGGEST_SOURCES, text=text.strip(), limit=_SUGGESTIONS)
        return [r["id"] for r in recs]

    def get_source(self, source_id: str) -> Source:
        def work(tx: neo4j.ManagedTransaction) -> Source:
            recs = self._run(tx, cypher.GET_SOURCE, id=source_id)
            if not recs:
                raise NotFound(f"source {source_id!r} is not in the store",
                               self._source_suggestions(tx, source_id))
            info = source_info_from_row(recs[0]["source"])
            return Source(**info.model_dump(), text=recs[0]["text"])

        return self._reading(work)

    def list_sources(self, limit: int = 100, offset: int = 0) -> Page[SourceInfo]:
        """Sources, most recently retrieved first (then by id)."""
        check_page(limit, offset)
        total, items = self._counted_rows(cypher.COUNT_SOURCES, cypher.LIST_SOURCES,
                                          source_info_from_row, "source", limit, offset)
        return Page[SourceInfo](items=items, total=total, limit=limit, offset=offset)

    def claims(self, source: str | None = None, limit: int = 100,
               offset: int = 0) -> Page[Claim]:
        """Claims (of one source, or all), in claim id order."""
        check_page(limit, offset)

        def work(tx: neo4j.ManagedTransaction) -> Page[Claim]:
            if source is not None and not self._run(tx, cypher.SOURCE_EXISTS,
                                                    id=source)[0]["found"]:
                raise NotFound(f"source {source!r} is not in the store",
                               self._source_suggestions(tx, source))
            total = self._run(tx, cypher.COUNT_CLAIMS, source=source)[0]["total"]
            recs = self._run(tx, cypher.CLAIMS_PAGE, source=source, limit=limit,
                             offset=offset)
            return Page[Claim](items=[claim_from_row(r["claim"]) for r in recs], total=total,
                               limit=limit, offset=offset)

        return self._reading(work)

    # ---- edges -------------------------------------------------------------------

    def _resolve_filter(self, tx: neo4j.ManagedTransaction, flt: EdgeFilter) -> EdgeFilter:
        update = {k: self._resolve(tx, v) for k in ("subject", "object", "actor")
                  if (v := getattr(flt, k)) is not None}
        return flt.model_copy(update=update) if update else flt

    def _edge_query(self, flt: EdgeFilter, **extra: Any) -> tuple[EdgeQuery, dict[str, Any]]:
        relations = expand(flt.relations, flt.subtypes)
        q = EdgeQuery(
            relations=relations,
            summary=(flt.modalities == COUNTED_MODALITIES and flt.source is None
                     and flt.since is None and flt.until is None),
            subject=flt.subject is not None, object=flt.object is not None,
            actor=flt.actor is not None, source=flt.source is not None,
            since=flt.since is not None, until=flt.until is not None,
            any_of="any_of" in extra, both_in="both_in" in extra,
            any_sources=flt.min_sources <= 1,
        )
        params: dict[str, Any] = {
            "relations": sorted(r.value for r in relations),
            "modalities": sorted(m.value for m in flt.modalities),
            "symmetric": _SYMMETRIC, "symmetric_types": _SYMMETRIC_TYPES,
            "relation_of": _RELATION_OF, "subject": flt.subject, "object": flt.object,
            "actor": flt.actor, "source": flt.source, "since": flt.since,
            "until": flt.until, "min_sources": flt.min_sources,
            "rank_below": cypher.rank_below(flt.min_sources), **extra,
        }
        return q, params

    def edges(self, flt: EdgeFilter) -> Page[Edge]:
        """Edges over the claims the filter admits: most distinct sources first, then
        most claims, then by subject, relation, object."""

        def work(tx: neo4j.ManagedTransaction) -> Page[Edge]:
            q, params = self._edge_query(self._resolve_filter(tx, flt))
            if not q.relations:
                return Page[Edge](items=[], total=0, limit=flt.limit, offset=flt.offset)
            rec = self._run(tx, cypher.edges_page(q), offset=flt.offset, limit=flt.limit,
                            **params)[0]
            return Page[Edge](items=[edge_from_row(r) for r in rec["items"]], total=rec["total"],
                              limit=flt.limit, offset=flt.offset)

        return self._reading(work)

    def _all_edges(self, tx: neo4j.ManagedTransaction, flt: EdgeFilter,
                   **extra: Any) -> list[Edge]:
        """Every edge the (resolved) filter admits, strongest first; no pagination."""
        q, params = self._edge_query(flt, **extra)
        if not q.relations:
            return []
        return [edge_from_row(r["edge"]) for r in self._run(tx, cypher.edges_all(q), **params)]

    def supporters(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        return self.edges(support_filter(flt, object=actor_id))

    def supported(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        return self.edges(support_filter(flt, subject=actor_id))

    def edge_counts(self, actor_id: str) -> EdgeCounts:
        def work(tx: neo4j.ManagedTransaction) -> EdgeCounts:
            rec = self._run(tx, cypher.actor_edge_counts(Relation),
                            actor=self._resolve(tx, actor_id))[0]
            return EdgeCounts(edges=rec["edges"], claims=rec["claims"])

        return self._reading(work)

    def evidence(self, subject: str, relation: Relation, obj: str,
                 modalities: frozenset[Modality] | None = None, limit: int = EVIDENCE_LIMIT,
                 offset: int = 0) -> Page[Evidence]:
        """One page of the claims of exactly this triple (all modalities unless given),
        with their sources: oldest published first (undated last), then source id,
        then position; `total` counts them all."""
        rel = Relation(relation)
        check_page(limit, offset)
        mods = (sorted(Modality(m).value for m in modalities)
                if modalities is not None and set(modalities) != set(Modality) else None)

        def work(tx: neo4j.ManagedTransaction) -> Page[Evidence]:
            found = self._resolve_all(tx, [subject, obj])
            for given in (subject, obj):
                if found.get(given) is None:
                    self._resolve(tx, given)  # raises NotFound, with suggestions
            s, _, o = canonical(found[subject] or subject, rel, found[obj] or obj)
            rec = self._run(tx, cypher.EVIDENCE_PAGE, subject=s, relation=rel.value, object=o,
                            modalities=mods, offset=offset, limit=limit)[0]
            items = [Evidence(claim=claim_from_row(r["claim"]),
                              source=source_info_from_row(r["source"])) for r in rec["items"]]
            return Page[Evidence](items=items, total=rec["total"], limit=limit, offset=offset)

        return self._reading(work)

    # ---- traversal ---------------------------------------------------------------

    def paths(self, start: str, end: str, relations: Sequence[Relation] | None = None,
              max_hops: int = 3, min_sources: int = 1, limit: int = 10) -> list[Path]:
        """Shortest-first simple paths over counted edges, walked in either direction;
        `relations` include their subtypes. Among paths of one length, those with
        more claims come first.

        Bounded: a bidirectional breadth-first search names the steps that can lie
        on a path of each length (a few ring queries), and the paths are walked here
        over those steps only, shortest first, stopping at `limit` node paths
        (graph/path_search.py)."""
        check_max_hops(max_hops)
        rels = expand(relations, True)

        def work(tx: neo4j.ManagedTransaction) -> list[Path]:
            a, b = self._resolve(tx, start), self._resolve(tx, end)
            if a == b or limit < 1 or not rels:
                return []
            search = Search(Rings.at(a), Rings.at(b))
            for length in range(1, max_hops + 1):
                while (side := search.side_to_grow(length)) is not None:
                    side.grow([r["id"] for r in self._run(
                        tx, cypher.path_ring(rels), frontier=side.frontier,
                        min_sources=min_sources)])
                if search.min_length() > length:
                    continue
                adj: dict[str, list[str]] = {}
                for r in self._run(tx, cypher.path_steps(rels), known=search.on_walks(length),
                                   ds=search.start.dist, de=search.end.dist,
                                   ds_bound=search.start.bound(), de_bound=search.end.bound(),
                                   length=length, min_sources=min_sources):
                    adj.setdefault(r["u"], []).append(r["v"])
                for nexts in adj.values():
                    nexts.sort()
                walk(adj, a, b, length, search.end.lower, limit, search.found)
                if len(search.found) >= limit:
                    break
            return self._with_hops(tx, search.found, rels, min_sources, limit)

        found = self._reading(work)
        found.sort(key=lambda p: (len(p.hops), -p.evidence))
        return found[:limit]

    def _with_hops(self, tx: neo4j.ManagedTransaction, node_paths: list[list[str]],
                   rels: frozenset[Relation], min_sources: int, limit: int) -> list[Path]:
        """Each node path with every choice of edges along it (strongest first, at
        most `limit`, then most evidence first)."""
        pairs = sorted({(u, v) for nodes in node_paths for u, v in zip(nodes, nodes[1:],
                                                                         strict=False)})
        if not pairs:
            return []
        hops = {(r["a"], r["b"]): [hop_from_row(h) for h in r["hops"]]
                for r in self._run(tx, cypher.hops_between(rels), pairs=[list(p) for p in pairs],
                                   min_sources=min_sources)}
        return [Path(actors=nodes, hops=combo)
                for nodes in node_paths
                for combo in edge_choices([hops.get(p, []) for p in zip(nodes, nodes[1:],
                                                                         strict=False)],
                                          key=strength, weight=lambda e: e.claims, limit=limit)]

    def _subgraph(self, tx: neo4j.ManagedTransaction, nodes: list[str], flt: EdgeFilter,
                  truncated: bool) -> Subgraph:
        edges = self._all_edges(tx, flt, both_in=nodes) if nodes else []
        actors = self._actors(tx, nodes)
        return Subgraph(nodes=[actors[n] for n in nodes if n in actors], edges=edges,
                        truncated=truncated)

    def neighbourhood(self, actor_id: str, depth: int = 1, flt: EdgeFilter | None = None,
                      max_nodes: int = 500) -> Subgraph:
        """The actor and those within `depth` hops (either direction) over the edges
        the filter admits (its pagination is ignored), nearest and best-tied first,
        and every admitted edge among them."""

        def work(tx: neo4j.ManagedTransaction) -> Subgraph:
            f = self._resolve_filter(tx, flt or EdgeFilter())
            centre = self._resolve(tx, actor_id)
            q, _ = self._edge_query(f)
            # Over the derived relationships the server scores each ring itself:
            # ids and sums come back, not every edge around a hub's neighbours.
            scored = q.summary and not (q.subject or q.object or q.actor)
            chosen, frontier, seen = [centre], [centre], {centre}
            for _ in range(depth):
                if not frontier or not q.relations:
                    break
                ring: dict[str, int] = {}
                if scored:
                    ring = {r["id"]: r["score"] for r in self._run(
                        tx, cypher.neighbour_ring(q.relations), frontier=frontier,
                        seen=dict.fromkeys(seen, True), min_sources=f.min_sources)}
                inner = set(frontier)
                for e in ([] if scored else self._all_edges(tx, f, any_of=frontier)):
                    for u, v in ((e.subject, e.object), (e.object, e.subject)):
                        if u in inner and v not in seen:
                            ring[v] = ring.get(v, 0) + e.sources
                ordered = sorted(ring, key=lambda n: (-ring[n], n))
                room = max_nodes - len(chosen)
                if len(ordered) > room:
                    return self._subgraph(tx, chosen + ordered[:max(room, 0)], f, True)
                chosen.extend(ordered)
                seen.update(ordered)
                frontier = ordered
            return self._subgraph(tx, chosen, f, False)

        return self._reading(work)

    def subgraph(self, flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
        """The actors joined by the edges the filter admits (pagination ignored), best
        connected first (most distinct sources over their edges), cut at
        `max_nodes`, and the admitted edges among them."""

        def work(tx: neo4j.ManagedTransaction) -> Subgraph:
            f = self._resolve_filter(tx, flt or EdgeFilter())
            edges = self._all_edges(tx, f)
            score: dict[str, int] = {}
            for e in edges:
                score[e.subject] = score.get(e.subject, 0) + e.sources
                score[e.object] = score.get(e.object, 0) + e.sources
            ordered = sorted(score, key=lambda n: (-score[n], n))
            if len(ordered) > max_nodes:
                return self._subgraph(tx, ordered[:max_nodes], f, True)
            actors = self._actors(tx, ordered)
            return Subgraph(nodes=[actors[n] for n in ordered if n in actors], edges=edges)

        return self._reading(work)

    # ---- summary -----------------------------------------------------------------

    def stats(self) -> Stats:
        """Counts; `edges` counts edges under the default filter (the derived
        relationships), `by_relation` and `by_modality` count claims, `by_kind`
        actors (zero counts left out)."""

        def work(tx: neo4j.ManagedTransaction) -> Stats:
            head = self._run(tx, cypher.STATS)[0]
            edges = self._run(tx, cypher.count_relationships(RELATIONS))[0]["total"]

            def counts(query: str) -> dict[str, int]:
                return {r["key"]: r["n"] for r in self._run(tx, query)}

            return Stats(
                actors=head["actors"], sources=head["sources"], claims=head["claims"],
                edges=edges,
                by_relation={Relation(k): n for k, n in counts(cypher.CLAIMS_BY_RELATION).items()},
                by_modality={Modality(k): n for k, n in counts(cypher.CLAIMS_BY_MODALITY).items()},
                by_kind={ActorKind(k): n for k, n in counts(cypher.ACTORS_BY_KIND).items()},
            )

        return self._reading(work)
