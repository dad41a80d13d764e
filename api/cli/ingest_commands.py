"""`allegiance load PATH...`: store files and folders into the configured store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from api.cli.app import app, console, dump_json, err_console, open_store
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from loaders.ingest import FORMATS, LoadSummary, collect_files, load_paths

MAX_FILE_ROWS = 50


@app.command("load")
def load(
    paths: Annotated[list[Path], typer.Argument(
        help="Files or folders (folders are read recursively; supported extensions: "
        + ", ".join(sorted(FORMATS)) + ").", show_default=False, metavar="PATH")],
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the summary as JSON on stdout instead of a table.")] = False,
) -> None:
    """Read documents and claim files, extract their claims and store them.

    Documents (text, Markdown, HTML, PDF) go through the extraction pipeline.
    Claim files (CSV, JSON, JSONL) hold curated claims, one per record: subject,
    relation, object, quote, and source_title or source_url; optionally
    source_date, modality (default asserted), attributed_to, subject_kind and
    object_kind.

    A file that fails is reported and the others still load; a failed file stores
    nothing. Loading a file again changes nothing. Exits with 1 when any file failed.
    """
    settings = get_settings()
    with open_store() as store:
        if as_json:
            summary = load_paths(store, paths, settings)
        else:
            summary = _load_with_progress(store, paths, settings)
    if as_json:
        dump_json(summary.model_dump(mode="json") | {"ok": summary.ok})
    else:
        _print_summary(summary)
    if not summary.ok:
        err_console.print(f"[bold red]{len(summary.errors)} of {summary.files} files failed[/] "
                          "(nothing was stored from them)", highlight=False)
        raise typer.Exit(1)


def _load_with_progress(store: GraphStore, paths: list[Path], settings: Settings) -> LoadSummary:
    files, _ = collect_files(paths)
    columns = (TextColumn("[bold]loading"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("", total=len(files))

        def advance(path: Path, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total,
                            description=escape(path.name))

        return load_paths(store, paths, settings, on_progress=advance)


def _print_summary(summary: LoadSummary) -> None:
    table = Table(title="Loaded", title_justify="left", caption_justify="left",
                  caption="new: added by this load; same: sources already stored")
    table.add_column("file", overflow="fold", ratio=1)
    for heading in ("new sources", "same", "new actors", "new claims"):
        table.add_column(heading, justify="right", no_wrap=True)
    if len(summary.loaded) <= MAX_FILE_ROWS:
        for item in summary.loaded:
            reports = item.sources
            table.add_row(
                Text(item.path), str(sum(r.created for r in reports)),
                str(sum(not r.created for r in reports)),
                str(sum(r.actors_added for r in reports)),
                str(sum(r.claims_added for r in reports)),
            )
        table.add_section()
    table.add_row(f"[bold]{len(summary.loaded)} of {summary.files} files[/]",
                  str(summary.sources_added), str(summary.sources_unchanged),
                  str(summary.actors_added), str(summary.claims_added))
    console.print(table)
    for error in summary.errors:
        err_console.print(Text.assemble(("failed: ", "red"), error.error), highlight=False,
                          soft_wrap=True)
