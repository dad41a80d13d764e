"""Modality cues added in the final round: a claim reported only to be rejected ("Reports
that X armed Y were denied", "The notion that X backs Y is absurd") is denied. Each with
near misses that stay reported. Sentences are invented.
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf

Claim = tuple[str, str, str, str]

DENIED_REPORTS: list[Claim] = [
    ("The notion that Russia backs the Taliban is absurd, officials said.",
     "Russia", "support", "Taliban"),
    ("Reports that Iran armed the RSF were denied.",
     "Iran", "arms", "Rapid Support Forces"),
    ("Claims that Qatar funds Hamas have been dismissed by Doha.", "Qatar", "funding", "Hamas"),
    ("Allegations that Turkey trained the Syrian National Army fighters were flatly "
     "rejected by Ankara.", "Turkey", "training", "Syrian National Army"),
    ("The idea that Iran supplies the Houthis with missiles is baseless, the minister said.",
     "Iran", "arms", "Houthis"),
]


@pytest.mark.parametrize(("text", "s", "r", "o"), DENIED_REPORTS)
def test_rejected_report_is_denied(claims_of: ClaimsOf, text: str, s: str, r: str,
                                   o: str) -> None:
    found = claims_of(text)
    assert (s, r, o, "denied") in found
    assert (s, r, o, "reported") not in found
    assert (s, r, o, "asserted") not in found


STILL_REPORTED: list[Claim] = [
    # the report is confirmed or backed, not rejected
    ("Reports that Iran armed the RSF were confirmed by the UN panel.",
     "Iran", "arms", "Rapid Support Forces"),
    ("The claim that Iran armed the Houthis is backed by UN evidence.",
     "Iran", "arms", "Houthis"),
    # the rejection belongs to another clause
    ("Reports that Iran armed the RSF prompted an inquiry whose findings were dismissed.",
     "Iran", "arms", "Rapid Support Forces"),
]


@pytest.mark.parametrize(("text", "s", "r", "o"), STILL_REPORTED)
def test_report_not_rejected_stays_reported(claims_of: ClaimsOf, text: str, s: str, r: str,
                                            o: str) -> None:
    assert (s, r, o, "reported") in claims_of(text)


# A relation ended, suspended, halted, cut off, withdrawn or stopped is denied, also
# when the trigger is an adjective before the noun ("its financial support").
ENDED: list[Claim] = [
    ("Qatar suspended its financial support for Hamas.", "Qatar", "funding", "Hamas"),
    ("Qatar ended its financial support for Hamas in 2017.", "Qatar", "funding", "Hamas"),
    ("Iran has halted its military assistance to the Houthis, officials said.",
     "Iran", "support", "Houthis"),
    ("Saudi Arabia withdrew its military support for the Yemeni government.",
     "Saudi Arabia", "support", "Yemen"),
]


@pytest.mark.parametrize(("text", "s", "r", "o"), ENDED)
def test_ended_help_is_denied(claims_of: ClaimsOf, text: str, s: str, r: str,
                              o: str) -> None:
    found = claims_of(text)
    assert (s, r, o, "denied") in found
    assert (s, r, o, "asserted") not in found
    assert (s, r, o, "reported") not in found


RESUMED: list[Claim] = [
    ("Qatar resumed its financial support for Hamas.", "Qatar", "funding", "Hamas"),
    ("Qatar increased its financial support for Hamas.", "Qatar", "funding", "Hamas"),
    ("Iran halted the offensive and sent military aid to the Houthis.",
     "Iran", "support", "Houthis"),
]


@pytest.mark.parametrize(("text", "s", "r", "o"), RESUMED)
def test_resumed_help_stays_asserted(claims_of: ClaimsOf, text: str, s: str, r: str,
                                     o: str) -> None:
    assert (s, r, o, "asserted") in claims_of(text)
