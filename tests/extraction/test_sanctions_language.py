"""The language of sanctions designations and financial investigations
(loaders/rules/sanctions.yaml): designation formulas, money moved, fronts and couriers,
documents and boats supplied, fighters recruited.

All sentences are invented; every construction has positive cases of several shapes
and near misses that must give nothing: the designating authority as a party, money
received, seized or blocked, a denial, a hypothesis, relief for families, a place the
money came from, a designation for something else."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

FOUND: list[tuple[str, Expected]] = [
    # designation formulas: passive, with an apposition, by the authority, abbreviated
    ("Nile Star Exchange LLC, a Khartoum-based money transmitter, is being designated "
     "pursuant to E.O. 13224, as amended, for having materially assisted, sponsored, or "
     "provided financial, material, or technological support for, or goods or services to "
     "or in support of, Hamas.", ("Nile Star Exchange LLC", "support", "Hamas")),
    ("Baraka Coast Trading Ltd. was designated today for acting for or on behalf of, "
     "directly or indirectly, al-Shabaab.", ("Baraka Coast Trading Ltd.", "support", "Al-Shabaab")),
    ("Amina K. Farah, a former bank clerk, was designated in 2019 for having materially "
     "assisted the Houthis.", ("Amina K. Farah", "support", "Houthis")),
    ("OFAC also designated Tigris Hawala Ltd. on Tuesday for having materially assisted, "
     "sponsored, or provided financial, material, or technological support for ISIS.",
     ("Tigris Hawala Ltd.", "support", "Islamic State of Iraq and the Levant")),
    ("Mahdi S. Karimi, whom the State Department designated in 2017 for raising money for "
     "Hezbollah, has left Brazil.", ("Mahdi S. Karimi", "funding", "Hezbollah")),
    ("Halima R. Baba was sanctioned by the European Union in 2022 for financing Boko Haram.",
     ("Halima R. Baba", "funding", "Boko Haram")),
    ("Halima R. Baba was sanctioned in 2020 for supporting Boko Haram.",
     ("Halima R. Baba", "support", "Boko Haram")),
    ("OFAC designated Tigris Hawala Ltd. for its role in arming the Houthis.",
     ("Tigris Hawala Ltd.", "arms", "Houthis")),
    ("Omar J. Bakri was designated for facilitating the travel of foreign fighters to ISIS.",
     ("Omar J. Bakri", "facilitation", "Islamic State of Iraq and the Levant")),
    ("The EU listed Coastal Marine Ltd. in March for organising shipments of fuel to "
     "al-Shabaab.", ("Coastal Marine Ltd.", "facilitation", "Al-Shabaab")),
    ("Analysts say Nile Star Exchange LLC, a Kenya-based trader whom prosecutors accuse of "
     "funnelling cash to al-Shabaab, is still trading.",
     ("Nile Star Exchange LLC", "funding", "Al-Shabaab")),
    # money moved: sums, coordinated verbs, sources, nominal transfers
    ("Omar J. Bakri wired more than 40,000 euros to al-Shabaab through hawala agents.",
     ("Omar J. Bakri", "funding", "Al-Shabaab")),
    ("Delta Exchange Ltd., which operates from Dubai, United Arab Emirates, has remitted "
     "the proceeds to Hamas since 2020.", ("Delta Exchange Ltd.", "funding", "Hamas")),
    ("Farid L. Haddad collected donations at mosques in Europe and then passed the money "
     "to Hezbollah.", ("Farid L. Haddad", "funding", "Hezbollah")),
    ("Jamal T. Osman received the network's cash through his shop, Osman Traders Ltd., "
     "which is also being designated, and handed the funds to Houthi officials.",
     ("Jamal T. Osman", "funding", "Houthis")),
    ("Oasis Money Transfer Co. has been processing payments from the IRGC to Hezbollah "
     "since 2018.", ("Oasis Money Transfer Co.", "facilitation", "Hezbollah")),
    ("Oasis Money Transfer Co. has been processing payments from the IRGC to Hezbollah "
     "since 2018.", ("Islamic Revolutionary Guard Corps", "funding", "Hezbollah")),
    ("Investigators say the broker funnelled money from ISIS's central leadership to ISWAP.",
     ("Islamic State of Iraq and the Levant", "funding", "Islamic State West Africa Province")),
    ("Delta Exchange Ltd.'s transfers to Hamas continued until 2021, the court heard.",
     ("Delta Exchange Ltd.", "funding", "Hamas")),
    # fronts, couriers, fundraisers, recruiters
    ("Red Sea Shipping FZE served as a front company for the Houthis.",
     ("Red Sea Shipping FZE", "facilitation", "Houthis")),
    ("Sahel Gold Mining LLC acted as a front for JNIM's payments to ISWAP.",
     ("Sahel Gold Mining LLC", "facilitation", "Islamic State West Africa Province")),
    ("Yasin M. Hussein, a cash courier for al-Shabaab, was arrested in Nairobi.",
     ("Yasin M. Hussein", "facilitation", "Al-Shabaab")),
    ("Tariq A. Mansour has worked as a fundraiser for Lashkar-e-Taiba since 2015.",
     ("Tariq A. Mansour", "funding", "Lashkar-e-Taiba")),
    ("Idris O. Wali is a recruiter for Boko Haram in Chad.",
     ("Idris O. Wali", "personnel", "Boko Haram")),
    ("Police said Samir B. Nasser was an arms dealer for the Houthis.",
     ("Samir B. Nasser", "arms", "Houthis")),
    ("Red Sea Shipping FZE was a front for the Houthis.",
     ("Red Sea Shipping FZE", "facilitation", "Houthis")),
    ("Amina K. Farah, al-Shabaab's chief courier, was arrested.",
     ("Amina K. Farah", "facilitation", "Al-Shabaab")),
    ("Red Sea Shipping FZE served as a conduit for Iranian weapons to the Houthis.",
     ("Red Sea Shipping FZE", "facilitation", "Houthis")),
    # court language
    ("Omar J. Bakri was convicted in 2019 of providing material support to ISIS.",
     ("Omar J. Bakri", "support", "Islamic State of Iraq and the Levant")),
    ("Amina K. Farah pleaded guilty on Monday to conspiring to provide funds to al-Shabaab.",
     ("Amina K. Farah", "funding", "Al-Shabaab")),
    ("Idris O. Wali was charged with recruiting young men for Boko Haram.",
     ("Idris O. Wali", "personnel", "Boko Haram")),
    ("Farid L. Haddad, a Berlin car dealer, was arrested last year for financing Hezbollah.",
     ("Farid L. Haddad", "funding", "Hezbollah")),
    ("Mahdi S. Karimi solicited donations in Gulf mosques for Hezbollah.",
     ("Mahdi S. Karimi", "funding", "Hezbollah")),
    ("Tigris Hawala Ltd. fundraised for the Houthis through charities.",
     ("Tigris Hawala Ltd.", "funding", "Houthis")),
    ("Jamal T. Osman, who runs a shop in Mombasa, wired the cash to Dubai on behalf of "
     "al-Shabaab.", ("Jamal T. Osman", "facilitation", "Al-Shabaab")),
    # money in the passive
    ("Funds raised by Tigris Hawala Ltd. in Europe were transferred to the Houthis.",
     ("Tigris Hawala Ltd.", "funding", "Houthis")),
    ("More than $2 million was wired to Hamas by Delta Exchange Ltd. in 2023.",
     ("Delta Exchange Ltd.", "funding", "Hamas")),
    # logistics, documents, people
    ("Coastal Marine Ltd. supplied skiffs, outboard motors and fuel to al-Shabaab fighters.",
     ("Coastal Marine Ltd.", "facilitation", "Al-Shabaab")),
    ("Farid L. Haddad provided forged passports to at least five Hamas operatives.",
     ("Farid L. Haddad", "facilitation", "Hamas")),
    ("Omar J. Bakri provided ISIS with safe houses and satellite phones.",
     ("Omar J. Bakri", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Jamal T. Osman recruited dozens of young men in Kenya to join al-Shabaab.",
     ("Jamal T. Osman", "personnel", "Al-Shabaab")),
    ("Idris O. Wali recruited fighters for Boko Haram.",
     ("Idris O. Wali", "personnel", "Boko Haram")),
    ("Yasin M. Hussein enlisted students and arranged their travel to Somalia to join "
     "al-Shabaab.", ("Yasin M. Hussein", "facilitation", "Al-Shabaab")),
    ("Daher K. Saleh has also carried cash from Caracas to Beirut on behalf of Hezbollah.",
     ("Daher K. Saleh", "facilitation", "Hezbollah")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # the designating authority is no party
    ("The US Treasury designated Amina K. Farah for having materially assisted the Houthis.",
     ("US Department of the Treasury", "support", "Houthis")),
    ("OFAC sanctioned Tigris Hawala Ltd. for raising money for ISIS.",
     ("Office of Foreign Assets Control", "funding", "Islamic State of Iraq and the Levant")),
    ("Today OFAC designated four companies in Kenya and Uganda that collect money and send "
     "it to al-Shabaab.", ("Office of Foreign Assets Control", "funding", "Al-Shabaab")),
    ("OFAC designated Tigris Hawala Ltd. for its role in arming the Houthis.",
     ("Office of Foreign Assets Control", "arms", "Houthis")),
    # a designation for something else
    ("Delta Exchange Ltd. was designated in May for evading sanctions on Iran.",
     ("Delta Exchange Ltd.", "support", "Iran")),
    # acquitted; a diplomatic channel; the one the money came to
    ("Halima R. Baba was acquitted of providing material support to Boko Haram.",
     ("Halima R. Baba", "support", "Boko Haram")),
    ("Qatar has been a conduit to the Taliban for Western governments.",
     ("Qatar", "facilitation", "Taliban")),
    ("Qatar has been a channel to the Taliban for Western governments.",
     ("Qatar", "facilitation", "Taliban")),
    ("Funds raised by Hamas were transferred to Delta Exchange Ltd.",
     ("Delta Exchange Ltd.", "funding", "Hamas")),
    # relief
    ("The European Union moved funds from Turkey to Syria to support refugees.",
     ("European Union", "funding", "Syria")),
    ("Qatar solicited donations for Gaza's hospitals, not for Hamas.",
     ("Qatar", "funding", "Hamas")),
    # a war front is no front company
    ("Lebanon became a second front for Hamas.", ("Lebanon", "facilitation", "Hamas")),
    ("Hezbollah opened a northern front for Hamas.", ("Hezbollah", "facilitation", "Hamas")),
    ("Halima R. Baba was designated in 2021 for serious human rights abuses against "
     "the Hazara.", ("Halima R. Baba", "support", "Hazara")),
    ("Sahel Gold Mining LLC is being designated for being owned or controlled by "
     "Amina K. Farah.", ("Sahel Gold Mining LLC", "support", "Amina K. Farah")),
    # direction: money received, seized, blocked
    ("Omar J. Bakri received funds from Hamas.", ("Omar J. Bakri", "funding", "Hamas")),
    ("Police seized cash from al-Shabaab couriers and transferred it to the central bank.",
     ("Al-Shabaab", "funding", "Kenya")),
    ("Omar J. Bakri's payments to Hamas were blocked by the bank.",
     ("Omar J. Bakri", "funding", "Hamas")),
    ("Farid L. Haddad wired money to Hezbollah that was frozen.",
     ("Hezbollah", "funding", "Farid L. Haddad")),
    # negation and hypothesis
    ("Tigris Hawala Ltd. denied transferring money to the Houthis.",
     ("Tigris Hawala Ltd.", "funding", "Houthis")),
    ("Nile Star Exchange LLC has never sent funds to Hamas.",
     ("Nile Star Exchange LLC", "funding", "Hamas")),
    ("Delta Exchange Ltd. could be designated if it moves money to Hezbollah.",
     ("Delta Exchange Ltd.", "funding", "Hezbollah")),
    # relief and families are no support
    ("The Somali diaspora sends remittances to families in Somalia.",
     ("Al-Shabaab", "funding", "Somalia")),
    ("Qatar delivered humanitarian aid and fuel to hospitals in Gaza, not to Hamas.",
     ("Qatar", "facilitation", "Hamas")),
    # a place the money came from is no payer
    ("The broker moved money from Turkey to ISIS.",
     ("Turkey", "funding", "Islamic State of Iraq and the Levant")),
    # things, not actors; a list that holds weapons is not logistics only
    ("Kenya supplied the Somali army with fuel, ammunition and trucks.",
     ("Kenya", "facilitation", "Somalia")),
    # recruited to fight someone, urged to join
    ("Idris O. Wali recruited young men to fight Boko Haram.",
     ("Idris O. Wali", "personnel", "Boko Haram")),
    ("Jamal T. Osman urged young men in Kenya to join al-Shabaab.",
     ("Jamal T. Osman", "personnel", "Al-Shabaab")),
    # an intermediary in talks, a courier of messages
    ("Qatar acted as an intermediary for the Taliban in talks with the United States.",
     ("Qatar", "facilitation", "Taliban")),
]


# The authority that designates, and the places named, take part in no claim.
BYSTANDERS: list[tuple[str, str]] = [
    ("The US Treasury designated Amina K. Farah and Omar J. Bakri on Tuesday for having "
     "materially assisted al-Shabaab.", "US Department of the Treasury"),
    ("OFAC designated Nile Star Exchange LLC, which moved funds from Sudan to Hamas.",
     "Office of Foreign Assets Control"),
    ("OFAC designated Nile Star Exchange LLC, which moved funds from Sudan to Hamas.", "Sudan"),
    ("Delta Exchange Ltd., which operates from Dubai, United Arab Emirates, has remitted "
     "the proceeds to Hamas since 2020.", "United Arab Emirates"),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_sanctions_construction_is_read(claims_of: ClaimsOf, text: str,
                                        expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_sanctions_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str,
                                            unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


@pytest.mark.parametrize(("text", "bystander"), BYSTANDERS)
def test_designator_and_places_are_no_party(claims_of: ClaimsOf, text: str,
                                            bystander: str) -> None:
    found = positive_keys(claims_of, text)
    assert found, "the sentence should give the designated party's claim"
    assert not [t for t in found if bystander in (t[0], t[2])], found


def test_a_denied_transfer_is_denied(claims_of: ClaimsOf) -> None:
    found = claims_of("Tigris Hawala Ltd. denied transferring money to the Houthis.")
    assert ("Tigris Hawala Ltd.", "funding", "Houthis", "denied") in found, found


def test_a_transfer_in_a_condition_is_hypothetical(claims_of: ClaimsOf) -> None:
    found = claims_of("Delta Exchange Ltd. could be designated if it moves money to Hezbollah.")
    assert all(m == "hypothetical" for s, r, o, m in found if o == "Hezbollah"), found


def test_an_accused_financier_is_reported(claims_of: ClaimsOf) -> None:
    found = claims_of("Analysts say Nile Star Exchange LLC, whom Kenyan prosecutors accuse "
                      "of funnelling cash to al-Shabaab, is still trading.")
    assert ("Nile Star Exchange LLC", "funding", "Al-Shabaab", "reported") in found, found
