"""Precision fixes found by the eighth session's helpers and probes: pairs that have
"not fought" or fought a third party, clashes in words (speeches, summits), fronted
"Despite ..." phrases, backed premodifiers before militants, humanitarian relief, soldiers
lost to attacks, a group's own men, "among them", protection named before its noun, war
with someone's allies, and rule names that must be unique.
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, positive_keys


def test_pair_that_has_not_fought_is_denied(claims_of: ClaimsOf) -> None:
    found = claims_of("India and China have not fought since 1962.")
    assert ("India", "hostility", "China", "denied") in found, found
    assert not positive_keys(claims_of, "Iran and Israel have not exchanged fire "
                             "directly.")


def test_pair_that_fought_against_a_third_is_no_pair_of_enemies(claims_of: ClaimsOf
                                                                 ) -> None:
    found = positive_keys(claims_of, "Hezbollah fighters and Syrian troops fought in "
                          "Qusayr against the rebels.")
    assert ("Hezbollah", "hostility", "Syria") not in found, found


def test_pair_that_clashed_is_still_read(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "India and China clashed in the Galwan valley in "
                          "2020.")
    assert ("India", "hostility", "China") in found, found


def test_attack_in_a_speech_is_words_not_hostility(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Turkey, in a speech at the UN, attacked Israel.")
    assert ("Turkey", "hostility", "Israel") not in found, found
    found = positive_keys(claims_of, "Israel, in a series of overnight raids, struck "
                          "Hezbollah positions.")
    assert ("Israel", "hostility", "Hezbollah") in found, found


def test_fronted_despite_phrase_sets_no_modality(claims_of: ClaimsOf) -> None:
    found = claims_of("Despite repeated pledges to rein in the group, Pakistan's army has "
                      "been fighting a resurgent TTP.")
    assert any(r == "hostility" and m == "asserted" for _, r, _, m in found), found
    found = claims_of("Despite the ceasefire, Israel would strike Hezbollah if attacked.")
    assert ("Israel", "hostility", "Hezbollah", "hypothetical") in found, found


def test_backed_militants_with_a_verb_are_no_object(claims_of: ClaimsOf) -> None:
    """"The Iran-backed militants have attacked US bases": the militants end the noun
    phrase, so the United States is no one Iran backs."""
    for text in ("The Iran-backed militants have attacked US bases.",
                 "Iran-backed insurgents attacked US troops in Syria."):
        found = positive_keys(claims_of, text)
        assert ("Iran", "support", "United States") not in found, found


def test_humanitarian_relief_is_no_support(claims_of: ClaimsOf) -> None:
    for text in ("The Houthis received food aid from the WFP.",
                 "The Houthis received aid from the World Food Programme, officials "
                 "said."):
        found = positive_keys(claims_of, text)
        assert not any(s == "World Food Programme" for s, _, _ in found), found
    found = positive_keys(claims_of, "Qatar funds UNRWA.")
    assert any(s == "Qatar" and r == "funding" for s, r, _ in found), found


def test_soldiers_lost_to_attacks_are_no_personnel(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "The Malian army lost several soldiers to JNIM "
                          "attacks.")
    assert not any(r == "personnel" for _, r, _ in found), found
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "hostility", "Malian Armed Forces"
            ) in found, found


def test_a_groups_own_men_are_the_group(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Tuareg separatists of the CSP-DPA clashed with "
                          "Malian forces near Tinzaouaten.")
    csp = "Permanent Strategic Framework for the Defence of the People of Azawad"
    assert (csp, "hostility", "Mali") in found, found
    found = positive_keys(claims_of, "Pakistani troops killed 19 militants of the TTP in "
                          "raids near the border.")
    assert any(o == "Tehrik-i-Taliban Pakistan" and r == "hostility"
               for _, r, o in found), found


def test_among_them_names_the_members(claims_of: ClaimsOf) -> None:
    """"among them" is the head of a list of names, not a pronoun for an actor."""
    found = positive_keys(claims_of, "Iran backs several militias in Iraq. Several "
                          "Iran-backed militias, among them Kataib Hezbollah and Harakat "
                          "al-Nujaba, have attacked US bases.")
    assert ("Kata'ib Hezbollah", "hostility", "United States") in found, found
    assert not any(o == "Iraq" or s == "Iraq" for s, _, o in found), found


def test_protection_named_before_the_noun(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Senior al-Qaeda figures continue to live in Kabul "
                          "under Taliban protection, the UN says.")
    assert ("Taliban", "safe_haven", "Al-Qaeda") in found, found
    found = positive_keys(claims_of, "Civilians fled the town under UN protection, "
                          "leaving al-Shabaab behind.")
    assert not any(r == "safe_haven" for _, r, _ in found), found


def test_security_forces_and_a_coordinated_place(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Taliban security forces have conducted raids "
                          "against ISIS-K cells in Kabul.")
    assert ("Taliban", "hostility", "Islamic State Khorasan Province") in found, found
    found = positive_keys(claims_of, "Al-Shabaab, which controls much of southern Somalia "
                          "and receives weapons from the Houthis, has attacked Kenya.")
    assert ("Houthis", "arms", "Somalia") not in found, found
    assert ("Houthis", "arms", "Al-Shabaab") in found, found


def test_war_with_someones_allies_and_clashes_at_a_summit(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Israel and the US are at war with Hezbollah's "
                          "allies, the minister said.")
    assert not any("Hezbollah" in (s, o) for s, _, o in found), found
    found = positive_keys(claims_of, "Turkey clashed with Greece at the NATO summit over "
                          "migration.")
    assert ("Turkey", "hostility", "Greece") not in found, found
    found = positive_keys(claims_of, "Turkey clashed with the PKK in northern Iraq.")
    assert ("Turkey", "hostility", "Kurdistan Workers' Party") in found, found


def test_two_rules_may_not_share_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine keys trigger tables by rule name: a second rule of the same name is
    refused when the rules load, with the name in the message."""
    from graph.errors import InvalidInput
    from loaders.pipeline import rules as rules_module

    rule = {"name": "x-backs-y", "pattern": "(?P<x>⟪\\d+⟫) backs (?P<y>⟪\\d+⟫)",
            "relation": "support"}
    fake = {rules_module.RULES: {"rules": [rule, dict(rule)]}}
    monkeypatch.setattr(rules_module, "load_yaml", lambda name: fake.get(name, {}))
    with pytest.raises(InvalidInput, match="a second rule named 'x-backs-y'"):
        rules_module._load(lambda pattern, flags: False)


def test_sanctions_without_force_are_no_hostility(claims_of: ClaimsOf) -> None:
    for text in ("Washington, in a new round of sanctions, targeted Hezbollah financiers.",
                 "Washington targeted Hezbollah financiers with new sanctions."):
        found = positive_keys(claims_of, text)
        assert not any(r == "hostility" for _, r, _ in found), found
    found = positive_keys(claims_of, "The US sanctioned Hezbollah financiers after the "
                          "group attacked Israel.")
    assert ("Hezbollah", "hostility", "Israel") in found, found


def test_military_intelligence_is_no_army(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Pakistan's military intelligence agency has "
                          "supported the Haqqani network.")
    assert not any(s == "Pakistan Army" for s, _, _ in found), found
    found = positive_keys(claims_of, "Pakistan's military has fought the TTP.")
    assert ("Pakistan Army", "hostility", "Tehrik-i-Taliban Pakistan") in found, found
