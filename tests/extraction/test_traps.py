"""What must NOT come out as a counted claim: the traps of the field."""

from __future__ import annotations

from tests.extraction.conftest import positive


def test_recommendation_is_prescriptive(claims_of) -> None:
    found = claims_of("Pakistan should share intelligence with Afghanistan.")
    assert not positive(found)
    assert ("Pakistan", "intelligence", "Afghanistan", "prescriptive") in found


def test_urging_to_stop_support_is_not_support(claims_of) -> None:
    found = claims_of("Egypt urged Qatar to stop funding Hamas.")
    assert not positive(found)


def test_hypothetical_is_not_counted(claims_of) -> None:
    found = claims_of("If Turkey sent troops to Libya, the war could widen.")
    assert not positive(found)
    found = claims_of("Closer cooperation with Iraq could help Jordan fight the Islamic State.")
    assert not positive(found)


def test_denial_is_counter_evidence(claims_of) -> None:
    found = claims_of("Eritrea denied that it had armed al-Shabaab.")
    assert ("Eritrea", "arms", "Al-Shabaab", "denied") in found
    assert not positive(found)
    assert not positive(claims_of("Iran does not fund the Taliban."))
    assert not positive(claims_of("China has refused to supply Russia with weapons."))


def test_wrong_direction_is_not_produced(claims_of) -> None:
    found = positive(claims_of("Hezbollah is funded by Iran."))
    assert ("Hezbollah", "funding", "Iran") not in found


def test_a_mechanism_is_not_an_actor(claims_of) -> None:
    text = ("Intelligence-sharing mechanisms between Pakistan and Afghanistan can facilitate "
            "the arrest of TTP commanders.")
    assert not positive(claims_of(text))


def test_co_listed_recipients_are_not_allies(claims_of) -> None:
    found = positive(claims_of("Iran arms Hamas and Hezbollah."))
    assert ("Iran", "arms", "Hamas") in found and ("Iran", "arms", "Hezbollah") in found
    assert not any(r == "alliance" for _, r, _ in found)


def test_accusation_is_not_an_attack(claims_of) -> None:
    assert not positive(claims_of("Saudi Arabia accused Iran of war crimes."))


def test_cutting_ties_is_not_an_alliance(claims_of) -> None:
    assert not positive(claims_of("Morocco cut diplomatic ties with Iran in 2018."))


def test_negated_membership_is_not_an_alliance(claims_of) -> None:
    assert not positive(claims_of("Algeria is not a member of the Arab League."))


def test_agent_of_an_accusation_is_not_the_subject(claims_of) -> None:
    found = positive(claims_of("The Taliban have been accused by the UN of harbouring al-Qaeda."))
    assert not any(s == "United Nations" for s, _, _ in found)


def test_fighting_alongside_is_not_hostility(claims_of) -> None:
    found = positive(claims_of("The Wagner Group fought alongside the Malian army."))
    assert not any(r == "hostility" for _, r, _ in found)


def test_capital_as_a_place_is_not_the_state(claims_of) -> None:
    found = positive(claims_of("The RSF launched drone attacks on Khartoum."))
    assert not any(o == "Sudan" for _, _, o in found)


def test_descriptions_are_asserted_despite_modal_words(claims_of) -> None:
    found = claims_of("The U.S.-backed SDF said it would respond if attacked.")
    assert ("United States", "support", "Syrian Democratic Forces", "asserted") in found


def test_diplomatic_ties_between_states_are_not_an_alliance(claims_of) -> None:
    assert not positive(claims_of("Russia has close ties with China."))
    assert not positive(claims_of("Ties between Brazil and India have deepened."))
    found = positive(claims_of("Hamas has close ties with Iran."))
    assert ("Hamas", "alliance", "Iran") in found
