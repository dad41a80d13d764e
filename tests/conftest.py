"""Shared fixtures: a store per backend, each test starting from an empty graph.

The Neo4j backend runs against a real Neo4j 5.26 server started once per session
(tests/neo4j_server/), or the server at NEO4J_URI when set. ALLEGIANCE_SKIP_NEO4J=1
is the only way to skip it.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.store import GraphStore

if TYPE_CHECKING:
    from graph.neo4j_store import Neo4jStore

REPO = Path(__file__).resolve().parent.parent
SKIP_NEO4J = os.environ.get("ALLEGIANCE_SKIP_NEO4J") == "1"
BACKENDS = ["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """A Bolt URI of a running Neo4j: NEO4J_URI, or a server started for this session.

    A server at NEO4J_URI is wiped by every test (NEO4J_USER, NEO4J_PASSWORD and
    NEO4J_DATABASE say how to log in); never point it at data you want to keep.
    """
    if SKIP_NEO4J:
        warnings.warn("ALLEGIANCE_SKIP_NEO4J=1: the Neo4j backend is NOT tested", stacklevel=1)
        pytest.skip("ALLEGIANCE_SKIP_NEO4J=1: Neo4j backend tests skipped")
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    from tests.neo4j_server.server import Neo4jServer, Neo4jUnavailable

    try:
        server = Neo4jServer(REPO / ".cache" / "neo4j").start()
    except Neo4jUnavailable as exc:
        pytest.fail(f"{exc} (ALLEGIANCE_SKIP_NEO4J=1 skips the Neo4j backend instead)",
                    pytrace=False)
    try:
        yield server.uri
    finally:
        server.stop()


def open_neo4j(uri: str, **options: object) -> Neo4jStore:
    """A Neo4jStore on the test server (credentials from the environment for NEO4J_URI)."""
    from graph.neo4j_store import Neo4jStore

    external = bool(os.environ.get("NEO4J_URI"))
    settings: dict[str, object] = {
        "user": os.environ.get("NEO4J_USER", "neo4j") if external else "neo4j",
        "password": os.environ.get("NEO4J_PASSWORD", "") if external else "",
        "database": os.environ.get("NEO4J_DATABASE", "neo4j") if external else "neo4j",
        "batch_size": 3,  # small batches, so every write runs several UNWIND statements
        **options,
    }
    return Neo4jStore(uri, **settings)  # type: ignore[arg-type]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An open, empty store of each backend."""
    if request.param == "sqlite":
        from graph.sqlite_store import SqliteStore

        with SqliteStore(tmp_path / "graph.db") as s:
            yield s
        return
    with open_neo4j(request.getfixturevalue("neo4j_uri")) as s:
        s.clear()
        yield s
