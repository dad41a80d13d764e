"""Support, funding, arms, training, personnel and safe haven in long sentences, part iv
(loaders/rules/relations.yaml: the asides before a giver's verb, recruited-by-for,
recruited-fighters-for, camps-run-by-for, runs-camps-for, operates-with-consent,
lives-as-guests-of, allowed-to-live, thing-given-by-to, thing-given-to-by,
moved-from-group-to, supply-of-from, received-amount-from, territory-lent-to,
territory-lent-to-send, fronted-having-received, fronted-using-supplied,
moved-on-behalf-to, shared-intel-with; the AGENT, SUCH macros; the rewrites of a
bounded sum, of a sum of relief and of evidence not found).

Asides between a giver and its verb ("X, according to UN experts, has deployed ...",
"X, acting on behalf of Z, had facilitated ...", "X has, over the past decade and
through front companies, funnelled ..."), fighters recruited by one party for another,
training camps run for a group, room to operate given by a host's consent, things
handed over with both ends named, money moved between groups, a steady supply from a
patron, an amount received. All sentences are invented, in the voices of wire reports,
UN panels and Treasury notices; every construction has near misses that must give
nothing: a negation, a recommendation or a hypothetical, refugees rather than a group,
fighters raised against a party, relief, the wrong direction."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

AQ, HAMAS, HEZ, HOU, IRAN = "Al-Qaeda", "Hamas", "Hezbollah", "Houthis", "Iran"
QF, RSF, UAE = "IRGC-Quds Force", "Rapid Support Forces", "United Arab Emirates"
TAL, TTP = "Taliban", "Tehrik-i-Taliban Pakistan"

FOUND: list[tuple[str, Expected]] = [
    # asides between the giver and its verb
    ("Rwanda, according to a confidential report by UN experts seen by Reuters, has "
     "deployed thousands of its own troops alongside the M23 in eastern Congo.",
     ("Rwanda", "personnel", "M23")),
    ("The Treasury said that Hezbollah, acting on behalf of the IRGC-Quds Force, had "
     "facilitated the transfer of funds to the Houthis.", (HEZ, "facilitation", HOU)),
    ("Iran has, over the past decade and through a network of front companies in the "
     "Gulf, funnelled hundreds of millions of dollars to Hezbollah.",
     (IRAN, "funding", HEZ)),
    ("Iran, according to the panel, has armed the Houthis.", (IRAN, "arms", HOU)),
    ("Iran has, Western analysts say, armed the Houthis with increasingly sophisticated "
     "missiles.", (IRAN, "arms", HOU)),
    ("Russia has, since the start of the war in 2023, supplied the Rapid Support Forces "
     "with anti-aircraft missiles through Libya.", ("Russia", "arms", RSF)),
    ("Funding from Qatar, estimated at 30 million dollars a month, has kept Hamas "
     "afloat.", ("Qatar", "funding", HAMAS)),
    # fighters of one party sent somewhere by another
    ("Iran sent Hezbollah fighters to Syria to bolster the Assad government.",
     (IRAN, "personnel", "Syria")),
    ("Russia deployed Wagner fighters to the Central African Republic to protect the "
     "president, diplomats said.", ("Russia", "personnel", "Central African Republic")),
    # fighters recruited by X for Y
    ("Hundreds of fighters recruited by the IRGC-Quds Force for Hezbollah crossed into "
     "Syria last year, according to the report.", (QF, "personnel", HEZ)),
    ("Mercenaries hired by the Wagner Group to fight alongside the Rapid Support Forces "
     "arrived in Darfur in June, the panel said.", ("Wagner Group", "personnel", RSF)),
    ("Iran recruited thousands of Afghan fighters to fight for the Assad government in "
     "Syria over the course of the civil war.", (IRAN, "personnel", "Syria")),
    # training camps run for a group
    ("Training camps run by Hezbollah for the Houthis in Yemen have expanded since 2015, "
     "the panel said.", (HEZ, "training", HOU)),
    ("Hezbollah has set up training camps for Houthi fighters in northern Yemen, "
     "according to Saudi officials.", (HEZ, "training", HOU)),
    # room to operate given by a host
    ("The TTP operates from bases in Afghanistan with the tacit consent of the Taliban, "
     "Pakistani officials said.", (TAL, "safe_haven", TTP)),
    ("Hamas leaders have lived in Doha for more than a decade as guests of Qatar.",
     ("Qatar", "safe_haven", HAMAS)),
    ("The Taliban have allowed al-Qaeda to maintain training camps in Afghanistan, the UN "
     "monitoring team said.", (TAL, "safe_haven", AQ)),
    ("Iran has allowed al-Qaeda leaders to live in Tehran since 2002, US officials said.",
     (IRAN, "safe_haven", AQ)),
    # things handed over, both ends named
    ("The drones, supplied by Iran to the Houthis over several years, have been used to "
     "attack ships in the Red Sea.", (IRAN, "arms", HOU)),
    ("The experts said the weapons, which included Chinese-made drones and mortar rounds, "
     "had been delivered to the Rapid Support Forces by the United Arab Emirates via "
     "Chad.", (UAE, "arms", RSF)),
    ("Drones supplied by Iran to Russia have been used to strike Ukrainian cities, Kyiv "
     "said.", (IRAN, "arms", "Russia")),
    # trainers and advisers named with their arm; groups in a place, one named
    ("The report, drawing on interviews with defectors, found that North Korean military "
     "instructors had trained Hezbollah fighters in tunnel construction.",
     ("North Korea", "training", HEZ)),
    ("Russian military advisers have trained the Malian army since the coup, according "
     "to Western diplomats.", ("Russia", "training", "Malian Armed Forces")),
    ("Eritrea continued to provide political, financial and military support to armed "
     "groups in Somalia, including Al-Shabaab, the monitoring group said.",
     ("Eritrea", "support", "Al-Shabaab")),
    # territory lent for passage
    ("Chad has allowed its territory to be used to channel weapons from the United Arab "
     "Emirates to the Rapid Support Forces, the experts said.",
     ("Chad", "facilitation", RSF)),
    ("Libya's eastern authorities let their airstrips be used by the Rapid Support Forces "
     "throughout the siege of El Fasher.", ("Libya", "facilitation", RSF)),
    # a sum bounded ("at least", "an estimated")
    ("Israeli officials said that Iran, which they described as the head of the octopus, "
     "had given Hamas at least 100 million dollars a year.", (IRAN, "funding", HAMAS)),
    # help received in a fronted participial clause
    ("Having received weapons and training from Iran, the Houthis were able to strike "
     "Saudi oil facilities in 2019.", (IRAN, "training", HOU)),
    ("Using weapons supplied by Iran, the Houthis attacked a tanker off Hodeidah, the "
     "US military said.", (IRAN, "arms", HOU)),
    ("After receiving drones from Iran in 2022, Russia intensified its strikes on Kyiv.",
     (IRAN, "arms", "Russia")),
    ("The exchange house has moved funds on behalf of the IRGC-Quds Force to Hezbollah "
     "and the Houthis since at least 2019, the Treasury said.", (QF, "funding", HOU)),
    # intelligence shared or handed over
    ("Russian intelligence has shared satellite imagery of Western warships with the "
     "Houthis, according to people familiar with the matter.",
     ("Russia", "intelligence", HOU)),
    ("The United States has been sharing intelligence on Russian positions with Ukraine "
     "since the start of the invasion, officials confirmed.",
     ("United States", "intelligence", "Ukraine")),
    ("Targeting data provided by Iran to the Houthis enabled the strike on the tanker, "
     "the Pentagon said.", (IRAN, "intelligence", HOU)),
    # money moved between groups; a steady supply; an amount received
    ("According to the Treasury, the network channelled funds from the IRGC-Quds Force "
     "to Hezbollah through exchange houses in Lebanon.", (QF, "funding", HEZ)),
    ("The Rapid Support Forces have benefited from a steady supply of weapons from the "
     "United Arab Emirates, according to the panel.", (UAE, "arms", RSF)),
    ("Hamas, which controls Gaza, has received at least 1 billion dollars in financing "
     "from Qatar since 2012, according to Israeli estimates.",
     ("Qatar", "funding", HAMAS)),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # negation, recommendation, hypothetical inside the same constructions
    ("Iran, according to its foreign minister, has never armed the Houthis.",
     (IRAN, "arms", HOU)),
    ("Iran, according to analysts, could arm the Houthis with longer-range missiles.",
     (IRAN, "arms", HOU)),
    ("Iran has, if the reports are true, armed the Houthis with hypersonic missiles.",
     (IRAN, "arms", HOU)),
    ("Iran had, according to officials, never armed the Houthis.", (IRAN, "arms", HOU)),
    ("Iran has, for the first time in years, refused to fund Hamas.",
     (IRAN, "funding", HAMAS)),
    ("The Taliban should not allow al-Qaeda to maintain camps in Afghanistan, the council "
     "said.", (TAL, "safe_haven", AQ)),
    ("The Taliban have refused to allow al-Qaeda to maintain training camps in "
     "Afghanistan.", (TAL, "safe_haven", AQ)),
    ("The Taliban should allow al-Qaeda leaders to live in Kabul, the envoy suggested.",
     (TAL, "safe_haven", AQ)),
    ("Al-Qaeda leaders lived in Iran under house arrest, not as guests of Iran.",
     (IRAN, "safe_haven", AQ)),
    ("The TTP operates in Afghanistan without the consent of the Taliban, officials said.",
     (TAL, "safe_haven", TTP)),
    ("Iran might send IRGC officers to Yemen to advise the Houthis.",
     (IRAN, "personnel", "Yemen")),
    # negations far from the giver's slot
    ("The TTP does not operate from bases in Afghanistan with the consent of the "
     "Taliban, officials said.", (TAL, "safe_haven", TTP)),
    ("Hamas has not received at least 1 billion dollars in financing from Qatar since "
     "2012.", ("Qatar", "funding", HAMAS)),
    ("The Rapid Support Forces have not benefited from a steady supply of weapons from "
     "the United Arab Emirates, Abu Dhabi said.", (UAE, "arms", RSF)),
    ("Training camps run by Hezbollah for the Houthis were never found, the panel said.",
     (HEZ, "training", HOU)),
    ("Hezbollah has not set up training camps for Houthi fighters in Yemen.",
     (HEZ, "training", HOU)),
    ("Iran did not recruit fighters for Hezbollah.", (IRAN, "personnel", HEZ)),
    ("Hamas leaders have not lived in Doha as guests of Qatar since 2024.",
     ("Qatar", "safe_haven", HAMAS)),
    ("Chad has not allowed its territory to be used to channel weapons to the Rapid "
     "Support Forces, N'Djamena said.", ("Chad", "facilitation", RSF)),
    ("Chad should not allow its territory to be used by the Rapid Support Forces, the "
     "panel recommended.", ("Chad", "facilitation", RSF)),
    ("Chad has allowed its territory to be used for humanitarian deliveries to Sudan.",
     ("Chad", "facilitation", "Sudan")),
    ("Having received no weapons from Iran, the Houthis turned to smugglers.",
     (IRAN, "arms", HOU)),
    ("Having received humanitarian aid from Saudi Arabia, the Houthis reopened the port.",
     ("Saudi Arabia", "support", HOU)),
    ("Using weapons captured from the Houthis, Saudi forces repelled the attack.",
     ("Saudi Arabia", "arms", HOU)),
    ("The Houthis have received 100 million dollars in humanitarian aid from Saudi "
     "Arabia.", ("Saudi Arabia", "funding", HOU)),
    # evidence not found
    ("The Panel has not found evidence that Iran supplied the Houthis with weapons in "
     "2022.", (IRAN, "arms", HOU)),
    ("The Panel did not find any evidence that the United Arab Emirates supplied weapons "
     "to the Rapid Support Forces.", (UAE, "arms", RSF)),
    # intelligence about a party is not shared with it
    ("Saudi Arabia shared intelligence on the Houthis with the United States.",
     ("Saudi Arabia", "intelligence", HOU)),
    ("Russia has not shared satellite imagery with the Houthis, the Kremlin said.",
     ("Russia", "intelligence", HOU)),
    ("Russia could share targeting data with the Houthis, US officials warned.",
     ("Russia", "intelligence", HOU)),
    # fighters of a group are not sent to that group
    ("Iran sent IRGC officers to Yemen to advise the Houthis on missile launches.",
     (IRAN, "personnel", "Islamic Revolutionary Guard Corps")),
    ("Iran sent Hezbollah fighters to Syria to bolster the Assad government.",
     (IRAN, "personnel", HEZ)),
    # fighters raised against a party, or for a war rather than a group
    ("Iran recruited fighters to fight against the Taliban.", (IRAN, "personnel", TAL)),
    ("Fighters recruited by the Wagner Group were sent to fight the Rapid Support Forces.",
     ("Wagner Group", "personnel", RSF)),
    ("Fighters recruited by Hezbollah for its war against Israel crossed the border.",
     (HEZ, "personnel", "Israel")),
    # camps for refugees are no training of a group
    ("Hezbollah has set up training camps for Syrian refugees in the Bekaa valley.",
     (HEZ, "training", "Syria")),
    ("Camps run by the Rapid Support Forces for displaced Sudanese have no water.",
     (RSF, "training", "Sudan")),
    # things taken, not given; relief, not funding
    ("Weapons seized from the Houthis by Saudi forces were traced to Iran.",
     ("Saudi Arabia", "arms", HOU)),
    ("Weapons taken from Ukraine by Russia were displayed in Moscow.",
     ("Russia", "arms", "Ukraine")),
    ("The Houthis have received at least 100 million dollars in humanitarian aid from "
     "Saudi Arabia.", ("Saudi Arabia", "funding", HOU)),
    # the giver's support of another's enemies is no support of that other
    ("Russia's support for Ukraine's enemies has grown, Kyiv said.",
     ("Russia", "support", "Ukraine")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_support_in_a_long_sentence_is_read(claims_of: ClaimsOf, text: str,
                                            expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_support_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str,
                                          unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_an_aside_naming_a_source_keeps_the_claim_reported(claims_of: ClaimsOf) -> None:
    found = claims_of("Rwanda, according to UN experts, has deployed troops alongside "
                      "the M23.")
    assert ("Rwanda", "personnel", "M23", "reported") in found, found
    found = claims_of("Iran has, Western analysts say, armed the Houthis.")
    assert (IRAN, "arms", HOU, "reported") in found, found


def test_a_principal_named_in_an_aside_is_no_party(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Hezbollah, acting on behalf of the IRGC-Quds "
                                     "Force, had facilitated the transfer of funds to "
                                     "the Houthis.")
    assert not {(s, o) for s, _, o in found} & {(QF, HOU), (HEZ, QF), (QF, HEZ)}, found


def test_money_moved_from_a_state_names_a_place(claims_of: ClaimsOf) -> None:
    # "from Turkey" is where the money left, not who gave it
    found = positive_keys(claims_of, "The smugglers moved cash from Turkey to the "
                                     "Islamic State through exchange houses.")
    assert not any(s == "Turkey" for s, _, _ in found), found
