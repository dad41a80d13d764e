"""Fixtures for the HTTP tests: an app over each backend's store, and a small
hand-made graph (real store writes, no extractor involved) to query."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.model import Actor, ActorKind, Claim, Source
from graph.relations import Modality, Relation
from graph.settings import Settings
from graph.store import GraphStore

ACTORS = [
    Actor(id="iran", name="Iran", kind=ActorKind.STATE, country="IRN",
          aliases=("Islamic Republic of Iran", "Tehran")),
    Actor(id="hezbollah", name="Hezbollah", kind=ActorKind.ARMED_GROUP,
          aliases=("Hizballah", "Party of God")),
    Actor(id="houthis", name="Houthis", kind=ActorKind.ARMED_GROUP, aliases=("Ansar Allah",)),
    Actor(id="hamas", name="Hamas", kind=ActorKind.ARMED_GROUP),
    Actor(id="syria", name="Syria", kind=ActorKind.STATE, country="SYR"),
    Actor(id="russia", name="Russia", kind=ActorKind.STATE, country="RUS"),
]

TEXT_A = ("Iran funds Hezbollah through several channels. According to a UN panel, Iran "
          "supplied weapons to the Houthis. Russia is allied with Syria.")
TEXT_B = ("Iran supports Hezbollah with money and advisers. Iran denied arming the Houthis. "
          "Hezbollah trains Houthi fighters. <script>alert('x')</script>")
TEXT_C = "Iran supports Hamas. Iran could arm Hamas if the war widens."


@dataclass(frozen=True)
class Seeded:
    a: Source
    b: Source
    c: Source
    claims: dict[str, Claim]


def cite(source: Source, quote: str, subject: str, relation: Relation, obj: str,
         modality: Modality = Modality.ASSERTED, **extra: Any) -> Claim:
    start = source.text.index(quote)
    return Claim(subject=subject, relation=relation, object=obj, source=source.id, quote=quote,
                 start=start, end=start + len(quote), modality=modality, **extra)


def seed(store: GraphStore) -> Seeded:
    """Three sources, six actors, counted, denied and hypothetical claims."""
    a = Source.create(TEXT_A, title="Channels of support", published=date(2020, 1, 1),
                      url="https://example.org/a", author="A. Writer")
    b = Source.create(TEXT_B, title="Denials & advisers", published=date(2022, 6, 1))
    c = Source.create(TEXT_C, title="Gaza notes")
    claims = {
        "a_fund": cite(a, "Iran funds Hezbollah", "iran", Relation.FUNDING, "hezbollah"),
        "a_arms": cite(a, "Iran supplied weapons to the Houthis", "iran", Relation.ARMS,
                       "houthis", Modality.REPORTED, attributed_to="a UN panel"),
        "a_ally": cite(a, "Russia is allied with Syria", "russia", Relation.ALLIANCE, "syria"),
        "b_support": cite(b, "Iran supports Hezbollah", "iran", Relation.SUPPORT, "hezbollah"),
        "b_denied": cite(b, "Iran denied arming the Houthis", "iran", Relation.ARMS, "houthis",
                         Modality.DENIED),
        "b_train": cite(b, "Hezbollah trains Houthi fighters", "hezbollah", Relation.TRAINING,
                        "houthis"),
        "c_support": cite(c, "Iran supports Hamas", "iran", Relation.SUPPORT, "hamas"),
        "c_hypo": cite(c, "Iran could arm Hamas", "iran", Relation.ARMS, "hamas",
                       Modality.HYPOTHETICAL),
    }
    by_actor = {x.id: x for x in ACTORS}
    for src in (a, b, c):
        mine = [cl for cl in claims.values() if cl.source == src.id]
        ids = {x for cl in mine for x in (cl.subject, cl.object)}
        store.ingest(src, [by_actor[i] for i in sorted(ids)], mine)
    return Seeded(a=a, b=b, c=c, claims=claims)


def settings(**env: Any) -> Settings:
    """Settings as the environment variables `env` would give (names without prefix)."""
    return Settings(**{f"ALLEGIANCE_{k.upper()}": v for k, v in env.items()})


MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client(store: GraphStore) -> Iterator[MakeClient]:
    """Build a client over the test's store with settings overridden by keyword."""
    opened: list[TestClient] = []

    def make(**env: Any) -> TestClient:
        client = TestClient(create_app(settings(**env), store=store))
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


@pytest.fixture
def seeded(store: GraphStore) -> Seeded:
    return seed(store)
