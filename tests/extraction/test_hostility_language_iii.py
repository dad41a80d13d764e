"""Hostility inside longer news sentences (loaders/rules/hostility.yaml, third set):
offensives led by someone ("the X-led campaign against Y"), leaders of an actor killed
("a senior commander of Y", "Y's top commander"), ground taken after fighting with
someone, an actor's military holdings captured, an actor's units named after things in
the list of targets, strikes "with" weapons, wars gone to, assaults on a place someone
holds, soldiers killed by someone's weapon, units that came under someone's fire,
"against which X has fought", fights to topple someone, being behind or blamed for
attacks on someone, strikes placed somewhere that killed someone's people, fire traded,
wars someone is locked in, appositions naming a group's attacks,
someone's killing of a leader, several towns retaken, victories over and defeats by
someone, someone's war with someone. Each has near
misses: a disease or a practice fought, a former commander, a place or a thing taken,
fighting alongside or between others, a new clause after the list, sanctions rather than
weapons, threats, a place once held, a mediation or a condemnation, a fight to protect,
elections and votes won, wars of trade or words.
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
ISWAP = "Islamic State West Africa Province"
ISIL = "Islamic State of Iraq and the Levant"
TTP = "Tehrik-i-Taliban Pakistan"
RSF = "Rapid Support Forces"
SAF = "Sudanese Armed Forces"
FARDC = "Armed Forces of the Democratic Republic of the Congo"
PKK = "Kurdistan Workers' Party"

FOUND: list[tuple[str, Expected]] = [
    # an offensive led by someone against someone
    ("The Saudi-led bombing campaign against the Houthis has killed thousands of "
     "civilians, rights groups say.", ("Saudi Arabia", "hostility", "Houthis")),
    ("A Nigerian-led military offensive against Boko Haram in the Sambisa forest began "
     "in 2016.", ("Nigeria", "hostility", "Boko Haram")),
    ("The French-led counterterrorism operation against JNIM ended in 2022.",
     ("France", "hostility", JNIM)),
    # the leader or commander of an actor killed
    ("The Nigerian army said it had killed a senior commander of ISWAP near Lake Chad.",
     ("Nigerian Armed Forces", "hostility", ISWAP)),
    ("Pakistani forces killed two top leaders of the TTP in a raid in Khyber, officials "
     "said.", ("Pakistan", "hostility", TTP)),
    ("Israel eliminated Hezbollah's top military commander in a strike on Beirut.",
     ("Israel", "hostility", "Hezbollah")),
    ("The US said it killed the Islamic State's leader in a raid in Syria.",
     ("United States", "hostility", ISIL)),
    # ground taken after fighting with someone
    ("The RSF seized Nyala after weeks of fierce clashes with the Sudanese army.",
     (RSF, "hostility", SAF)),
    ("M23 captured Goma following days of fighting with Congolese troops and their allies.",
     ("M23", "hostility", "Democratic Republic of the Congo")),
    ("The Taliban entered Kandahar after heavy fighting with Afghan government forces, "
     "residents said.", ("Taliban", "hostility", "Afghanistan")),
    # an actor's military holdings captured
    ("HTS fighters seized several Syrian army positions near Saraqib, a monitor said.",
     ("Hay'at Tahrir al-Sham", "hostility", "Syrian Arab Army")),
    ("The Arakan Army overran a Myanmar military regional headquarters in 2024.",
     ("Arakan Army", "hostility", "Tatmadaw")),
    ("M23 captured an FARDC military base near Rubaya.", ("M23", "hostility", FARDC)),
    ("Al-Shabaab took a Somali army base in Hiraan, killing dozens.",
     ("Al-Shabaab", "hostility", "Somali National Army")),
    # an actor's units after things in the list of targets
    ("The Houthis have attacked merchant vessels and US warships in the Gulf of Aden.",
     ("Houthis", "hostility", "United States")),
    ("ISWAP fighters raided villages and Nigerian army outposts in Yobe.",
     (ISWAP, "hostility", "Nigerian Armed Forces")),
    ("Al-Shabaab shelled police stations and Kenyan troops near Mandera.",
     ("Al-Shabaab", "hostility", "Kenya")),
    # struck with weapons
    ("Iran hit Israel with a barrage of ballistic missiles in October.",
     ("Iran", "hostility", "Israel")),
    ("Israel struck Hezbollah positions with artillery fire, the army said.",
     ("Israel", "hostility", "Hezbollah")),
    # a war gone to: with someone (both sides), against someone (one)
    ("Eritrea went to war with Ethiopia in 1998 over a border town.",
     ("Ethiopia", "hostility", "Eritrea")),
    ("Eritrea went to war with Ethiopia in 1998 over a border town.",
     ("Eritrea", "hostility", "Ethiopia")),
    ("Russia went to war against Ukraine in 2022.", ("Russia", "hostility", "Ukraine")),
    # an assault on a place someone holds
    ("JNIM's siege of Djibo, held by the Burkinabe army, has lasted two years.",
     (JNIM, "hostility", "Burkinabe Armed Forces")),
    ("The RSF's offensive on El Obeid, then held by the Sudanese army, failed.",
     (RSF, "hostility", SAF)),
    # soldiers killed or wounded by someone's weapon
    ("Two Israeli soldiers were killed by a Hezbollah anti-tank missile in the north.",
     ("Hezbollah", "hostility", "Israel")),
    ("Nigerian troops were wounded by an ISWAP roadside bomb near Damboa.",
     (ISWAP, "hostility", "Nigeria")),
    # units that came under someone's fire
    ("US troops in Syria came under rocket fire from Kataib Hezbollah, the Pentagon said.",
     ("Kata'ib Hezbollah", "hostility", "United States")),
    ("Malian soldiers came under attack from JNIM fighters near Boni.",
     (JNIM, "hostility", "Mali")),
    # "against which X has fought"
    ("The PKK, against which Turkey has waged a decades-long campaign, laid down arms.",
     ("Turkey", "hostility", PKK)),
    ("Al-Shabaab, against which Kenya has fought since 2011, claimed the raid.",
     ("Kenya", "hostility", "Al-Shabaab")),
    # a fight whose aim is someone's fall
    ("The TTP has fought for years to overthrow the Pakistani state.",
     (TTP, "hostility", "Pakistan")),
    ("The Houthis fought for years to oust the Yemeni government, a UN panel said.",
     ("Houthis", "hostility", "Yemen")),
    # behind, or blamed for, attacks on someone
    ("ISWAP has been blamed for a string of attacks on Nigerian military bases.",
     (ISWAP, "hostility", "Nigeria")),
    ("Officials said JNIM was likely behind the ambush on Malian soldiers near Boni.",
     (JNIM, "hostility", "Mali")),
    # a strike placed somewhere that killed someone's people
    ("A US drone strike in Somalia killed a senior al-Shabaab financier, AFRICOM said.",
     ("United States", "hostility", "Al-Shabaab")),
    # fire traded with someone; a war someone is locked in, as an aside
    ("Hezbollah, which has traded fire with Israel almost daily since October, lost "
     "hundreds of fighters.", ("Israel", "hostility", "Hezbollah")),
    ("Hezbollah, which has traded fire with Israel almost daily since October, lost "
     "hundreds of fighters.", ("Hezbollah", "hostility", "Israel")),
    ("Sudan's army, locked in a brutal war with the RSF since April 2023, regained Khartoum.",
     (SAF, "hostility", RSF)),
    # an apposition naming the group's attacks
    ("The ADF, an IS-linked group blamed for attacks on Congolese soldiers, operates in "
     "Ituri.", ("Allied Democratic Forces", "hostility", "Democratic Republic of the Congo")),
    ("The TTP, a militant alliance responsible for a wave of attacks on Pakistani police, "
     "rejected talks.", (TTP, "hostility", "Pakistan")),
    # someone's killing of a leader or commanders
    ("Israel's killing of Hamas leader Ismail Haniyeh in Tehran raised fears of a regional "
     "war.", ("Israel", "hostility", "Hamas")),
    ("The US assassination of a senior commander of Kataib Hezbollah in Baghdad angered "
     "Iraq.", ("United States", "hostility", "Kata'ib Hezbollah")),
    ("Turkey's targeted killing of PKK commanders in Syria has continued.",
     ("Turkey", "hostility", PKK)),
    # several towns or districts retaken from someone
    ("The Somali National Army, supported by Turkish drones, recaptured several towns from "
     "al-Shabaab.", ("Somali National Army", "hostility", "Al-Shabaab")),
    ("The Taliban took several districts from Afghan government forces in June.",
     ("Taliban", "hostility", "Afghanistan")),
    # a victory over someone, someone's defeat by or at the hands of someone
    ("The Taliban's victory over the Afghan government in 2021 stunned Western capitals.",
     ("Taliban", "hostility", "Afghanistan")),
    ("The defeat of ISIS by the SDF in Baghuz ended the caliphate.",
     ("Syrian Democratic Forces", "hostility", ISIL)),
    ("The Islamic State's defeat at the hands of Iraqi forces in Mosul was a turning point.",
     ("Iraq", "hostility", ISIL)),
    # someone's war with someone: both sides
    ("Ethiopia's war with the TPLF ended with the Pretoria agreement.",
     ("Ethiopia", "hostility", "Tigray People's Liberation Front")),
    ("Israel's 34-day war with Hezbollah in 2006 ended in a stalemate.",
     ("Hezbollah", "hostility", "Israel")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # a campaign against a disease or a practice; talks led by someone
    ("The UN-led campaign against measles in Somalia reached two million children.",
     ("United Nations", "hostility", "Somalia")),
    ("The Qatari-led talks between Hamas and Israel stalled.",
     ("Qatar", "hostility", "Hamas")),
    ("The Egyptian-led effort against smuggling by Hamas was praised.",
     ("Egypt", "hostility", "Hamas")),
    # a former commander; a commander mourned; a killing denied
    ("Kenya killed a former commander of al-Shabaab who had defected.",
     ("Kenya", "hostility", "Al-Shabaab")),
    ("Hezbollah mourned a senior commander killed by Israel in Beirut.",
     ("Hezbollah", "hostility", "Israel")),
    ("Israel had not killed Hamas's military chief, a spokesman said.",
     ("Israel", "hostility", "Hamas")),
    # fighting alongside, fighting between others, no fighting at all
    ("Hamas seized Gaza in 2007 after fighting alongside Fatah against Israel.",
     ("Hamas", "hostility", "Fatah")),
    ("The RSF took Wad Madani after the Sudanese army withdrew.", (RSF, "hostility", SAF)),
    ("JNIM took control of the town after clashes between the Malian army and Wagner.",
     (JNIM, "hostility", "Malian Armed Forces")),
    # a thing or a town taken, not an actor's military holding
    ("The Taliban captured Afghan state television and a bank.",
     ("Taliban", "hostility", "Afghanistan")),
    ("The RSF captured a Sudanese town near the border.", (RSF, "hostility", "Sudan")),
    # a new clause after the list; allies named with "alongside"; a thing bound for someone
    ("The Houthis attacked merchant vessels and US warships withdrew from the area.",
     ("Houthis", "hostility", "United States")),
    ("Wagner attacked villages alongside Malian army soldiers.",
     ("Wagner Group", "hostility", "Malian Armed Forces")),
    ("The Houthis targeted cargo ships and US-bound tankers.",
     ("Houthis", "hostility", "United States")),
    # sanctions or a deal, not weapons; a threat
    ("The United States hit Iran with new sanctions on its oil exports.",
     ("United States", "hostility", "Iran")),
    ("Iran struck a deal with Saudi Arabia with Chinese help.",
     ("Iran", "hostility", "Saudi Arabia")),
    ("Iran has threatened to hit Israel with missiles.", ("Iran", "hostility", "Israel")),
    ("Turkey threatened to go to war with Greece.", ("Turkey", "hostility", "Greece")),
    # a place held once; a bomb of no named author
    ("The RSF's assault on Nyala, formerly held by the Sudanese army, began.",
     (RSF, "hostility", SAF)),
    ("Kenyan soldiers were killed by a bomb in Somalia, police said.",
     ("Somalia", "hostility", "Kenya")),
    # a warning, not a war
    ("The PKK, against which Turkey has warned Sweden, held a rally.",
     ("Turkey", "hostility", PKK)),
    # a fight to protect someone; a political campaign; a threat
    ("Ethiopia has been fighting to protect the Somali government.",
     ("Ethiopia", "hostility", "Somalia")),
    ("Hamas has campaigned to topple Fatah in the West Bank.", ("Hamas", "hostility", "Fatah")),
    ("Turkey has vowed to fight to destroy the PKK.", ("Turkey", "hostility", PKK)),
    # behind a mediation or a condemnation; a denial; a failure blamed
    ("Qatar was behind the mediation between Israel and Hamas.",
     ("Qatar", "hostility", "Israel")),
    ("Iran was behind the condemnation of the attack on Hezbollah.",
     ("Iran", "hostility", "Hezbollah")),
    ("Hamas was not behind the attack on Egyptian troops, Egypt said.",
     ("Hamas", "hostility", "Egypt")),
    ("Russia was blamed for the failure of talks with Ukraine.",
     ("Russia", "hostility", "Ukraine")),
    # a former commander killed
    ("A US strike in Syria killed a former Kataib Hezbollah commander.",
     ("United States", "hostility", "Kata'ib Hezbollah")),
    # prisoners or views exchanged; a legal battle; attacks condemned; talks behind
    ("Israel exchanged prisoners with Hamas under the truce.", ("Israel", "hostility", "Hamas")),
    ("Iran exchanged views with Saudi Arabia on regional security.",
     ("Iran", "hostility", "Saudi Arabia")),
    ("Egypt, locked in a legal battle with Ethiopia over the dam, appealed to the UN.",
     ("Egypt", "hostility", "Ethiopia")),
    ("Hamas, a group that condemned the attacks on Egyptian soldiers, denied involvement.",
     ("Hamas", "hostility", "Egypt")),
    # civilians killed are no party; a former commander; an inquiry into killings
    ("Hamas's killing of Israeli civilians on October 7 shocked the world.",
     ("Hamas", "hostility", "Israel")),
    ("Israel's killing of a former Hamas commander in Lebanon was reported.",
     ("Israel", "hostility", "Hamas")),
    ("The UN's investigation of the killing of Hamas leaders continued.",
     ("United Nations", "hostility", "Hamas")),
    # land bought, not taken
    ("Qatar bought several towns' worth of land from Hamas.", ("Qatar", "hostility", "Hamas")),
    # victories and defeats in elections and votes; wars of trade, diplomacy or words
    ("Hamas's victory over Fatah in the 2006 elections led to a split.",
     ("Hamas", "hostility", "Fatah")),
    ("Hamas's election victory over Fatah was expected.", ("Hamas", "hostility", "Fatah")),
    ("The defeat of Hamas by Fatah in the student council vote surprised observers.",
     ("Fatah", "hostility", "Hamas")),
    ("China's trade war with the United States deepened.",
     ("China", "hostility", "United States")),
    ("Turkey's diplomatic battle with Greece over maritime borders continued.",
     ("Turkey", "hostility", "Greece")),
    ("Iran's war of words with Israel escalated.", ("Iran", "hostility", "Israel")),
    ("Russia's war with Ukraine's allies is economic, the minister said.",
     ("Russia", "hostility", "Ukraine")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_hostility_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_hostility(claims_of: ClaimsOf, text: str,
                                      unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_long_target_lists_stay_fast(claims_of: ClaimsOf) -> None:
    """Long runs of things before an actor's units, or of places before the fighting,
    are read without catastrophic backtracking."""
    things = " ".join(f"depot{i}" for i in range(80))
    found = positive_keys(claims_of, f"The Houthis attacked {things} and US warships.")
    assert _key(("Houthis", "hostility", "United States")) not in found, found
    places = ", ".join(f"Town{i}" for i in range(60))
    found = positive_keys(claims_of, f"The RSF seized {places} after heavy fighting with "
                                     f"the Sudanese army.")
    assert _key((RSF, "hostility", SAF)) not in found, found
    found = positive_keys(claims_of, "The RSF seized Nyala and Town1 after heavy fighting "
                                     "with the Sudanese army.")
    assert _key((RSF, "hostility", SAF)) in found, found
