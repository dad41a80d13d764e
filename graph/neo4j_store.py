"""The Neo4j backend: claims as nodes, typed actor-to-actor relationships derived
from them, every statement from `graph.cypher`.

Writes run in one managed transaction each (ingest, retract, merge), so the
derived relationships (`SUPPORTS`, `FUNDS`, ...) always match the counted claims.
Driver errors are mapped onto `graph.errors` at this boundary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn, Self, TypeVar

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
    check_claim_against_source,
    fold,
)
from graph.relations import (
    COUNTED_MODALITIES,
    RELATIONS,
    Modality,
    Relation,
    expand,
    is_symmetric,
)
from graph.store import (
    MAX_LIMIT,
    EdgeFilter,
    Evidence,
    IngestReport,
    MergeReport,
    Page,
    Path,
    RetractReport,
    Stats,
    Subgraph,
)

T = TypeVar("T")
Triple = tuple[str, Relation, str]
_COUNTED = sorted(m.value for m in COUNTED_MODALITIES)
_SYMMETRIC = sorted(r.value for r, i in RELATIONS.items() if i.symmetric)


def _native(value: Any) -> Any:
    """A neo4j temporal value as its Python equivalent; anything else unchanged."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def _row(record: Any, keys: Iterable[str]) -> dict[str, Any]:
    return {k: _native(record.get(k)) for k in keys}


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit: must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise InvalidInput(f"offset: must not be negative, got {offset}")


def _names(name: str, aliases: Iterable[str]) -> tuple[list[str], list[str]]:
    """Aliases without repeats of the name or of each other, and every folded key."""
    keys = [fold(name)]
    out: list[str] = []
    for alias in aliases:
        key = fold(alias)
        if key and key not in keys:
            keys.append(key)
            out.append(alias)
    return out, keys


def _actor(rec: Any) -> Actor:
    return Actor(
        id=rec["id"], name=rec["name"], aliases=tuple(rec["aliases"] or ()),
        kind=ActorKind(rec["kind"]), country=rec["country"], wikidata=rec["wikidata"],
        description=rec["description"],
    )


_SOURCE_KEYS = ("id", "title", "author", "publisher", "url", "published", "retrieved",
                "media_type", "loader")
_CLAIM_KEYS = ("id", "subject", "relation", "object", "source", "quote", "start", "end",
               "modality", "attributed_to", "confidence", "extractor", "page", "valid_from",
               "valid_to", "created")


def _source_info(rec: Any) -> SourceInfo:
    return SourceInfo(**{k: v for k, v in _row(rec, _SOURCE_KEYS).items() if v is not None})


def _claim(rec: Any) -> Claim:
    return Claim(**{k: v for k, v in _row(rec, _CLAIM_KEYS).items() if v is not None})


def _edge(row: dict[str, Any]) -> Edge:
    mods = Counter(Modality(m) for m in row["modalities"])
    return Edge(
        subject=row["subject"], relation=Relation(row["relation"]), object=row["object"],
        claims=row["claims"], sources=row["sources"], first_seen=_native(row["first_seen"]),
        last_seen=_native(row["last_seen"]), modalities=dict(mods),
    )


def _hop(row: dict[str, Any]) -> Edge:
    mods = {Modality.ASSERTED: row["asserted"] or 0, Modality.REPORTED: row["reported"] or 0}
    return Edge(
        subject=row["subject"], relation=cypher.RELATION_OF_TYPE[row["type"]],
        object=row["object"], claims=row["claims"], sources=row["sources"],
        first_seen=_native(row["first_seen"]), last_seen=_native(row["last_seen"]),
        modalities={m: n for m, n in mods.items() if n},
    )


def _canonical(subject: str, relation: Relation, obj: str) -> Triple:
    if is_symmetric(relation) and subject > obj:
        return (obj, relation, subject)
    return (subject, relation, obj)


def _batches(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


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

    # ---- lifecycle ---------------------------------------------------------------

    def open(self) -> None:
        """Connect within `timeout` seconds and create the constraints and indexes."""
        if self._driver is not None:
            return
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
        except BaseException:
            self._driver = None
            driver.close()
            raise

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
        if isinstance(exc, nx.AuthError):
            raise StoreUnavailable(f"{where} refused the credentials: {exc.message}") from exc
        if isinstance(exc, nx.ServiceUnavailable | nx.SessionExpired | OSError):
            raise StoreUnavailable(f"cannot reach {where}: {exc}") from exc
        if isinstance(exc, nx.ConnectionAcquisitionTimeoutError):
            raise StoreUnavailable(f"cannot reach {where}: {exc}") from exc
        if isinstance(exc, nx.ConstraintError):
            raise Conflict(f"{where}: {exc.message}") from exc
        if isinstance(exc, nx.Neo4jError):
            if exc.code and exc.code.endswith("DatabaseNotFound"):
                raise StoreUnavailable(f"{where} has no database {self.database!r}") from exc
            if exc.code and exc.code.startswith("Neo.TransientError"):
                raise StoreUnavailable(f"{where} is busy: {exc.message}") from exc
            raise StoreError(f"{where} failed: {exc.message}") from exc
        raise StoreError(f"{where} failed: {exc}") from exc

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

    def _read(self, query: str, **params: Any) -> list[neo4j.Record]:
        with self._errors():
            result = self.driver.execute_query(
                query, parameters_=params, database_=self.database,
                routing_=neo4j.RoutingControl.READ,
            )
        return list(result.records)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """Run `work` in one write transaction (retried on transient errors)."""
        with self._errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def _run(self, tx: neo4j.ManagedTransaction, query: str, **params: Any) -> list[neo4j.Record]:
        return list(tx.run(query, params))

    def _run_batched(self, tx: neo4j.ManagedTransaction, query: str,
                     rows: Sequence[dict[str, Any]], **params: Any) -> None:
        for batch in _batches(rows, self.batch_size):
            tx.run(query, {**params, "rows": list(batch)}).consume()

    # ---- shared write steps ------------------------------------------------------

    def _resolve(self, tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> dict[str, str | None]:
        recs = self._run(tx, cypher.RESOLVE_IDS, ids=sorted(set(ids)))
        return {r["id"]: r["resolved"] for r in recs}

    def _refresh(self, tx: neo4j.ManagedTransaction, triples: Iterable[Triple]) -> None:
        """Rebuild the derived relationships of these triples from their claims."""
        by_relation: dict[Relation, list[dict[str, str]]] = {}
        for s, rel, o in sorted(set(triples)):
            by_relation.setdefault(rel, []).append({"subject": s, "object": o})
        for rel, rows in by_relation.items():
            self._run_batched(tx, cypher.refresh_relationships(rel), rows,
                              relation=rel.value, counted=_COUNTED)

    def _counts(self, tx: neo4j.ManagedTransaction, triples: Sequence[Triple]
                ) -> dict[Triple, int]:
        rows = [{"subject": s, "relation": r.value, "object": o} for s, r, o in triples]
        out: dict[Triple, int] = {}
        for batch in _batches(rows, self.batch_size):
            for rec in self._run(tx, cypher.TRIPLE_COUNTS, rows=list(batch), counted=_COUNTED):
                out[(rec["subject"], Relation(rec["relation"]), rec["object"])] = rec["claims"]
        return out

    def _upsert_actors(self, tx: neo4j.ManagedTransaction, actors: Sequence[Actor],
                       resolved: dict[str, str | None]) -> int:
        """Create new actors; add unseen names to stored ones as aliases."""
        new: dict[str, Actor] = {}
        extra: dict[str, list[str]] = {}
        for a in actors:
            target = resolved.get(a.id)
            if target is None:
                if a.id in new:
                    extra.setdefault(a.id, []).extend(a.names())
                else:
                    new[a.id] = a
            else:
                extra.setdefault(target, []).extend(a.names())
        create_rows = []
        for a in new.values():
            aliases, keys = _names(a.name, [*a.aliases, *extra.pop(a.id, [])])
            create_rows.append({
                "id": a.id, "name": a.name, "aliases": aliases, "alias_keys": keys,
                "kind": a.kind.value, "country": a.country, "wikidata": a.wikidata,
                "description": a.description,
            })
        self._run_batched(tx, cypher.CREATE_ACTORS, create_rows)
        alias_rows = []
        stored = {r["id"]: r for r in self._run(tx, cypher.GET_ACTORS, ids=sorted(extra))}
        for actor_id, names in extra.items():
            rec = stored[actor_id]
            aliases, keys = _names(rec["name"], [*(rec["aliases"] or []), *names])
            if keys != list(rec["alias_keys"] or []):
                alias_rows.append({"id": actor_id, "aliases": aliases, "alias_keys": keys})
        self._run_batched(tx, cypher.SET_ALIASES, alias_rows)
        return len(create_rows)

    # ---- writes ------------------------------------------------------------------

    def ingest(self, source: Source, actors: Sequence[Actor],
               claims: Sequence[Claim]) -> IngestReport:
        """Store the source, its actors and claims in one transaction, or nothing."""
        unique = list({c.id: c for c in claims}.values())
        for claim in unique:
            check_claim_against_source(claim, source)
        given = {a.id for a in actors}

        def work(tx: neo4j.ManagedTransaction) -> IngestReport:
            if self._run(tx, cypher.SOURCE_EXISTS, id=source.id)[0]["found"]:
                return IngestReport(source=source.id, created=False, actors_added=0,
                                    claims_added=0)
            named = {x for c in unique for x in (c.subject, c.object)}
            resolved = self._resolve(tx, given | named)
            for c in unique:
                for role, x in (("subject", c.subject), ("object", c.object)):
                    if x not in given and resolved.get(x) is None:
                        raise InvalidInput(
                            f"claim {c.id}: {role} {x!r} is neither among the document's "
                            "actors nor in the store"
                        )
            added = self._upsert_actors(tx, actors, resolved)
            canon = {x: resolved.get(x) or x for x in given | named}
            rows, triples = [], set()
            for c in unique:
                s, rel, o = _canonical(canon[c.subject], c.relation, canon[c.object])
                if s == o:
                    raise InvalidInput(f"claim {c.id}: subject and object are the same actor "
                                       f"({s}) after following merges")
                row = {k: v for k, v in c.model_dump().items() if v is not None}
                row.update(subject=s, object=o, relation=rel.value, modality=c.modality.value)
                rows.append(row)
                triples.add((s, rel, o))
            info = source.model_dump()
            self._run(tx, cypher.CREATE_SOURCE, row=info)
            self._run_batched(tx, cypher.CREATE_CLAIMS, rows)
            self._refresh(tx, triples)
            return IngestReport(source=source.id, created=True, actors_added=added,
                                claims_added=len(rows))

        return self._write(work)

    def add_actors(self, actors: Sequence[Actor]) -> int:
        def work(tx: neo4j.ManagedTransaction) -> int:
            return self._upsert_actors(tx, actors, self._resolve(tx, (a.id for a in actors)))

        return self._write(work)

    def merge_actors(self, keep: str, merge: str) -> MergeReport:
        def work(tx: neo4j.ManagedTransaction) -> MergeReport:
            resolved = self._resolve(tx, [keep, merge])
            for role, x in (("keep", keep), ("merge", merge)):
                if resolved.get(x) is None:
                    raise NotFound(f"{role}: no actor with id {x!r}")
            k, m = resolved[keep], resolved[merge]
            assert k is not None and m is not None
            if k == m:
                raise Conflict(f"merge: {merge!r} is already the same actor as {keep!r} ({k})")
            old = [(r["subject"], Relation(r["relation"]), r["object"])
                   for r in self._run(tx, cypher.MERGE_TRIPLES, merge=m)]
            self._run(tx, cypher.DROP_SELF_CLAIMS, keep=k, merge=m)
            moved = self._run(tx, cypher.MOVE_SUBJECT_CLAIMS, keep=k, merge=m)[0]["moved"]
            moved += self._run(tx, cypher.MOVE_OBJECT_CLAIMS, keep=k, merge=m)[0]["moved"]
            self._run(tx, cypher.REORDER_SYMMETRIC, keep=k, symmetric=_SYMMETRIC)
            recs = {r["id"]: r for r in self._run(tx, cypher.GET_ACTORS, ids=[k, m])}
            kept, gone = recs[k], recs[m]
            before = len(kept["alias_keys"] or [])
            aliases, keys = _names(kept["name"], [*(kept["aliases"] or []), gone["name"],
                                                  *(gone["aliases"] or [])])
            self._run(tx, cypher.FOLD_ACTOR, keep=k, merge=m, aliases=aliases, alias_keys=keys)
            new = {_canonical(k if s == m else s, rel, k if o == m else o) for s, rel, o in old}
            self._refresh(tx, {t for t in new if t[0] != t[2]})
            return MergeReport(kept=k, merged=m, claims_moved=moved,
                               aliases_added=len(keys) - before)

        return self._write(work)

    def retract(self, source_id: str) -> RetractReport:
        def work(tx: neo4j.ManagedTransaction) -> RetractReport:
            if not self._run(tx, cypher.SOURCE_EXISTS, id=source_id)[0]["found"]:
                raise NotFound(f"source: no source with id {source_id!r}")
            triples = sorted((r["subject"], Relation(r["relation"]), r["object"])
                             for r in self._run(tx, cypher.SOURCE_TRIPLES, id=source_id))
            before = self._counts(tx, triples)
            removed = self._run(tx, cypher.DELETE_SOURCE, id=source_id)[0]["removed"]
            self._refresh(tx, triples)
            after = self._counts(tx, triples)
            gone = [t for t in triples if before.get(t, 0) > 0 and after.get(t, 0) == 0]
            weaker = [t for t in triples if 0 < after.get(t, 0) < before.get(t, 0)]
            return RetractReport(source=source_id, claims_removed=removed,
                                 edges_removed=gone, edges_weakened=weaker)

        return self._write(work)

    def clear(self) -> None:
        with self._errors(), self.driver.session(database=self.database) as session:
            session.run(cypher.CLEAR).consume()

    # ---- actors and sources ------------------------------------------------------

    def get_actor(self, actor_id: str) -> Actor:
        recs = self._read(cypher.RESOLVE_IDS, ids=[actor_id])
        target = recs[0]["resolved"] if recs else None
        if target is None:
            raise NotFound(f"actor: no actor with id {actor_id!r}")
        found = self._read(cypher.GET_ACTORS, ids=[target])
        if not found:
            raise NotFound(f"actor: no actor with id {actor_id!r}")
        return _actor(found[0])

    def _actors(self, ids: Iterable[str]) -> dict[str, Actor]:
        return {r["id"]: _actor(r) for r in self._read(cypher.GET_ACTORS, ids=sorted(set(ids)))}

    def list_actors(self, kind: ActorKind | None = None, limit: int = 100,
                    offset: int = 0) -> Page[Actor]:
        _check_page(limit, offset)
        k = kind.value if kind is not None else None
        total = self._read(cypher.COUNT_ACTORS, kind=k)[0]["total"]
        recs = self._read(cypher.LIST_ACTORS, kind=k, limit=limit, offset=offset)
        return Page[Actor](items=[_actor(r) for r in recs], total=total, limit=limit,
                           offset=offset)

    def search_actors(self, query: str, kind: ActorKind | None = None, limit: int = 20,
                      offset: int = 0) -> Page[Actor]:
        _check_page(limit, offset)
        q = fold(query)
        if not q:
            return Page[Actor](items=[], total=0, limit=limit, offset=offset)
        k = kind.value if kind is not None else None
        recs = self._read(cypher.SEARCH_ACTORS, q=q, kind=k, limit=limit, offset=offset)
        total = (recs[0]["total"] if recs
                 else self._read(cypher.COUNT_SEARCH, q=q, kind=k)[0]["total"])
        return Page[Actor](items=[_actor(r) for r in recs], total=total, limit=limit,
                           offset=offset)

    def get_source(self, source_id: str) -> Source:
        recs = self._read(cypher.GET_SOURCE, id=source_id)
        if not recs:
            raise NotFound(f"source: no source with id {source_id!r}")
        info = _source_info(recs[0])
        return Source(**info.model_dump(), text=recs[0]["text"])

    def list_sources(self, limit: int = 100, offset: int = 0) -> Page[SourceInfo]:
        _check_page(limit, offset)
        total = self._read(cypher.COUNT_SOURCES)[0]["total"]
        recs = self._read(cypher.LIST_SOURCES, limit=limit, offset=offset)
        return Page[SourceInfo](items=[_source_info(r) for r in recs], total=total,
                                limit=limit, offset=offset)

    def claims(self, source: str | None = None, limit: int = 100,
               offset: int = 0) -> Page[Claim]:
        """Stored claims (of one source when given), by source and position."""
        _check_page(limit, offset)
        total = self._read(cypher.COUNT_CLAIMS, source=source)[0]["total"]
        recs = self._read(cypher.CLAIMS_PAGE, source=source, limit=limit, offset=offset)
        return Page[Claim](items=[_claim(r) for r in recs], total=total, limit=limit,
                           offset=offset)

    # ---- edges -------------------------------------------------------------------

    def _edge_query(self, flt: EdgeFilter, **extra: Any) -> tuple[EdgeQuery, dict[str, Any]]:
        q = EdgeQuery(
            subject=flt.subject is not None, object=flt.object is not None,
            actor=flt.actor is not None, source=flt.source is not None,
            since=flt.since is not None, until=flt.until is not None,
            any_of="any_of" in extra, both_in="both_in" in extra,
        )
        params: dict[str, Any] = {
            "relations": sorted(r.value for r in expand(flt.relations, flt.subtypes)),
            "modalities": sorted(m.value for m in flt.modalities),
            "subject": flt.subject, "object": flt.object, "actor": flt.actor,
            "source": flt.source, "since": flt.since, "until": flt.until,
            "min_sources": flt.min_sources, **extra,
        }
        return q, params

    def edges(self, flt: EdgeFilter) -> Page[Edge]:
        q, params = self._edge_query(flt)
        rec = self._read(cypher.edges_page(q), offset=flt.offset, limit=flt.limit, **params)[0]
        return Page[Edge](items=[_edge(r) for r in rec["items"]], total=rec["total"],
                          limit=flt.limit, offset=flt.offset)

    def _all_edges(self, flt: EdgeFilter, **extra: Any) -> list[Edge]:
        q, params = self._edge_query(flt, **extra)
        return [_edge(dict(r)) for r in self._read(cypher.edges_all(q), **params)]

    def _support(self, flt: EdgeFilter | None, **ends: str) -> Page[Edge]:
        flt = flt or EdgeFilter()
        relations = flt.relations or (Relation.SUPPORT,)
        return self.edges(flt.model_copy(update={"relations": relations, **ends}))

    def supporters(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        return self._support(flt, object=actor_id)

    def supported(self, actor_id: str, flt: EdgeFilter | None = None) -> Page[Edge]:
        return self._support(flt, subject=actor_id)

    def evidence(self, subject: str, relation: Relation, obj: str,
                 modalities: frozenset[Modality] | None = None) -> list[Evidence]:
        rel = Relation(relation)
        s, _, o = _canonical(subject, rel, obj)
        mods = sorted(m.value for m in (modalities if modalities is not None else Modality))
        recs = self._read(cypher.EVIDENCE, subject=s, relation=rel.value, object=o,
                          modalities=mods)
        return [Evidence(claim=_claim(r["claim"]), source=_source_info(r["source"]))
                for r in recs]

    # ---- traversal ---------------------------------------------------------------

    def paths(self, start: str, end: str, relations: Sequence[Relation] | None = None,
              max_hops: int = 3, min_sources: int = 1, limit: int = 10) -> list[Path]:
        if not 1 <= max_hops <= cypher.MAX_PATH_HOPS:
            raise InvalidInput(f"max_hops: must be between 1 and {cypher.MAX_PATH_HOPS}")
        if limit < 1:
            raise InvalidInput(f"limit: must be at least 1, got {limit}")
        rels = expand(relations)
        if not rels or start == end:
            return []
        recs = self._read(cypher.paths(rels, max_hops), start=start, end=end,
                          min_sources=min_sources, limit=limit)
        return [Path(actors=list(r["actors"]), hops=[_hop(h) for h in r["hops"]]) for r in recs]

    def _subgraph(self, order: list[str], flt: EdgeFilter, max_nodes: int) -> Subgraph:
        keep = order[:max_nodes]
        edges = self._all_edges(flt, both_in=keep) if keep else []
        actors = self._actors(keep)
        return Subgraph(nodes=[actors[i] for i in keep if i in actors], edges=edges,
                        truncated=len(order) > max_nodes)

    def neighbourhood(self, actor_id: str, depth: int = 1, flt: EdgeFilter | None = None,
                      max_nodes: int = 500) -> Subgraph:
        if depth < 0:
            raise InvalidInput(f"depth: must not be negative, got {depth}")
        if max_nodes < 1:
            raise InvalidInput(f"max_nodes: must be at least 1, got {max_nodes}")
        center = self.get_actor(actor_id).id
        flt = flt or EdgeFilter()
        order, frontier = [center], [center]
        seen = {center}
        for _ in range(depth):
            if not frontier or len(order) > max_nodes:
                break
            nxt: list[str] = []
            for e in self._all_edges(flt, any_of=frontier):
                for x in (e.subject, e.object):
                    if x not in seen:
                        seen.add(x)
                        nxt.append(x)
            order.extend(nxt)
            frontier = nxt
        return self._subgraph(order, flt, max_nodes)

    def subgraph(self, flt: EdgeFilter | None = None, max_nodes: int = 500) -> Subgraph:
        if max_nodes < 1:
            raise InvalidInput(f"max_nodes: must be at least 1, got {max_nodes}")
        flt = flt or EdgeFilter()
        edges = self._all_edges(flt)
        degree: Counter[str] = Counter()
        for e in edges:
            degree[e.subject] += 1
            degree[e.object] += 1
        order = sorted(degree, key=lambda x: (-degree[x], x))
        if len(order) <= max_nodes:
            actors = self._actors(order)
            return Subgraph(nodes=[actors[i] for i in order if i in actors], edges=edges)
        return self._subgraph(order, flt, max_nodes)

    # ---- summary -----------------------------------------------------------------

    def stats(self) -> Stats:
        head = self._read(cypher.STATS)[0]
        rels = self._read(cypher.relationships_between(RELATIONS))
        by_relation = Counter(cypher.RELATION_OF_TYPE[r["type"]] for r in rels)
        kinds = {ActorKind(r["key"]): r["n"] for r in self._read(cypher.ACTORS_BY_KIND)}
        mods = {Modality(r["key"]): r["n"] for r in self._read(cypher.CLAIMS_BY_MODALITY)}
        return Stats(actors=head["actors"], sources=head["sources"], claims=head["claims"],
                     edges=len(rels), by_relation=dict(by_relation), by_modality=mods,
                     by_kind=kinds)
