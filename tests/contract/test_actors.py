"""Actors: get, list, search (case- and diacritic-insensitive), upsert."""

from __future__ import annotations

import pytest

from graph.errors import NotFound
from graph.model import Actor, ActorKind
from graph.store import GraphStore
from tests.contract.world import ACTORS, HEZBOLLAH, IRAN, load


@pytest.mark.parametrize("query", ["hezbollah", "HEZBOLLAH", "Hézbollah", "  hezbollah ",
                                   "hizballah", "hizb allah", "ḤIZB ALLĀH"])
def test_search_ignores_case_and_diacritics(store: GraphStore, query: str) -> None:
    store.add_actors(ACTORS)
    page = store.search_actors(query)
    assert [a.id for a in page.items] == ["hezbollah"]
    assert page.total == 1


def test_search_ranks_exact_then_prefix_then_substring(store: GraphStore) -> None:
    store.add_actors([
        Actor(id="a-sub", name="Greater Iran League"),
        Actor(id="b-prefix", name="Iran Air"),
        Actor(id="c-exact", name="Iran"),
        Actor(id="d-other", name="Hamas"),
    ])
    page = store.search_actors("iran")
    assert [a.id for a in page.items] == ["c-exact", "b-prefix", "a-sub"]
    assert page.total == 3
    second = store.search_actors("iran", limit=1, offset=1)
    assert [a.id for a in second.items] == ["b-prefix"] and second.total == 3


def test_search_by_alias_and_kind(store: GraphStore) -> None:
    store.add_actors(ACTORS)
    assert [a.id for a in store.search_actors("IRGC").items] == ["irgc"]
    assert [a.id for a in store.search_actors("allah").items] == ["hezbollah", "houthis"]
    assert [a.id for a in store.search_actors("allah", kind=ActorKind.STATE).items] == []
    assert store.search_actors("no such group").total == 0


def test_get_and_list(store: GraphStore) -> None:
    assert store.add_actors(ACTORS) == len(ACTORS)
    assert store.get_actor("hezbollah") == HEZBOLLAH
    page = store.list_actors()
    assert [a.id for a in page.items] == sorted(a.id for a in ACTORS)
    assert page.total == len(ACTORS)
    states = store.list_actors(kind=ActorKind.STATE)
    assert {a.id for a in states.items} == {"iran", "syria", "israel"} and states.total == 3
    window = store.list_actors(limit=2, offset=2)
    assert [a.id for a in window.items] == sorted(a.id for a in ACTORS)[2:4]
    assert window.total == len(ACTORS) and (window.limit, window.offset) == (2, 2)


def test_unknown_actor_is_not_found_with_suggestions(store: GraphStore) -> None:
    store.add_actors(ACTORS)
    with pytest.raises(NotFound) as err:
        store.get_actor("hezbolah")
    assert "hezbolah" in str(err.value)
    assert "hezbollah" in err.value.suggestions


def test_add_actors_upserts(store: GraphStore) -> None:
    assert store.add_actors([IRAN]) == 1
    renamed = Actor(id="iran", name="Islamic Republic of Iran", kind=ActorKind.STATE,
                    country="IRN", aliases=("Persia",), description="A state.")
    assert store.add_actors([renamed, HEZBOLLAH]) == 1
    got = store.get_actor("iran")
    assert got.name == "Islamic Republic of Iran" and got.description == "A state."
    assert set(got.aliases) == {"Iran", "Persia"}  # the old name stays findable
    assert [a.id for a in store.search_actors("persia").items] == ["iran"]
    assert [a.id for a in store.search_actors("Iran").items][0] == "iran"


def test_actors_from_ingest_are_searchable(store: GraphStore) -> None:
    load(store)
    assert [a.id for a in store.search_actors("ansar allah").items] == ["houthis"]
