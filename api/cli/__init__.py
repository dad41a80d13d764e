"""The `allegiance` command line."""

from api.cli import ingest_commands, query_commands, serve_commands, view_commands
from api.cli.app import app

__all__ = ["app", "ingest_commands", "main", "query_commands", "serve_commands", "view_commands"]


def main() -> None:
    app()
