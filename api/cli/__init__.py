"""The `allegiance` command line."""

from api.cli import (
    extract_commands,
    ingest_commands,
    query_commands,
    serve_commands,
    view_commands,
)
from api.cli.app import app

__all__ = [
    "app",
    "extract_commands",
    "ingest_commands",
    "main",
    "query_commands",
    "serve_commands",
    "view_commands",
]


def main() -> None:
    app()
