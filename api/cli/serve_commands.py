"""`allegiance serve`: run the HTTP API and the network view."""

from __future__ import annotations

import typer

from api.cli.app import app
from graph.settings import get_settings


@app.command()
def serve(
    host: str = typer.Option(None, help="Address to bind (default: ALLEGIANCE_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default: ALLEGIANCE_PORT, 8000)."),
) -> None:
    """Serve the API (/docs) and the network view (/view)."""
    import uvicorn

    settings = get_settings()
    bind, at = host or settings.host, port or settings.port
    typer.echo(f"allegiance: API docs at http://{bind}:{at}/docs, network view at http://{bind}:{at}/view")
    uvicorn.run("api.main:create_app", factory=True, host=bind, port=at, log_level="info")
