"""`allegiance serve` (the HTTP API and the network view) and `allegiance demo`."""

from __future__ import annotations

from pathlib import Path

import typer

import loaders
from api.cli.app import app, cli_errors, console, err_console, fail, open_store
from graph.errors import StoreUnavailable
from graph.factory import store_from_settings
from graph.settings import get_settings
from loaders.ingest import load_paths

DEMO_DIR = Path(loaders.__file__).resolve().parent / "data" / "demo"
"""The demo corpus: short illustrative documents written for this project."""
WORKER_PATIENCE_S = 60
"""Seconds a worker process may take to answer the supervisor (uvicorn's default: 5)."""


@app.command()
def serve(
    host: str = typer.Option(None, help="Address to bind (default: ALLEGIANCE_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default: ALLEGIANCE_PORT, 8000)."),
    workers: int = typer.Option(None, min=1, max=64,
                                help="Worker processes, each with its own store connection "
                                "(default: ALLEGIANCE_WORKERS, 1); more than 1 needs SQLite."),
) -> None:
    """Serve the API (/docs) and the network view (/view)."""
    import uvicorn

    with cli_errors():  # a bad setting, a wrong address or a foreign file: say so now
        settings = get_settings()
        bind, at = host or settings.host, port or settings.port
        processes = workers or settings.workers
        if processes > 1 and not settings.store.startswith("sqlite://"):
            # Neo4jStore serialises writes within one process only; ingests from
            # several processes naming the same actors deadlock or collide on the
            # uniqueness constraints more often than the driver's retries mend.
            raise fail(f"{processes} workers need a SQLite store: with Neo4j, writes from "
                       "several processes are not serialised; run one worker", 2)
        probe = store_from_settings(settings)
        try:
            probe.open()
        except StoreUnavailable as exc:
            err_console.print(f"warning: {exc}; the API answers 503 until it can reach the "
                              "store", highlight=False, markup=False)
        else:
            probe.close()
    typer.echo(f"allegiance: API docs at http://{bind}:{at}/docs, "
               f"network view at http://{bind}:{at}/view"
               + (f" ({processes} worker processes)" if processes > 1 else ""))
    # Each worker process imports the app and calls the factory: a store of its own.
    # The supervisor replaces a worker that does not answer its ping in time; a fresh
    # one needs that long to import the app, which takes several seconds on a busy host.
    uvicorn.run("api.main:create_app", factory=True, host=bind, port=at, log_level="info",
                workers=processes, timeout_worker_healthcheck=WORKER_PATIENCE_S)


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
