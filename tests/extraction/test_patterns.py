"""One family of relation patterns per test: active, passive, nominal, descriptive."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import positive, triple_key

CASES = [
    # support, active and coordinated verbs
    ("Qatar backs Hamas.", ("Qatar", "support", "Hamas")),
    ("Al-Qaeda openly supports and funds al-Shabaab.", ("Al-Qaeda", "funding", "Al-Shabaab")),
    ("Al-Qaeda openly supports and funds al-Shabaab.", ("Al-Qaeda", "support", "Al-Shabaab")),
    # passive, appositive passive, relative clause
    ("Hezbollah is financed by Iran.", ("Iran", "funding", "Hezbollah")),
    ("The Houthis, armed by Iran, fired missiles at ships.", ("Iran", "arms", "Houthis")),
    ("Hamas, which is funded by Qatar, attacked Israel.", ("Qatar", "funding", "Hamas")),
    ("Hamas, which is funded by Qatar, attacked Israel.", ("Hamas", "hostility", "Israel")),
    # nominal forms
    ("Iran's backing of the Houthis has grown.", ("Iran", "support", "Houthis")),
    ("Al-Shabaab grew with the financial support of Eritrea.",
     ("Eritrea", "funding", "Al-Shabaab")),
    # lists of support kinds
    ("Iran gave money, rockets and training to Palestinian Islamic Jihad.",
     ("Iran", "arms", "Palestinian Islamic Jihad")),
    ("Iran gave money, rockets and training to Palestinian Islamic Jihad.",
     ("Iran", "training", "Palestinian Islamic Jihad")),
    ("Iran gave money, rockets and training to Palestinian Islamic Jihad.",
     ("Iran", "funding", "Palestinian Islamic Jihad")),
    ("Turkey supplied Azerbaijan with drones.", ("Turkey", "arms", "Azerbaijan")),
    ("Armenia bought rockets from India.", ("India", "arms", "Armenia")),
    # descriptions: X-backed Y, X-Y nexus
    ("The Iran-backed Houthis seized a ship.", ("Iran", "support", "Houthis")),
    ("Analysts worry about the Hamas-Hezbollah axis.", ("Hamas", "alliance", "Hezbollah")),
    # safe haven, intelligence, personnel, facilitation
    ("The Taliban provide sanctuary to al-Qaeda.", ("Taliban", "safe_haven", "Al-Qaeda")),
    ("Lashkar-e-Taiba found refuge in Pakistan.", ("Pakistan", "safe_haven", "Lashkar-e-Taiba")),
    ("Egypt shared intelligence with Israel.", ("Egypt", "intelligence", "Israel")),
    ("Belarus sent troops to Russia.", ("Belarus", "personnel", "Russia")),
    ("The ISI facilitates the Haqqani Network.", ("Inter-Services Intelligence", "facilitation",
                                                 "Haqqani Network")),
    # alliance
    ("The alliance between Hamas, Hezbollah and the Houthis has deepened.",
     ("Hamas", "alliance", "Houthis")),
    ("Boko Haram pledged allegiance to the Islamic State.",
     ("Boko Haram", "alliance", "Islamic State of Iraq and the Levant")),
    ("Hezbollah has close ties with Syria.", ("Hezbollah", "alliance", "Syria")),
    ("Russia and Belarus are close allies.", ("Belarus", "alliance", "Russia")),
    # hostility
    ("Israel launched airstrikes against Hezbollah in southern Lebanon.",
     ("Israel", "hostility", "Hezbollah")),
    ("Al-Shabaab has been at war with Somalia since 2006.", ("Al-Shabaab", "hostility", "Somalia")),
]



@pytest.mark.parametrize(("text", "expected"), CASES)
def test_pattern_finds_the_relation(claims_of, text: str, expected: tuple[str, str, str]) -> None:
    found = {triple_key(t) for t in positive(claims_of(text))}
    assert triple_key(expected) in found, found


def test_direction_of_passive_and_active_agree(claims_of) -> None:
    a = positive(claims_of("Iran arms the Houthis."))
    b = positive(claims_of("The Houthis are armed by Iran."))
    assert a == b == {("Iran", "arms", "Houthis")}


def test_relation_kinds_are_kept_apart(claims_of) -> None:
    found = positive(claims_of("Russia trained Syrian forces and funded Hezbollah."))
    assert ("Russia", "funding", "Hezbollah") in found
    assert not any(r == "training" and o == "Hezbollah" for _, r, o in found)


def test_demonym_as_the_attacker(claims_of) -> None:
    found = positive(claims_of("Israeli strikes on Hezbollah killed dozens."))
    assert ("Israel", "hostility", "Hezbollah") in found
    assert not positive(claims_of("Iranian missiles are cheap."))
