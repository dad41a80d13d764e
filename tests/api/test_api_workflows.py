"""Stateful property test of the HTTP API: ingest -> query -> retract -> merge, in any
order, on both backends, against a model of which documents are live.

After every step: no 5xx; `/stats` counts exactly the live documents; a live
document reads back with its text intact, a retracted one is 404 until it is
loaded again; loading a live document again creates nothing; a merged actor's
name resolves to the actor it was merged into.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from api.main import create_app
from graph.store import GraphStore
from tests.api.conftest import settings as app_settings

KEY = "workflow-key"
STATES = ("Iran", "Syria", "Russia", "Qatar", "Turkey")
GROUPS = ("Hezbollah", "Hamas", "the Houthis", "al-Shabaab", "the Taliban")
VERBS = ("funds", "supports", "trains fighters of", "supplies weapons to")
SCENARIOS = 8  # each of up to STEPS steps; bounded so a backend takes about a minute
STEPS = 12

sentences = st.builds(lambda s, v, g: f"{s} {v} {g}.", st.sampled_from(STATES),
                      st.sampled_from(VERBS), st.sampled_from(GROUPS))
documents = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
actor_names = st.sampled_from(STATES + GROUPS)


class ApiWorkflow(RuleBasedStateMachine):
    """One scenario: a fresh store, an app over it, and what should be live."""

    store: GraphStore  # set by the test, per backend
    sources = Bundle("sources")

    def __init__(self) -> None:
        super().__init__()
        self.store.clear()
        self.client = TestClient(create_app(app_settings(api_key=KEY), store=self.store),
                                 raise_server_exceptions=False)
        self.live: dict[str, str] = {}  # source id -> text
        self.known: dict[str, str] = {}  # every source id ever stored -> text

    def call(self, method: str, url: str, **kwargs: Any) -> Any:
        r = self.client.request(method, url, headers={"X-API-Key": KEY}, **kwargs)
        assert r.status_code < 500, (method, url, r.status_code, r.text)
        return r

    @rule(target=sources, text=documents, as_file=st.booleans())
    def ingest(self, text: str, as_file: bool) -> str:
        if as_file:
            r = self.call("POST", "/documents", files={"file": ("report.txt", text.encode())})
        else:
            r = self.call("POST", "/documents", json={"text": text, "title": "report"})
        assert r.status_code == 201, r.text
        (doc,) = r.json()["documents"]
        assert doc["created"] == (doc["source"] not in self.live)
        self.live[doc["source"]] = self.known[doc["source"]] = text
        return str(doc["source"])

    @rule(source=sources)
    def read(self, source: str) -> None:
        r = self.call("GET", f"/sources/{source}/text")
        if source not in self.live:
            assert r.status_code == 404
            return
        assert r.status_code == 200
        body = r.json()
        text = "".join(seg["text"] for seg in body["segments"])
        assert self.live[source].strip() in text
        for edge in self.call("GET", "/edges", params={"source": source}).json()["items"]:
            ev = self.call("GET", f"/edges/{edge['subject']}/{edge['relation']}/"
                                  f"{edge['object']}/evidence")
            assert ev.status_code == 200
            for item in ev.json()["items"]:
                claim = item["claim"]
                if claim["source"] == source:
                    assert text[claim["start"]:claim["end"]] == claim["quote"]

    @rule(name=actor_names, other=actor_names)
    def query(self, name: str, other: str) -> None:
        for url in (f"/actors/{name}/supporters", f"/actors/{name}/supported"):
            assert self.call("GET", url).status_code in (200, 404)
        assert self.call("GET", "/view/data", params={"center": name}).status_code in (200, 404)
        paths = self.call("GET", "/paths", params={"from": name, "to": other})
        # 422: from an actor to itself (also after merging one into the other)
        assert paths.status_code in (200, 404, 422), paths.text

    @rule(source=sources)
    def retract(self, source: str) -> None:
        r = self.call("DELETE", f"/sources/{source}")
        assert r.status_code == (200 if source in self.live else 404), r.text
        self.live.pop(source, None)

    @rule(keep=actor_names, merge=actor_names)
    def merge(self, keep: str, merge: str) -> None:
        r = self.call("POST", "/actors/merge", json={"keep": keep, "merge": merge})
        assert r.status_code in (200, 404, 409), r.text
        if r.status_code == 200:
            kept = r.json()["kept"]
            assert self.call("GET", f"/actors/{merge}").json()["id"] == kept

    @invariant()
    def counts_match_the_model(self) -> None:
        stats = self.call("GET", "/stats").json()
        assert stats["sources"] == len(self.live), (stats, sorted(self.live))
        listed = self.call("GET", "/sources", params={"limit": 100}).json()
        assert {s["id"] for s in listed["items"]} == set(self.live)

    def teardown(self) -> None:
        self.client.close()


def test_ingest_query_retract_merge_in_any_order(store: GraphStore) -> None:
    machine = type("Workflow", (ApiWorkflow,), {"store": store})
    run_state_machine_as_test(machine, settings=settings(
        max_examples=SCENARIOS, stateful_step_count=STEPS, deadline=None, database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate]))  # no shrinking: the report lists the steps
