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

import pytest

from graph.store import GraphStore

REPO = Path(__file__).resolve().parent.parent
SKIP_NEO4J = os.environ.get("ALLEGIANCE_SKIP_NEO4J") == "1"
BACKENDS = ["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """A Bolt URI of a running Neo4j: NEO4J_URI, or a server started for this session."""
    if SKIP_NEO4J:
        warnings.warn("ALLEGIANCE_SKIP_NEO4J=1: the Neo4j backend is NOT tested", stacklevel=1)
        pytest.skip("ALLEGIANCE_SKIP_NEO4J=1: Neo4j backend tests skipped")
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    from tests.neo4j_server.server import Neo4jServer, fetch_jars

    jars = fetch_jars(REPO / ".cache" / "neo4j")
    with Neo4jServer(jars) as server:
        yield server.uri


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An open, empty store of each backend."""
    if request.param == "sqlite":
        from graph.sqlite_store import SqliteStore

        with SqliteStore(tmp_path / "graph.db") as s:
            yield s
        return
    from graph.neo4j_store import Neo4jStore

    uri = request.getfixturevalue("neo4j_uri")
    with Neo4jStore(uri, user="neo4j", password="", database="neo4j", batch_size=3) as s:
        s.clear()
        yield s
