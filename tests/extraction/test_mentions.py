"""Actor recognition: registry variants, acronyms, unknown organisations, people, coref."""

from __future__ import annotations

from loaders.document import Document
from loaders.extract import extract
from loaders.pipeline.mentions import find_mentions


def _actors(text: str, registry) -> dict[str, str]:
    _, actors = find_mentions(text, registry)
    return {a.name: a.id for a in actors.values()}


def test_ttp_spellings_are_one_actor_and_not_the_afghan_taliban(registry) -> None:
    for spelling in ("Tehreek-i-Taliban Pakistan", "Tehrik-e-Taliban Pakistan", "TTP",
                     "Pakistani Taliban"):
        mentions, actors = find_mentions(f"The {spelling} attacked a checkpoint.", registry)
        assert [actors[m.actor].name for m in mentions] == ["Tehrik-i-Taliban Pakistan"]
    mentions, actors = find_mentions("The Afghan Taliban met in Kabul.", registry)
    assert [actors[m.actor].name for m in mentions if m.form == "name"][0] == "Taliban"


def test_acronyms_match_case(registry) -> None:
    mentions, _ = find_mentions("Let us talk about it.", registry)
    assert not mentions


def test_acronym_defined_in_the_text(registry) -> None:
    text = "The Free Sinai Brigades (FSB) attacked Egypt. Later the FSB withdrew."
    mentions, actors = find_mentions(text, registry)
    fsb = [actors[m.actor] for m in mentions if actors[m.actor].name == "Free Sinai Brigades"]
    assert len(fsb) == 2 and "FSB" in fsb[0].aliases


def test_unknown_organisation_names(registry) -> None:
    names = _actors("Fighters of the Northern Valley Front crossed the river.", registry)
    assert "Northern Valley Front" in names


def test_people_with_titles_and_later_surnames(registry) -> None:
    text = ("Defence Minister Jane Doerr met the envoy. Later Doerr said nothing. "
            "Foreign Minister Hakan Fidan and spokesman Ali Rahimi spoke.")
    mentions, actors = find_mentions(text, registry)
    names = [actors[m.actor].name for m in mentions]
    assert names.count("Jane Doerr") == 2
    assert "Hakan Fidan" in names and "Ali Rahimi" in names


def test_demonyms_stand_for_states_only_as_agents(registry) -> None:
    mentions, actors = find_mentions("Iranian officials met Syrian Kurdish farmers.", registry)
    assert [actors[m.actor].name for m in mentions] == ["Iran"]


def test_coalitions_and_armies(registry) -> None:
    names = _actors("The Saudi-led coalition struck the Yemeni army.", registry)
    assert "Saudi-led coalition" in names
    assert any(n.startswith("Yemeni") for n in names)


def test_pronoun_support_resolves_to_the_previous_subject(claims_of) -> None:
    text = ("The Taliban deny any role. Yet the TTP continues its raids with their support.")
    assert ("Taliban", "support", "Tehrik-i-Taliban Pakistan", "asserted") in claims_of(text)


def test_fronted_possessive_points_forward(claims_of) -> None:
    text = "In its support of the Houthis, Iran has defied the embargo."
    assert ("Iran", "support", "Houthis", "asserted") in claims_of(text)


def test_plural_reference_lists_recent_groups(claims_of) -> None:
    text = ("Hamas and Hezbollah met in Beirut. The cooperation between these groups "
            "has grown.")
    found = claims_of(text)
    assert ("Hamas", "alliance", "Hezbollah", "asserted") in found or \
        ("Hezbollah", "alliance", "Hamas", "asserted") in found


def test_actor_ids_come_from_the_registry_or_slugs(registry) -> None:
    ex = extract(Document(text="The Northern Valley Front is backed by Iran."), registry)
    ids = {a.name: a.id for a in ex.actors}
    assert ids["Iran"] == registry.lookup("Iran").id
    assert ids["Northern Valley Front"] == "northern-valley-front"
