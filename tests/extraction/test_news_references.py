"""How news text refers back to actors: references resolved in one sentence serve the
next ("The movement ... It pledged ..."), "the insurgents" never a state's contractor
and, with nothing near, the one insurgent group of the paragraph, a possessor of another
actor is no referent, a description is not its own clause's subject, adjectives that
keep a description a reference ("the nascent front"), "the de facto authorities", a
leader bound by "G, which P founded"; a demonym and a force noun as the state acting
("Chadian special forces"), a demonym two states share ("Congolese"), a group's branch
"in" a place, "the former partners ... each other", "the mercenaries"; and the near
misses that must stay open."""

from __future__ import annotations

import pytest

from graph.model import ActorKind
from loaders.pipeline.coref import resolve
from loaders.pipeline.mentions import find_mentions
from loaders.pipeline.references import more_references, split_affiliations
from loaders.pipeline.segment import split_sentences
from loaders.registry import Registry
from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key


def referent(registry: Registry, text: str, phrase: str) -> str | None:
    """The name of the actor the last mention written `phrase` stands for, or None."""
    sentences = split_sentences(text)
    named, actors = find_mentions(text, registry)
    named = split_affiliations(text, named, actors, registry)
    mentions = more_references(text, sentences, resolve(text, sentences, named, actors),
                               actors, registry)
    hits = [m for m in mentions if m.text == phrase]
    return actors[hits[-1].actor].name if hits else None


RESOLVED: list[tuple[str, str, str]] = [
    # a pronoun that points back serves the next sentence's description
    ("Al-Shabaab is an insurgent group in Somalia. Despite its name, it has no link to "
     "Yemen's Houthis. The group pledged allegiance to al-Qaeda in 2012.",
     "The group", "Al-Shabaab"),
    # ... and a description serves the next sentence's pronoun
    ("The Allied Democratic Forces began as a Ugandan rebel group. The movement later "
     "moved its bases into eastern Congo. It pledged allegiance to the Islamic State.",
     "It", "Allied Democratic Forces"),
    # and a later pronoun of its own sentence
    ("The Allied Democratic Forces began in Uganda. The movement later lost many of its "
     "fighters to the Congolese army.", "its", "Allied Democratic Forces"),
    # "the insurgents" skips a contractor for the group before it
    ("Boko Haram fighters overran Baga in 2015. The Wagner Group sent contractors to Mali "
     "in 2021. Chadian forces attacked the insurgents near the lake.",
     "the insurgents", "Boko Haram"),
    # ... and, with nothing near, takes the one insurgent group of the paragraph
    ("Boko Haram fighters overran Baga in 2015. Wagner contractors arrived in Mali in 2021. "
     "Their convoy was ambushed. Chad deployed troops to Nigeria. Chadian soldiers guarded "
     "the road. Chadian forces later attacked the insurgents.", "the insurgents",
     "Boko Haram"),
    # an adjective that keeps the description a reference
    ("Hamas launched the raid from Gaza. Iran later sent the banned movement money.",
     "the banned movement", "Hamas"),
    ("Jabhat al-Nusra was set up in 2011. Abu Bakr al-Baghdadi, then the leader of the "
     "Islamic State of Iraq, sent Syrian fighters home. Baghdadi's organisation provided "
     "the nascent front with money.", "the nascent front", "Hay'at Tahrir al-Sham"),
    ("Hamas launched the raid from Gaza. Fighting continued along the front. Iran later "
     "sent the Islamist militants money.", "the Islamist militants", "Hamas"),
    # "G, which P founded": P's fighters are G's
    ("Jabhat al-Nusra, which Abu Muhammad al-Jolani founded in 2012, grew fast. Jolani's "
     "fighters later attacked Hezbollah.", "Jolani's fighters", "Hay'at Tahrir al-Sham"),
    # the previous sentence's subject, not an actor inside a phrase of it
    ("Harakat al-Nujaba fought in Syria in 2014. Fighters loyal to Hamas, among them "
     "several commanders, later formed Kataib Hezbollah. The Popular Mobilization Forces "
     "tolerated the group for a time.", "the group", "Kata'ib Hezbollah"),
    # nothing near: the group the text is about, named far more often than any other
    ("Al-Shabaab was founded in 2006 and has since waged an insurgency in Somalia. Its "
     "fighters have attacked Kenya. The group is led by a shura council. It took Kismayo "
     "in 2008. Al-Shabaab later lost Kismayo. The group's fighters fled. Hizbul Islam "
     "merged with al-Shabaab in 2010. Kenya invaded in 2011. Ethiopia sent troops in "
     "2006. Uganda leads the AU force. In 2012, the group pledged allegiance to al-Qaeda.",
     "the group", "Al-Shabaab"),
    # "the mercenaries": a private military company, past a nearer armed group
    ("The Wagner Group arrived in Mali in 2021. JNIM ambushed a convoy near Moura. The "
     "mercenaries later attacked JNIM.", "The mercenaries", "Wagner Group"),
    # "the de facto authorities": the one governing movement the text names
    ("The Taliban took Kabul in 2021. Several states said that TTP fighters receive "
     "weapons from the de facto authorities.", "the de facto authorities", "Taliban"),
    ("Saudi Arabia struck the Houthis in Sanaa. Aid agencies said the de facto "
     "authorities in Sanaa blocked the convoys.", "the de facto authorities", "Houthis"),
    # a fronted pronoun still points forward when a name follows the comma
    ("In its report, Iran denied arming the Houthis.", "its", "Iran"),
]

OPEN: list[tuple[str, str]] = [
    # two insurgent groups just named: "the insurgents" may be either
    ("Boko Haram and ISWAP fighters overran Baga. Chadian forces later attacked the "
     "insurgents.", "the insurgents"),
    # only a pro-government auxiliary before: no insurgent to point back to
    ("The VDP militia patrolled the road near Djibo. Burkinabè soldiers later attacked the "
     "insurgents.", "the insurgents"),
    ("The Wagner Group arrived in Bangui in 2018. Rwandan troops later clashed with the "
     "rebels.", "the rebels"),
    # a possessor of another actor is no referent, nor is the subject of the clause
    ("Funds from al-Qaeda's al-Furqan office in Doha, Qatar, have reached the group, "
     "officials said.", "the group"),
    ("A delegation of Hamas met the group in Doha.", "the group"),
    # nothing near, and two groups named as often
    ("Hamas fought in Gaza. Hezbollah shelled Israel. Hamas fired rockets. Hezbollah fired "
     "rockets too. Prices rose. Schools closed. In 2012, the group pledged allegiance to "
     "Iran.", "the group"),
    # a group's leadership in a capital is the group's, not that state's government
    ("Hezbollah's political leadership in Beirut met Iranian officials.",
     "political leadership in Beirut"),
    # no private military company named; or two
    ("JNIM ambushed a convoy near Moura. The mercenaries later attacked JNIM.",
     "The mercenaries"),
    ("The Wagner Group and the Africa Corps arrived in Mali. The mercenaries later "
     "attacked JNIM.", "The mercenaries"),
    # two governing movements named just before: either
    ("The Taliban took Kabul in 2021. The Houthis hold Sanaa. TTP fighters receive weapons "
     "from the de facto authorities.", "the de facto authorities"),
    # none named
    ("Al-Shabaab attacked Mogadishu. The de facto authorities in Laascaanood protested.",
     "the de facto authorities"),
    # a description far from any actor
    ("Hamas launched the raid from Gaza. The harvest was poor. Prices rose. Schools closed. "
     "Roads flooded. Power failed. Trade slowed. Iran later sent the militants money.",
     "the militants"),
    # several groups in the paragraph, none far more often named
    ("Hamas fired rockets. Hezbollah shelled Israel. The Houthis fired drones. The harvest "
     "was poor. Prices rose. Israel later struck the militants.", "the militants"),
]

FOUND: list[tuple[str, Expected]] = [
    ("Al-Shabaab is an insurgent group in Somalia. Despite its name, it has no link to "
     "Yemen's Houthis. The group pledged allegiance to al-Qaeda in 2012.",
     ("Al-Qaeda", "alliance", "Al-Shabaab")),
    ("The Allied Democratic Forces began as a Ugandan rebel group. The movement later "
     "moved its bases into eastern Congo. It pledged allegiance to the Islamic State in "
     "2019.", ("Allied Democratic Forces", "alliance",
               "Islamic State of Iraq and the Levant")),
    ("Boko Haram fighters overran Baga in 2015. The Wagner Group sent contractors to Mali "
     "in 2021. Chadian forces attacked the insurgents near the lake.",
     ("Chad", "hostility", "Boko Haram")),
    ("Hamas launched the raid from Gaza. Iran later sent the banned movement money.",
     ("Iran", "funding", "Hamas")),
    ("Jabhat al-Nusra was set up in 2011. Abu Bakr al-Baghdadi, then the leader of the "
     "Islamic State of Iraq, sent Syrian fighters home. Baghdadi's organisation provided "
     "the nascent front with money.",
     ("Islamic State of Iraq and the Levant", "funding", "Hay'at Tahrir al-Sham")),
    ("The leadership in Damascus armed Hezbollah.", ("Syria", "arms", "Hezbollah")),
    ("The Wagner Group arrived in Mali in 2021. JNIM ambushed a convoy near Moura. Mali "
     "later paid the mercenaries.", ("Mali", "funding", "Wagner Group")),
    ("The Taliban took Kabul in 2021. Several states said that TTP fighters receive "
     "weapons from the de facto authorities.",
     ("Taliban", "arms", "Tehrik-i-Taliban Pakistan")),
    ("Hezbollah fighters crossed the border. The Quds Force, based in Tehran, Iran, funded "
     "the group.", ("IRGC-Quds Force", "funding", "Hezbollah")),
    ("Jabhat al-Nusra, which Abu Muhammad al-Jolani founded in 2012, grew fast. Jolani's "
     "fighters later attacked Hezbollah.", ("Hay'at Tahrir al-Sham", "hostility", "Hezbollah")),
]

DEMONYMS: list[tuple[str, Expected]] = [
    ("Chadian special forces attacked Boko Haram near the lake.",
     ("Chad", "hostility", "Boko Haram")),
    ("Egyptian ground forces have shelled RSF positions.",
     ("Egypt", "hostility", "Rapid Support Forces")),
    ("Nigerian security forces killed ten Boko Haram fighters.",
     ("Nigeria", "hostility", "Boko Haram")),
    # the force noun is one slot with the demonym: the help goes to the state
    ("The United States provided Chadian special forces with intelligence.",
     ("United States", "intelligence", "Chad")),
    ("Turkey has trained Somali commandos since 2017.", ("Turkey", "training", "Somalia")),
    # coordinated with another demonym, and in a list of objects
    ("Mozambican and Rwandan security forces attacked ISMP near Palma.",
     ("Rwanda", "hostility", "Islamic State Mozambique Province")),
    ("The EU trained Mozambican special forces and Rwandan commandos.",
     ("European Union", "training", "Rwanda")),
    # a modifier between the demonym and its noun
    ("Iranian financial support for Hezbollah grew.", ("Iran", "funding", "Hezbollah")),
    # registry spellings
    ("Ivoirian troops attacked JNIM near the border.",
     ("Côte d'Ivoire", "hostility", "Jama'at Nusrat al-Islam wal-Muslimin")),
    ("Saudi Arabian jets struck the Houthis.", ("Saudi Arabia", "hostility", "Houthis")),
    # a shared demonym: the Congo the text names
    ("Congolese troops attacked the M23 near Goma.",
     ("Democratic Republic of the Congo", "hostility", "M23")),
    ("Brazzaville hosted the talks. Congolese soldiers later attacked the Ninja militia.",
     ("Republic of the Congo", "hostility", "Ninja militia")),
]

RECIPROCAL: list[tuple[str, Expected]] = [
    ("Hamas and Fatah signed a deal in Cairo in 2011. The two sides have since fought one "
     "another in Gaza.", ("Fatah", "hostility", "Hamas")),
    # the pair some sentence names together, not the last actor named
    ("Hamas and Fatah signed a deal in Cairo. Egypt hosted the talks. The former partners "
     "fought each other later.", ("Hamas", "hostility", "Fatah")),
    ("In 2016 the Seleka merged with the Anti-balaka to form a new bloc. The Seleka left "
     "within months, and the former allies have clashed with each other since.",
     ("Anti-balaka", "hostility", "Séléka")),
]

NOT_RECIPROCAL: list[tuple[str, Expected]] = [
    # the host of the talks is no party
    ("Hamas and Fatah signed a deal in Cairo. Egypt hosted the talks. The former partners "
     "fought each other later.", ("Egypt", "hostility", "Fatah")),
    # no reciprocal: the description is not read as the pair
    ("Hamas signed a deal with Fatah. The former partners later attacked Israel.",
     ("Fatah", "hostility", "Israel")),
    # one actor only
    ("Hamas held a rally in Gaza. The rival factions fought each other later.",
     ("Hamas", "hostility", "Hamas")),
]

BRANCHES: list[tuple[str, Expected]] = [
    ("ISIS's branch in Mozambique has attacked Mozambique's army.",
     ("Islamic State Mozambique Province", "hostility", "Mozambique Defence Armed Forces")),
    ("Al-Qaeda's affiliate in Yemen has attacked Saudi Arabia.",
     ("Al-Qaeda in the Arabian Peninsula", "hostility", "Saudi Arabia")),
    ("Iran has armed the Islamic State's branch in Somalia, officials said.",
     ("Iran", "arms", "Islamic State Somalia Province")),
]

NOT_BRANCH: list[tuple[str, Expected]] = [
    # no such branch in the registry: the group itself, and the place stays a place
    ("Hezbollah's branch in Venezuela attacked Colombia.",
     ("Hezbollah", "hostility", "Venezuela")),
    ("Al-Qaeda's branch in the Sahel attacked Mali.", ("Al-Qaeda", "hostility", "Sahel")),
]

NO_STATE: list[str] = [
    # a people, not its forces
    "Malian civilians fled JNIM near Gao.",
    "Rwandan refugees fled the FDLR.",
    "Somali traders paid al-Shabaab.",
    "Iranian political parties praised Hamas.",
    "The Houthis attacked a ship and killed three Filipino sailors.",
    # both Congos named: "Congolese" is neither
    "Kinshasa and Brazzaville held talks. Congolese soldiers attacked the M23.",
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # the insurgent group nearer is not "the mercenaries"
    ("The Wagner Group arrived in Mali in 2021. JNIM ambushed a convoy near Moura. Mali "
     "later paid the mercenaries.", ("Mali", "funding", "Jama'at Nusrat al-Islam wal-Muslimin")),
    ("Hezbollah's political leadership in Beirut thanked Iran for its support.",
     ("Lebanon", "alliance", "Iran")),
    # the help goes to the state's men, not as men sent to it
    ("The United States provided Chadian special forces with intelligence.",
     ("United States", "personnel", "Chad")),
    # the contractor is not "the insurgents"
    ("Boko Haram fighters overran Baga in 2015. The Wagner Group sent contractors to Mali "
     "in 2021. Chadian forces attacked the insurgents near the lake.",
     ("Chad", "hostility", "Wagner Group")),
    ("Al-Shabaab is an insurgent group in Somalia. Despite its name, it has no link to "
     "Yemen's Houthis. The group pledged allegiance to al-Qaeda in 2012.",
     ("Al-Qaeda", "alliance", "Houthis")),
    # "new" brings in another group
    ("Hamas launched the raid from Gaza. Iran later sent the new movement money.",
     ("Iran", "funding", "Hamas")),
    # "the front" alone is a battle line
    ("Hamas launched the raid from Gaza. Iran later sent fighters to the front.",
     ("Iran", "personnel", "Hamas")),
    # the leader only praised the group: his fighters are his own
    ("Jabhat al-Nusra, which Abu Muhammad al-Jolani praised in 2012, grew fast. Jolani's "
     "fighters later attacked Hezbollah.", ("Hay'at Tahrir al-Sham", "hostility", "Hezbollah")),
    # the subject of the clause is not the group it funds
    ("Jabhat al-Nusra was set up in 2011. Abu Bakr al-Baghdadi, then the leader of the "
     "Islamic State of Iraq, sent Syrian fighters home. Baghdadi's organisation provided "
     "the nascent front with money.",
     ("Islamic State of Iraq and the Levant", "funding", "Islamic State of Iraq and the Levant")),
]


@pytest.mark.parametrize(("text", "phrase", "name"), RESOLVED)
def test_reference_is_resolved(registry: Registry, text: str, phrase: str, name: str) -> None:
    assert referent(registry, text, phrase) == name


@pytest.mark.parametrize(("text", "phrase"), OPEN)
def test_reference_stays_open(registry: Registry, text: str, phrase: str) -> None:
    assert referent(registry, text, phrase) is None


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_claim_through_reference(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


@pytest.mark.parametrize(("text", "expected"), DEMONYMS)
def test_demonym_forces_are_the_state(claims_of: ClaimsOf, text: str,
                                      expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize("text", NO_STATE)
def test_people_are_not_the_state(claims_of: ClaimsOf, text: str) -> None:
    assert not positive_keys(claims_of, text)


@pytest.mark.parametrize(("text", "expected"), BRANCHES)
def test_possessive_branch_in_place(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_BRANCH)
def test_unknown_branch_is_no_actor(claims_of: ClaimsOf, text: str,
                                    unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


@pytest.mark.parametrize(("text", "expected"), RECIPROCAL)
def test_reciprocal_pair(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_RECIPROCAL)
def test_not_a_reciprocal_pair(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


# "X sanctioned / criticised Y over its ...": the reason is the target's, not the actor's.
REASON_POSSESSIVE: list[tuple[str, str, str]] = [
    ("The US imposed sanctions on Iran over its support for Hezbollah.", "its", "Iran"),
    ("The European Union sanctioned Russia last year for its support of the Houthis.",
     "its", "Russia"),
    ("Washington has accused Qatar of hosting Hamas and criticised Turkey over its ties to "
     "the group.", "its", "Turkey"),
    ("France penalised the Wagner Group for its abuses in Mali.", "its", "Wagner Group"),
    # near positives: no punitive act, or the act's agent after "by"
    ("The US announced new measures for its allies in Iraq.", "its", "United States"),
    ("Hezbollah was criticised by Iran for its support of Hamas.", "its", "Hezbollah"),
]
REASON_CLAIMS: list[tuple[str, Expected, Expected]] = [
    ("The US imposed sanctions on Iran over its support for Hezbollah.",
     ("Iran", "support", "Hezbollah"), ("United States", "support", "Hezbollah")),
    ("The European Union sanctioned Russia last year for its support of the Houthis.",
     ("Russia", "support", "Houthis"), ("European Union", "support", "Houthis")),
]

# A pronoun inside a relative clause is not that clause's own antecedent.
RELATIVE_PRONOUN: list[tuple[str, str, str]] = [
    ("Israel and the US, which arms it, attacked Iran.", "it", "Israel"),
    ("Hamas and Qatar, which funds it, met in Doha.", "it", "Hamas"),
    ("Iran and Syria, which it arms, attacked Israel.", "it", "Iran"),
    # near positives: the clause's subject speaking of itself, a pronoun after the clause
    ("Israel and the US, which says it will arm Hezbollah, met.", "it", "United States"),
    ("Russia backs the Houthis, which it arms.", "it", "Russia"),
]
RELATIVE_CLAIMS: list[tuple[str, Expected, Expected]] = [
    ("Israel and the US, which arms it, attacked Iran.",
     ("United States", "arms", "Israel"), ("Israel", "arms", "United States")),
    ("Hamas and Qatar, which funds it, met in Doha.",
     ("Qatar", "funding", "Hamas"), ("Hamas", "funding", "Qatar")),
]


@pytest.mark.parametrize(("text", "phrase", "name"), REASON_POSSESSIVE + RELATIVE_PRONOUN)
def test_pronoun_in_reason_or_relative_clause(registry: Registry, text: str, phrase: str,
                                              name: str) -> None:
    assert referent(registry, text, phrase) == name


@pytest.mark.parametrize(("text", "expected", "unexpected"), REASON_CLAIMS + RELATIVE_CLAIMS)
def test_claim_through_reason_or_relative_pronoun(claims_of: ClaimsOf, text: str,
                                                  expected: Expected,
                                                  unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found
    assert _key(unexpected) not in found, found


# Designation notices name people without a role word: the subject of "was designated"
# or the object of active "designated"/"sanctioned" is a person.
DESIGNATED_CLAIMS: list[tuple[str, Expected]] = [
    ("Amina Salat Hersi is being designated for acting for or on behalf of al-Shabaab.",
     ("Amina Salat Hersi", "support", "Al-Shabaab")),
    ("Treasury also designated Omar Bashir Qasim, who moved funds to ISIS-Somalia.",
     ("Omar Bashir Qasim", "funding", "Islamic State Somalia Province")),
    ("On Monday Farah Abdi Warsame was designated for providing financial support to "
     "al-Shabaab.", ("Farah Abdi Warsame", "funding", "Al-Shabaab")),
    ("The State Department sanctioned Yusuf Ali Dheere, who sent weapons to Hamas.",
     ("Yusuf Ali Dheere", "arms", "Hamas")),
]
DESIGNATED_PEOPLE: list[tuple[str, set[str]]] = [
    ("Ahmed Ali was designated Specially Designated Global Terrorist for arming Hezbollah.",
     {"Ahmed Ali"}),
    # near misses: a known group, a category, a state's airline, one word, no clue at all
    ("Hurras al-Din was designated for its ties to al-Qaeda.", set()),
    ("Treasury designated Foreign Terrorist Organization leaders who funded Hamas.", set()),
    ("The US sanctioned Iran Air for shipping weapons to Hezbollah.", set()),
    ("Treasury designated Hassan, who moved funds to Hamas.", set()),
    ("Abdi Nur Farah, who funds al-Shabaab, met officials in Nairobi.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DESIGNATED_CLAIMS)
def test_designated_person_acts(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "people"), DESIGNATED_PEOPLE)
def test_designated_people_only(registry: Registry, text: str, people: set[str]) -> None:
    named, actors = find_mentions(text, registry)
    found = {actors[m.actor].name for m in named
             if actors[m.actor].kind is ActorKind.PERSON}
    assert found == people


# --- an object pronoun is never its own clause's subject -----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Al-Shabaab has survived two decades. Eritrea funded them in its early years.",
     ("Eritrea", "funding", "Al-Shabaab")),
    ("Hezbollah grew fast in the 1980s. Iran arms it and trains it to this day.",
     ("Iran", "arms", "Hezbollah")),
    ("The Houthis are now a regional power. Tehran has armed them for a decade.",
     ("Iran", "arms", "Houthis")),
    ("Al-Shabaab lost ground in 2012. The militants regrouped, and Eritrea funded them.",
     ("Eritrea", "funding", "Al-Shabaab")),
    ("Al-Shabaab lost ground in 2012. Kenya says Eritrea arms them and Qatar funds them.",
     ("Eritrea", "arms", "Al-Shabaab")),
])
def test_an_object_pronoun_points_past_its_clause_subject(claims_of: ClaimsOf, text: str,
                                                          expected: tuple[str, str, str]
                                                          ) -> None:
    found = {(s, r, o) for s, r, o, m in claims_of(text) if m in {"asserted", "reported"}}
    assert expected in found
    assert not any(o == "Kenya" for _, _, o in found), found


@pytest.mark.parametrize("text", [
    # the thing just named, not an actor
    "The Houthis fired missiles at ships. Iran supplied them, the panel said.",
    # a reflexive is its subject's: no claim of the subject on itself or on others
    "Hezbollah is strong. The UAE has absolved itself of any role.",
])
def test_an_object_pronoun_without_an_actor_antecedent_gives_nothing(claims_of: ClaimsOf,
                                                                     text: str) -> None:
    assert not {(s, r, o) for s, r, o, m in claims_of(text) if r != "hostility"}
