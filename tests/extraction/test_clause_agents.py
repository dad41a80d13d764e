"""The clause reader's passive agents and reduced passives (loaders/pipeline/clauses.py):
an agent named through its people ("attacked by factions of X", "by fighters of X"),
and a provide-verb's participle right after the thing given ("weapons supplied by X to
Y were found ...", "drones delivered to Y by X"). Near misses: a negated thing ("no
weapons supplied by X" is denied), a thing that is no relation noun (food, aid to a
place), a hypothetical, someone who is no agent ("factions of X" after another verb).
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

SDF = "Syrian Democratic Forces"
SNA = "Syrian National Army"
RSF = "Rapid Support Forces"

FOUND: list[tuple[str, Expected]] = [
    ("The SDF has been attacked by factions of the Syrian National Army.",
     (SNA, "hostility", SDF)),
    ("Kenyan troops were ambushed by fighters of al-Shabaab near Lamu.",
     ("Al-Shabaab", "hostility", "Kenya")),
    ("Weapons supplied by the United Arab Emirates to the Libyan National Army were later "
     "found in Darfur.", ("United Arab Emirates", "arms", "Libyan National Army")),
    ("Drones delivered to the RSF by the UAE were shot down over Khartoum.",
     ("United Arab Emirates", "arms", RSF)),
    ("Investigators traced rifles sold by Belarus to the Myanmar junta.",
     ("Belarus", "arms", "Tatmadaw")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    ("Aid delivered to Gaza by the United Nations was blocked at the crossing.",
     ("United Nations", "support", "Palestine")),
    ("Food sent to Sudan by the World Food Programme was looted by the RSF.",
     ("World Food Programme", "support", "Sudan")),
    ("Weapons supplied by Iran would reach the Houthis, if the embargo failed.",
     ("Iran", "arms", "Houthis")),
    ("The SDF has warned factions of the Syrian National Army against an offensive.",
     (SNA, "hostility", SDF)),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_agent_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str,
                                  unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_no_weapons_supplied_is_denied(claims_of: ClaimsOf) -> None:
    found = claims_of("Investigators found no weapons supplied by Iran to the Houthis.")
    assert ("Iran", "arms", "Houthis", "denied") in found, found


# A supply verb whose only object is a group: weapons, as the field writes it; someone
# accused of doing a thing does it; a list right after a verb is its object, not the
# next verb's subject.
SUPPLY_FOUND: list[tuple[str, Expected]] = [
    ("Riyadh accuses Tehran of supplying the Houthis.", ("Iran", "arms", "Houthis")),
    ("Iran supplies the Houthis, according to US officials.", ("Iran", "arms", "Houthis")),
    ("Iran has long supplied the Houthis and Hezbollah.", ("Iran", "arms", "Hezbollah")),
    ("Washington accused Tehran of arming the Houthis.", ("Iran", "arms", "Houthis")),
    ("The UN suspects Eritrea of backing Fano militias.", ("Eritrea", "support", "Fano")),
    ("Egypt supplies the Sudanese army and the UAE supplies the RSF.",
     ("United Arab Emirates", "arms", RSF)),
]

SUPPLY_NOT_FOUND: list[tuple[str, Expected]] = [
    ("Iran supplies the Houthis with food.", ("Iran", "arms", "Houthis")),
    ("If Kigali stopped supplying the M23 tomorrow, the rebellion would collapse.",
     ("Rwanda", "arms", "M23")),
    ("The Houthis fired missiles at ships. Iran supplied them, the panel said.",
     ("Iran", "arms", "Houthis")),
    ("Egypt supplies the Sudanese army and the UAE supplies the RSF.",
     ("Sudanese Armed Forces", "arms", RSF)),
]


@pytest.mark.parametrize(("text", "expected"), SUPPLY_FOUND)
def test_supply_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), SUPPLY_NOT_FOUND)
def test_supply_near_miss(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


ACCUSED_FOUND: list[tuple[str, Expected]] = [
    ("Sudan's government accused the United Arab Emirates of prolonging the war by arming "
     "the paramilitary Rapid Support Forces.", ("United Arab Emirates", "arms", RSF)),
    ("Kinshasa accuses Kigali of destabilising the east by backing M23 rebels.",
     ("Rwanda", "support", "M23")),
    ("Washington accused Tehran of arming the rebel Houthis.", ("Iran", "arms", "Houthis")),
]

ACCUSED_NOT_FOUND: list[tuple[str, Expected]] = [
    # the one accused is not who arms: "by" belongs to another clause
    ("Kinshasa accuses Kigali of destabilising the east, and the war goes on by arming "
     "M23.", ("Rwanda", "arms", "M23")),
    # the group's opponents, rivals or victims are not the group
    ("Tehran accused Washington of arming Houthi opponents.",
     ("United States", "arms", "Houthis")),
    ("Tehran accused Washington of arming opponents of the Houthis.",
     ("United States", "arms", "Houthis")),
    ("Riyadh has funded Houthi rivals in the south for years.",
     ("Saudi Arabia", "funding", "Houthis")),
]


@pytest.mark.parametrize(("text", "expected"), ACCUSED_FOUND)
def test_accused_does_it(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), ACCUSED_NOT_FOUND)
def test_accused_near_miss(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_no_support_between_a_state_and_its_own_army(claims_of: ClaimsOf) -> None:
    """A reference gone wrong must not make a state arm its own army."""
    found = positive_keys(claims_of, "Iran's army fought in Syria. Iran has supplied "
                          "drones to the army, officials say.")
    assert ("Iran", "arms", "Iranian Armed Forces") not in found, found
