"""Support, funding, arms, training and safe haven inside longer sentences
(loaders/rules/relations.yaml, "support in longer sentences"; givers.yaml).

Coordinated recipients, "one of several groups funded by X", reduced relative clauses
("a group X has been accused of supporting"), possessive nominals ("X's arming of Y"),
reliance ("Y relies heavily on X for weapons"), refuge under a protector, training in
camps run by X, weapons traced to X, and help named before its clause. All sentences
are invented, in the voices of wire reports, UN panels, think tanks and sanctions
notices. Every construction has near misses that must give nothing: the wrong
direction, a negation, an ended or prescribed relation, a thing or a place rather than
an actor, trade or development lending, a designation or a condemnation."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

HEZ, HOU, IRAN = "Hezbollah", "Houthis", "Iran"
RSF, UAE = "Rapid Support Forces", "United Arab Emirates"
SHAB, TTP = "Al-Shabaab", "Tehrik-i-Taliban Pakistan"

FOUND: list[tuple[str, Expected]] = [
    # coordinated recipients; kinds of help coordinated before one noun
    ("Both Hezbollah and the Houthis get cash and rockets from Iran, a US official said.",
     (IRAN, "arms", HOU)),
    ("Both Hezbollah and the Houthis get cash and rockets from Iran, a US official said.",
     (IRAN, "funding", HEZ)),
    ("Hamas and Islamic Jihad both receive financial and military support from Iran.",
     (IRAN, "funding", "Palestinian Islamic Jihad")),
    ("Hamas and Islamic Jihad both receive financial and military support from Iran.",
     (IRAN, "support", "Hamas")),
    ("Saudi Arabia gave financial and political backing to the Yemeni government.",
     ("Saudi Arabia", "funding", "Yemen")),
    # one of several groups helped by X
    ("Asaib Ahl al-Haq is one of several Iraqi militias armed and financed by the Quds "
     "Force.", ("IRGC-Quds Force", "funding", "Asa'ib Ahl al-Haq")),
    ("The Houthis are among the groups trained by Hezbollah, the panel said.",
     (HEZ, "training", HOU)),
    ("Kataib Hezbollah, one of the militias funded by Iran, claimed the drone strike.",
     (IRAN, "funding", "Kata'ib Hezbollah")),
    ("The M23 is one of the armed groups that Rwanda has been accused of arming.",
     ("Rwanda", "arms", "M23")),
    ("Hezbollah is one of several proxies Iran funds across the region.",
     (IRAN, "funding", HEZ)),
    ("The Houthis are among the groups that receive weapons from Iran.",
     (IRAN, "arms", HOU)),
    # reduced relative clauses: the gap is the group named before them
    ("The TTP, a group the Afghan Taliban are widely believed to shelter, claimed the "
     "bombing.", ("Taliban", "safe_haven", TTP)),
    ("Al-Shabaab, a militia Eritrea was once accused of arming, has lost ground.",
     ("Eritrea", "arms", SHAB)),
    ("The Houthis, a movement Iran has armed for years, fired missiles at Israel.",
     (IRAN, "arms", HOU)),
    # refuge under a protector; sanctuary in areas an actor controls
    ("Al-Qaeda's leaders have been living in Afghanistan under Taliban protection, the UN "
     "monitoring team said.", ("Taliban", "safe_haven", "Al-Qaeda")),
    ("Hamas leaders are hiding in Lebanon under Hezbollah's protection.",
     (HEZ, "safe_haven", "Hamas")),
    ("The TTP has found sanctuary in Taliban-controlled districts along the border.",
     ("Taliban", "safe_haven", TTP)),
    ("The Baloch Liberation Army enjoys safe haven in Taliban-ruled areas, Pakistani "
     "officials allege.", ("Taliban", "safe_haven", "Balochistan Liberation Army")),
    # training: a place before the agent, camps run by X
    ("Al-Qaeda fighters were trained in Afghanistan by the Taliban.",
     ("Taliban", "training", "Al-Qaeda")),
    ("Houthi fighters were trained in Lebanon by Hezbollah instructors.",
     (HEZ, "training", HOU)),
    ("Al-Shabaab recruits trained at camps operated by al-Qaeda in Yemen.",
     ("Al-Qaeda in the Arabian Peninsula", "training", SHAB)),
    ("Hamas militants trained in Syrian bases operated by Hezbollah, the report said.",
     (HEZ, "training", "Hamas")),
    # a count of shells or rounds is no money
    ("North Korea shipped Russia millions of rounds of ammunition last year.",
     ("North Korea", "arms", "Russia")),
    ("North Korea has supplied Russia with billions of rounds, South Korean intelligence "
     "said.", ("North Korea", "arms", "Russia")),
    ("North Korea has supplied Russia with millions of dollars in cash.",
     ("North Korea", "funding", "Russia")),
    # possessive nominals
    ("The UAE's arming of the RSF has been documented by UN experts.", (UAE, "arms", RSF)),
    ("The Taliban's harbouring of al-Qaeda violated the Doha agreement.",
     ("Taliban", "safe_haven", "Al-Qaeda")),
    ("Iran's rearming of Hezbollah is a concern for Israel.", (IRAN, "arms", HEZ)),
    ("Iran's support for Hamas and Hezbollah has isolated it diplomatically.",
     (IRAN, "support", HEZ)),
    # protection given; weapons traced, supplied or provided by X
    ("Rwanda provided close protection for the M23 leadership, the experts said.",
     ("Rwanda", "support", "M23")),
    ("Wagner provides security for the Central African government.",
     ("Wagner Group", "support", "Central African Republic")),
    ("Rifles traced to Eritrea were recovered from al-Shabaab fighters.",
     ("Eritrea", "arms", SHAB)),
    ("Drones traced to Iran have been used by the Houthis in attacks on shipping.",
     (IRAN, "arms", HOU)),
    ("Al-Shabaab has benefited from weapons supplied by Eritrea.", ("Eritrea", "arms", SHAB)),
    ("The RSF used drones provided by the UAE, the report found.", (UAE, "arms", RSF)),
    # reliance on X for help
    ("Mali's junta relies heavily on Russia for weapons.", ("Russia", "arms", "Mali")),
    ("The Houthis depend largely on Iran for missile parts and training.",
     (IRAN, "training", HOU)),
    ("The Sudanese army has turned to Iran and Russia for drones.",
     ("Russia", "arms", "Sudanese Armed Forces")),
    ("Russia has relied on Iran for drones and on North Korea for shells.",
     ("North Korea", "arms", "Russia")),
    ("Hezbollah, whose fighters fought in Syria, relies on Iran for cash.",
     (IRAN, "funding", HEZ)),
    # help named by its giver: in a relative clause, fronted before its clause
    ("The Houthis, who have received Iranian drones, attacked a tanker.", (IRAN, "arms", HOU)),
    ("With Iranian money and Russian air power, the Syrian government survived the war.",
     (IRAN, "funding", "Syria")),
    ("Thanks to Emirati drones, the RSF advanced on El Fasher.", (UAE, "arms", RSF)),
    # the role before the name, in a "whose" clause; help from X to Y; a proxy seen
    ("The Houthis' patron Iran has urged restraint.", (IRAN, "support", HOU)),
    ("Hamas, whose chief backer is Qatar, rejected the offer.", ("Qatar", "support", "Hamas")),
    ("Military assistance from Russia to the Syrian government grew after 2015.",
     ("Russia", "support", "Syria")),
    ("Iran's arms transfers to the Houthis violate the embargo.", (IRAN, "arms", HOU)),
    ("Iran's weapons deliveries to the Houthis continued, the panel found.",
     (IRAN, "arms", HOU)),
    ("Hezbollah is increasingly seen as Iran's proxy.", (IRAN, "support", HEZ)),
    ("Rwanda is accused by UN investigators of arming the M23.", ("Rwanda", "arms", "M23")),
    # an organ of the state acts for it
    ("Pakistan's intelligence service has been accused of funding the Taliban.",
     ("Pakistan", "funding", "Taliban")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # counted among groups a party fights, designates or condemns
    ("Hezbollah is one of the groups targeted by Israel.", ("Israel", "support", HEZ)),
    ("Hamas is one of several groups designated by the United States.",
     ("United States", "support", "Hamas")),
    ("The Houthis are among the groups condemned by Saudi Arabia.",
     ("Saudi Arabia", "support", HOU)),
    ("Hezbollah is one of the groups the US has sanctioned.", ("United States", "support", HEZ)),
    ("The Houthis are among the groups that received aid from the World Food Programme.",
     ("World Food Programme", "support", HOU)),
    # a reduced relative clause that ends, prescribes or denies
    ("Al-Shabaab, a group Eritrea stopped funding in 2012, remains active.",
     ("Eritrea", "funding", SHAB)),
    ("Hamas, a group Qatar no longer funds, held talks in Cairo.", ("Qatar", "funding", "Hamas")),
    ("The Houthis, a group Iran should stop arming, attacked a tanker.", (IRAN, "arms", HOU)),
    ("Al-Shabaab, a group Eritrea has denied arming, attacked a base.",
     ("Eritrea", "arms", SHAB)),
    # refuge only sought; a place, a detention, pressure
    ("The TTP sought sanctuary in Taliban-controlled areas.", ("Taliban", "safe_haven", TTP)),
    ("Al-Qaeda members were detained in Iran under pressure from the United States.",
     ("United States", "safe_haven", "Al-Qaeda")),
    # traced weapons seized by a navy or found in a country
    ("Weapons traced to Iran were seized by the US Navy.", (IRAN, "arms", "United States")),
    ("Weapons traced to Ukraine were found in Sudan.", ("Ukraine", "arms", "Sudan")),
    # lending for development; trade; gas
    ("The IMF approved loans to Egypt for economic reforms.",
     ("International Monetary Fund", "funding", "Egypt")),
    ("China extended loans to Pakistan for infrastructure.", ("China", "funding", "Pakistan")),
    ("Turkey relies on Russia for gas.", ("Russia", "support", "Turkey")),
    ("Israel bought gas from Egypt.", ("Egypt", "arms", "Israel")),
    # the one fought is not the one armed
    ("Saudi Arabia and the UAE have financed and armed factions fighting the Houthis.",
     ("Saudi Arabia", "arms", HOU)),
    ("Saudi Arabia and the UAE have financed and armed factions fighting the Houthis.",
     (UAE, "funding", HOU)),
    ("The UAE armed militias opposing the Houthis.", (UAE, "arms", HOU)),
    # security for a thing; help refused; a plan supported
    ("Wagner provides security for gold mines in the Central African Republic.",
     ("Wagner Group", "support", "Central African Republic")),
    ("Mali turned to Russia for weapons, but Moscow refused.", ("Russia", "arms", "Mali")),
    # a role that is no help; a flow of people; a place a cargo passes
    ("Hamas, whose main enemy is Israel, rejected the offer.", ("Israel", "support", "Hamas")),
    ("Hezbollah is widely seen as Iran's rival.", (IRAN, "support", HEZ)),
    ("Refugees from Syria to Turkey increased in 2015.", ("Syria", "support", "Turkey")),
    ("Fighters from Syria to Libya were paid by Turkey.", ("Syria", "personnel", "Libya")),
    ("Iran's arms transfers to the Houthis violate the embargo.", (IRAN, "funding", HOU)),
    ("The UAE flew cargo planes to Chad carrying weapons for the RSF, investigators found.",
     ("Chad", "arms", RSF)),
    # camps a country holds or a force raids train no one
    ("Al-Shabaab recruits trained in Somali camps raided by US forces.",
     ("United States", "training", SHAB)),
    ("Hamas militants trained in Syrian bases operated by Hezbollah, the report said.",
     ("Syria", "training", "Hamas")),
    # a reliance denied or ended
    ("The RSF no longer relies on the UAE for drones, Emirati officials insisted.",
     (UAE, "arms", RSF)),
    ("Hezbollah does not depend heavily on Iran for cash.", (IRAN, "funding", HEZ)),
    ("Russia's support for the ceasefire between Israel and Hamas surprised observers.",
     ("Russia", "support", "Hamas")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_support_in_a_longer_sentence_is_read(claims_of: ClaimsOf, text: str,
                                              expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_support_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str,
                                          unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_a_count_of_shells_is_no_funding(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "North Korea has supplied Russia with millions of "
                                     "artillery shells.")
    assert ("North Korea", "arms", "Russia") in found, found
    assert ("North Korea", "funding", "Russia") not in found, found


def test_a_group_a_state_is_accused_of_backing_is_reported(claims_of: ClaimsOf) -> None:
    found = claims_of("The Houthis, a movement Iran is widely accused of arming, seized "
                      "the ship.")
    assert (IRAN, "arms", HOU, "reported") in found, found


def test_refuge_under_protection_names_no_place_as_sheltered(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Hamas leaders are hiding in Lebanon under "
                                     "Hezbollah's protection.")
    assert (HEZ, "safe_haven", "Lebanon") not in found, found
