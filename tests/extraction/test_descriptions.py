"""Appositions and definite descriptions that name a second actor: "Iran's proxy, the
Houthis, ...", "the Iran-backed group" pointing back to a group, "the al-Qaeda
affiliate"; and the near misses (a speaker after a comma, a description with nothing
to point back to, a name that follows)."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

FOUND: list[tuple[str, Expected]] = [
    # an apposition is read, then the verb belongs to the one it describes
    ("The Houthis, Iran's ally in Yemen, fired missiles at Saudi Arabia.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("Hezbollah's ally, the Houthis, attacked Saudi Arabia.",
     ("Hezbollah", "alliance", "Houthis")),
    ("Hezbollah's ally, the Houthis, attacked Saudi Arabia.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("Iran's proxy, the Houthis, attacked Saudi Arabia.", ("Iran", "support", "Houthis")),
    # fighting in another's ranks: that force fights
    ("Some Hezbollah fighters fought in the ranks of the Houthis against Saudi Arabia.",
     ("Houthis", "hostility", "Saudi Arabia")),
    # a description points back to the group, and says who stands how to it
    ("Qatar hosted Hamas leaders in Doha. The Qatar-backed movement later attacked Israel.",
     ("Qatar", "support", "Hamas")),
    ("Qatar hosted Hamas leaders in Doha. The Qatar-backed movement later attacked Israel.",
     ("Hamas", "hostility", "Israel")),
    ("Niger struck Boko Haram last week. The Islamic State-affiliated group raided a base.",
     ("Boko Haram", "alliance", "Islamic State of Iraq and the Levant")),
    ("Kenya raided al-Shabaab camps. The al-Qaeda affiliate then ambushed Kenyan troops.",
     ("Al-Qaeda", "alliance", "Al-Shabaab")),
    ("Kenya raided al-Shabaab camps. The al-Qaeda affiliate then ambushed Kenyan troops.",
     ("Al-Shabaab", "hostility", "Kenya")),
    ("The Houthis seized a tanker. Yemen's government says the Iranian-backed militia "
     "is a threat.", ("Iran", "support", "Houthis")),
    # an organisation before a person's title is its own mention, so "the group" finds it
    ("Hamas official Osama Hamdan said Qatar backs the movement.", ("Qatar", "support", "Hamas")),
    ("Hezbollah commander Ali Karaki said Iran arms the group.", ("Iran", "arms", "Hezbollah")),
    # "the <actor> affiliate <name>"
    ("The Islamic State affiliate ISWAP attacked Nigeria.",
     ("Islamic State of Iraq and the Levant", "alliance", "Islamic State West Africa Province")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # a speaker after a comma is no apposition
    ("The Houthis fired missiles at Israel, Hamas's military wing said on Monday.",
     ("Hamas", "alliance", "Israel")),
    ("Iraq blamed the Kurds for the raid, Hezbollah's political wing claimed.",
     ("Hezbollah", "alliance", "Iraq")),
    # fighters in another's ranks: the force fights, not the fighters' own group
    ("Some Hezbollah fighters fought in the ranks of the Houthis against Saudi Arabia.",
     ("Hezbollah", "hostility", "Saudi Arabia")),
    # nothing to point back to: the named actor is not the one fought
    ("Turkey's fight against the al-Qaeda affiliate continued.",
     ("Turkey", "hostility", "Al-Qaeda")),
    # a state is no "militia"
    ("Israel attacked Syria. The Iran-backed militia retaliated.", ("Iran", "support", "Syria")),
    # a name follows: it is the referent, not the group before
    ("Hamas fired rockets. The Iran-backed group Hezbollah joined in.",
     ("Iran", "support", "Hamas")),
    ("Hamas fired rockets. The al-Qaeda affiliate al-Shabaab attacked Kenya.",
     ("Al-Qaeda", "alliance", "Hamas")),
    # the person keeps the name after the title; no organisation in a plain title
    ("President Bashar al-Assad thanked Iran. The group attacked Israel.",
     ("Bashar al-Assad", "hostility", "Israel")),
    # an indefinite description introduces someone new
    ("Hamas fired rockets. An Iran-backed group claimed the attack.",
     ("Iran", "support", "Hamas")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_description_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found
