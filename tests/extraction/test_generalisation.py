"""Constructions of the genre, with actors and wording of their own: each family has
sentences it must read and sentences (talks, accusations, sanctions on someone, lists
of unrelated recipients) it must not turn into a claim."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive, positive_keys
from tests.extraction.conftest import triple_key as _key

FOUND: list[tuple[str, Expected]] = [
    # hostility: pairs that clash, campaigns led against, purpose "to fight"
    ("Hamas and Fatah have repeatedly clashed in Gaza.", ("Hamas", "hostility", "Fatah")),
    ("Hamas and Fatah have repeatedly clashed in Gaza.", ("Fatah", "hostility", "Hamas")),
    ("Deadly fighting between al-Shabaab and Ethiopia broke out again.",
     ("Ethiopia", "hostility", "Al-Shabaab")),
    ("Nigeria, which led a regional campaign against Boko Haram, has cut its budget.",
     ("Nigeria", "hostility", "Boko Haram")),
    ("The Houthis fought against Saudi Arabia for years.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("Hezbollah ambushed troops loyal to Israel near the border.",
     ("Hezbollah", "hostility", "Israel")),
    ("France has 3,000 troops in Chad to help fight Boko Haram.",
     ("France", "hostility", "Boko Haram")),
    ("Turkey's hostility toward the PKK has lasted four decades.",
     ("Turkey", "hostility", "Kurdistan Workers' Party")),
    # support conveyed: flows, provision, sanctions language
    ("The transfer of rockets from Syria to Hezbollah continued through 2012.",
     ("Syria", "arms", "Hezbollah")),
    ("Qatar's provision of cash and fuel to Hamas angered Egypt.",
     ("Qatar", "funding", "Hamas")),
    ("Eritrea expanded its links with al-Shabaab, notably through the supply of weapons to "
     "the group.", ("Eritrea", "arms", "Al-Shabaab")),
    ("Hezbollah was designated in 1997, for providing financial support to Hamas.",
     ("Hezbollah", "funding", "Hamas")),
    ("The Treasury designated Hezbollah on Tuesday for providing weapons to the Houthis.",
     ("Hezbollah", "arms", "Houthis")),
    ("Hezbollah generated revenue for Hamas through real estate sales.",
     ("Hezbollah", "funding", "Hamas")),
    ("Hezbollah procured drone parts on behalf of the Houthis.",
     ("Hezbollah", "arms", "Houthis")),
    ("Hezbollah facilitated the transfer of funds to Hamas through exchange houses.",
     ("Hezbollah", "facilitation", "Hamas")),
    # membership and affiliation
    ("Al-Shabaab, al-Qaeda's affiliate in East Africa, attacked a base.",
     ("Al-Shabaab", "alliance", "Al-Qaeda")),
    ("Analysts watched the Islamic State-linked Boko Haram closely.",
     ("Boko Haram", "alliance", "Islamic State of Iraq and the Levant")),
    ("They blamed the Nusra Front, a coalition of factions that includes Ansar Dine.",
     ("Hay'at Tahrir al-Sham", "alliance", "Ansar Dine")),
    ("The Houthis are formally part of the Axis of Resistance.",
     ("Houthis", "alliance", "Axis of Resistance")),
    ("Russia, Belarus and Kazakhstan formed a military alliance in 1992.",
     ("Belarus", "alliance", "Kazakhstan")),

    # "X-backed groups such as A", "X-backed factions of Y", "whose ties to", appositive
    # description before a relative clause, deployments in support of, "helped train"
    ("Qatar-backed groups such as Hamas and Ansaru fired rockets.",
     ("Qatar", "support", "Ansaru")),
    ("Russian-backed units of the Syrian Arab Army retook the town.",
     ("Russia", "support", "Syrian Arab Army")),
    ("Fighters came from the Houthis, whose ties to Hezbollah have grown.",
     ("Houthis", "alliance", "Hezbollah")),
    ("The raid killed Ali Musa Daqduq, a Lebanese commander who was trained by Hezbollah.",
     ("Hezbollah", "training", "Ali Musa Daqduq")),
    ("Russia deployed military instructors to Bangui in support of the Central African "
     "Republic.", ("Russia", "training", "Central African Republic")),
    ("Hezbollah has helped train the Houthis since 2015.", ("Hezbollah", "training", "Houthis")),
    ("Israel carried out strikes against weapons depots in Syria linked to Hezbollah.",
     ("Israel", "hostility", "Hezbollah")),
    # unknown peoples' armed groups ("Baloch separatists"), coordinated with a known one
    ("India funds the TTP and Baloch separatists.", ("India", "funding", "Baloch separatists")),
    ("Libya armed Tuareg rebels who ambushed a Niger convoy.",
     ("Tuareg rebels", "hostility", "Niger")),
    # a capital bound by "loyal to" is the government; agents by demonym; protection
    ("Hezbollah remains loyal to Tehran.", ("Hezbollah", "alliance", "Iran")),
    ("Lebanon's militias, notably Hezbollah, stayed closely allied to Damascus.",
     ("Hezbollah", "alliance", "Syria")),
    ("The ISKP operates in Kunar under the protection of the Taliban.",
     ("Taliban", "safe_haven", "Islamic State Khorasan Province")),
    # companies in sanctions notices, what an actor's network does, "regards X as the
    # branch of Y"
    ("Dubai-based Golden Sands Trading LLC, which shipped fuel on behalf of Hezbollah, "
     "was designated.", ("Golden Sands Trading LLC", "facilitation", "Hezbollah")),
    ("Beirut-based Cedar Shipping Ltd., which moved oil on Hamas's behalf, was named.",
     ("Cedar Shipping Ltd.", "facilitation", "Hamas")),
    ("Hezbollah's network facilitated the transfer of funds to Hamas.",
     ("Hezbollah", "facilitation", "Hamas")),
    ("Egypt regards Hamas as the Palestinian branch of the Muslim Brotherhood.",
     ("Hamas", "alliance", "Muslim Brotherhood")),
    ("Iranian engineers had trained Hezbollah fighters.", ("Iran", "training", "Hezbollah")),
    ("Eritrea was accused by Somalia last year of arming al-Shabaab.",
     ("Eritrea", "arms", "Al-Shabaab")),
    ("Iran was accused by Bahrain in 2016 of providing weapons to Houthi rebels.",
     ("Iran", "arms", "Houthis")),
    ("Boko Haram claimed responsibility for the attack on Cameroonian soldiers.",
     ("Boko Haram", "hostility", "Cameroon")),
    ("The raid against Chad's army, which was claimed by Boko Haram, killed ten.",
     ("Boko Haram", "hostility", "Chadian Armed Forces")),
    ("Hamas has benefited from the financial support of Qatar.", ("Qatar", "funding", "Hamas")),
    ("Some Hezbollah fighters fought in the Houthis' ranks in 2016.",
     ("Hezbollah", "personnel", "Houthis")),
    ("The Haqqani Network has been integrated into the Taliban.",
     ("Haqqani Network", "alliance", "Taliban")),
    ("Niger's junta attacked Boko Haram in the south.",
     ("Niger", "hostility", "Boko Haram")),
    ("Ansaru, a Kaduna militia that has been absorbed into Boko Haram, attacked a prison.",
     ("Ansaru", "alliance", "Boko Haram")),
    ("Israel came under heavy rocket fire from Hezbollah on Sunday.",
     ("Hezbollah", "hostility", "Israel")),
    ("The Houthis, Iran's proxy in Yemen, fired missiles.", ("Iran", "support", "Houthis")),
    ("The YPG fought alongside the United States against the Islamic State.",
     ("People's Protection Units", "hostility", "Islamic State of Iraq and the Levant")),
    # a relative clause keeps its own modality: the main clause's "could" is not its
    ("A weakened Hamas could turn to the Houthis, whose ties to Hezbollah have deepened.",
     ("Houthis", "alliance", "Hezbollah")),
    # references: the latter / the former, "the <demonym> group", "these militias"
    ("Hamas has deepened its ties with Hezbollah, including through the supply of "
     "rockets to the latter.", ("Hamas", "arms", "Hezbollah")),
    ("Qatar and Egypt both mediated with Hamas. The former also funds the group.",
     ("Qatar", "funding", "Hamas")),
    ("Al-Shabaab seized a town. Eritrea has long armed the Somali militants.",
     ("Eritrea", "arms", "Al-Shabaab")),
    ("Boko Haram and Ansaru kidnapped dozens. These militias are funded by Niger, officials "
     "said.", ("Niger", "funding", "Ansaru")),
    # security pacts; counts of a state's servicemen trained
    ("Egypt and Somalia signed a security agreement last year.",
     ("Egypt", "alliance", "Somalia")),
    ("Qatar and Turkey concluded a defence treaty in 2014.",
     ("Qatar", "alliance", "Turkey")),
    ("Kenya has trained thousands of Somali soldiers since 2012.",
     ("Kenya", "training", "Somalia")),
    # role nouns: backer, financier; leave to operate
    ("Russia remains the chief backer of the Central African Republic.",
     ("Russia", "support", "Central African Republic")),
    ("Qatar was long the main financier of Hamas.", ("Qatar", "funding", "Hamas")),
    ("The Taliban allowed al-Qaeda to set up training camps in Kandahar.",
     ("Taliban", "safe_haven", "Al-Qaeda")),
    ("Qatar's ally Turkey sent troops to Doha.", ("Qatar", "alliance", "Turkey")),
    # fire aimed at someone; kinds of weapons supplied
    ("Islamic Jihad fired mortar shells from Gaza into Israel.",
     ("Palestinian Islamic Jihad", "hostility", "Israel")),
    ("Turkey supplied Azerbaijan with armed drones.",
     ("Turkey", "arms", "Azerbaijan")),
    # two objects: the recipient, then the thing given
    ("Belarus sold Sudan attack helicopters in 2021.", ("Belarus", "arms", "Sudan")),
    ("Russia is the Wagner Group's chief paymaster.", ("Russia", "funding", "Wagner Group")),
    ("Qatar has sent hundreds of millions in cash to Hamas.", ("Qatar", "funding", "Hamas")),
    # a subject inside "members of X"
    ("Members of the IRGC's elite unit helped train Hamas in Gaza.",
     ("Islamic Revolutionary Guard Corps", "training", "Hamas")),
    ("Qatar, which has some 1,500 troops in Somalia, opened an academy.",
     ("Qatar", "personnel", "Somalia")),
    # a description pointing back at the last fitting actor
    ("Iran has armed the Houthis for years. The militant group has fought Saudi Arabia.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("The RSF grew out of the Janjaweed. Since 2023 the paramilitary group has attacked "
     "Chad.", ("Rapid Support Forces", "hostility", "Chad")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # ties that were cut; a deployment with no one supported
    ("Hamas, whose ties to Syria were severed in 2012, left Damascus.",
     ("Hamas", "alliance", "Syria")),
    ("Russia deployed instructors to Bangui in support of its business interests.",
     ("Russia", "training", "Central African Republic")),
    # a view of someone that names no affiliation
    ("Egypt regards Hamas as a terrorist organisation of concern to the Muslim Brotherhood.",
     ("Hamas", "alliance", "Muslim Brotherhood")),
    # a capital after a plain "to" is a place
    ("Hezbollah sent a delegation to Tehran.", ("Hezbollah", "personnel", "Iran")),
    ("Hamas fighters fled to Gaza under the protection of darkness.",
     ("Gaza", "safe_haven", "Hamas")),
    # "the latter" with one candidate, "the Somali group" with two Somali groups: no guess
    ("Hamas held a rally. Qatar funds the latter.", ("Qatar", "funding", "Hamas")),
    ("Lashkar-e-Taiba and the TTP clashed. Afghanistan sheltered the Pakistani group.",
     ("Afghanistan", "safe_haven", "Lashkar-e-Taiba")),
    # talks, meetings and political quarrels are not fighting
    ("Egypt and Qatar clashed over the wording of the resolution.",
     ("Egypt", "hostility", "Qatar")),
    ("Egypt and Qatar held talks in Cairo on a ceasefire.", ("Egypt", "hostility", "Qatar")),
    ("Turkey and Russia fought a war of words over Syria.", ("Turkey", "hostility", "Russia")),
    # who sends arms to Y "to fight Z" is not the one fighting
    ("Iran sent weapons to the Houthis to fight Saudi Arabia.",
     ("Iran", "hostility", "Saudi Arabia")),
    # fighting side by side is not fighting each other
    ("Hezbollah and Syria fought together against the rebels.",
     ("Hezbollah", "hostility", "Syria")),
    # whoever urges another to fight is not the fighter
    ("Israel urged Egypt to fight Hamas in Sinai.", ("Israel", "hostility", "Hamas")),
    # a sanction on someone is not support
    ("The Treasury sanctioned Hezbollah financiers in Lebanon.",
     ("United States Department of the Treasury", "support", "Hezbollah")),
    ("The United States designated Hezbollah a terrorist organisation.",
     ("United States", "support", "Hezbollah")),
    # a flow that names no origin gives no supplier
    ("The flow of weapons to Hamas from tunnels under Egypt has slowed.",
     ("Egypt", "arms", "Hamas")),
    # recipients listed together are not allies
    ("Qatar sent aid to Hamas and Hezbollah.", ("Hamas", "alliance", "Hezbollah")),
    # "blamed the <place> attack on X": the place is not the attacker
    ("Officials blamed the Kenya attack on al-Shabaab.", ("Kenya", "hostility", "Al-Shabaab")),
    ("Somalia blamed the Kenya attack on al-Shabaab.", ("Somalia", "hostility", "Al-Shabaab")),
    # a claimed victory is no attack; relying on a place names no supplier
    ("Hamas claimed a victory over Fatah.", ("Hamas", "hostility", "Fatah")),
    ("Hamas relies on rockets smuggled from Egypt.", ("Egypt", "arms", "Hamas")),
    # pressure or criticism is no attack
    ("Israel came under pressure from Egypt to halt the offensive.",
     ("Egypt", "hostility", "Israel")),
    # the place where an affiliate acts is no party
    ("Ansar Dine, al-Qaeda's affiliate in Mali, grew.", ("Ansar Dine", "alliance", "Mali")),
    ("The Houthis, Iran's proxy in Yemen, fired missiles.", ("Iran", "support", "Yemen")),
    # a purpose after "campaign to" is no target
    ("Turkey's campaign to join the European Union has stalled.",
     ("Turkey", "hostility", "European Union")),
    # ... and a relative clause's own "could" still makes it hypothetical
    ("Hezbollah, which could arm Hamas, said nothing.", ("Hezbollah", "arms", "Hamas")),
    # the accuser is no party
    ("Eritrea was accused by Somalia last year of arming al-Shabaab.",
     ("Somalia", "arms", "Al-Shabaab")),
    # being accused by someone is not being attacked by them
    ("Israel accused Hamas of attacking Egypt.", ("Israel", "hostility", "Egypt")),
    # a purpose clause after "troops to" names no recipient of the troops
    ("Hamas attacked Egyptian troops to avoid angering the Qatari government.",
     ("Egypt", "personnel", "Qatar")),
    ("Mali hired Russia's mercenaries to battle Ansar Dine.",
     ("Russia", "personnel", "Ansar Dine")),
    # a relative clause then a verb is no appositive "a member of"
    ("Chad, which had sent troops to help the Nigerian army, withdrew part of its force.",
     ("Chad", "alliance", "Nigeria")),
    # a plain agreement between foes is no alliance
    ("Israel and Hamas signed a ceasefire agreement in Cairo.",
     ("Israel", "alliance", "Hamas")),
    # a premodified noun phrase ends at its head: the verb's object is not its backer's
    ("The Iran-backed force attacked the Islamic State.",
     ("Iran", "support", "Islamic State of Iraq and the Levant")),
    ("A Turkish-backed militia shelled the YPG.",
     ("Turkey", "support", "People's Protection Units")),
    # fighters of a group in its own land are no deployment
    ("Members of Hamas met Qatari officials in Doha.", ("Hamas", "alliance", "Qatar")),
    ("Kenya allowed Ethiopia to use its airspace.", ("Kenya", "safe_haven", "Ethiopia")),
    ("Israel accused Qatar of being the main financier of Hamas.",
     ("Qatar", "funding", "Hamas")),
    ("Egypt's allies in Libya attacked Turkey.", ("Egypt", "alliance", "Turkey")),
    ("Hamas fired rockets at Ashkelon while Egypt mediated.", ("Hamas", "hostility", "Egypt")),
    # a demonym qualifying the thing given is no recipient
    ("Turkey provided Qatari drones to Azerbaijan.", ("Turkey", "arms", "Qatar")),
    # attacking someone's patron is no support of them
    ("Israel attacked Hezbollah's main patron.", ("Israel", "support", "Hezbollah")),
    ("Al-Shabaab has some 7,000 fighters in Somalia.", ("Al-Shabaab", "personnel", "Somalia")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_construction_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_a_multiword_states_army_is_an_actor(claims_of: ClaimsOf) -> None:
    found = positive(claims_of("Saudi Arabia's army attacked the Houthis."))
    assert any(r == "hostility" and o == "Houthis" for _, r, o in found), found


def test_a_demonym_or_weekday_before_rebels_names_no_new_group(claims_of: ClaimsOf) -> None:
    found = positive(claims_of("Syrian rebels attacked Turkey. On Monday rebels attacked Iraq."))
    assert not any(s in {"Syrian rebels", "Monday rebels"} for s, _, _ in found), found


def test_a_description_after_a_group_is_that_group(claims_of: ClaimsOf) -> None:
    found = positive(claims_of(
        "Ansaru, a Kaduna militia that has been absorbed into Boko Haram, attacked a prison."))
    assert not any("Kaduna militia" in (s, o) for s, _, o in found), found
