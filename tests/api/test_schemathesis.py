"""Property-based runs over the whole OpenAPI schema with schemathesis, on both backends.

- Every operation, valid and invalid requests: no 500, responses as documented.
- Stateful: sequences chained by the links schemathesis infers from the schema
  (a document's actors into the actor routes, listed sources into reading and
  retracting them, edges into their evidence...), from a seeded graph: no 500.

The app runs with the API key required for reads too, so every operation declares
the key and schemathesis' auth checks try each without it and with a wrong one.

(schemathesis' `from_fixture` does not work with pytest 9, so each backend's test
drives the operations' strategies itself.)
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from api.main import create_app
from graph.store import GraphStore
from tests.api.conftest import seed
from tests.api.conftest import settings as app_settings

EXAMPLES = 25
STATEFUL_SCENARIOS = 12  # sequences of up to STATEFUL_STEPS calls each
STATEFUL_STEPS = 8
KEY = "schemathesis-key"
# Schema-valid requests our rules still refuse with 422 (a file whose bytes are not a
# document, `since` after `until`, a path from an actor to itself): not expressible in
# OpenAPI, so the "valid data must be accepted" check does not apply.
UNSTATABLE = schemathesis.checks.positive_data_acceptance
# The network view's pages answer errors as short HTML pages (tests/browser reads them)
# and ignore query parameters they do not take, so the checks of problem+json bodies
# and of rejected invalid input do not apply; they must still never fail with a 500 or
# answer an undocumented status.
HTML_PAGES = {"/view", "/view/sources/{source_id}"}
HTML_CHECKS = [schemathesis.checks.not_a_server_error,
               schemathesis.checks.status_code_conformance]
# schemathesis gives up on a response after 10 s; a busy machine loading the
# extractor's registry on the first document can take longer (a hang still fails)
PATIENCE = 300
SUITE = settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))


def _app(store: GraphStore) -> FastAPI:
    return create_app(app_settings(api_key=KEY, read_requires_key=True), store=store)


def _key(case: schemathesis.Case) -> dict[str, str]:
    """The valid key, replacing whatever was generated; but a negative case that left
    the key out is sent without it (the app must refuse it)."""
    negative = case.meta is not None and case.meta.generation.mode is GenerationMode.NEGATIVE
    if negative and "X-API-Key" not in (case.headers or {}):
        return {}
    return {"X-API-Key": KEY}


def _validate(case: schemathesis.Case, response: Any, **kwargs: Any) -> None:
    if case.operation.path in HTML_PAGES:
        case.validate_response(response, checks=HTML_CHECKS, **kwargs)
    else:
        case.validate_response(response, excluded_checks=[UNSTATABLE], **kwargs)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_schema(store: GraphStore, mode: GenerationMode) -> None:
    seed(store)
    app = _app(store)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    # the whole schema: every route the app serves but the docs pages
    served = {(m, ctx.path) for ctx in iter_route_contexts(app.routes)
              for m in (ctx.methods or set()) - {"HEAD"}}
    documented = {(o.method.upper(), o.path) for o in operations}
    assert documented == {x for x in served if not x[1].startswith(("/docs", "/redoc",
                                                                       "/openapi"))}
    exercised = []
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(SUITE, max_examples=EXAMPLES)
        def check(case: schemathesis.Case) -> None:
            response = case.call(headers=_key(case), timeout=PATIENCE)
            _validate(case, response, headers=_key(case))

        try:
            check()
        except Unsatisfiable:
            # nothing to make invalid: no parameters and no body (/health, /stats...)
            assert mode is GenerationMode.NEGATIVE, operation.path
            assert not operation.path_parameters and not operation.query
            continue
        exercised.append(operation.path)
    if mode is GenerationMode.POSITIVE:
        assert len(exercised) == len(operations)
    else:
        assert len(exercised) >= 15


def test_stateful_sequences_never_fail(store: GraphStore) -> None:
    app = _app(store)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    machine = schema.as_state_machine()
    rules = [name for name in dir(machine) if name.startswith(("GET_", "POST_", "RANDOM_"))]
    # the links schemathesis finds reach the writes and the per-item reads
    for target in ("__DELETE_sources_source_id_", "__GET_actors_actor_supporters",
                   "__GET_edges_subject__relation__object_evidence",
                   "__GET_sources_source_id_text", "__GET_view_sources_source_id_",
                   "RANDOM__POST_documents"):
        assert any(rule.endswith(target) for rule in rules), (target, rules)

    class Workflow(machine):  # type: ignore[valid-type, misc]
        def setup(self) -> None:
            store.clear()
            seed(store)

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": _key(case), "timeout": PATIENCE}

        def validate_response(self, response: Any, case: schemathesis.Case,
                              additional_checks: Any = None, **kwargs: Any) -> None:
            _validate(case, response, headers=kwargs.get("headers"),
                      recorder=self.recorder)

    Workflow.run(settings=settings(SUITE, max_examples=STATEFUL_SCENARIOS,
                                   stateful_step_count=STATEFUL_STEPS))
