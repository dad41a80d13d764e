"""Merging two actors: claims move, names unite, the old id keeps resolving."""

from __future__ import annotations

import pytest

from graph.errors import Conflict, NotFound
from graph.model import Actor, ActorKind
from graph.relations import Modality, Relation
from graph.store import EdgeFilter, GraphStore
from tests.contract.world import ACTORS, claim, keys, load, source

HIZB = Actor(id="hizb", name="Hizb Allah al-Lubnani", kind=ActorKind.ARMED_GROUP,
             aliases=("Party of God",))


@pytest.fixture
def duplicated(store: GraphStore) -> GraphStore:
    """The corpus plus a source that names Hezbollah under a duplicate actor."""
    load(store)
    src = source("Syria arms the Party of God. The Party of God and Hezbollah cooperate. "
                 "Iran funds the Party of God.", published=None)
    store.ingest(src, [HIZB, *ACTORS], [
        claim(src, "syria", "arms", "hizb", "Syria arms the Party of God"),
        claim(src, "hizb", "alliance", "hezbollah", "The Party of God and Hezbollah cooperate"),
        claim(src, "iran", "funding", "hizb", "Iran funds the Party of God"),
    ])
    return store


def test_merge_moves_claims_and_unites_names(duplicated: GraphStore) -> None:
    before = duplicated.stats()
    report = duplicated.merge_actors("hezbollah", "hizb")
    assert (report.kept, report.merged) == ("hezbollah", "hizb")
    assert report.claims_moved == 2
    assert report.claims_dropped == 1  # hizb–hezbollah alliance would join hezbollah to itself
    assert report.aliases_added == 2
    kept = duplicated.get_actor("hezbollah")
    assert {"Hizb Allah al-Lubnani", "Party of God", "Hizballah"} <= set(kept.aliases)
    assert kept.name == "Hezbollah"
    after = duplicated.stats()
    assert after.actors == before.actors - 1
    assert after.claims == before.claims - 1
    assert [a.id for a in duplicated.search_actors("party of god").items] == ["hezbollah"]


def test_merged_id_keeps_resolving(duplicated: GraphStore) -> None:
    duplicated.merge_actors("hezbollah", "hizb")
    assert duplicated.get_actor("hizb").id == "hezbollah"
    via_old = duplicated.supporters("hizb")
    assert via_old == duplicated.supporters("hezbollah")
    assert duplicated.evidence("iran", Relation.FUNDING, "hizb").total == 3
    assert duplicated.paths("syria", "hizb", max_hops=1)


def test_edges_follow_the_merge(duplicated: GraphStore) -> None:
    duplicated.merge_actors("hezbollah", "hizb")
    page = duplicated.edges(EdgeFilter(object="hezbollah", relations=(Relation.FUNDING,)))
    (funding,) = page.items
    assert (funding.subject, funding.claims, funding.sources) == ("iran", 3, 3)
    arms = duplicated.edges(EdgeFilter(subject="syria", relations=(Relation.ARMS,)))
    assert keys(arms.items) == [("syria", "arms", "hezbollah")]
    assert duplicated.edges(EdgeFilter(actor="hezbollah", relations=(Relation.ALLIANCE,))
                            ).total == 1  # only hezbollah–syria remains
    everything = keys(duplicated.edges(EdgeFilter(modalities=frozenset(Modality),
                                                  limit=1000)).items)
    assert not any("hizb" in (s, o) for s, _, o in everything)


def test_merge_chain_resolves_to_the_last(duplicated: GraphStore) -> None:
    duplicated.merge_actors("hezbollah", "hizb")
    duplicated.add_actors([Actor(id="lebanese-hezbollah", name="Lebanese Hezbollah")])
    duplicated.merge_actors("lebanese-hezbollah", "hezbollah")
    assert duplicated.get_actor("hizb").id == "lebanese-hezbollah"
    assert duplicated.get_actor("hezbollah").id == "lebanese-hezbollah"
    assert duplicated.supporters("hizb") == duplicated.supporters("lebanese-hezbollah")
    assert keys(duplicated.supporters("hizb").items) == [
        ("iran", "funding", "lebanese-hezbollah"), ("iran", "arms", "lebanese-hezbollah"),
        ("syria", "arms", "lebanese-hezbollah"), ("syria", "support", "lebanese-hezbollah")]


def test_merge_alliance_order_stays_canonical(store: GraphStore) -> None:
    zeta = Actor(id="zeta", name="Zeta Front")
    src = source("Zeta Front and Hamas are allies.")
    store.ingest(src, [zeta, *ACTORS], [
        claim(src, "zeta", "alliance", "hamas", "Zeta Front and Hamas are allies")])
    store.add_actors([Actor(id="aaa-front", name="AAA Front")])
    store.merge_actors("aaa-front", "zeta")
    for flt in (EdgeFilter(subject="hamas"), EdgeFilter(subject="aaa-front"),
                EdgeFilter(object="zeta")):
        assert keys(store.edges(flt).items) == [("aaa-front", "alliance", "hamas")]


def test_merge_errors(duplicated: GraphStore) -> None:
    with pytest.raises(Conflict):
        duplicated.merge_actors("hezbollah", "hezbollah")
    duplicated.merge_actors("hezbollah", "hizb")
    with pytest.raises(Conflict):
        duplicated.merge_actors("hizb", "hezbollah")
    with pytest.raises(NotFound):
        duplicated.merge_actors("hezbollah", "nobody")


def test_ingest_after_merge_uses_the_kept_actor(duplicated: GraphStore) -> None:
    duplicated.merge_actors("hezbollah", "hizb")
    src = source("Iran arms the Party of God.")
    report = duplicated.ingest(src, [HIZB], [
        claim(src, "iran", "arms", "hizb", "Iran arms the Party of God")])
    assert report.actors_added == 0 and report.claims_added == 1
    (c,) = duplicated.claims(source=src.id).items
    assert c.object == "hezbollah"
    assert duplicated.get_actor("hizb").id == "hezbollah"
