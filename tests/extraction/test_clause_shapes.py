"""Clause shapes the reader of loaders/pipeline/clauses.py added in the fifth session:
object relative clauses, "Y depends on X for Z", "with the support of X", an
infinitive of purpose after a provide-verb, a passive provide-verb whose theme opens
the sentence; and a two-member "A, and B" that is no list. Each with near misses.

Sentences are invented; masked sentences (slots ⟪n⟫) are read directly, the last part
runs the whole pipeline (the reader is a fallback after the rules, with modality).
"""

from __future__ import annotations

import pytest

from loaders.pipeline.clauses import read
from tests.extraction.conftest import ClaimsOf, positive

Triple = tuple[int, str, int]


def triples(masked: str) -> set[Triple]:
    return {(r.subject, r.relation.value, r.object) for r in read(masked)}


READS: list[tuple[str, Triple]] = [
    # object relative clauses: the antecedent is the object, the inner slot the subject
    ("⟪0⟫ backs ⟪1⟫, a militia which ⟪2⟫ has long equipped.", (2, "support", 1)),
    ("⟪1⟫, which ⟪0⟫ trained in the 1990s, later split.", (0, "training", 1)),
    ("The report names ⟪1⟫, a network of cells that ⟪0⟫ funds, trains and arms.",
     (0, "training", 1)),
    ("The report names ⟪1⟫, a network of cells that ⟪0⟫ funds, trains and arms.",
     (0, "arms", 1)),
    ("The report names ⟪1⟫, a network of cells that ⟪0⟫ funds, trains and arms.",
     (0, "funding", 1)),
    ("⟪1⟫ fighters, whom ⟪0⟫ instructors had trained, crossed the river.",
     (0, "training", 1)),
    ("⟪1⟫, which ⟪0⟫ and ⟪2⟫ have financed for years, denies it.", (2, "funding", 1)),
    ("⟪1⟫, which ⟪0⟫ supplied with rockets in 2019, fired them at ⟪2⟫.", (0, "arms", 1)),
    ("⟪1⟫, which ⟪0⟫ attacked in March, has regrouped.", (0, "hostility", 1)),
    ("The threat posed by ⟪1⟫, which ⟪0⟫ has armed, grows.", (0, "arms", 1)),
    ("⟪0⟫ arms ⟪1⟫, an umbrella of factions that ⟪2⟫ also finances.", (2, "funding", 1)),
    # "Y depends on X for Z": X gives Z to Y
    ("⟪1⟫ depends on ⟪0⟫ for weapons and training.", (0, "arms", 1)),
    ("⟪1⟫ depends on ⟪0⟫ for weapons and training.", (0, "training", 1)),
    ("⟪1⟫ has long relied on ⟪0⟫ and ⟪2⟫ for funding.", (2, "funding", 1)),
    ("⟪1⟫ remains heavily reliant on ⟪0⟫ for ammunition.", (0, "arms", 1)),
    ("⟪1⟫ fighters are dependent on ⟪0⟫ for safe passage.", (0, "facilitation", 1)),
    # "with the support of X": X supports the clause's subject
    ("⟪1⟫ took the town in May, with the backing of ⟪0⟫.", (0, "support", 1)),
    ("⟪1⟫ has operated there for years, with the tolerance and at times the active "
     "protection of ⟪0⟫'s security forces.", (0, "support", 1)),
    ("⟪1⟫ attacked ⟪2⟫ with the support of ⟪0⟫.", (0, "support", 1)),
    ("⟪1⟫ overran the base with the financial support of ⟪0⟫ and ⟪2⟫.", (2, "funding", 1)),
    ("⟪1⟫ attacked ⟪2⟫ in 2021 with ⟪0⟫'s tacit support.", (0, "support", 1)),
    ("With ⟪0⟫'s backing, ⟪1⟫ has seized the port.", (0, "support", 1)),
    ("With the help of ⟪0⟫ and ⟪2⟫, ⟪1⟫ captured the town.", (2, "support", 1)),
    ("⟪2⟫ said ⟪1⟫ fighters, with ⟪0⟫'s help, had crossed.", (0, "support", 1)),
    # an infinitive of purpose after a provide-verb: the sender's deed
    ("⟪0⟫ sent about 300 contractors to support ⟪1⟫ in 2019.", (0, "support", 1)),
    ("⟪0⟫ sent about 300 contractors to support ⟪1⟫ in 2019.", (0, "personnel", 1)),
    ("⟪0⟫ has deployed advisers and drones to assist ⟪1⟫.", (0, "support", 1)),
    ("⟪0⟫ sent two battalions to fight ⟪1⟫ near the border.", (0, "hostility", 1)),
    # a passive provide-verb whose theme opens the sentence, past an aside
    ("A rifle, recovered after a clash near the town in 2024, had been delivered by ⟪0⟫ to "
     "⟪1⟫ in 2013.", (0, "arms", 1)),
    ("The mortar rounds, serial numbers show, were shipped by ⟪0⟫ to ⟪1⟫.",
     (0, "arms", 1)),
]


@pytest.mark.parametrize(("masked", "expected"), READS)
def test_reads(masked: str, expected: Triple) -> None:
    assert expected in triples(masked)


NOT_READ: list[tuple[str, Triple]] = [
    # two relative clauses: "A, and B" is no list, B is no object of A's verb
    ("The war pits ⟪0⟫, which arms ⟪1⟫, and ⟪2⟫, which bombs ⟪3⟫.", (0, "arms", 2)),
    ("The war pits ⟪0⟫, which arms ⟪1⟫, and ⟪2⟫, which bombs ⟪3⟫.", (1, "hostility", 3)),
    ("⟪0⟫, which armed ⟪1⟫, and ⟪2⟫ met in May.", (0, "arms", 2)),
    # a subject relative clause: the antecedent acts, it is not acted on
    ("⟪1⟫, which attacked ⟪0⟫ in May, has regrouped.", (0, "hostility", 1)),
    # an object relative clause with its own object: the antecedent is no object
    ("⟪1⟫, which ⟪0⟫ said armed ⟪2⟫, denies it.", (0, "arms", 1)),
    ("⟪1⟫, which ⟪0⟫ has armed ⟪2⟫ against, denies it.", (0, "arms", 1)),
    # a stranded preposition: fought alongside / against the antecedent
    ("⟪1⟫, which ⟪0⟫ fought alongside, has regrouped.", (0, "hostility", 1)),
    # a passive inside the relative clause
    ("⟪1⟫, which ⟪0⟫ was armed by, has regrouped.", (0, "arms", 1)),
    # "that" after a verb of saying or telling is no relative pronoun
    ("Officials told ⟪1⟫ that ⟪0⟫ had attacked.", (0, "hostility", 1)),
    ("⟪1⟫ warned that ⟪0⟫ had armed.", (0, "arms", 1)),
    # an antecedent inside a prepositional phrase: "which" may be the offensive
    ("⟪2⟫ joined the offensive against ⟪1⟫, which ⟪0⟫ funded.", (0, "funding", 1)),
    # an apposition that names an event or a claim, not a body of people
    ("⟪1⟫ attacked ⟪2⟫, a move that ⟪0⟫ backed.", (0, "support", 2)),
    ("⟪1⟫ accused ⟪2⟫, a charge which ⟪0⟫ supported.", (0, "support", 2)),
    # "the offensive by X, which": the offensive may be what was funded
    ("⟪2⟫ joined the offensive by ⟪1⟫, which ⟪0⟫ funded.", (0, "funding", 1)),
    # a provide-verb in an object relative clause needs a theme that names a relation
    ("⟪1⟫, which ⟪0⟫ supplied with food, has regrouped.", (0, "support", 1)),
    # depend on X for something that is no relation; on X's ports; wrong direction
    ("⟪1⟫ depends on ⟪0⟫ for oil and trade.", (0, "support", 1)),
    ("⟪1⟫ depends on ⟪0⟫'s ports for weapons.", (0, "arms", 1)),
    ("⟪1⟫ depends on ⟪0⟫ for weapons.", (1, "arms", 0)),
    ("⟪1⟫ depends on ⟪0⟫ to supply weapons.", (0, "arms", 1)),
    # "with the support of X" after a thing, or without it, or of an object
    ("⟪1⟫ attacked a base built with the help of ⟪0⟫.", (0, "support", 1)),
    ("⟪1⟫ attacked ⟪2⟫ without the support of ⟪0⟫.", (0, "support", 1)),
    ("⟪1⟫ attacked ⟪2⟫ with the support of ⟪0⟫.", (0, "support", 2)),
    ("⟪1⟫ attacked ⟪2⟫, which acts with the support of ⟪0⟫.", (0, "support", 1)),
    ("⟪1⟫ took the town with the tolerance of ⟪0⟫.", (0, "support", 1)),
    ("⟪1⟫ attacked ⟪2⟫ with ⟪0⟫'s weapons.", (0, "arms", 1)),
    ("⟪1⟫ fought with ⟪0⟫'s forces.", (0, "personnel", 1)),
    ("⟪1⟫ attacked a base built with ⟪0⟫'s help.", (0, "support", 1)),
    ("With ⟪0⟫'s support, ⟪1⟫'s allies took the port.", (0, "support", 1)),
    ("⟪2⟫ said ⟪1⟫ fighters, with ⟪0⟫'s help, had crossed.", (0, "support", 2)),
    # purpose: fighting Y is no support of Y; a slot sent is an envoy; a request
    ("⟪0⟫ sent two battalions to fight ⟪1⟫ near the border.", (0, "support", 1)),
    ("⟪0⟫ sent two battalions to fight ⟪1⟫ near the border.", (0, "personnel", 1)),
    ("⟪0⟫ sent ⟪2⟫ to support ⟪1⟫.", (0, "support", 1)),
    ("⟪0⟫ asked ⟪2⟫ to support ⟪1⟫.", (0, "support", 1)),
    ("⟪0⟫ sent a delegation to support ⟪1⟫ talks.", (0, "personnel", 1)),
    # a thing between the verb and the actor: weapons used against Y
    ("⟪0⟫ supplied the weapons used against ⟪1⟫.", (0, "arms", 1)),
    # a passive provide-verb: the theme must open the sentence, with no actor in the aside
    ("Rifles, which ⟪2⟫ seized, had been delivered by ⟪0⟫ to ⟪1⟫.", (0, "arms", 1)),
    ("In 2013, officials said, talks were offered by ⟪0⟫ to ⟪1⟫.", (0, "arms", 1)),
]


@pytest.mark.parametrize(("masked", "absent"), NOT_READ)
def test_near_misses(masked: str, absent: Triple) -> None:
    assert absent not in triples(masked)


# --- whole pipeline: a fallback after the rules, with modality ---------------------

FOUND: list[tuple[str, tuple[str, str, str]]] = [
    ("Rwanda has backed the M23, a militia which Uganda has long equipped.",
     ("Uganda", "support", "M23")),
    ("Hamas depends on Iran and Hezbollah for training.", ("Hezbollah", "training", "Hamas")),
    ("The Houthis have relied on Iran for ballistic missiles since 2015.",
     ("Iran", "arms", "Houthis")),
    ("Al-Shabaab has held the district for years, with the tacit protection of Eritrea.",
     ("Eritrea", "support", "Al-Shabaab")),
    ("The Wagner Group sent about 300 contractors to support the Libyan National Army "
     "in 2019.", ("Wagner Group", "support", "Libyan National Army")),
    # an apposition the rules drop once read is read by the clause reader before it goes
    ("Qatar's closest partner is Hamas, a movement that Iran funds, trains and arms.",
     ("Iran", "training", "Hamas")),
    ("Hezbollah, which Iran trained in the 1980s, later split.",
     ("Iran", "training", "Hezbollah")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_pipeline_reads(claims_of: ClaimsOf, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in positive(claims_of(text))


NOT_FOUND: list[tuple[str, tuple[str, str, str]]] = [
    # negation and hypothesis still reach the reader's claims through modality
    ("The Houthis no longer depend on Iran for weapons, officials said.",
     ("Iran", "arms", "Houthis")),
    ("Hamas could rely on Hezbollah for training if the war widens.",
     ("Hezbollah", "training", "Hamas")),
    ("Rwanda backs the M23, a militia which Uganda has never equipped.",
     ("Uganda", "support", "M23")),
    # two relative clauses side by side
    ("The war pits Iran, which arms the Houthis, and Saudi Arabia, which bombs them.",
     ("Iran", "arms", "Saudi Arabia")),
    # the text before a rewrite dropped an actor is read for object relative clauses only
    ("The claim that Iran armed the Houthis is backed by UN evidence, which Russia disputes.",
     ("United Nations", "support", "Houthis")),
    ("The United States backed the UN resolution, which Russia attacked.",
     ("Russia", "hostility", "United Nations")),
    # sending fighters to fight Y is no support of Y
    ("Russia sent 300 contractors to fight the Islamic State.",
     ("Russia", "support", "Islamic State of Iraq and the Levant")),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_pipeline_near_misses(claims_of: ClaimsOf, text: str,
                              absent: tuple[str, str, str]) -> None:
    assert absent not in positive(claims_of(text))


ACCUSED: list[tuple[str, Triple, Triple]] = [
    # "Y, which X accuses Z of arming": Z arms Y; the accuser X does nothing to Y
    ("⟪1⟫, which ⟪0⟫ accuses ⟪2⟫ of arming, denies it.", (2, "arms", 1), (0, "arms", 1)),
    ("It backs ⟪1⟫, a militia that ⟪0⟫ has accused ⟪2⟫ of funding and training.",
     (2, "training", 1), (0, "training", 1)),
]


@pytest.mark.parametrize(("masked", "expected", "absent"), ACCUSED)
def test_accused_of(masked: str, expected: Triple, absent: Triple) -> None:
    found = triples(masked)
    assert expected in found
    assert absent not in found


def test_accused_of_near_misses() -> None:
    # accused of arming another: the antecedent is no object
    assert (2, "arms", 1) not in triples("⟪1⟫, which ⟪0⟫ accuses ⟪2⟫ of arming ⟪3⟫, denies it.")
    # a finite verb after "of" is no accusation's content
    assert triples("⟪1⟫, which ⟪0⟫ accuses ⟪2⟫ of armed robbery, denies it.") == set()


def test_accusation_in_a_relative_clause_is_reported(claims_of: ClaimsOf) -> None:
    found = claims_of("Hamas, which Israel accuses Iran of arming, fired rockets at Israel.")
    assert ("Iran", "arms", "Hamas", "reported") in found
    assert not any(s == "Israel" and r == "arms" for s, r, _, _ in found)


def test_examples_with_a_group_noun() -> None:
    found = triples("⟪0⟫ officers supplied ⟪1⟫ groups, including ⟪2⟫ factions and ⟪3⟫, "
                    "with ammunition.")
    assert {(0, "arms", 1), (0, "arms", 2), (0, "arms", 3)} <= found
    assert (0, "hostility", 3) in triples("⟪0⟫ attacked rival outfits, such as ⟪2⟫ units and ⟪3⟫.")
    # an example list ends where a new clause begins
    assert (0, "hostility", 3) not in triples(
        "⟪0⟫ attacked rival outfits, including ⟪2⟫ fighters, and ⟪3⟫ retaliated.")
    assert (0, "hostility", 3) not in triples(
        "⟪0⟫ attacked rival outfits, including ⟪2⟫ and ⟪3⟫ officials said.")


ALLOWED: list[tuple[str, Triple]] = [
    ("⟪0⟫ allowed ⟪1⟫ to move fuel through the border crossing.", (0, "facilitation", 1)),
    ("⟪0⟫ has long permitted ⟪1⟫ fighters to cross into ⟪2⟫.", (0, "facilitation", 1)),
    ("⟪0⟫, which let ⟪1⟫ fighters enter the town, denies it.", (0, "facilitation", 1)),
]


@pytest.mark.parametrize(("masked", "expected"), ALLOWED)
def test_allowed_to_move(masked: str, expected: Triple) -> None:
    assert expected in triples(masked)


NOT_ALLOWED: list[tuple[str, Triple]] = [
    # wrong direction, no mover named, a verb that is no movement, a passive
    ("⟪0⟫ allowed ⟪1⟫ to move fuel through the border crossing.", (1, "facilitation", 0)),
    ("⟪0⟫ allowed the talks to move forward with ⟪1⟫.", (0, "facilitation", 1)),
    ("⟪0⟫ allowed ⟪1⟫ to decide the matter.", (0, "facilitation", 1)),
    ("⟪1⟫ was allowed to cross by ⟪0⟫.", (0, "facilitation", 1)),
    ("Officials of ⟪0⟫ allowed ⟪1⟫ to cross.", (0, "facilitation", 1)),
]


@pytest.mark.parametrize(("masked", "absent"), NOT_ALLOWED)
def test_allowed_near_misses(masked: str, absent: Triple) -> None:
    assert absent not in triples(masked)


def test_allowed_under_negation_is_not_positive(claims_of: ClaimsOf) -> None:
    assert ("Uganda", "facilitation", "M23") in positive(
        claims_of("Uganda allowed the M23 to move fuel through the Bunagana crossing."))
    for text in ("Uganda never allowed the M23 to move fuel through the Bunagana crossing.",
                 "Uganda could allow the M23 to cross the border if talks fail."):
        assert ("Uganda", "facilitation", "M23") not in positive(claims_of(text))


# An object list ends where a new clause begins: a possessive is no member, and a list
# whose last member turns out to be a subject must still be closed by "and".
LIST_ENDS: list[tuple[str, Triple]] = [
    ("⟪0⟫ funds ⟪1⟫, ⟪2⟫, and ⟪3⟫'s critics applaud it.", (0, "funding", 3)),
    ("⟪0⟫ trains ⟪1⟫ and ⟪2⟫'s allies watch closely.", (0, "training", 2)),
    ("⟪0⟫ armed ⟪1⟫, ⟪2⟫ and ⟪3⟫ responded.", (0, "arms", 3)),
    ("⟪0⟫ armed ⟪1⟫, ⟪2⟫ and ⟪3⟫ responded.", (0, "arms", 2)),
    ("⟪0⟫ has funded ⟪1⟫, ⟪2⟫, and ⟪3⟫ has protested ever since.", (0, "funding", 2)),
]


@pytest.mark.parametrize(("masked", "absent"), LIST_ENDS)
def test_object_list_ends_before_a_new_clause(masked: str, absent: Triple) -> None:
    assert absent not in triples(masked)


LIST_KEPT: list[tuple[str, Triple]] = [
    ("⟪0⟫ funds ⟪1⟫, ⟪2⟫, and ⟪3⟫ in the south.", (0, "funding", 3)),
    ("⟪0⟫ armed ⟪1⟫, ⟪2⟫ and ⟪3⟫, and ⟪4⟫ responded.", (0, "arms", 3)),
    ("⟪0⟫ armed ⟪1⟫ and ⟪2⟫ and ⟪3⟫ responded.", (0, "arms", 2)),
    ("⟪0⟫ trains ⟪1⟫, ⟪2⟫ and ⟪3⟫ fighters.", (0, "training", 2)),
]


@pytest.mark.parametrize(("masked", "expected"), LIST_KEPT)
def test_object_list_near_positives(masked: str, expected: Triple) -> None:
    assert expected in triples(masked)


def test_list_before_a_new_clause_in_the_pipeline(claims_of: ClaimsOf) -> None:
    found = positive(claims_of("Iran funds Hamas, Hezbollah, and Israel's critics applaud it."))
    assert ("Iran", "funding", "Israel") not in found
    assert ("Iran", "funding", "Hamas") in found
    found = positive(claims_of("Iran armed Hezbollah, Hamas and Israel responded."))
    assert ("Iran", "arms", "Israel") not in found
    assert ("Iran", "arms", "Hezbollah") in found


# "not by X but by Y": only Y is the agent of the passive; X may be denied or nothing.
def test_not_by_but_by_takes_only_the_second_agent() -> None:
    found = triples("⟪1⟫ was supported not by ⟪0⟫ but by ⟪2⟫.")
    assert (0, "support", 1) not in found
    assert (2, "support", 1) in found
    found = triples("⟪1⟫ fighters were trained not by ⟪0⟫ but by ⟪2⟫ and ⟪3⟫ instructors.")
    assert (0, "training", 1) not in found
    assert {(2, "training", 1), (3, "training", 1)} <= found
    assert triples("⟪1⟫ is armed not by ⟪0⟫, officials say.") == set()


def test_not_by_near_positives() -> None:
    assert (0, "support", 1) in triples("⟪1⟫ was supported by ⟪0⟫, not by ⟪2⟫.")
    assert (2, "support", 1) not in triples("⟪1⟫ was supported by ⟪0⟫, not by ⟪2⟫.")
    assert (0, "arms", 1) in triples("⟪1⟫ was armed not only by ⟪0⟫ but also by ⟪2⟫.")


def test_not_by_but_by_in_the_pipeline(claims_of: ClaimsOf) -> None:
    found = positive(claims_of("Hamas was supported not by Iran but by Qatar."))
    assert ("Iran", "support", "Hamas") not in found
    assert ("Qatar", "support", "Hamas") in found


# --- a span of time between the auxiliary (or the subject) and the verb -------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Tehran has for decades provided Hezbollah with money and rockets.",
     ("Iran", "funding", "Hezbollah")),
    ("Qatar has over the past ten years funded Hamas, officials said.",
     ("Qatar", "funding", "Hamas")),
    ("Eritrea has, since the early 2000s, armed al-Shabaab.",
     ("Eritrea", "arms", "Al-Shabaab")),
    ("Iran, since 2015, has supplied the Houthis with ballistic missiles.",
     ("Iran", "arms", "Houthis")),
    ("The UAE has in recent years trained Somali forces.",
     ("United Arab Emirates", "training", "Somalia")),
])
def test_a_time_span_before_the_verb_is_read_through(claims_of: ClaimsOf, text: str,
                                                     expected: tuple[str, str, str]) -> None:
    assert expected in {(s, r, o) for s, r, o, m in claims_of(text)
                        if m in {"asserted", "reported"}}


@pytest.mark.parametrize(("text", "modality"), [
    ("Iran has in 2019 denied arming the Houthis.", "denied"),
    ("Iran has for years been accused of arming the Houthis.", "reported"),
])
def test_a_time_span_keeps_the_modality(claims_of: ClaimsOf, text: str, modality: str) -> None:
    assert {m for _, _, _, m in claims_of(text)} == {modality}


def test_a_time_after_an_object_still_ends_its_clause(claims_of: ClaimsOf) -> None:
    found = claims_of("Hamas, which rules Gaza and whose fighters attacked Israel in 2023, "
                      "is backed by Iran.")
    assert ("Iran", "support", "Hamas", "asserted") in found
    assert not any(o == "Israel" and r == "support" for _, r, o, _ in found)
