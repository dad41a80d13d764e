"""Query commands: supporters, supported, edges, evidence, paths, actors, stats,
retract, export. Tables by default, `--json` prints what the HTTP API answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from api.cli.app import app, cli_errors, console, dump_json, open_store
from api.schemas import (
    ActorDetail,
    ActorEdges,
    ActorOut,
    EdgeOut,
    EdgePage,
    EvidenceOut,
    PathOut,
    PathsOut,
    RetractOut,
    StatsOut,
)
from graph import queries
from graph.errors import InvalidInput
from graph.export import FORMATS
from graph.model import Actor, Edge
from graph.store import EVIDENCE_LIMIT, EdgeFilter, GraphStore, Page

JsonOpt = typer.Option(False, "--json", help="Print JSON (as the HTTP API does).")
RelationOpt = typer.Option(None, "--relation", "-r",
                           help="Relation to include (repeatable); support includes its subtypes.")
ModalityOpt = typer.Option(
    None, "--modality", "-m",
    help="Modality counted (repeatable, or 'all'); default: asserted, reported.")
MinSourcesOpt = typer.Option(1, "--min-sources", min=1, help="Least distinct sources per edge.")
SinceOpt = typer.Option(None, "--since", help="Sources published on or after (YYYY-MM-DD).")
UntilOpt = typer.Option(None, "--until", help="Sources published on or before (YYYY-MM-DD).")
LimitOpt = typer.Option(100, "--limit", min=1, max=1000, help="Rows to show, 1..1000.")
OffsetOpt = typer.Option(0, "--offset", min=0, help="Rows to skip.")


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _filter(relation: list[str] | None, modality: list[str] | None, min_sources: int,
            since: str | None, until: str | None, limit: int, offset: int) -> EdgeFilter:
    return queries.make_filter(relations=relation, modalities=modality, min_sources=min_sources,
                               since=_date(since, "--since"), until=_date(until, "--until"),
                               limit=limit, offset=offset)


def _edges_out(store: GraphStore, edges: list[Edge]) -> list[EdgeOut]:
    names = queries.actor_names(store, (a for e in edges for a in (e.subject, e.object)))
    return [EdgeOut.of(e, names) for e in edges]


def _edge_table(title: str, rows: list[EdgeOut], total: int) -> Table:
    table = Table(title=Text(f"{title} ({len(rows)} of {total})"), title_justify="left")
    for col in ("subject", "relation", "object", "claims", "sources", "first seen",
                "last seen"):
        table.add_column(col, justify="right" if col in ("claims", "sources") else "left")
    for e in rows:
        table.add_row(*_cells(e.subject_name, e.label, e.object_name, e.claims, e.sources,
                              e.first_seen or "", e.last_seen or ""))
    return table


def _cells(*values: object) -> list[Text]:
    """Table cells shown verbatim (names may hold brackets rich would read as markup)."""
    return [Text(str(v)) for v in values]


def _actor_edges(kind: str, actor: Actor, page: Page[Edge], store: GraphStore,
                 as_json: bool) -> None:
    rows = _edges_out(store, page.items)
    if as_json:
        dump_json(ActorEdges(actor=ActorOut.of(actor), items=rows, total=page.total,
                             limit=page.limit, offset=page.offset))
        return
    console.print(_edge_table(f"{kind} {actor.name} [{actor.id}]", rows, page.total))


@app.command()
def supporters(
    actor: str = typer.Argument(..., help="Id, name or alias."),
    relation: list[str] | None = RelationOpt, modality: list[str] | None = ModalityOpt,
    min_sources: int = MinSourcesOpt, since: str | None = SinceOpt,
    until: str | None = UntilOpt, limit: int = LimitOpt, offset: int = OffsetOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Who is alleged to support ACTOR."""
    with open_store() as store:
        flt = _filter(relation, modality, min_sources, since, until, limit, offset)
        found, page = queries.supporters(store, actor, flt)
        _actor_edges("Supporters of", found, page, store, as_json)


@app.command()
def supported(
    actor: str = typer.Argument(..., help="Id, name or alias."),
    relation: list[str] | None = RelationOpt, modality: list[str] | None = ModalityOpt,
    min_sources: int = MinSourcesOpt, since: str | None = SinceOpt,
    until: str | None = UntilOpt, limit: int = LimitOpt, offset: int = OffsetOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Whom ACTOR is alleged to support."""
    with open_store() as store:
        flt = _filter(relation, modality, min_sources, since, until, limit, offset)
        found, page = queries.supported(store, actor, flt)
        _actor_edges("Supported by", found, page, store, as_json)


@app.command()
def edges(
    subject: str | None = typer.Option(None, "--subject", "-s", help="Id, name or alias."),
    object: str | None = typer.Option(None, "--object", "-o", help="Id, name or alias."),
    actor: str | None = typer.Option(None, "--actor", "-a", help="Either end."),
    relation: list[str] | None = RelationOpt, modality: list[str] | None = ModalityOpt,
    min_sources: int = MinSourcesOpt, since: str | None = SinceOpt,
    until: str | None = UntilOpt, limit: int = LimitOpt, offset: int = OffsetOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Edges matching the filters, most sources first."""
    with open_store() as store:
        flt = _filter(relation, modality, min_sources, since, until, limit, offset)
        flt = flt.model_copy(update={"subject": subject, "object": object, "actor": actor})
        page = queries.edges(store, flt)
        rows = _edges_out(store, page.items)
        if as_json:
            dump_json(EdgePage(items=rows, total=page.total, limit=page.limit,
                               offset=page.offset))
        else:
            console.print(_edge_table("Edges", rows, page.total))


@app.command()
def evidence(
    subject: str = typer.Argument(..., help="Id, name or alias."),
    relation: str = typer.Argument(..., help="support, funding, arms, training, ..."),
    object: str = typer.Argument(..., help="Id, name or alias."),
    limit: int = typer.Option(EVIDENCE_LIMIT, "--limit", min=1, max=1000,
                              help="Claims to show, 1..1000."),
    offset: int = typer.Option(0, "--offset", min=0, help="Claims to skip."),
    as_json: bool = JsonOpt,
) -> None:
    """The claims for SUBJECT RELATION OBJECT, a page at a time, with quotes; denials as
    counter-evidence."""
    with open_store() as store:
        out = EvidenceOut.of(queries.evidence(store, subject, relation, object, limit=limit,
                                              offset=offset))
    if as_json:
        dump_json(out)
        return
    console.print(f"[bold]{escape(out.subject.name)}[/] {out.relation.value} "
                  f"[bold]{escape(out.object.name)}[/]: {out.claims} claims from {out.sources} "
                  "sources, "
                  f"{out.counter_claims} denials", highlight=False)
    for item in out.items:
        c, s = item.claim, item.source
        tag = {"supporting": "[green]+[/]", "counter": "[red]denied[/]",
               "other": f"[yellow]{c.modality.value}[/]"}[item.role]
        where = f"{s.title or s.id}" + (f", {s.published}" if s.published else "")
        page = f" p.{c.page}" if c.page else ""
        said = f" (according to {c.attributed_to})" if c.attributed_to else ""
        console.print(f"{tag} [dim]{escape(f'{where}{page} [{c.start}:{c.end}]{said}')}[/]",
                      highlight=False)
        console.print(f"    \u201c{c.quote}\u201d", markup=False, highlight=False)
    shown = out.offset + len(out.items)
    if out.items and (out.offset or shown < out.total):
        more = f"; next: --offset {shown}" if shown < out.total else ""
        console.print(f"Claims {out.offset + 1}-{shown} of {out.total}{more}",
                      highlight=False, markup=False)
    elif not out.items and out.total:
        console.print(f"No claims at offset {out.offset}; there are {out.total}.",
                      highlight=False, markup=False)


@app.command()
def paths(
    start: str = typer.Argument(..., metavar="FROM", help="Id, name or alias."),
    end: str = typer.Argument(..., metavar="TO", help="Id, name or alias."),
    relation: list[str] | None = RelationOpt,
    max_hops: int = typer.Option(3, "--max-hops", min=1, max=6),
    min_sources: int = MinSourcesOpt,
    limit: int = typer.Option(10, "--limit", min=1, max=100),
    as_json: bool = JsonOpt,
) -> None:
    """How FROM and TO are connected, shortest first."""
    with open_store() as store:
        a, b, found = queries.paths(store, start, end, relation, max_hops=max_hops,
                                    min_sources=min_sources, limit=limit)
        names = queries.actor_names(store, (x for p in found for e in p.hops
                                            for x in (e.subject, e.object)))
    out = PathsOut(source=ActorOut.of(a), target=ActorOut.of(b),
                   paths=[PathOut.of(p, names) for p in found])
    if as_json:
        dump_json(out)
        return
    if not out.paths:
        console.print(f"No path from {a.name} to {b.name} within {max_hops} hops.")
    for i, p in enumerate(out.paths, 1):
        steps = [f"{h.subject_name} \u2014{h.label} ({h.sources} src)\u2192 {h.object_name}"
                 for h in p.hops]
        console.print(f"{i}. " + "  |  ".join(steps), highlight=False, markup=False)


@app.command()
def actors(
    query: str | None = typer.Argument(None, help="Name or alias to search for."),
    limit: int = typer.Option(20, "--limit", min=1, max=1000),
    offset: int = OffsetOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Search actors by name or alias (all actors without a QUERY)."""
    with open_store() as store:
        page = queries.search_actors(store, query, limit=limit, offset=offset)
    if as_json:
        dump_json({"items": [ActorOut.of(a) for a in page.items], "total": page.total,
                   "limit": page.limit, "offset": page.offset})
        return
    table = Table(title=f"Actors ({len(page.items)} of {page.total})", title_justify="left")
    for col in ("id", "name", "kind", "country", "aliases"):
        table.add_column(col)
    for a in page.items:
        table.add_row(*_cells(a.id, a.name, a.kind.value, a.country or "",
                              ", ".join(a.aliases[:4])))
    console.print(table)


@app.command()
def actor(ref: str = typer.Argument(..., help="Id, name or alias."),
          as_json: bool = JsonOpt) -> None:
    """One actor and how much of the graph touches it."""
    with open_store() as store:
        out = ActorDetail.of_summary(queries.actor_summary(store, ref))
    if as_json:
        dump_json(out)
        return
    console.print(Text(f"{out.name} [{out.id}] {out.kind.value}"
                       + (f", {out.country}" if out.country else ""), style="bold"))
    if out.aliases:
        console.print("aliases: " + ", ".join(out.aliases), markup=False)
    console.print(f"{out.edges} edges ({out.claims} claims), {out.supporters} supporters, "
                  f"supports {out.supported}")


@app.command()
def stats(as_json: bool = JsonOpt) -> None:
    """How much the graph holds."""
    with open_store() as store:
        out = StatsOut.of(store.stats())
    if as_json:
        dump_json(out)
        return
    console.print(f"{out.actors} actors, {out.sources} sources, {out.claims} claims, "
                  f"{out.edges} edges")
    for title, counts in (("by relation", out.by_relation), ("by modality", out.by_modality),
                          ("by kind", out.by_kind)):
        shown = ", ".join(f"{k.value} {v}" for k, v in sorted(counts.items(),
                                                              key=lambda kv: -kv[1]) if v)
        console.print(f"  {title}: {shown or '-'}")


@app.command()
def retract(source: str = typer.Argument(..., help="A source id (sha256:...)."),
            as_json: bool = JsonOpt) -> None:
    """Withdraw a source: its claims go, edges left without claims disappear."""
    with open_store() as store:
        out = RetractOut.of(store.retract(source))
    if as_json:
        dump_json(out)
        return
    console.print(f"Retracted {out.source}: {out.claims_removed} claims removed, "
                  f"{len(out.edges_removed)} edges gone, {len(out.edges_weakened)} weakened.",
                  markup=False)
    for e in out.edges_removed:
        console.print(f"  gone: {e.subject} {e.relation.value} {e.object}", markup=False)


@app.command()
def export(
    format: str = typer.Option("json", "--format", "-f", help="graphml, json or csv."),
    out: Path | None = typer.Option(None, "--out", "-o", help="File to write (default stdout)."),
) -> None:
    """Write the whole graph as GraphML, JSON or CSV."""
    with cli_errors():
        if format not in FORMATS:
            raise InvalidInput(f"--format: {format!r} is not one of {', '.join(FORMATS)}")
    with open_store() as store:
        body = queries.export(store, format)
    if out is None:
        typer.echo(body, nl=False)
    else:
        out.write_text(body, encoding="utf-8")
        console.print(f"Wrote {out} ({len(body.encode())} bytes).")
