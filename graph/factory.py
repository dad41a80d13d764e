"""Open the configured store from a single setting."""

from __future__ import annotations

from pathlib import Path

from graph.errors import InvalidInput
from graph.settings import Settings
from graph.store import GraphStore

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def store_from_settings(settings: Settings) -> GraphStore:
    """An unopened store for `settings.store` (call `.open()` or use `with`)."""
    uri = settings.store
    if uri.startswith("sqlite://"):
        from graph.sqlite_store import SqliteStore

        path = uri.removeprefix("sqlite://")  # sqlite:///rel/path or sqlite:////abs/path
        return SqliteStore(Path(path[1:] if path.startswith("/") else path))
    if uri.startswith(NEO4J_SCHEMES):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(
            uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
            batch_size=settings.neo4j_batch_size,
            timeout=settings.neo4j_timeout,
        )
    raise InvalidInput(
        f"ALLEGIANCE_STORE={uri!r} is not a store address: use sqlite:///path/to/file.db "
        "or a Neo4j URI (bolt://, neo4j://, neo4j+s://)"
    )
