"""The clause reader (loaders/pipeline/clauses.py): constructions the regex rules break
on, read from subject, verb group and the verb's frame; and the near misses it must
leave alone (wrong direction, a place, a recommendation, a hypothesis, a denial, a
subject inside a prepositional phrase, two clauses with different subjects).

Sentences are invented. The first part reads masked sentences directly (slots ⟪n⟫);
the second runs the whole pipeline, where the reader is a fallback after the rules.
"""

from __future__ import annotations

import pytest

from graph.relations import Relation
from loaders.pipeline.clauses import read, tokenize
from tests.extraction.conftest import ClaimsOf, positive

Triple = tuple[int, str, int]


def triples(masked: str) -> set[Triple]:
    return {(r.subject, r.relation.value, r.object) for r in read(masked)}


READS: list[tuple[str, Triple]] = [
    # a relative clause whose subject is its antecedent
    ("⟪0⟫, which has long supplied ⟪1⟫ with mortars and rifles, rejects the charge.",
     (0, "arms", 1)),
    ("⟪0⟫ forces, who have repeatedly shelled ⟪1⟫ positions, withdrew.", (0, "hostility", 1)),
    ("⟪0⟫ and ⟪2⟫, which financed ⟪1⟫ openly, deny it.", (2, "funding", 1)),
    # a participle clause continuing the main clause's subject
    ("⟪0⟫ has expanded its footprint in the region, providing ⟪1⟫ with drones.",
     (0, "arms", 1)),
    ("⟪0⟫ opened a second front last spring, attacking ⟪1⟫ outposts along the river.",
     (0, "hostility", 1)),
    # an adverb inside the verb group
    ("⟪0⟫ has since armed ⟪1⟫ with attack drones.", (0, "arms", 1)),
    # passives with an agent
    ("⟪1⟫ recruits were trained by ⟪0⟫ instructors at a desert camp.", (0, "training", 1)),
    ("⟪1⟫ has been funded by ⟪0⟫ since the war began.", (0, "funding", 1)),
    ("⟪1⟫, which was armed by ⟪0⟫, grew quickly.", (0, "arms", 1)),
    ("Most of the rifles had been shipped by ⟪0⟫ to ⟪1⟫ in 2015.", (0, "arms", 1)),
    ("Cash was later transferred to ⟪1⟫ by ⟪0⟫ couriers.", (0, "funding", 1)),
    ("⟪1⟫ was supplied with drones by ⟪0⟫ in May.", (0, "arms", 1)),
    ("⟪0⟫ and ⟪2⟫ killed dozens of ⟪1⟫ soldiers.", (2, "hostility", 1)),
    # provide-verbs: "Y with Z", "Z to Y", two objects, an object named by example
    ("⟪0⟫ officers supplied armed groups, including ⟪1⟫ and ⟪2⟫, with ammunition.",
     (0, "arms", 2)),
    ("⟪0⟫ officers supplied armed groups, including ⟪1⟫ and ⟪2⟫, with ammunition.",
     (0, "arms", 1)),
    ("⟪0⟫ supplied ⟪3⟫ factions, including ⟪1⟫ and ⟪2⟫, with rifles.", (0, "arms", 2)),
    ("⟪0⟫ supplied ⟪3⟫ factions, including ⟪1⟫ and ⟪2⟫, with rifles.", (0, "arms", 3)),
    ("⟪0⟫ continued to deliver fuel, heavy weapons and logistical support to ⟪1⟫.",
     (0, "support", 1)),
    ("⟪0⟫ continued to deliver fuel, heavy weapons and logistical support to ⟪1⟫.",
     (0, "arms", 1)),
    ("⟪0⟫ quietly gave ⟪1⟫ money and rockets.", (0, "funding", 1)),
    # money named by an amount; coordinated verbs sharing subject and object
    ("⟪0⟫ has provided ⟪1⟫ with more than $60 billion in military aid.", (0, "support", 1)),
    ("⟪0⟫ transferred millions of dollars to ⟪1⟫ last year.", (0, "funding", 1)),
    ("⟪0⟫, which has armed and funded ⟪1⟫ for decades, denied it.", (0, "arms", 1)),
    ("⟪0⟫, which has armed and funded ⟪1⟫ for decades, denied it.", (0, "funding", 1)),
    ("⟪0⟫ trained, armed and financed ⟪1⟫ militias.", (0, "training", 1)),
    # coordinated verbs sharing the subject
    ("⟪0⟫ swore loyalty to its founders and later fought ⟪1⟫ near the coast.",
     (0, "hostility", 1)),
    ("⟪0⟫ seized the port and then armed ⟪1⟫ militias.", (0, "arms", 1)),
    # a sentence opening with passive participles and their agent
    ("Armed and trained by ⟪0⟫, ⟪1⟫ grew into a regional force.", (0, "training", 1)),
    ("Backed by ⟪0⟫ and ⟪2⟫, ⟪1⟫ advanced on the capital.", (2, "support", 1)),
    # receiving: the giver after "from"
    ("⟪1⟫, which received millions of dollars from ⟪0⟫, denied wrongdoing.",
     (0, "funding", 1)),
    ("⟪1⟫ has obtained rockets from ⟪0⟫ since 2019.", (0, "arms", 1)),
    # a verb of aspect before a gerund
    ("⟪0⟫ began arming ⟪1⟫ in 2014.", (0, "arms", 1)),
    ("⟪0⟫, which resumed funding ⟪1⟫ last year, denies it.", (0, "funding", 1)),
    # an aside between the subject and its verb
    ("⟪0⟫, backed by ⟪1⟫, attacked ⟪2⟫ in May.", (0, "hostility", 2)),
    ("⟪0⟫, along with ⟪1⟫, has shelled ⟪2⟫ for weeks.", (0, "hostility", 2)),
    ("Officials said that ⟪0⟫, which ⟪1⟫ backed, attacked ⟪2⟫.", (0, "hostility", 2)),
    # lists of objects and subjects; "fought against"
    ("⟪0⟫ has bombed ⟪1⟫, ⟪2⟫ and ⟪3⟫ in recent weeks.", (0, "hostility", 3)),
    ("⟪0⟫ and ⟪2⟫ have trained ⟪1⟫ for a decade.", (2, "training", 1)),
    ("⟪0⟫, ⟪3⟫, and ⟪2⟫ have trained ⟪1⟫ for a decade.", (3, "training", 1)),
    ("⟪0⟫ fought against ⟪1⟫ for most of the decade.", (0, "hostility", 1)),
    # catenatives before the verb, a report of someone's deed
    ("⟪0⟫ is believed to have trained ⟪1⟫ cadres.", (0, "training", 1)),
    ("⟪2⟫ said ⟪0⟫ had quietly financed ⟪1⟫.", (0, "funding", 1)),
]


@pytest.mark.parametrize(("masked", "expected"), READS)
def test_reads(masked: str, expected: Triple) -> None:
    assert expected in triples(masked)


NOT_READ: list[tuple[str, Triple]] = [
    # wrong direction: the patient of a passive is no agent
    ("⟪1⟫ recruits were trained by ⟪0⟫ instructors.", (1, "training", 0)),
    ("⟪0⟫, which was armed by ⟪1⟫, grew quickly.", (0, "arms", 1)),
    # a place inside a prepositional phrase is not the object
    ("⟪0⟫ fought in ⟪1⟫ for two years.", (0, "hostility", 1)),
    ("⟪0⟫ bombed targets in ⟪1⟫ overnight.", (0, "hostility", 1)),
    ("⟪0⟫ has fought alongside ⟪1⟫ for years.", (0, "hostility", 1)),
    # subject inside a prepositional phrase
    ("Militias in ⟪0⟫ attacked ⟪1⟫ bases.", (0, "hostility", 1)),
    ("The envoy of ⟪0⟫ backed ⟪1⟫ at the summit.", (0, "support", 1)),
    ("Support from ⟪0⟫ helped ⟪1⟫ recover.", (0, "support", 1)),
    # an antecedent inside a prepositional phrase: "which" may be the shipments
    ("The shipments came from ⟪0⟫ and ⟪2⟫, which financed ⟪1⟫ openly.", (2, "funding", 1)),
    # a possessor of a non-actor noun
    ("⟪0⟫'s ambassador praised ⟪1⟫, recalling ties.", (0, "support", 1)),
    # infinitive after another's request: the asked party is not the doer
    ("⟪0⟫ asked ⟪2⟫ to arm ⟪1⟫.", (0, "arms", 1)),
    ("⟪0⟫'s decision to arm ⟪1⟫ surprised observers.", (0, "arms", 1)),
    # denial by a verb before the gerund
    ("⟪0⟫ denied supplying ⟪1⟫ with rifles.", (0, "arms", 1)),
    # two clauses with different subjects
    ("⟪0⟫ attacked ⟪1⟫ and ⟪2⟫ retaliated.", (0, "hostility", 2)),
    ("⟪0⟫ was attacked by ⟪2⟫, killing ⟪1⟫ officers.", (0, "hostility", 1)),
    ("⟪0⟫ said that ⟪2⟫ ousted the council, arming ⟪1⟫.", (0, "arms", 1)),
    ("⟪0⟫ accused ⟪2⟫ of plotting, and armed ⟪1⟫.", (2, "arms", 1)),
    # nouns after a name are not verbs
    ("⟪0⟫ support for ⟪1⟫ has grown.", (0, "support", 1)),
    ("⟪0⟫ fighting ⟪1⟫ is a daily event.", (0, "hostility", 1)),
    # a past form used as an adjective
    ("⟪0⟫ armed groups entered ⟪1⟫.", (0, "arms", 1)),
    # a passive provide-verb names no giver without "by"; the seizer is no giver
    ("Rifles were shipped to ⟪1⟫ from ⟪0⟫.", (0, "arms", 1)),
    ("Rifles sent to ⟪1⟫ were seized by ⟪0⟫.", (0, "arms", 1)),
    ("⟪2⟫ was sent to ⟪1⟫ by ⟪0⟫ as an envoy.", (0, "personnel", 1)),
    # a number of people is no money; verbs of different subjects share nothing
    ("⟪0⟫ lent 2 million people to ⟪1⟫.", (0, "funding", 1)),
    ("⟪0⟫ attacked and ⟪2⟫ backed ⟪1⟫.", (0, "hostility", 1)),
    # a fronted agent backs the subject, not a possessor; nor the other way round
    ("Backed by ⟪0⟫, ⟪1⟫'s allies advanced.", (0, "support", 1)),
    ("Backed by ⟪0⟫, ⟪1⟫ attacked ⟪2⟫.", (1, "support", 0)),
    ("Backed by ⟪0⟫, ⟪1⟫ attacked ⟪2⟫.", (0, "support", 2)),
    # receiving a visit, or from someone's fighters, or a denial of it
    ("⟪1⟫ received a delegation from ⟪0⟫.", (0, "support", 1)),
    ("⟪1⟫ received weapons from fighters of ⟪0⟫.", (0, "arms", 1)),
    ("⟪1⟫ denied receiving weapons from ⟪0⟫.", (0, "arms", 1)),
    ("⟪1⟫ received weapons from ⟪0⟫.", (1, "arms", 0)),
    # stopping is no verb of aspect
    ("⟪0⟫ stopped arming ⟪1⟫ in 2014.", (0, "arms", 1)),
    # the subject of a relative clause does not act in the main clause
    ("Officials said that ⟪0⟫, which ⟪1⟫ backed, attacked ⟪2⟫.", (1, "hostility", 2)),
    ("Officials said that ⟪0⟫, which ⟪1⟫ backed, attacked ⟪2⟫.", (1, "support", 2)),
    ("The militia, backed by ⟪1⟫, attacked ⟪2⟫.", (1, "hostility", 2)),
    ("Support from ⟪0⟫, ⟪1⟫ said, helped ⟪2⟫.", (0, "support", 2)),
    # a comma is no list without a closing "and": the reporter is no object
    ("⟪0⟫ attacked ⟪1⟫ positions and sheltered ⟪2⟫, ⟪3⟫ said.", (0, "safe_haven", 3)),
    ("⟪0⟫ sheltered ⟪2⟫, ⟪3⟫ claimed.", (0, "safe_haven", 3)),
    ("According to ⟪2⟫, ⟪0⟫ attacked ⟪1⟫.", (2, "hostility", 1)),
    # a theme with no relation noun
    ("⟪0⟫ sent a delegation to ⟪1⟫.", (0, "support", 1)),
]


@pytest.mark.parametrize(("masked", "absent"), NOT_READ)
def test_near_misses(masked: str, absent: Triple) -> None:
    assert absent not in triples(masked)


def test_demonym_before_a_thing_names_no_party() -> None:
    # "provided Qatari drones to Y": Qatar receives nothing; Y does
    found = {(r.subject, r.relation.value, r.object)
             for r in read("⟪0⟫ provided ⟪1⟫ drones to ⟪2⟫.", frozenset({1}))}
    assert (0, "arms", 1) not in found
    assert (0, "arms", 2) in found
    # a demonym before a group noun or its aircraft acting is the state itself
    assert (0, "hostility", 2) in {
        (r.subject, r.relation.value, r.object)
        for r in read("⟪0⟫ drones have struck ⟪2⟫ positions.", frozenset({0}))}


def test_tokens_keep_offsets() -> None:
    text = "⟪0⟫'s troops, which ⟪12⟫ trained, fought."
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text
    slots = [t for t in tokenize(text) if t.is_slot]
    assert [(t.slot, t.possessive) for t in slots] == [(0, True), (12, False)]


def test_frame_names_the_construction() -> None:
    (r,) = [r for r in read("⟪1⟫ were trained by ⟪0⟫ instructors.")]
    assert r.relation is Relation.TRAINING
    assert r.frame.startswith("passive-")


def test_theme_lists() -> None:
    masked = "⟪0⟫ sent " + ", ".join(["rifles", "fuel", "cash", "mortars"]) + " and food to ⟪1⟫."
    assert {(0, "arms", 1), (0, "funding", 1)} <= triples(masked)
    # a theme is read over a bounded window: a list of 400 nouns gives no claim
    masked = "⟪0⟫ sent " + ", ".join(["rifles"] * 400) + " and rockets to ⟪1⟫."
    assert triples(masked) == set()


# --- whole pipeline: a fallback after the rules, with modality ---------------------

# Each of these is missed by the rules alone: the reader's fallback finds it.
FOUND: list[tuple[str, tuple[str, str, str]]] = [
    ("Iran expanded its role in Yemen over the decade, supplying the Houthis with "
     "drones and ballistic missiles.", ("Iran", "arms", "Houthis")),
    ("Turkey expanded its footprint in Libya, sending drones, mercenaries and advisers to "
     "the Government of National Accord.", ("Turkey", "arms", "Government of National Accord")),
    ("The drones were delivered by Iran to Russia in 2022.", ("Iran", "arms", "Russia")),
    ("Armed and trained by Iran, Hezbollah grew into a regional force.",
     ("Iran", "training", "Hezbollah")),
    ("Turkey, along with Qatar, has backed the Government of National Accord.",
     ("Turkey", "support", "Government of National Accord")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_pipeline_reads(claims_of: ClaimsOf, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in positive(claims_of(text))


NOT_FOUND: list[tuple[str, tuple[str, str, str]]] = [
    # recommendation, hypothesis, denial: marked by the modality code, never positive
    ("Rwanda, which should stop supplying the M23 with mortars, rejects the charge.",
     ("Rwanda", "arms", "M23")),
    ("Iran expanded its role in Yemen, and could start supplying the Houthis with drones.",
     ("Iran", "arms", "Houthis")),
    ("Hezbollah has never trained Hamas fighters, officials in Beirut insisted.",
     ("Hezbollah", "training", "Hamas")),
    # wrong direction of a passive
    ("Hamas cadres were trained by Hezbollah instructors at a camp near Baalbek.",
     ("Hamas", "training", "Hezbollah")),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_pipeline_near_misses(claims_of: ClaimsOf, text: str,
                              absent: tuple[str, str, str]) -> None:
    assert absent not in positive(claims_of(text))
