"""Who may do what over HTTP, and what an error may tell them.

Routes are found by walking the app, not listed by hand: a new write route without
the key check, or a new read route without the read check, fails here. Requests
go through the real app over real stores; the one fake is a store that raises an
unexpected exception, the only way to cause an internal error on purpose.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from pydantic import ValidationError

import api.deps
from api.main import create_app
from graph.queries import export
from graph.settings import Settings
from graph.sqlite_store import SqliteStore
from graph.store import GraphStore
from tests.api.conftest import Seeded, seed
from tests.api.conftest import settings as app_settings

KEY = "k3y-Of-the-test-0123456789abcdef"
WRONG = KEY[:-1] + "0"  # same length, differs at the end only
OPEN_READS = {"/health", "/ready"}  # probes: documented as open whatever the settings
READ_METHODS = {"GET", "HEAD"}


def routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path template) of every route the app serves (docs pages excepted)."""
    for ctx in iter_route_contexts(app.routes):
        path = ctx.path or ""
        if path in {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}:
            continue
        for method in sorted((ctx.methods or set()) - {"HEAD"}):
            yield method, path


def filled(path: str, seeded: Seeded) -> str:
    """`path` with each `{parameter}` given a value that exists in the seeded graph."""
    values = {"source_id": seeded.c.id, "actor": "iran", "subject": "iran",
              "relation": "funding", "object": "hezbollah", "name": "view.js"}
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


# What each route needs beyond its path to succeed. A new route that needs more
# makes `request_for` fail until it is described here.
WRITE_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/documents"): {"json": {"text": "Qatar funds Hamas.", "title": "access"}},
    ("POST", "/actors/merge"): {"json": {"keep": "russia", "merge": "Syria"}},
    ("DELETE", "/sources/{source_id}"): {},
}
READ_QUERIES: dict[str, dict[str, str]] = {
    "/paths": {"from": "iran", "to": "houthis"},
    "/view/evidence": {"subject": "iran", "relation": "funding", "object": "hezbollah"},
    "/view/paths": {"from": "iran", "to": "houthis"},
}


def request_for(method: str, path: str, seeded: Seeded) -> dict[str, Any]:
    if method in READ_METHODS:
        return {"params": READ_QUERIES.get(path, {})}
    assert (method, path) in WRITE_BODIES, f"describe a valid request for {method} {path}"
    return WRITE_BODIES[(method, path)]


def client_for(store: GraphStore, **env: Any) -> TestClient:
    return TestClient(create_app(app_settings(**env), store=store),
                      raise_server_exceptions=False)


def refused(response: Any) -> None:
    assert response.status_code == 401, (response.status_code, response.text)
    assert response.headers["content-type"] == "application/problem+json"
    assert "X-API-Key" in response.json()["detail"]


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    with SqliteStore(tmp_path / "graph.db") as s:
        yield s


# ---- writes ---------------------------------------------------------------------------

def test_every_write_needs_the_key_and_a_refused_write_changes_nothing(
    store: GraphStore,
) -> None:
    seeded = seed(store)
    client = client_for(store, api_key=KEY)
    writes = [(m, p) for m, p in routes(client.app) if m not in READ_METHODS]  # type: ignore[arg-type]
    assert set(writes) == set(WRITE_BODIES), "a write route was added or removed"
    for method, path in writes:
        url, request = filled(path, seeded), request_for(method, path, seeded)
        before = export(store, "json")
        for headers in ({}, {"X-API-Key": WRONG}, {"X-API-Key": ""},
                        {"X-API-Key": KEY.upper()}, {"Authorization": f"Bearer {KEY}"}):
            refused(client.request(method, url, headers=headers, **request))
        refused(client.request(method, url, params={"api_key": KEY}, **request))
        assert export(store, "json") == before, f"a refused {method} {path} changed the store"
        done = client.request(method, url, headers={"X-API-Key": KEY}, **request)
        assert 200 <= done.status_code < 300, (method, path, done.status_code, done.text)
        assert export(store, "json") != before, f"{method} {path} with the key changed nothing"


def test_the_key_is_compared_in_constant_time(sqlite_store: SqliteStore,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    seeded = seed(sqlite_store)
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.deps.hmac, "compare_digest", spy)
    client = client_for(sqlite_store, api_key=KEY)
    refused(client.delete(f"/sources/{seeded.a.id}", headers={"X-API-Key": WRONG}))
    assert compared == [(WRONG.encode(), KEY.encode())]


def test_without_a_key_set_writes_are_open(sqlite_store: SqliteStore) -> None:
    seeded = seed(sqlite_store)
    client = client_for(sqlite_store)
    assert client.delete(f"/sources/{seeded.a.id}").status_code == 200


# ---- reads ----------------------------------------------------------------------------

def test_reads_are_open_by_default_even_with_a_key(sqlite_store: SqliteStore) -> None:
    seeded = seed(sqlite_store)
    client = client_for(sqlite_store, api_key=KEY)
    for method, path in routes(client.app):  # type: ignore[arg-type]
        if method in READ_METHODS:
            r = client.get(filled(path, seeded), **request_for(method, path, seeded))
            assert r.status_code == 200, (path, r.status_code, r.text)


def test_with_read_requires_key_every_data_read_needs_it(sqlite_store: SqliteStore) -> None:
    seeded = seed(sqlite_store)
    client = client_for(sqlite_store, api_key=KEY, read_requires_key=True)
    reads = [p for m, p in routes(client.app) if m in READ_METHODS]  # type: ignore[arg-type]
    assert {"/view", "/export", "/view/sources/{source_id}", "/sources/{source_id}/text"} \
        <= set(reads)
    for path in reads:
        url, request = filled(path, seeded), request_for("GET", path, seeded)
        if path in OPEN_READS:
            assert client.get(url, **request).status_code == 200, path
            continue
        for headers in ({}, {"X-API-Key": WRONG}):
            refused(client.get(url, headers=headers, **request))
        r = client.get(url, headers={"X-API-Key": KEY}, **request)
        assert r.status_code == 200, (path, r.status_code, r.text)
    # the writes still need it too
    refused(client.delete(f"/sources/{seeded.a.id}"))


def test_read_requires_key_without_a_key_is_refused_at_start() -> None:
    with pytest.raises(ValidationError, match="ALLEGIANCE_API_KEY"):
        Settings(ALLEGIANCE_READ_REQUIRES_KEY="true")  # type: ignore[call-arg]


# ---- CORS -----------------------------------------------------------------------------

def _cors_headers(response: Any) -> set[str]:
    return {k.lower() for k in response.headers if k.lower().startswith("access-control-")}


def test_cors_is_off_by_default(sqlite_store: SqliteStore) -> None:
    seeded = seed(sqlite_store)
    client = client_for(sqlite_store)
    origin = {"Origin": "https://elsewhere.example"}
    for method, path in routes(client.app):  # type: ignore[arg-type]
        url = filled(path, seeded)
        if method in READ_METHODS:
            r = client.get(url, headers=origin, **request_for(method, path, seeded))
            assert r.status_code == 200 and not _cors_headers(r), path
        preflight = client.options(url, headers={**origin, "Access-Control-Request-Method":
                                                 method, "Access-Control-Request-Headers":
                                                 "x-api-key"})
        assert preflight.status_code >= 400, (path, preflight.status_code)
        assert not _cors_headers(preflight), path
    assert not _cors_headers(client.get("/nowhere", headers=origin))


def test_allowed_origins_get_cors_and_others_do_not(sqlite_store: SqliteStore) -> None:
    seed(sqlite_store)
    allowed = "https://analysts.example:8443"
    client = client_for(sqlite_store, cors_origins=f"{allowed}/, https://other.example")
    r = client.get("/stats", headers={"Origin": allowed})
    assert r.headers["access-control-allow-origin"] == allowed
    assert "access-control-allow-credentials" not in r.headers
    pre = client.options("/sources/x", headers={
        "Origin": allowed, "Access-Control-Request-Method": "DELETE",
        "Access-Control-Request-Headers": "x-api-key"})
    assert pre.status_code == 200
    assert "DELETE" in pre.headers["access-control-allow-methods"]
    assert "x-api-key" in pre.headers["access-control-allow-headers"].lower()
    stranger = {"Origin": "https://evil.example"}
    assert "access-control-allow-origin" not in client.get("/stats", headers=stranger).headers
    pre = client.options("/stats", headers={**stranger, "Access-Control-Request-Method": "GET"})
    assert pre.status_code >= 400 and "access-control-allow-origin" not in pre.headers


# ---- size limits ----------------------------------------------------------------------

def test_no_request_body_may_exceed_the_limit(sqlite_store: SqliteStore) -> None:
    seeded = seed(sqlite_store)
    limit = 1000
    client = client_for(sqlite_store, max_upload_bytes=limit)
    before = export(sqlite_store, "json")
    big = "x" * (limit + 200_000)  # beyond the limit and the multipart slack
    attempts = [
        client.post("/actors/merge", content=f'{{"keep": "iran", "merge": "{big}"}}',
                    headers={"Content-Type": "application/json"}),
        # streamed without a Content-Length: counted as it arrives
        client.post("/actors/merge", content=iter([b'{"keep": "iran", "merge": "',
                                                   big.encode(), b'"}']),
                    headers={"Content-Type": "application/json"}),
        client.post("/documents", json={"text": "Iran funds Hamas. " + big}),
        client.post("/documents", files={"file": ("a.txt", big.encode(), "text/plain")}),
        client.request("GET", "/stats", content=big.encode()),
        client.request("DELETE", f"/sources/{seeded.a.id}", content=big.encode()),
    ]
    for r in attempts:
        assert r.status_code == 413, (r.request.method, r.request.url, r.status_code)
        assert r.headers["content-type"] == "application/problem+json"
        assert "ALLEGIANCE_MAX_UPLOAD_BYTES" in r.json()["detail"]
    assert export(sqlite_store, "json") == before
    # a body within the limit still works
    assert client.post("/documents", json={"text": "Qatar funds Hamas."}).status_code == 201


# ---- what errors tell -----------------------------------------------------------------

class Exploding:
    """A store whose every operation fails with an exception no code expects, with a
    message that would give the server away (a file path, a traceback-like text)."""

    def __getattr__(self, name: str) -> Any:
        def fail(*args: object, **kwargs: object) -> None:
            raise RuntimeError(f'Traceback: File "{__file__}", line 1, in {name}')
        return fail


def _assert_discreet(response: Any, *secrets: str) -> None:
    body = response.text
    for leak in ("Traceback", "/work/", ".py", 'File "', *secrets):
        assert leak not in body, (response.request.url, response.status_code, leak, body)


def test_no_error_response_shows_a_trace_or_a_server_path(
    sqlite_store: SqliteStore, tmp_path: Path,
) -> None:
    seed(sqlite_store)
    client = client_for(sqlite_store, api_key=KEY, max_upload_bytes=1000)
    key = {"X-API-Key": KEY}
    cases = [
        (422, client.post("/actors/merge", content=b"{not json", headers={
            **key, "Content-Type": "application/json"})),
        (401, client.delete("/sources/x")),
        (404, client.get("/actors/nobody-at-all")),
        (404, client.get("/sources/sha256:0000")),
        (404, client.get("/no/such/route")),
        (404, client.get("/view", params={"center": "nobody-at-all"})),
        (404, client.get("/view/sources/sha256:0000")),
        (404, client.get("/view/assets/..%2F..%2Fmain.py")),
        (405, client.put("/stats")),
        (409, client.post("/actors/merge", json={"keep": "iran", "merge": "Tehran"},
                          headers=key)),
        (413, client.post("/documents", content=b"x" * 200_000, headers=key)),
        (415, client.post("/documents", content=b"text", headers={
            **key, "Content-Type": "text/plain"})),
        (422, client.get("/edges", params={"limit": "many"})),
        (422, client.get("/edges", params={"relations": "funding"})),
        (422, client.get("/view", params={"depth": "9"})),
        (422, client.post("/documents", json={"title": "no text"}, headers=key)),
        (422, client.post("/documents", files={"file": ("a.pdf", b"%PDF-1.4 broken")},
                          headers=key)),
    ]
    for status, response in cases:
        assert response.status_code == status, (response.request.url, response.text)
        _assert_discreet(response, str(tmp_path))

    # a store that cannot be opened (its directory is a file): 503 naming no path
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    down = create_app(Settings(ALLEGIANCE_STORE=f"sqlite:///{blocker}/g.db"))  # type: ignore[call-arg]
    with TestClient(down, raise_server_exceptions=False) as c:
        for url in ("/ready", "/stats", "/view", "/actors/iran"):
            r = c.get(url)
            assert r.status_code == 503, (url, r.status_code, r.text)
            _assert_discreet(r, str(tmp_path))

    # an unexpected exception inside the store: 500 with a generic problem
    broken = TestClient(create_app(app_settings(), store=cast(GraphStore, Exploding())),
                        raise_server_exceptions=False)
    for method, url in [("GET", "/stats"), ("GET", "/actors/iran"), ("GET", "/view"),
                        ("GET", "/view/data"), ("GET", "/export"), ("GET", "/ready"),
                        ("DELETE", "/sources/x"),
                        ("POST", "/documents")]:
        kwargs = {"json": {"text": "Iran funds Hamas."}} if method == "POST" else {}
        r = broken.request(method, url, **kwargs)
        assert r.status_code == 500, (url, r.status_code, r.text)
        assert r.json()["detail"] == "internal error; see the server log"
        _assert_discreet(r)


def test_a_500_leaves_the_connection_usable(tmp_path: Path) -> None:
    """Two requests pipelined on one connection to a real uvicorn server, the first
    failing inside the store: both are answered (before, the server closed the
    connection after the 500 and a keep-alive client's next request was reset)."""
    import socket
    import threading

    import uvicorn

    app = create_app(app_settings(), store=cast(GraphStore, Exploding()))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        assert server.started, "uvicorn did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        request = b"GET /stats HTTP/1.1\r\nHost: test\r\n\r\n"
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(request + request.replace(b"/stats", b"/health"))
            received = b""
            while received.count(b"HTTP/1.1 ") < 2:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                received += chunk
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    answers = re.findall(rb"HTTP/1\.1 (\d{3})", received)
    assert answers == [b"500", b"200"], received.decode(errors="replace")
    assert b"internal error; see the server log" in received
