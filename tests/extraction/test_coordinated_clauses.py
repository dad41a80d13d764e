"""The clause reader's coordinated verbs (loaders/pipeline/clauses.py): a second verb
phrase joined by "and" takes the subject of the first, also when the first verb is in
the present tense ("controls Goma and is backed by Rwanda"), when the sentence opens with
"the" or with a short speaker ("Officials said the Houthis ..."), and inside a subject
relative clause ("X, who control Y and are armed by Z, ...", read from the sentence as
it was before the rules dropped the relative clause). Near misses: a noun after "and"
("and arms flow", "and support from"), a second clause with a subject of its own, a
relative clause of another actor, an object relative, a condition, a negation.

Also the actors an opening plural subject names between commas ("Iraqi militias,
including X and Y, have attacked Z": X and Y attack), with near misses: no actor named,
a plural described by someone else's verb ("Militias armed by Iran, including ...").
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, Triple, positive_keys
from tests.extraction.conftest import triple_key as _key

RSF = "Rapid Support Forces"

FOUND: list[tuple[str, Expected]] = [
    ("M23 controls Goma and is backed by Rwanda.", ("Rwanda", "support", "M23")),
    ("The Houthis control northern Yemen and are armed by Iran.",
     ("Iran", "arms", "Houthis")),
    ("The Houthis control northern Yemen and receive weapons from Iran.",
     ("Iran", "arms", "Houthis")),
    ("Hamas runs Gaza and receives money from Qatar, Israeli officials say.",
     ("Qatar", "funding", "Hamas")),
    ("Officials said the Houthis control much of Yemen and are armed by Iran.",
     ("Iran", "arms", "Houthis")),
    ("The Houthis, who control northern Yemen and are armed by Iran, attacked ships.",
     ("Iran", "arms", "Houthis")),
    ("The Houthis, who control northern Yemen and receive weapons from Iran, attacked "
     "ships in the Red Sea.", ("Iran", "arms", "Houthis")),
    ("Hamas, which rules Gaza and is funded by Qatar, attacked Israel.",
     ("Qatar", "funding", "Hamas")),
    ("The RSF, which grew out of the Janjaweed militias and is backed by the UAE, "
     "besieged El Fasher.", ("United Arab Emirates", "support", RSF)),
    ("Al-Shabaab, which controls much of southern Somalia and receives weapons from "
     "the Houthis, has attacked Kenya.", ("Houthis", "arms", "Al-Shabaab")),
    ("The Houthis, who took Sanaa in 2014 and are backed by Iran, attacked Saudi "
     "Arabia.", ("Iran", "support", "Houthis")),
]

KH = "Kata'ib Hezbollah"
NUJABA = "Harakat Hezbollah al-Nujaba"
MEMBERS_FOUND: list[tuple[str, Expected]] = [
    ("Iraqi militias, including Kataib Hezbollah, have attacked US forces.",
     (KH, "hostility", "US Department of Defense")),
    ("Iraqi militias, including Kataib Hezbollah and Harakat al-Nujaba, attacked US bases "
     "in Syria.", (NUJABA, "hostility", "United States")),
    ("Several armed groups, notably JNIM, have attacked Malian army posts.",
     ("Jama'at Nusrat al-Islam wal-Muslimin", "hostility", "Malian Armed Forces")),
    ("Militias in Iraq, including Kataib Hezbollah, have attacked US forces.",
     (KH, "hostility", "US Department of Defense")),
    ("Iraqi militias, including Kataib Hezbollah, have been armed by Iran.",
     ("Iran", "arms", KH)),
    ("Western countries, including France and Germany, have armed Ukraine.",
     ("Germany", "arms", "Ukraine")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # no actor among the members; a plural someone else's verb describes
    ("Iraqi militias, including those close to Iran, have attacked US forces.",
     ("Iran", "hostility", "US Department of Defense")),
    ("Militias armed by Iran, including Kataib Hezbollah, attacked US forces.",
     ("Iran", "hostility", "US Department of Defense")),
    ("Several Gulf states, including Qatar, have condemned the attack on Israel.",
     ("Qatar", "hostility", "Israel")),
    # a noun after "and", not a second verb
    ("The Houthis control northern Yemen and arms flow to them from Iran.",
     ("Iran", "arms", "Houthis")),
    ("Hamas rules Gaza and support from Qatar keeps its administration afloat.",
     ("Qatar", "support", "Hamas")),
    # the relative clause is another actor's
    ("Hamas, which rules Gaza, and Hezbollah, which is armed by Iran, both attacked "
     "Israel.", ("Iran", "arms", "Hamas")),
    # an object relative: the first verb has a subject of its own
    ("The militia that Iran created and is funded by Qatar attacked the base.",
     ("Qatar", "funding", "Iran")),
    # a condition, an obligation
    ("If the Houthis seize Marib and are armed by Iran, the war will drag on.",
     ("Iran", "arms", "Houthis")),
    ("The Houthis should stop attacking ships and be disarmed by the United Nations.",
     ("United Nations", "arms", "Houthis")),
    # a second clause with its own subject
    ("The Houthis control northern Yemen and Iran is armed by Russia.",
     ("Russia", "arms", "Houthis")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_coordinated_verb_takes_the_first_subject(claims_of: ClaimsOf, text: str,
                                                   expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "expected"), MEMBERS_FOUND)
def test_named_members_act(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_coordinated_claim(claims_of: ClaimsOf, text: str,
                                              unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_negated_second_verb_is_denied(claims_of: ClaimsOf) -> None:
    found: set[Triple] = claims_of(
        "The Houthis control northern Yemen and are not armed by Iran, Tehran insists.")
    assert ("Iran", "arms", "Houthis", "denied") in found, found


def test_speaker_makes_the_claim_reported(claims_of: ClaimsOf) -> None:
    found = claims_of("Officials said the Houthis control much of Yemen and are armed "
                      "by Iran.")
    assert ("Iran", "arms", "Houthis", "reported") in found, found


def test_named_members_negated(claims_of: ClaimsOf) -> None:
    found = claims_of("Iraqi militias, including Kataib Hezbollah, have not attacked US "
                      "forces since February.")
    assert (KH, "hostility", "US Department of Defense", "denied") in found, found


WITH_SUPPORT: list[tuple[str, Expected]] = [
    ("Islamabad says the TTP operates from safe havens in Afghanistan with the support of "
     "the Afghan Taliban.", ("Taliban", "support", "Tehrik-i-Taliban Pakistan")),
    ("The TTP operates from Afghanistan with the support of the Afghan Taliban, who "
     "returned to power in 2021.", ("Taliban", "support", "Tehrik-i-Taliban Pakistan")),
]


@pytest.mark.parametrize(("text", "expected"), WITH_SUPPORT)
def test_with_support_backs_a_present_tense_subject(claims_of: ClaimsOf, text: str,
                                                    expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found



IN_SUPPORT: list[tuple[str, Expected]] = [
    ("Turkish drones struck the Kurdish militants in support of the Syrian National Army.",
     ("Turkey", "support", "Syrian National Army")),
    ("Hezbollah fired rockets at Israeli positions in support of Hamas, the group said.",
     ("Hezbollah", "support", "Hamas")),
]

IN_SUPPORT_NOT: list[tuple[str, Expected]] = [
    ("Egypt condemned the rallies in support of Hamas.", ("Egypt", "support", "Hamas")),
    # a pronoun subject: the reference is too weak a guess for this reading
    ("Hezbollah has traded fire with Israel almost daily, saying it acts in support of "
     "Hamas.", ("Israel", "support", "Hamas")),
]


@pytest.mark.parametrize(("text", "expected"), IN_SUPPORT)
def test_in_support_of(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), IN_SUPPORT_NOT)
def test_in_support_of_near_miss(claims_of: ClaimsOf, text: str,
                                 unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_in_support_of_negated(claims_of: ClaimsOf) -> None:
    found = claims_of("Hezbollah does not act in support of Hamas, its leader said.")
    assert ("Hezbollah", "support", "Hamas", "denied") in found, found


def test_branch_known_as_is_the_subject(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Separately, the Islamic State's Afghan affiliate, "
                          "known as ISIS-K, has carried out attacks on Taliban officials.")
    assert ("Islamic State Khorasan Province", "hostility", "Taliban") in found, found
    assert not any(s == "Islamic State of Iraq and the Levant" and r == "hostility"
                   for s, r, _ in found), found
