"""`allegiance extract PATH`: what the pipeline finds in one document, not stored."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli.app import app, cli_errors, console, dump_json
from graph.errors import InvalidInput
from graph.settings import get_settings
from loaders.document import Document, Extraction
from loaders.extract import extract


def _read(path: Path) -> Document:
    from loaders.readers import read_path

    result = read_path(path, get_settings().max_document_bytes)
    if not isinstance(result, Document):
        raise InvalidInput(f"{path}: holds curated claims, not prose to extract from "
                           "(store it with `allegiance load`)")
    return result


def extraction_json(ex: Extraction) -> dict[str, Any]:
    """The extraction as the JSON the eval README describes."""
    return {
        "source": {"id": ex.source.id, "title": ex.source.title},
        "actors": [{"id": a.id, "name": a.name, "aliases": list(a.aliases)} for a in ex.actors],
        "claims": [
            {"subject": c.subject, "relation": c.relation.value, "object": c.object,
             "modality": c.modality.value, "quote": c.quote, "start": c.start, "end": c.end,
             "attributed_to": c.attributed_to, "confidence": c.confidence}
            for c in ex.claims
        ],
    }


@app.command("extract")
def extract_command(
    path: Annotated[Path, typer.Argument(help="A document: text, Markdown, HTML or PDF.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show the actors and claims the pipeline finds in PATH (nothing is stored)."""
    with cli_errors():
        ex = extract(_read(path))
    if as_json:
        dump_json(extraction_json(ex))
        return
    names = {a.id: a.name for a in ex.actors}
    table = Table(title=ex.source.title or str(path), show_lines=False)
    for col in ("subject", "relation", "object", "modality", "conf.", "quote"):
        table.add_column(col, overflow="fold")
    for c in ex.claims:
        table.add_row(names.get(c.subject, c.subject), c.relation.value,
                      names.get(c.object, c.object), c.modality.value, f"{c.confidence:.2f}",
                      f"{c.quote[:160]} [{c.start}:{c.end}]")
    console.print(table)
    console.print(f"{len(ex.actors)} actors, {len(ex.claims)} claims")
