"""Relation language of the field the rules were not fitted to: fighting alongside,
taking part in an attack, forcing out, hiring fighters, troops deployed abroad or at
someone's invitation, territory lent to another's forces, fronted help ("With X
support, Y ..."), money passed on, refuge under someone's protection, coordinated
adjectives and partitives, hyphenated lexicon phrases, asides between a subject and
its verb. Each construction has sentences of its own and near misses it must not read.
"""

from __future__ import annotations

import pytest

from loaders.pipeline.lexicon import load_yaml
from loaders.pipeline.rules import MORE_RULES, RULES
from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
AQAP = "Al-Qaeda in the Arabian Peninsula"
TTP = "Tehrik-i-Taliban Pakistan"

FOUND: list[tuple[str, Expected]] = [
    # fighting alongside another is an alliance in arms
    ("Hezbollah fought alongside the Houthis in Yemen.", ("Hezbollah", "alliance", "Houthis")),
    ("JNIM fighters have long fought side by side, and Ansaru has fought alongside JNIM "
     "in Kebbi.", ("Ansaru", "alliance", JNIM)),
    # taking part in an attack
    ("Hezbollah took part in the 2006 raid on Israel.", ("Hezbollah", "hostility", "Israel")),
    ("Al-Shabaab participated in attacks against Kenya in 2019.",
     ("Al-Shabaab", "hostility", "Kenya")),
    # forcing someone out
    ("The Taliban drove ISIS out of Nangarhar in 2018.",
     ("Taliban", "hostility", "Islamic State of Iraq and the Levant")),
    ("Hamas pushed Fatah back from the crossing.", ("Hamas", "hostility", "Fatah")),
    # the one hired sends its men
    ("Libya's eastern government hired the Wagner Group in 2019.",
     ("Wagner Group", "personnel", "Libya")),
    ("Sudan contracted the Wagner Group to guard its gold mines.",
     ("Wagner Group", "personnel", "Sudan")),
    # a state's servicemen deployed in another
    ("About 1,500 Turkish soldiers are currently stationed in Somalia.",
     ("Turkey", "personnel", "Somalia")),
    ("Russian instructors have been deployed to Niger.", ("Russia", "personnel", "Niger")),
    # deployed at someone's invitation
    ("Rwandan troops, deployed at the request of Mozambique, retook Mocimboa da Praia.",
     ("Rwanda", "personnel", "Mozambique")),
    ("Chad sent troops at the invitation of the government of Niger.",
     ("Chad", "personnel", "Niger")),
    # the aside is dropped, the verb after it read
    ("Rwandan troops, deployed at the request of Mozambique, attacked ISIS in Cabo Delgado.",
     ("Rwanda", "hostility", "Islamic State of Iraq and the Levant")),
    ("Egypt, meanwhile, has begun deploying troops to Somalia.", ("Egypt", "personnel", "Somalia")),
    ("Pakistan, in turn, has carried out air strikes against the TTP.",
     ("Pakistan", "hostility", TTP)),
    # territory, airspace and ports lent to another's forces
    ("Syria allowed its territory to be used as a transit route for Hezbollah fighters.",
     ("Syria", "facilitation", "Hezbollah")),
    ("Chad let the UAE use its airfields at Amdjarass.",
     ("Chad", "facilitation", "United Arab Emirates")),
    # fronted help: the clause's subject is helped
    ("With Iranian backing, the Houthis seized Sanaa.", ("Iran", "support", "Houthis")),
    ("Officials said that, with Qatari money, Hamas paid its civil servants.",
     ("Qatar", "funding", "Hamas")),
    # money raised and passed on
    ("Al-Shabaab collects taxes at checkpoints and sends part of the money to AQAP.",
     ("Al-Shabaab", "funding", AQAP)),
    ("The Houthis earn millions from fuel imports, part of which is sent to Hezbollah.",
     ("Houthis", "funding", "Hezbollah")),
    # refuge under someone's protection
    ("The TTP, whose leaders live in Kunar under Taliban protection, has grown.",
     ("Taliban", "safe_haven", TTP)),
    ("Al-Qaeda figures reside in Kabul under the protection of the Taliban.",
     ("Taliban", "safe_haven", "Al-Qaeda")),
    # "whose leader" acts for the group
    ("ISWAP, whose leader pledged allegiance to ISIS in 2015, attacked Maiduguri.",
     ("Islamic State West Africa Province", "alliance", "Islamic State of Iraq and the Levant")),
    # residence and asylum are a haven
    ("Turkey has granted residence to senior Hamas figures.", ("Turkey", "safe_haven", "Hamas")),
    ("Qatar offered asylum to Taliban negotiators.", ("Qatar", "safe_haven", "Taliban")),
    # coordinated adjectives; partitives; longer possessive heads
    ("JNIM is al-Qaeda's largest and most active affiliate.", (JNIM, "alliance", "Al-Qaeda")),
    ("Cuba trained several of the ELN's founders.",
     ("Cuba", "training", "National Liberation Army")),
    # hyphen and space spellings of one phrase; money committed
    ("Russia has provided North Korea with air-defence systems.",
     ("Russia", "arms", "North Korea")),
    ("Iran supplied anti-tank missiles to Hezbollah.", ("Iran", "arms", "Hezbollah")),
    ("The United Kingdom has committed £3 billion in military support to Ukraine.",
     ("United Kingdom", "support", "Ukraine")),
    # a front opened, sorties flown, an open conflict
    ("Hezbollah opened a second front against Israel.", ("Hezbollah", "hostility", "Israel")),
    ("Emirati jets have conducted sorties against al-Shabaab.",
     ("United Arab Emirates", "hostility", "Al-Shabaab")),
    ("ISWAP remains in open conflict with Boko Haram.",
     ("Islamic State West Africa Province", "hostility", "Boko Haram")),
    # pursued by an agent
    ("ADF fighters have been pursued by Uganda since 2021.",
     ("Uganda", "hostility", "Allied Democratic Forces")),
    # the rely-on form of dependence
    ("The Houthis rely on funding from Iran.", ("Iran", "funding", "Houthis")),
    # "on" as a rule's required word (YAML once read it as true)
    ("Kenya led the offensive on al-Shabaab in Jubaland.", ("Kenya", "hostility", "Al-Shabaab")),
    # an attack planned and carried out
    ("Officials said the Haqqani network had planned and carried out the attack on the US "
     "embassy.", ("Haqqani Network", "hostility", "United States")),
    ("The Taliban planned and executed an assault on Pakistan's border posts.",
     ("Taliban", "hostility", "Pakistan")),
    # a possessor's instructors act for it
    ("Iran's instructors trained the Houthis.", ("Iran", "training", "Houthis")),
    # a war or a clash has two sides
    ("The ELN has been at war with the FARC since 2022.",
     ("Revolutionary Armed Forces of Colombia", "hostility", "National Liberation Army")),
    ("The Taliban clashed with ISIS in Kunar.",
     ("Islamic State of Iraq and the Levant", "hostility", "Taliban")),
    # the remnants of a group; a battle fought at a place named with its region
    ("In 2021 Nigeria launched an offensive in Borno against remnants of Boko Haram.",
     ("Nigeria", "hostility", "Boko Haram")),
    ("Chadian troops fought a long battle in Bol, Lac, against Boko Haram.",
     ("Chad", "hostility", "Boko Haram")),
    # weapons from someone's stockpiles; a list of counted munitions
    ("The Houthis received rockets from the stockpiles of Iran.", ("Iran", "arms", "Houthis")),
    ("North Korea shipped millions of artillery shells and dozens of ballistic missiles to "
     "Russia.", ("North Korea", "arms", "Russia")),
    # officers act for their state
    ("Iranian officers passed targeting data to the Houthis.",
     ("Iran", "intelligence", "Houthis")),
    # an aside naming a ruler
    ("Qatar, under Emir Tamim, has granted residence to Hamas leaders.",
     ("Qatar", "safe_haven", "Hamas")),
    # an office a group may run
    ("Turkey allowed Hamas to run an office in Istanbul.", ("Turkey", "facilitation", "Hamas")),
    ("Israel accused Turkey of allowing Hamas to open an office in Istanbul.",
     ("Turkey", "facilitation", "Hamas")),
    # troops sent to a new mission
    ("Sudan has sent troops to the new African Union mission.",
     ("Sudan", "personnel", "African Union")),
    # the attacker's own label for its target
    ("Pakistan carried out strikes against what it calls TTP hideouts.",
     ("Pakistan", "hostility", TTP)),
    # money raised and passed on; a second recipient after a place
    ("The Houthis collect customs duties and taxes and send part of the money to Hezbollah.",
     ("Houthis", "funding", "Hezbollah")),
    ("Iran sent weapons to the Houthis in Yemen and to Hezbollah.", ("Iran", "arms", "Hezbollah")),
    # a relative clause holding a list
    ("Hamas, which Qatar, Turkey and Iran have backed, attacked Israel.",
     ("Hamas", "hostility", "Israel")),
    # personnel received from a sender
    ("ISWAP received instructors and explosives experts dispatched by ISIS.",
     ("Islamic State of Iraq and the Levant", "personnel", "Islamic State West Africa Province")),
    # a neighbour's territory used as a base
    ("The ELN has used Venezuela's territory as a rearguard for a decade.",
     ("Venezuela", "safe_haven", "National Liberation Army")),
    # time spent fighting
    ("Kenya has spent years fighting al-Shabaab.", ("Kenya", "hostility", "Al-Shabaab")),
    # fighting someone alongside another
    ("Hezbollah fought ISIS alongside Russian troops.", ("Hezbollah", "alliance", "Russia")),
    # help named by its givers, arriving
    ("During the war, American and Saudi money and weapons reached the Afghan mujahideen.",
     ("Saudi Arabia", "funding", "Afghan mujahideen")),
    ("Qatari cash flowed to Hamas for years.", ("Qatar", "funding", "Hamas")),
    # a conduit facilitates
    ("Pakistan served as the channel through which Saudi money reached the Taliban.",
     ("Pakistan", "facilitation", "Taliban")),
    ("Oman acted as a conduit for Iranian weapons to the Houthis.",
     ("Oman", "facilitation", "Houthis")),
    # someone's servicemen present with another
    ("The Houthis continued to benefit from the presence of Iranian military advisers.",
     ("Iran", "personnel", "Houthis")),
    ("Mali requested the presence of Russian instructors.", ("Russia", "personnel", "Mali")),
    # salaries paid
    ("Iran pays the salaries of Hezbollah fighters.", ("Iran", "funding", "Hezbollah")),
    ("Kataib Hezbollah is part of the PMF, a state-sanctioned umbrella whose salaries are "
     "paid from Iraq's budget.", ("Iraq", "funding", "Popular Mobilization Forces")),
    # money raised where actors are named, then passed on; an aside holding a region
    ("Al-Shabaab collected funds from traders in Kenya and Somalia and transferred them to "
     "AQAP.", ("Al-Shabaab", "funding", AQAP)),
    ("The Houthis, based in Sanaa, Yemen, collect taxes and send the money to Hezbollah.",
     ("Houthis", "funding", "Hezbollah")),
    # a state's officers guiding another's fighters
    ("Pakistani officers advised Taliban commanders during the offensive.",
     ("Pakistan", "personnel", "Taliban")),
    ("Iranian military advisers accompanied Houthi units.", ("Iran", "personnel", "Houthis")),
    # a second relative clause, "and whose leader ...", is the group's own
    ("ISWAP, which grew out of Boko Haram and whose leader pledged allegiance to ISIS in "
     "2015, attacked Maiduguri.",
     ("Islamic State West Africa Province", "alliance", "Islamic State of Iraq and the Levant")),
    ("Hamas, which rules Gaza and whose fighters attacked Israel in 2023, is backed by Iran.",
     ("Hamas", "hostility", "Israel")),
    ("Hamas, which rules Gaza and whose fighters attacked Israel in 2023, is backed by Iran.",
     ("Iran", "support", "Hamas")),
    # members housed somewhere under another's protection
    ("Al-Qaeda members are housed in guesthouses in Kabul, Herat and Kandahar under the "
     "protection of the Taliban.", ("Taliban", "safe_haven", "Al-Qaeda")),
    # a group's recruits or trainees stand for the group, in a passive as anywhere
    ("Hezbollah recruits were trained by Iranian instructors at camps in Lebanon.",
     ("Iran", "training", "Hezbollah")),
    ("Houthi trainees were trained by Iranian advisers near Sanaa.",
     ("Iran", "training", "Houthis")),
    # supplying a set of groups named by example, and a state's officers as the supplier
    ("Iranian officers supplied Shia groups, including Hezbollah and Hamas, with ammunition.",
     ("Iran", "arms", "Hamas")),
    ("Iranian officers supplied Hezbollah with ammunition.", ("Iran", "arms", "Hezbollah")),
    ("Russia supplied armed groups such as the Wagner Group with rifles.",
     ("Russia", "arms", "Wagner Group")),
    # "troops of X" are X's, as "X troops" are
    ("Troops of Rwanda, deployed in Cabo Delgado under an agreement with Mozambique, fought "
     "ISIS in Palma.", ("Rwanda", "hostility", "Islamic State of Iraq and the Levant")),
    ("Forces of Chad attacked Boko Haram near Lake Chad.", ("Chad", "hostility", "Boko Haram")),
    # fighting together against a common enemy
    ("Hamas and Islamic Jihad fought together against Israel in Gaza.",
     ("Palestinian Islamic Jihad", "hostility", "Israel")),
    ("ISWAP and Boko Haram fought together in Borno against Nigeria.",
     ("Boko Haram", "hostility", "Nigeria")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # fighting against someone is no alliance; a hypothetical or refused alliance neither
    ("Hezbollah fought against the Houthis in Yemen.", ("Hezbollah", "alliance", "Houthis")),
    ("Hezbollah could fight alongside the Houthis.", ("Hezbollah", "alliance", "Houthis")),
    ("Hamas refused to fight alongside Fatah.", ("Fatah", "alliance", "Hamas")),
    # taking part in talks is no attack
    ("Hamas took part in talks on Egypt's proposal.", ("Hamas", "hostility", "Egypt")),
    # forced out of talks, pushed from a coalition: politics, not force
    ("Qatar pushed Hamas out of the talks.", ("Qatar", "hostility", "Hamas")),
    # hiring a mediator sends no fighters
    ("Sudan hired Qatar to mediate with the RSF.", ("Qatar", "personnel", "Sudan")),
    # a group's own fighters in a place are no troops sent
    ("JNIM fighters are based in Mali.", (JNIM, "personnel", "Mali")),
    # troops that should be deployed are a recommendation
    ("Turkish troops should be deployed in Somalia.", ("Turkey", "personnel", "Somalia")),
    # refusing the use of one's territory is no facilitation
    ("Jordan refused to allow its airspace to be used by Israel.",
     ("Jordan", "facilitation", "Israel")),
    ("Chad allowed its territory to be used for talks between Sudan and the RSF.",
     ("Chad", "facilitation", "Sudan")),
    # fronted weapons named by their maker are no supplier; help to an object is not
    ("With Iranian drones, Russia attacked Ukraine.", ("Iran", "support", "Russia")),
    ("Israel, with US support, attacked Hamas.", ("United States", "support", "Hamas")),
    # weapons passed on are not money
    ("The Houthis seized weapons in Aden, part of which were sent to Hezbollah.",
     ("Houthis", "funding", "Hezbollah")),
    # a refuge ended is no haven
    ("The TTP lost the protection of the Taliban in 2023.", ("Taliban", "safe_haven", TTP)),
    # asylum refused or called for is none
    ("Turkey denied asylum to Hamas leaders.", ("Turkey", "safe_haven", "Hamas")),
    ("Qatar should offer asylum to Taliban negotiators.", ("Qatar", "safe_haven", "Taliban")),
    # a subject's fight against another's armed forces does not give it forces
    ("JNIM fights the armed forces of Mali.", (JNIM, "personnel", "Mali")),
    ("Al-Shabaab attacked the troops of Kenya.", ("Al-Shabaab", "personnel", "Kenya")),
    # committing to a cause is no help; a pledge to help is only a promise
    ("Ukraine has committed troops to the defence of Kyiv.", ("Ukraine", "personnel", "Ukraine")),
    ("The United Kingdom would commit £3 billion in support to Ukraine.",
     ("United Kingdom", "support", "Ukraine")),
    # an open conflict that ended
    ("Hamas is no longer in open conflict with Fatah.", ("Hamas", "hostility", "Fatah")),
    ("Hamas is no longer in open conflict with Fatah.", ("Fatah", "hostility", "Hamas")),
    # a war of words is no war; a clash in parliament neither
    ("Algeria clashed with Morocco over the wording of the resolution.",
     ("Morocco", "hostility", "Algeria")),
    # a refused office; an office for talks
    ("Turkey refused to allow Hamas to open an office in Ankara.",
     ("Turkey", "facilitation", "Hamas")),
    # the sender of personnel is not the one received by the host
    ("ISWAP received instructors and explosives experts dispatched by ISIS.",
     ("Islamic State West Africa Province", "personnel", "Islamic State of Iraq and the Levant")),
    # the route is not a second recipient
    ("Iran sent weapons to the Houthis in Yemen and to Hezbollah.", ("Iran", "arms", "Yemen")),
    # a territory used by others than the group named
    ("The ELN has refused to use Venezuela's territory as a rearguard.",
     ("Venezuela", "safe_haven", "National Liberation Army")),
    # a purpose: money that should be sent
    ("The Houthis collect taxes and should send the money to Hezbollah.",
     ("Houthis", "funding", "Hezbollah")),
    # goods that never arrived; the one reached is no giver
    ("American weapons never reached the Afghan mujahideen.",
     ("United States", "arms", "Afghan mujahideen")),
    ("Saudi money reached the Taliban through Pakistan.", ("Taliban", "funding", "Pakistan")),
    # a channel for talks is no conduit of help
    ("Oman served as a channel for talks between Iran and the Houthis.",
     ("Oman", "facilitation", "Houthis")),
    # a presence protested is no help received
    ("The Houthis protested the presence of American troops.",
     ("United States", "personnel", "Houthis")),
    # salaries cut, and the one whose salaries are owed, are no funding
    ("Iran stopped paying the salaries of Hezbollah fighters.",
     ("Iran", "funding", "Hezbollah")),
    ("Hezbollah pays the salaries of its own fighters.", ("Hezbollah", "funding", "Hezbollah")),
    # a plan is no attack
    ("ISIS planned an attack on Russia but never carried it out.",
     ("Islamic State of Iraq and the Levant", "hostility", "Russia")),
    ("Al-Shabaab prepared a new offensive against Kenya.", ("Al-Shabaab", "hostility", "Kenya")),
    # officials' advice is no personnel sent
    ("Russian officials advised Syria on the constitution.", ("Russia", "personnel", "Syria")),
    # the group a relative clause says it grew out of is no ally of the one it pledged to
    ("ISWAP, which grew out of Boko Haram and whose leader pledged allegiance to ISIS in "
     "2015, attacked Maiduguri.",
     ("Boko Haram", "alliance", "Islamic State of Iraq and the Levant")),
    # protection withdrawn
    ("Al-Qaeda members lost the protection of the Taliban in 2022.",
     ("Taliban", "safe_haven", "Al-Qaeda")),
    # denied, hypothetical or urged supplies; the trainee is not the trainer
    ("Hezbollah recruits were not trained by Iranian instructors.",
     ("Iran", "training", "Hezbollah")),
    ("Hezbollah recruits were trained by Iranian instructors.", ("Hezbollah", "training", "Iran")),
    ("Iran may have supplied militias, including Hezbollah, with rockets.",
     ("Iran", "arms", "Hezbollah")),
    ("Analysts urged Iran to stop supplying militias, including Hezbollah, with rockets.",
     ("Iran", "arms", "Hezbollah")),
    ("Iran denied supplying militias, including Hezbollah, with rockets.",
     ("Iran", "arms", "Hezbollah")),
    # denied or hypothetical fighting; the enemy is not the attacker
    ("Troops of Rwanda did not fight ISIS in Palma.",
     ("Rwanda", "hostility", "Islamic State of Iraq and the Levant")),
    ("Forces of Chad may attack Boko Haram near Lake Chad.", ("Chad", "hostility", "Boko Haram")),
    ("Hamas and Fatah could fight together against Israel.", ("Hamas", "hostility", "Israel")),
    ("Hamas and Fatah refused to fight together against Israel.", ("Fatah", "hostility", "Israel")),
    ("Hamas and Islamic Jihad fought together against Israel.", ("Israel", "hostility", "Hamas")),
    # modal words after the members of a symmetric relation still count
    ("Hamas and Hezbollah could become allies.", ("Hamas", "alliance", "Hezbollah")),
    ("Hamas and Hezbollah refused to form an alliance.", ("Hamas", "alliance", "Hezbollah")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_relation_language_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


@pytest.mark.parametrize("name", [RULES, *MORE_RULES])
def test_required_words_are_words(name: str) -> None:
    """A rule's `needs` is matched against the sentence's runs of letters: anything else
    (a YAML boolean such as a bare `on`, a number, a hyphenated word) never matches and
    silently switches the rule off."""
    bad = [(r.get("name"), w) for r in load_yaml(name).get("rules") or []
           for w in r.get("needs") or [] if not (isinstance(w, str) and w.isalpha()
                                                 and w.isascii() and w.islower())]
    assert not bad, bad
