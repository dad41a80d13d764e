"""`allegiance serve` (the HTTP API and the network view) and `allegiance demo`."""

from __future__ import annotations

from pathlib import Path

import typer

import loaders
from api.cli.app import app, cli_errors, console, err_console, open_store
from graph.errors import StoreUnavailable
from graph.factory import store_from_settings
from graph.settings import get_settings
from loaders.ingest import load_paths

DEMO_DIR = Path(loaders.__file__).resolve().parent / "data" / "demo"
"""The demo corpus: short illustrative documents written for this project."""


@app.command()
def serve(
    host: str = typer.Option(None, help="Address to bind (default: ALLEGIANCE_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default: ALLEGIANCE_PORT, 8000)."),
) -> None:
    """Serve the API (/docs) and the network view (/view)."""
    import uvicorn

    with cli_errors():  # a bad setting, a wrong address or a foreign file: say so now
        settings = get_settings()
        bind, at = host or settings.host, port or settings.port
        probe = store_from_settings(settings)
        try:
            probe.open()
        except StoreUnavailable as exc:
            err_console.print(f"warning: {exc}; the API answers 503 until it can reach the "
                              "store", highlight=False, markup=False)
        else:
            probe.close()
    typer.echo(f"allegiance: API docs at http://{bind}:{at}/docs, "
               f"network view at http://{bind}:{at}/view")
    uvicorn.run("api.main:create_app", factory=True, host=bind, port=at, log_level="info")


@app.command()
def demo(
    force: bool = typer.Option(False, "--force",
                               help="Load even when the store already holds documents."),
) -> None:
    """Load the demo corpus into the configured store when it is empty."""
    settings = get_settings()
    with open_store() as store:
        held = store.stats().sources
        if held and not force:
            console.print(f"The store ({settings.store}) already holds {held} sources; "
                          "the demo corpus is not loaded (--force loads it anyway).",
                          highlight=False)
            return
        summary = load_paths(store, [DEMO_DIR], settings)
        stats = store.stats()
    console.print(f"Loaded the demo corpus into {settings.store}: {summary.sources_added} "
                  f"documents, {summary.claims_added} claims; the graph now holds "
                  f"{stats.actors} actors and {stats.edges} edges.", highlight=False)
    for error in summary.errors:
        console.print(f"[red]not loaded:[/] {error.error}", highlight=False)
    if summary.errors:
        raise typer.Exit(1)
