"""Actor recognition mechanisms of news and sanctions language: companies named with
their legal form, people named by a role word or a middle initial, abbreviations of
names in other languages, coordinated names, a leader's possessive standing for the
group the text says he heads, demonyms before police and unit nouns.

All sentences are invented; each mechanism has positive cases and near misses."""

from __future__ import annotations

from graph.model import ActorKind
from loaders.pipeline.mentions import find_mentions
from loaders.registry import Registry
from tests.extraction.conftest import ClaimsOf, positive


def _found(text: str, registry: Registry) -> list[tuple[str, str, ActorKind]]:
    mentions, actors = find_mentions(text, registry)
    return [(m.text, actors[m.actor].name, actors[m.actor].kind) for m in mentions]


# -- companies with a legal form ------------------------------------------------------

def test_a_company_is_called_by_its_name_without_the_legal_form(registry: Registry) -> None:
    text = ("Ndege Freight Services S.A. chartered the aircraft. Later Ndege Freight "
            "Services flew rifles to al-Shabaab.")
    found = _found(text, registry)
    assert ("Ndege Freight Services", "Ndege Freight Services S.A.",
            ActorKind.ORGANIZATION) in found


def test_a_short_name_in_brackets_names_the_company(registry: Registry) -> None:
    text = ("Baraka Coast Trading Ltd. (Baraka Coast) is owned by a broker. Baraka Coast "
            "supplied fuel and engines to al-Shabaab.")
    found = _found(text, registry)
    assert ("Baraka Coast", "Baraka Coast Trading Ltd.", ActorKind.ORGANIZATION) in found


def test_a_one_word_stem_is_no_alias(registry: Registry) -> None:
    # "Omari" alone could be a person of the same name: not an alias of the company.
    found = _found("Omari Ltd. was fined. Omari later met officials.", registry)
    assert [s for s, _, _ in found] == ["Omari Ltd."]


def test_brackets_that_do_not_shorten_the_name_are_not_its_alias(registry: Registry) -> None:
    found = _found("Sahel Gold Mining LLC (Mali) exported gold.", registry)
    assert not any(s.startswith("Mali") and n.startswith("Sahel") for s, n, _ in found)


# -- people without a title ---------------------------------------------------------

def test_a_role_word_before_a_full_name_makes_a_person(registry: Registry) -> None:
    text = ("The ring, run by financier Idris Omar Wali, moved cash. Wali sent money to "
            "Boko Haram.")
    found = _found(text, registry)
    assert ("Idris Omar Wali", "Idris Omar Wali", ActorKind.PERSON) in found
    assert ("Wali", "Idris Omar Wali", ActorKind.PERSON) in found


def test_a_middle_initial_marks_a_person(registry: Registry) -> None:
    found = _found("The court convicted Halima R. Baba of hiding Boko Haram couriers.",
                   registry)
    assert ("Halima R. Baba", "Halima R. Baba", ActorKind.PERSON) in found


def test_a_sentence_ending_in_a_letter_is_no_middle_initial(registry: Registry) -> None:
    found = _found("Iran backed Plan B. Then Hezbollah attacked.", registry)
    assert all(k is not ActorKind.PERSON for _, _, k in found)


def test_a_role_word_before_a_place_is_no_person(registry: Registry) -> None:
    found = _found("The commander Mali appointed was replaced.", registry)
    assert all(k is not ActorKind.PERSON for _, _, k in found)


def test_an_appositive_money_exchanger_is_a_person(registry: Registry) -> None:
    text = "Tarek Samir Halabi, a Dubai-based money exchanger, sent funds to Hamas."
    found = _found(text, registry)
    assert ("Tarek Samir Halabi", "Tarek Samir Halabi", ActorKind.PERSON) in found


# -- abbreviations ------------------------------------------------------------------

def test_an_abbreviation_of_a_name_with_lower_case_inner_words(registry: Registry) -> None:
    text = ("Officers armed the Front pour la défense du Kivu (FDK). The FDK attacked "
            "Goma.")
    found = _found(text, registry)
    assert ("FDK", "Front pour la défense du Kivu", ActorKind.ARMED_GROUP) in found


def test_an_english_phrase_before_brackets_is_no_foreign_name(registry: Registry) -> None:
    # No foreign particle: the words before the brackets are English prose, not a name.
    found = _found("Fighting spread near the border of Kivu province (KP) last week.",
                   registry)
    assert not any(n.lower().startswith("kivu province") or "border" in n for _, n, _ in found)


def test_initials_in_another_order(registry: Registry) -> None:
    text = ("Prosecutors blamed the attack on the Rosario Jewish Community Center "
            "(RCJC) on Hezbollah. The RCJC was rebuilt.")
    found = _found(text, registry)
    assert ("RCJC", "Rosario Jewish Community Center", ActorKind.ORGANIZATION) in found


def test_initials_of_different_letters_define_nothing(registry: Registry) -> None:
    found = _found("The Joint Border Committee (XYZ) met.", registry)
    assert not any(s == "XYZ" for s, _, _ in found)


# -- coordinated names --------------------------------------------------------------

def test_two_names_joined_by_and_stay_two_actors(registry: Registry) -> None:
    found = _found("Rebels attacked Wagner Group and Africa Corps convoys near Kidal.",
                   registry)
    names = {n for _, n, _ in found}
    assert "Wagner Group" in names and "Africa Corps" in names
    assert not any(" and " in n for n in names)


def test_a_name_holding_and_is_still_one_actor(registry: Registry) -> None:
    found = _found("The Islamic State of Iraq and the Levant attacked a base.", registry)
    assert [n for _, n, _ in found] == ["Islamic State of Iraq and the Levant"]


# -- a leader's group -----------------------------------------------------------------

def test_a_leaders_organisation_is_the_group_he_heads(claims_of: ClaimsOf) -> None:
    text = ("Abu Yahya al-Masri, then leader of the Islamic State, ordered the move. "
            "Masri's organisation supplied al-Shabaab with rifles.")
    assert ("Islamic State of Iraq and the Levant", "arms", "Al-Shabaab") in positive(
        claims_of(text))


def test_a_group_then_leader_binds_them(claims_of: ClaimsOf) -> None:
    text = "Hamas leader Omar Khalil Haniyeh spoke. Haniyeh's fighters attacked Israel."
    assert ("Hamas", "hostility", "Israel") in positive(claims_of(text))


def test_a_leader_of_two_groups_stands_for_neither(claims_of: ClaimsOf) -> None:
    text = ("Salim Karim Nasser, the founder of Hamas, spoke. Nasser, the leader of "
            "Hezbollah, spoke too. Nasser's fighters attacked Israel.")
    found = positive(claims_of(text))
    assert not any(o == "Israel" and s in {"Hamas", "Hezbollah"} for s, _, o in found)


def test_a_person_not_bound_to_a_group_stays_a_person(claims_of: ClaimsOf) -> None:
    text = ("Omar Khalil Haniyeh met Hezbollah officials. Haniyeh's fighters attacked "
            "Israel.")
    assert not any(s == "Hezbollah" for s, _, _ in positive(claims_of(text)))


# -- demonyms before police and unit nouns -----------------------------------------

def test_a_demonym_before_police_or_units_is_the_state(claims_of: ClaimsOf) -> None:
    text = "The European Union trained Kenyan police units in Mombasa."
    assert ("European Union", "training", "Kenya") in positive(claims_of(text))


def test_a_demonym_before_a_thing_is_not_the_state(claims_of: ClaimsOf) -> None:
    text = "The European Union trained staff at the Kenyan coast."
    assert not any(o == "Kenya" for _, _, o in positive(claims_of(text)))


def test_demonym_officials_speaking_are_not_the_agent(claims_of: ClaimsOf) -> None:
    text = "Turkish officials said that Iran armed the Houthis."
    found = positive(claims_of(text))
    assert not any(s == "Turkey" for s, _, _ in found)


# -- "the group" after two coordinated groups -----------------------------------------

def test_the_group_after_two_coordinated_groups_is_left_open(claims_of: ClaimsOf) -> None:
    text = "Al-Shabaab and the Houthis traded rifles. Iran armed the group, officials said."
    assert not any(s == "Iran" for s, _, _ in positive(claims_of(text)))


def test_the_group_after_one_group_is_resolved(claims_of: ClaimsOf) -> None:
    text = "Al-Shabaab attacked a base. Eritrea armed the group, officials said."
    assert ("Eritrea", "arms", "Al-Shabaab") in positive(claims_of(text))


# -- a group's branch named by its place ------------------------------------------------

def test_a_possessive_branch_is_the_registry_branch(registry: Registry) -> None:
    found = _found("The Islamic State's Somalia Province sent trainers to the ADF.", registry)
    assert ("Islamic State's Somalia Province", "Islamic State Somalia Province",
            ActorKind.ARMED_GROUP) in found


def test_a_possessive_branch_by_demonym(claims_of: ClaimsOf) -> None:
    text = "Al-Qaeda's Yemeni branch attacked Saudi Arabia."
    assert ("Al-Qaeda in the Arabian Peninsula", "hostility", "Saudi Arabia") in positive(
        claims_of(text))


def test_a_possessive_office_is_no_branch(registry: Registry) -> None:
    found = _found("Hezbollah's Beirut office paid the couriers.", registry)
    assert not any("Province" in n or n.startswith("Hezbollah ") for _, n, _ in found)


# -- a capital after a government noun ------------------------------------------------

def test_the_junta_in_a_capital_is_its_state(claims_of: ClaimsOf) -> None:
    text = "Moscow supplied the junta in Naypyidaw with fighter jets."
    assert ("Russia", "arms", "Myanmar") in positive(claims_of(text))


def test_the_junta_in_a_state_is_that_state(claims_of: ClaimsOf) -> None:
    text = "Paris condemned Moscow's support for the junta in Burkina Faso."
    found = positive(claims_of(text))
    assert ("Russia", "support", "Burkina Faso") in found
    assert not any(o == "France" for _, _, o in found)


def test_the_junta_between_two_states_of_its_sentence_stays_open(claims_of: ClaimsOf) -> None:
    # France or Russia? Neither: the junta here is a third government.
    text = "France condemned Russia's support for the junta, officials said."
    assert not positive(claims_of(text))


def test_the_junta_with_one_state_before_it_is_that_state(claims_of: ClaimsOf) -> None:
    text = "Mali expelled the French ambassador. Russia has since armed the junta."
    assert ("Russia", "arms", "Mali") in positive(claims_of(text))


def test_a_capital_as_a_place_is_no_actor(registry: Registry) -> None:
    for text in ("Protesters gathered in Tehran to denounce the strikes.",
                 "The embassy in Tehran was closed."):
        assert not any(n == "Iran" for _, n, _ in _found(text, registry))


# -- registry ----------------------------------------------------------------------------

def test_a_syrian_faction_the_registry_knows(registry: Registry) -> None:
    found = _found("Zenki fighters clashed with HTS in western Aleppo.", registry)
    assert ("Zenki", "Nour al-Din al-Zenki Movement", ActorKind.ARMED_GROUP) in found


def test_a_private_military_company_is_no_antecedent_of_the_insurgents(
        claims_of: ClaimsOf) -> None:
    text = ("The Dyck Advisory Group flew helicopters for the police. Tanzania armed "
            "the insurgents, officials said.")
    assert not any(o == "Dyck Advisory Group" for _, _, o in positive(claims_of(text)))


def test_an_arms_maker_the_registry_knows(registry: Registry) -> None:
    found = _found("Niger bought drones from Turkey's Baykar.", registry)
    assert ("Baykar", "Baykar", ActorKind.ORGANIZATION) in found
