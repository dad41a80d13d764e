"""Injection: names, aliases, descriptions, quotes, source fields and query parameters
carrying Cypher, SQL, backticks, NUL characters, HTML and unicode tricks go in through
the store and the HTTP API, come out verbatim on both backends (get, search,
evidence, export), and change nothing else.

NUL characters: a value given as a string (the store API, JSON bodies, JSON claim
files as the \\u0000 escape) is stored verbatim like any other character; a raw NUL
byte in an uploaded file marks it as binary and the file is refused (the readers'
rule, tested in test_bad_input).
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any
from urllib.parse import quote

import pytest

from graph import export
from graph.model import Actor, ActorKind, Claim, Source
from graph.relations import Relation
from graph.store import GraphStore
from tests.api.conftest import MakeClient, make_client, seed

__all__ = ["make_client"]  # a fixture, used by name

CYPHER = "'})-[:X]->() DETACH DELETE n //"
CYPHER2 = '"}) MATCH (n) DETACH DELETE n RETURN 1 //'
SQL = "'; DROP TABLE claims; --"
SQL2 = '" OR 1=1; DELETE FROM actors; --'
BACKTICK = "`Actor`) DETACH DELETE n //``"
NUL = "Null\x00Front"
RTL = "\u202eHezbollah\u202c Martyrs"  # right-to-left override
ZERO_WIDTH = "Ha\u200dmas\u200b Front\ufeff"  # joiner, space, no-break space
HOMOGLYPH = "\u041d\u0435zbollah"  # Cyrillic En and Ie
COMBINING = "Z\u0337\u0322a\u0334l\u0338g\u0335o\u0336 Brigade"
ASTRAL = "\U0001f642\U0001f3f3\ufe0f\u200d\U0001f308 \U0001d518\U0001d52b Front"
HTML = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
PAYLOADS = {"cypher": CYPHER, "cypher2": CYPHER2, "sql": SQL, "sql2": SQL2,
            "backtick": BACKTICK, "nul": NUL, "rtl": RTL, "zero-width": ZERO_WIDTH,
            "homoglyph": HOMOGLYPH, "combining": COMBINING, "astral": ASTRAL, "html": HTML}
assert all(unicodedata.normalize("NFC", p) == p for p in PAYLOADS.values())  # kept as is


def everything(store: GraphStore) -> dict[str, Any]:
    """The whole store: every actor, source (with text), claim and counted edge."""
    doc: dict[str, Any] = json.loads(export.to_json(store))
    return doc


def unchanged_except(before: dict[str, Any], after: dict[str, Any], new_source: str,
                     same_actors: bool = True) -> None:
    """Everything that was stored before is still stored, unchanged; what was added
    belongs to `new_source`. (An extracted document may add registry aliases to the
    actors it names: `same_actors` False leaves the actors out.)"""
    old_claims = {c["id"]: c for c in before["claims"]}
    new_claims = [c for c in after["claims"] if c["id"] not in old_claims]
    assert all(c["source"] == new_source for c in new_claims)
    assert [c for c in after["claims"] if c["id"] in old_claims] == before["claims"]
    assert [s for s in after["sources"] if s["id"] != new_source] == before["sources"]
    old_actors = {a["id"] for a in before["actors"]}
    assert old_actors <= {a["id"] for a in after["actors"]}
    if same_actors:
        assert [a for a in after["actors"] if a["id"] in old_actors] == before["actors"]


def hostile_actors() -> list[Actor]:
    """One actor per payload, named by it, with it as alias and description too."""
    actors = []
    for key, payload in PAYLOADS.items():
        actors.append(Actor(id=f"x-{key}-{payload}".replace(" ", "_")[:200],
                            name=f"{payload} {key}", aliases=(f"{key} alias {payload}",),
                            kind=ActorKind.ARMED_GROUP, description=f"described as {payload}"))
    return actors


def hostile_source(actors: list[Actor]) -> tuple[Source, list[Claim]]:
    sentences = [f"{a.name} supports {b.name}." for a, b in zip(actors, actors[1:],
                                                               strict=False)]
    text = "\n".join(sentences)
    src = Source.create(text, title=f"{SQL} {CYPHER} {HTML} {NUL} {RTL}",
                        url=f"https://example.org/?q={SQL}&c={BACKTICK}",
                        author=f"{HOMOGLYPH} {ASTRAL}", publisher=f"{ZERO_WIDTH}{COMBINING}")
    claims = []
    for (a, b), sentence in zip(zip(actors, actors[1:], strict=False), sentences, strict=True):
        start = text.index(sentence)
        claims.append(Claim(subject=a.id, relation=Relation.SUPPORT, object=b.id,
                            source=src.id, quote=sentence, start=start,
                            end=start + len(sentence), attributed_to=f"{SQL2} {CYPHER2}"))
    return src, claims


def test_store_api_round_trips_every_payload_and_changes_nothing_else(
        store: GraphStore) -> None:
    seed(store)
    before = everything(store)
    stats = store.stats()
    actors = hostile_actors()
    src, claims = hostile_source(actors)
    store.ingest(src, actors, claims)

    after = store.stats()
    assert (after.actors, after.sources, after.claims, after.edges) == (
        stats.actors + len(actors), stats.sources + 1, stats.claims + len(claims),
        stats.edges + len(claims))
    for actor in actors:
        assert store.get_actor(actor.id) == actor
        for name in actor.names():
            assert actor.id in [a.id for a in store.search_actors(name).items], name
    assert store.get_source(src.id) == src
    for c in claims:
        (ev,) = store.evidence(c.subject, Relation.SUPPORT, c.object).items
        assert ev.claim.quote == c.quote == src.text[ev.claim.start:ev.claim.end]
        assert ev.claim.attributed_to == c.attributed_to
        assert ev.source.title == src.title and ev.source.url == src.url
    dump = everything(store)
    exported = {a["id"]: a for a in dump["actors"]}
    for actor in actors:
        assert exported[actor.id] == actor.model_dump(mode="json")
    (exported_src,) = [s for s in dump["sources"] if s["id"] == src.id]
    assert exported_src == src.model_dump(mode="json")
    unchanged_except(before, dump, src.id)

    assert store.retract(src.id).claims_removed == len(claims)
    for actor in actors:  # the actors stay; everything else is as it was
        assert store.get_actor(actor.id) == actor
    back = everything(store)
    assert back["sources"] == before["sources"] and back["claims"] == before["claims"]
    assert back["edges"] == before["edges"]


def curated_file() -> bytes:
    """A JSON claims file whose names, quotes and source fields carry every payload."""
    keys = list(PAYLOADS)
    text = "\n".join(f"{PAYLOADS[a]} {a} backs {PAYLOADS[b]} {b}."
                     for a, b in zip(keys, keys[1:], strict=False))
    claims = [{"subject": f"{PAYLOADS[a]} {a}", "relation": "support",
               "object": f"{PAYLOADS[b]} {b}",
               "quote": f"{PAYLOADS[a]} {a} backs {PAYLOADS[b]} {b}.",
               "attributed_to": f"{SQL} {HTML}"}
              for a, b in zip(keys, keys[1:], strict=False)]
    return json.dumps({"title": f"{CYPHER} {SQL} {HTML} {NUL}",
                       "url": f"javascript:alert(1)//{BACKTICK}", "author": RTL,
                       "text": text, "claims": claims}).encode()


def test_http_api_round_trips_every_payload_and_changes_nothing_else(
        store: GraphStore, make_client: MakeClient) -> None:
    seed(store)
    client = make_client()
    before = everything(store)
    stats = client.get("/stats").json()

    r = client.post("/documents", files={"file": ("hostile.json", curated_file())})
    assert r.status_code == 201, r.text
    [doc] = r.json()["documents"]
    source_id = doc["source"]
    after = client.get("/stats").json()
    assert after["sources"] == stats["sources"] + 1
    assert after["claims"] == stats["claims"] + len(PAYLOADS) - 1

    meta = client.get(f"/sources/{source_id}").json()
    assert meta["title"] == f"{CYPHER} {SQL} {HTML} {NUL}"
    assert meta["url"] == f"javascript:alert(1)//{BACKTICK}"
    assert meta["author"] == RTL
    text = client.get(f"/sources/{source_id}/text").json()
    assert "".join(s["text"] for s in text["segments"]) == store.get_source(source_id).text
    assert "<img" not in text["html"] and "<script" not in text["html"]
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in text["html"]

    names = {a["name"]: a["id"] for a in doc["actors"]}
    for key, payload in PAYLOADS.items():
        name = f"{payload} {key}"
        assert name in names, name
        found = client.get("/actors", params={"q": name}).json()["items"]
        assert names[name] in [a["id"] for a in found], name
        assert client.get(f"/actors/{names[name]}").json()["name"] == name
    for claim in doc["claims"]:
        ev = client.get(f"/edges/{claim['subject']}/support/{claim['object']}/evidence")
        assert ev.status_code == 200, ev.text
        quotes = [item["claim"]["quote"] for item in ev.json()["items"]]
        assert claim["quote"] in quotes

    dump = json.loads(client.get("/export", params={"format": "json"}).text)
    assert dump == everything(store)
    assert {a["name"] for a in dump["actors"]} >= {f"{p} {k}" for k, p in PAYLOADS.items()}
    unchanged_except(before, dump, source_id)


def test_json_text_documents_keep_payloads_in_every_field(store: GraphStore,
                                                          make_client: MakeClient) -> None:
    client = make_client()
    seed(store)
    before = everything(store)
    text = "\n".join(f"Iran funds Hezbollah, said {p}." for p in PAYLOADS.values())
    body = {"text": text, "title": SQL + NUL, "url": CYPHER, "author": BACKTICK + ASTRAL}
    r = client.post("/documents", json=body)
    assert r.status_code == 201, r.text
    [doc] = r.json()["documents"]
    stored = store.get_source(doc["source"])
    assert stored.text == text
    assert (stored.title, stored.url, stored.author) == (SQL + NUL, CYPHER, BACKTICK + ASTRAL)
    unchanged_except(before, everything(store), stored.id, same_actors=False)


def _q(value: str) -> str:
    """A path segment, percent-encoded (slashes included)."""
    return quote(value, safe="")


QUERIES = [
    ("/actors", {"q": CYPHER}), ("/actors", {"q": SQL}), ("/actors", {"q": BACKTICK}),
    ("/actors", {"q": NUL}), ("/actors", {"q": "%"}), ("/actors", {"q": "_"}),
    ("/actors", {"q": ".*"}), (f"/actors/{_q(SQL)}", {}), (f"/actors/{_q(CYPHER)}", {}),
    (f"/actors/{_q(BACKTICK)}/supporters", {}), ("/actors/Iran/supporters", {"relation": SQL}),
    ("/edges", {"actor": CYPHER}), ("/edges", {"relation": BACKTICK}),
    ("/edges", {"since": SQL}), ("/paths", {"from": CYPHER, "to": SQL}),
    ("/graph", {"center": BACKTICK}), (f"/sources/{_q(SQL)}", {}),
    (f"/sources/{_q(CYPHER)}/text", {}),
    ("/sources/x/text", {"claim": SQL}), ("/export", {"format": CYPHER}),
    (f"/edges/{_q(SQL)}/support/{_q(CYPHER)}/evidence", {}), ("/view/data", {"center": SQL}),
    ("/view", {"center": HTML}), ("/view/evidence", {"subject": CYPHER, "relation": "support",
                                                     "object": SQL}),
    (f"/view/sources/{_q(HTML)}", {}),
]


@pytest.mark.parametrize(("path", "params"), QUERIES, ids=[f"{p}?{q}" for p, q in QUERIES])
def test_hostile_query_parameters_answer_cleanly_and_change_nothing(
        store: GraphStore, make_client: MakeClient, path: str, params: dict[str, str]) -> None:
    seed(store)
    client = make_client()
    before = everything(store)
    r = client.get(path, params=params)
    assert r.status_code in (200, 404, 422), r.text
    if r.headers["content-type"].startswith("application/"):
        assert r.headers["content-type"] in ("application/json", "application/problem+json")
    if r.status_code != 200:
        assert "Traceback" not in r.text
    if "text/html" in r.headers["content-type"]:
        assert "<img src=x" not in r.text and "window.__pwned=2</script>" not in r.text
    if path == "/actors" and params["q"] in ("%", "_", ".*", NUL):
        assert r.json()["total"] == 0  # no wildcard or pattern matching on user text
    assert everything(store) == before

