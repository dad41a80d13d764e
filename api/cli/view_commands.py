"""`allegiance view --out graph.html`: the network view as one self-contained file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from api.cli.app import app, cli_errors, console, open_store
from graph import queries
from graph.errors import InvalidInput
from graph.settings import get_settings
from viz.page import render_page
from viz.payload import ViewQuery, build_view


@app.command()
def view(
    out: Path = typer.Option(..., "--out", "-o", help="HTML file to write.",
                             dir_okay=False, writable=True),
    center: str = typer.Option(None, help="Actor id, name or alias to centre on."),
    depth: int = typer.Option(1, min=1, max=4, help="Hops around the centre."),
    relations: list[str] = typer.Option(
        None, "--relation", "--relations", "-r",
        help="Relations to draw (repeat or comma-separate); a parent includes its subtypes."),
    min_sources: int = typer.Option(1, min=1, help="Least distinct sources an edge needs."),
    since: datetime = typer.Option(None, formats=["%Y-%m-%d"],
                                   help="Only sources published on or after (YYYY-MM-DD)."),
    until: datetime = typer.Option(None, formats=["%Y-%m-%d"],
                                   help="Only sources published on or before (YYYY-MM-DD)."),
    max_nodes: int = typer.Option(None, min=1, help="Most actors drawn "
                                  "(default and cap: ALLEGIANCE_VIEW_MAX_NODES)."),
) -> None:
    """Write the network view, with every edge's evidence embedded, to one HTML file
    that opens offline (no server, no internet)."""
    cap = get_settings().view_max_nodes
    with cli_errors():
        q = ViewQuery(center=center, depth=depth, relations=queries.parse_relations(relations),
                      min_sources=min_sources,
                      since=since.date() if since else None,
                      until=until.date() if until else None,
                      max_nodes=min(max_nodes or cap, cap))
        queries.make_filter(min_sources=q.min_sources, since=q.since, until=q.until)
    with open_store() as store:
        data = build_view(store, q, standalone=True)
        html = render_page(data, standalone=True)
    with cli_errors():
        try:
            out.write_text(html, encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(f"--out: cannot write {out}: {exc.strerror}") from None
    meta = data["meta"]
    console.print(f"wrote {out} ({len(data['nodes'])} actors, {len(data['edges'])} edges, "
                  f"{len(html) // 1024} KiB)", highlight=False)
    if meta["message"]:
        console.print(f"[yellow]note:[/] {meta['message']}", highlight=False)
