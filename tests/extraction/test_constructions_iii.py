"""The sentence around a relation (constructions.yaml, "sentence structure around a
relation (III)"): relative clauses on a group noun ("a group X is accused of arming",
"one of several militias funded by X", "Y, whose fighters X trained"), a speaker inside
a relative clause, appositions naming a patron ("Y, a proxy of X"), coordinated subjects
("X and Y both ...", "X, along with Y, ...", "X and, to a lesser extent, Y"), time and
place asides, a state's organ as subject, a participle of help (", helping Y regain
..."), a participle of giving (", supplying it with drones"), coordinated verb phrases
("X trains Y and supplies it with ...", with an attribution between them), fronted help
("With help from X, Y seized ..."), a description of a list of subjects and a subject's
relative clause read as a clause of its own. Each with near misses: the wrong party,
a verb of no relation, hosting for talks, a withdrawal, doubt, denial, hypotheticals and
a speaker who is no party."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, Triple, positive_keys
from tests.extraction.conftest import triple_key as _key

RSF = "Rapid Support Forces"
UAE = "United Arab Emirates"
KH = "Kata'ib Hezbollah"

FOUND: list[tuple[str, Expected]] = [
    # an object relative clause after a noun for a group, with or without "that"
    ("Al-Shabaab is a group Eritrea has long been accused of arming.",
     ("Eritrea", "arms", "Al-Shabaab")),
    ("The Haqqani network is one of the groups Pakistan is alleged to have sheltered.",
     ("Pakistan", "safe_haven", "Haqqani Network")),
    ("The RSF, a paramilitary force that the UAE has been accused of arming, shelled "
     "Omdurman.", (UAE, "arms", RSF)),
    ("Hezbollah is among the groups that Iran has trained and armed.",
     ("Iran", "training", "Hezbollah")),
    # a passive participle after "one of several militias", "among the groups"
    ("Kataib Hezbollah is one of several militias funded by Iran.", ("Iran", "funding", KH)),
    ("The Houthis were among the groups trained by Hezbollah.",
     ("Hezbollah", "training", "Houthis")),
    # "whose <people> X <verb>": the people are the group's; the main verb stays its own
    ("Hamas, whose commanders Iran trained, attacked Israel.", ("Iran", "training", "Hamas")),
    ("Hamas, whose commanders Iran trained, attacked Israel.", ("Hamas", "hostility", "Israel")),
    ("Hamas, whose leaders Turkey hosts in Istanbul, fired rockets at Israel.",
     ("Turkey", "safe_haven", "Hamas")),
    ("Hamas, whose leaders Turkey hosts in Istanbul, fired rockets at Israel.",
     ("Hamas", "hostility", "Israel")),
    # a speaker inside a relative clause
    ("The M23, which UN experts say is armed by Rwanda, seized Bukavu.",
     ("Rwanda", "arms", "M23")),
    # an apposition naming a patron
    ("The Houthis, a client of Iran, fired missiles at Saudi Arabia.",
     ("Iran", "support", "Houthis")),
    ("Hezbollah, a proxy of Iran, attacked Israel.", ("Iran", "support", "Hezbollah")),
    ("Hezbollah, a proxy of Iran, attacked Israel.", ("Hezbollah", "hostility", "Israel")),
    # coordinated subjects
    ("Russia and Iran both back the Syrian government.", ("Russia", "support", "Syria")),
    ("Chad and Niger have both fought Boko Haram.", ("Chad", "hostility", "Boko Haram")),
    ("Chad and Niger have both fought Boko Haram.", ("Niger", "hostility", "Boko Haram")),
    ("Iran, together with Hezbollah, has trained the Houthis.",
     ("Iran", "training", "Houthis")),
    ("Iran, together with Hezbollah, has trained the Houthis.",
     ("Hezbollah", "training", "Houthis")),
    ("Qatar and, to a lesser extent, Turkey have funded Hamas.", ("Qatar", "funding", "Hamas")),
    ("Qatar and, to a lesser extent, Turkey have funded Hamas.", ("Turkey", "funding", "Hamas")),
    # a time or place aside; a state's organ as subject
    ("Rwanda has, since the start of the rebellion, armed the M23.", ("Rwanda", "arms", "M23")),
    ("Turkey, in recent months, has supplied drones to Somalia.", ("Turkey", "arms", "Somalia")),
    ("Iran's intelligence service has funded the Houthis.", ("Iran", "funding", "Houthis")),
    # a participle of help after the clause
    ("Turkey supplied drones to Ethiopia in 2021, helping the federal government push back "
     "the TPLF.", ("Turkey", "support", "Ethiopia")),
    ("The UAE flew cargo to Chad, helping the RSF seize El Fasher.", (UAE, "support", RSF)),
    # coordinated verb phrases: the subject of the first verb is the second's
    ("Iran trains the Houthis and supplies them with missiles.", ("Iran", "arms", "Houthis")),
    ("Iran not only arms the Houthis but also trains Hezbollah.",
     ("Iran", "training", "Hezbollah")),
    ("The UAE funds the RSF and has also shipped drones to it.", (UAE, "arms", RSF)),
    ("Rwanda trained the M23 and then armed it.", ("Rwanda", "arms", "M23")),
    ("Israel said Iran armed Hezbollah and funded Hamas.", ("Iran", "funding", "Hamas")),
    # a subject's relative clause with a verb of a relation is read as a clause
    ("Hezbollah, which receives money from Iran, attacked Israel.",
     ("Iran", "funding", "Hezbollah")),
    ("The Houthis, who get weapons from Iran, fired drones at Israel.",
     ("Iran", "arms", "Houthis")),
    ("The Houthis, who get weapons from Iran, fired drones at Israel.",
     ("Houthis", "hostility", "Israel")),
    # a participle of giving after the clause
    ("Turkey has been one of Azerbaijan's closest partners, supplying it with drones.",
     ("Turkey", "arms", "Azerbaijan")),
    ("Iran has been a loyal friend of Hezbollah, providing missiles to the group.",
     ("Iran", "arms", "Hezbollah")),
    # an attribution between the two verbs of a coordination
    ("The UAE has armed Haftar's forces and, according to UN experts, also shipped drones "
     "to the RSF.", (UAE, "arms", RSF)),
    # fronted help to an act of war
    ("With help from Iran, the Houthis built long-range missiles.",
     ("Iran", "support", "Houthis")),
    ("With support from Rwanda, the M23 seized Goma.", ("Rwanda", "support", "M23")),
    # "X-backed factions in Syria, including Y"
    ("Turkish-backed factions in Syria, including the Sultan Murad Division, attacked "
     "Kurdish forces.", ("Turkey", "support", "Sultan Murad Division")),
    # a description of a list of subjects
    ("Chad and Niger, long wary neighbours, fought together against Boko Haram.",
     ("Niger", "hostility", "Boko Haram")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # the verb of the relative clause is no relation
    ("Hamas is a group Israel has vowed to destroy.", ("Israel", "hostility", "Hamas")),
    ("The Houthis are one of several groups sanctioned by the United States.",
     ("United States", "support", "Houthis")),
    ("Hezbollah is one of the groups condemned by Saudi Arabia.",
     ("Saudi Arabia", "support", "Hezbollah")),
    # hosting for talks is no haven
    ("Hamas, whose leaders Egypt hosted for talks, fired rockets at Israel.",
     ("Egypt", "safe_haven", "Hamas")),
    ("Qatar, which hosts Hamas leaders for talks, mediated the truce.",
     ("Qatar", "safe_haven", "Hamas")),
    # the one in the relative or the apposition is not the main verb's subject
    ("Hamas, whose leaders Turkey hosts in Istanbul, fired rockets at Israel.",
     ("Turkey", "hostility", "Israel")),
    ("Hezbollah, a proxy of Iran, attacked Israel.", ("Iran", "hostility", "Israel")),
    ("The Houthis, a threat to Saudi Arabia, attacked shipping.",
     ("Saudi Arabia", "support", "Houthis")),
    # a coordinated subject of a verb of no relation
    ("Iran and Russia both condemned the strike on Hezbollah.",
     ("Iran", "hostility", "Hezbollah")),
    ("Iran, along with Russia, has condemned Israel.", ("Russia", "hostility", "Israel")),
    # a withdrawal that lets another advance is no help
    ("Russia withdrew its forces from Syria, helping the rebels regain territory.",
     ("Russia", "support", "Syria")),
    ("Iran sent weapons to the Houthis, helping Saudi Arabia's enemies.",
     ("Iran", "support", "Saudi Arabia")),
    # the speaker of a clause with two verbs is no party to the second
    ("Israel said Iran armed Hezbollah and funded Hamas.", ("Israel", "funding", "Hamas")),
    ("Kenya said al-Shabaab attacked Somali troops and killed ten.",
     ("Kenya", "hostility", "Somalia")),
    # a place is no subject of the second verb
    ("Militias in Iraq have attacked US forces and killed three soldiers.",
     ("Iraq", "hostility", "US Department of Defense")),
    # a new clause after "and" has its own subject
    ("Iran funded Hezbollah and Israel attacked Lebanon.", ("Iran", "hostility", "Lebanon")),
    # a relative clause whose verb names no relation is not read as one
    ("Al-Shabaab, which controls parts of Somalia, attacked Kenyan troops.",
     ("Al-Shabaab", "arms", "Somalia")),
    ("Iran, which denies arming the Houthis, condemned the strikes.",
     ("Iran", "arms", "Houthis")),
    # help to a civil act is no backing; a speaker gives nothing
    ("With help from the UN, the Houthis reopened the port.",
     ("United Nations", "support", "Houthis")),
    ("Kenya said Iran armed al-Shabaab, supplying it with rifles.",
     ("Kenya", "arms", "Al-Shabaab")),
    # a former enmity in a description is no claim
    ("Iran and Iraq, bitter enemies in the 1980s, signed a trade deal.",
     ("Iran", "hostility", "Iraq")),
    ("Chad and Niger, long wary neighbours, fought together against Boko Haram.",
     ("Chad", "hostility", "Niger")),
]

# The modality of the first verb governs the second.
MODAL: list[tuple[str, Triple]] = [
    ("Iran denied that it armed Hezbollah and trained Hamas.",
     ("Iran", "training", "Hamas", "denied")),
    ("Iran could arm Hezbollah and train Hamas.", ("Iran", "training", "Hamas", "hypothetical")),
    ("Iran does not fund Hamas and has never armed Hezbollah.",
     ("Iran", "arms", "Hezbollah", "denied")),
    ("Qatar and, possibly, Turkey have funded Hamas.",
     ("Turkey", "funding", "Hamas", "hypothetical")),
    ("Hezbollah is a group Iran has been accused of arming.",
     ("Iran", "arms", "Hezbollah", "reported")),
    ("The M23, which UN experts say is armed by Rwanda, seized Bukavu.",
     ("Rwanda", "arms", "M23", "reported")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_relation_in_its_sentence_is_read(claims_of: ClaimsOf, text: str,
                                          expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


@pytest.mark.parametrize(("text", "expected"), MODAL)
def test_modality_is_kept(claims_of: ClaimsOf, text: str, expected: Triple) -> None:
    found = claims_of(text)
    assert expected in found, found
    s, r, o, modality = expected
    if modality != "reported":  # a denied or hypothetical claim is not counted
        assert (s, r, o) not in positive_keys(claims_of, text), found


def test_long_coordinated_sentence_stays_fast(claims_of: ClaimsOf) -> None:
    # many slots, commas and "and"s: no exponential backtracking in the new rewrites
    groups = ", ".join(["Hamas", "Hezbollah", "the Houthis", "Kataib Hezbollah"] * 6)
    text = (f"Iran, along with Russia, has, since the war, armed {groups} and funded "
            f"{groups}, and Qatar and, to a lesser extent, Turkey have both hosted {groups}.")
    found = positive_keys(claims_of, text)
    assert ("Iran", "arms", "Hamas") in found, found
