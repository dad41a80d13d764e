"""Help named by its giver as a modifier (loaders/rules/givers.yaml): "Y receives
Iranian funding", "Russian support has kept Y alive", "Y is armed with Iranian
missiles". Invented sentences; each shape has near misses that must give nothing."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, positive

Triple = tuple[str, str, str]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kataib Hezbollah has received substantial Iranian funding since 2014.",
     ("Iran", "funding", "Kata'ib Hezbollah")),
    ("The RSF continues to benefit from Emirati support, according to diplomats.",
     ("United Arab Emirates", "support", "Rapid Support Forces")),
    ("Al-Shabaab obtained Eritrean arms during the 2000s.",
     ("Eritrea", "arms", "Al-Shabaab")),
    ("Hamas has long enjoyed Qatari financial backing.",
     ("Qatar", "funding", "Hamas")),
    ("Houthi units received Iranian training in missile assembly.",
     ("Iran", "training", "Houthis")),
    ("The Taliban relied on Pakistani logistical support throughout the insurgency.",
     ("Pakistan", "support", "Taliban")),
])
def test_a_recipient_receives_help_named_by_its_giver(claims_of: ClaimsOf, text: str,
                                                      expected: Triple) -> None:
    assert expected in positive(claims_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian military support kept the Assad regime in power after 2015.",
     ("Russia", "support", "Syria")),
    ("Qatari money has kept Hamas afloat, Israeli officials say.",
     ("Qatar", "funding", "Hamas")),
    ("Emirati drones gave the RSF the upper hand around El Fasher.",
     ("United Arab Emirates", "arms", "Rapid Support Forces")),
    ("Iranian weapons have enabled the Houthis to strike ships in the Red Sea.",
     ("Iran", "arms", "Houthis")),
    ("Analysts say Turkish funding sustained Hayat Tahrir al-Sham in Idlib.",
     ("Turkey", "funding", "Hay'at Tahrir al-Sham")),
])
def test_help_named_by_its_giver_does_something_for_its_recipient(
        claims_of: ClaimsOf, text: str, expected: Triple) -> None:
    assert expected in positive(claims_of(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Houthis have been armed with Iranian missiles, the panel found.",
     ("Iran", "arms", "Houthis")),
    ("Al-Shabaab was equipped with Eritrean weapons in 2007.",
     ("Eritrea", "arms", "Al-Shabaab")),
])
def test_armed_with_weapons_named_by_their_giver(claims_of: ClaimsOf, text: str,
                                                 expected: Triple) -> None:
    assert expected in positive(claims_of(text))


@pytest.mark.parametrize("text", [
    # a thing that is no help, or help to people rather than to a party
    "The Taliban received Pakistani delegations in Kabul.",
    "Yemen receives Saudi humanitarian aid every winter.",
    "Sudanese refugees receive Chadian support at the border.",
    "Hamas received Turkish citizenship for some of its leaders.",
    # help sought, not had; an effect that is no help
    "The Houthis sought Iranian missiles but never got them.",
    "Russian missiles have kept Ukraine in the dark all winter.",
    "Russian weapons killed Ukrainian civilians in Kharkiv.",
    "Iran's sanctions relief gave Hezbollah a boost, analysts said.",
])
def test_what_is_no_help_from_a_giver_gives_nothing(claims_of: ClaimsOf, text: str) -> None:
    found = positive(claims_of(text))
    assert not {t for t in found if t[1] != "hostility"}, found


@pytest.mark.parametrize(("text", "modality"), [
    ("The Houthis did not receive Iranian weapons, the panel concluded.", "denied"),
    ("Hezbollah could receive Iranian funding if sanctions are lifted.", "hypothetical"),
])
def test_help_received_keeps_its_modality(claims_of: ClaimsOf, text: str,
                                          modality: str) -> None:
    assert {m for _, _, _, m in claims_of(text)} == {modality}
