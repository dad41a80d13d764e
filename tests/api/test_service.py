"""Health, readiness, unknown routes and the store being unreachable."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import settings


def test_health_and_ready(client: TestClient):
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"


def test_unknown_route_is_problem_404(client: TestClient):
    r = client.get("/no/such/thing")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert client.put("/actors").status_code == 405


def test_openapi_and_docs(client: TestClient):
    schema = client.get("/openapi.json").json()
    for path in ("/documents", "/sources/{source_id}/text", "/actors/{actor}/supporters",
                 "/edges/{subject}/{relation}/{object}/evidence", "/paths", "/graph",
                 "/export", "/stats", "/ready"):
        assert path in schema["paths"], path
    assert client.get("/docs").status_code == 200


def test_unreachable_store_gives_503(tmp_path: Path):
    """A store that cannot open (its directory is a file) answers 503, not 500."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    app = create_app(settings(store=f"sqlite:///{blocker}/sub/graph.db"))
    with TestClient(app) as client:
        assert client.get("/health").status_code == 200
        for path in ("/ready", "/actors", "/stats"):
            r = client.get(path)
            assert r.status_code == 503, path
            assert r.headers["content-type"].startswith("application/problem+json")


def test_unknown_query_parameters_are_refused(client: TestClient):
    r = client.get("/edges", params={"relations": "funding"})
    assert r.status_code == 422
    assert "'relations'" in r.json()["detail"] and "relation" in r.json()["detail"]
    assert client.get("/stats", params={"verbose": "1"}).status_code == 422
    assert client.get("/edges", params={"relation": "funding"}).status_code == 200


def test_unreachable_neo4j_gives_503():
    """Nothing listens on port 1: the app starts, and data routes answer 503."""
    app = create_app(settings(store="bolt://127.0.0.1:1", neo4j_timeout=1))
    with TestClient(app) as client:
        assert client.get("/health").status_code == 200
        for path in ("/ready", "/actors/iran/supporters", "/stats"):
            r = client.get(path)
            assert r.status_code == 503, path
            assert "unavailable" in r.json()["detail"]
