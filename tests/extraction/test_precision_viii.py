"""Precision fixes found by the eighth session's helpers and probes: a pair that has
"not fought" is denied (the modality is read at the verb), a pair that fought together
against a third party is no pair of enemies.
"""

from __future__ import annotations

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
