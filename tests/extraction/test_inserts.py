"""Inserts between a subject and its verb: a definite or indefinite description, a second
name ("formally known as"), a participle ("backed by X", "designated by Y"), "one of
...", "Y's ally", "not Y", and "rebels of X" for X. The verb is the subject's; a relation
the insert states is still read; an actor named only in the insert is never the
subject; negation and hypotheticals after the insert stay."""

from __future__ import annotations

from tests.extraction.conftest import ClaimsOf, positive

SDF = "Syrian Democratic Forces"
ISIL = "Islamic State of Iraq and the Levant"
KH = "Kata'ib Hezbollah"
RSF = "Rapid Support Forces"
UAE = "United Arab Emirates"
TTP = "Tehrik-i-Taliban Pakistan"
HTS = "Hay'at Tahrir al-Sham"


# --- a definite description naming no actor -----------------------------------------

def test_definite_description_between_subject_and_verb(claims_of: ClaimsOf) -> None:
    cases = [
        ("Hezbollah, the Lebanese Shia movement, receives rockets from Iran.",
         ("Iran", "arms", "Hezbollah")),
        ("Kataib Hezbollah, the Iraqi militia, has received drones from Iran, the panel "
         "said.", ("Iran", "arms", KH)),
        ("Al-Shabaab, the Somali jihadist group, ambushed Kenyan troops near Lamu.",
         ("Al-Shabaab", "hostility", "Kenya")),
        # a relative clause closes the description
        ("Hamas, the Islamist movement that governs Gaza, receives money from Qatar.",
         ("Qatar", "funding", "Hamas")),
        ("The RSF, the paramilitary force that has fought the army and its allies since "
         "2023, obtained drones from the UAE.", (UAE, "arms", RSF)),
        # a description that is itself a mention of the group ("the militant group")
        ("Hamas, the militant group, receives cash from Qatar.", ("Qatar", "funding", "Hamas")),
    ]
    for text, expected in cases:
        assert expected in positive(claims_of(text)), text


def test_description_with_an_actor_before_its_head(claims_of: ClaimsOf) -> None:
    # "the US-backed ... force" reads as "the US-backed SDF", and the verb is the SDF's
    found = positive(claims_of(
        "The SDF, the US-backed Kurdish-led alliance, has been fighting ISIS cells in "
        "Hasakah."))
    assert ("United States", "support", SDF) in found
    assert (SDF, "hostility", ISIL) in found
    assert ("United States", "hostility", ISIL) not in found
    found = positive(claims_of(
        "Hezbollah, the Iranian-backed movement, fired rockets at Israel."))
    assert ("Iran", "support", "Hezbollah") in found
    assert ("Hezbollah", "hostility", "Israel") in found
    assert ("Iran", "hostility", "Israel") not in found
    # an indefinite one whose first word is an actor ("a Pakistani Taliban umbrella group")
    found = positive(claims_of(
        "The TTP, a Pakistani Taliban umbrella group, has received shelter from the Afghan "
        "Taliban."))
    assert ("Taliban", "safe_haven", TTP) in found


def test_possessive_and_one_of_inserts(claims_of: ClaimsOf) -> None:
    cases = [
        ("Qatar, one of the movement's few remaining friends, has bankrolled Hamas.",
         ("Qatar", "funding", "Hamas")),
        ("JNIM, the Sahel's deadliest jihadist coalition, attacked Malian troops near "
         "Mopti.", ("Jama'at Nusrat al-Islam wal-Muslimin", "hostility", "Mali")),
        ("Russia, the Assad government's chief backer, bombed positions held by HTS.",
         ("Russia", "hostility", HTS)),
    ]
    for text, expected in cases:
        assert expected in positive(claims_of(text)), text
    # what the insert says is read too, and its actor acts in it only
    found = positive(claims_of(
        "Iran, the main patron of the Houthis, has shipped rockets to Hezbollah."))
    assert ("Iran", "arms", "Hezbollah") in found
    assert ("Houthis", "arms", "Hezbollah") not in found


# --- a second name --------------------------------------------------------------------

def test_second_name_of_the_same_group(claims_of: ClaimsOf) -> None:
    for text in ("The Houthis, formally known as Ansar Allah, obtain missiles from Iran.",
                 "Ansar Allah, the movement better known as the Houthis, obtains missiles "
                 "from Iran.",
                 "The Houthis, officially called Ansar Allah, obtain missiles from Iran."):
        assert ("Iran", "arms", "Houthis") in positive(claims_of(text)), text
    found = positive(claims_of(
        "Tahrir al-Sham, formerly the Nusra Front, shelled Syrian government forces."))
    assert (HTS, "hostility", "Syrian Arab Army") in found


# --- a participle insert and "rebels of X" ----------------------------------------------

def test_participle_inserts(claims_of: ClaimsOf) -> None:
    found = positive(claims_of(
        "Rebels of the M23, backed by Rwanda, seized Goma from Congolese forces."))
    assert ("Rwanda", "support", "M23") in found
    assert ("M23", "hostility", "Democratic Republic of the Congo") in found
    assert ("Rwanda", "hostility", "Democratic Republic of the Congo") not in found
    found = positive(claims_of(
        "Hamas, designated a terrorist organisation by the European Union, receives "
        "funding from Iran."))
    assert ("Iran", "funding", "Hamas") in found
    assert not any(s == "European Union" for s, _, _ in found)
    # the nominal "the group" before the participle keeps the participle's agent
    found = positive(claims_of("Hamas, the group backed by Qatar, attacked Israel."))
    assert ("Qatar", "support", "Hamas") in found
    assert ("Hamas", "hostility", "Israel") in found
    assert ("Qatar", "hostility", "Israel") not in found


def test_fighters_of_a_group_stand_for_it(claims_of: ClaimsOf) -> None:
    cases = [
        ("Insurgents of ISWAP ambushed Nigerian soldiers.",
         ("Islamic State West Africa Province", "hostility", "Nigeria")),
        ("Jihadists of al-Shabaab attacked Ethiopian forces.",
         ("Al-Shabaab", "hostility", "Ethiopia")),
    ]
    for text, expected in cases:
        assert expected in positive(claims_of(text)), text


def test_not_y_aside_is_no_negation(claims_of: ClaimsOf) -> None:
    found = claims_of("Iran, not Russia, armed the Houthis.")
    assert ("Iran", "arms", "Houthis", "asserted") in found
    assert not any(s == "Russia" for s, _, _, _ in found)
    found = claims_of("Iran, not Russia, has never armed the Houthis.")
    assert ("Iran", "arms", "Houthis", "denied") in found


# --- what already worked keeps working ------------------------------------------------

def test_inserts_that_already_worked(claims_of: ClaimsOf) -> None:
    cases = [
        ("Qatar, a close US ally, has funded Hamas.", ("Qatar", "funding", "Hamas")),
        ("Iran, which denies the allegations, has armed the Houthis.",
         ("Iran", "arms", "Houthis")),
        ("Iran, according to the UN panel, supplied drones to the Houthis.",
         ("Iran", "arms", "Houthis")),
        ("The Houthis, also known as Ansar Allah, have attacked Saudi Arabia.",
         ("Houthis", "hostility", "Saudi Arabia")),
    ]
    for text, expected in cases:
        assert expected in positive(claims_of(text)), text


# --- near misses -----------------------------------------------------------------------

def test_a_list_is_no_insert(claims_of: ClaimsOf) -> None:
    found = positive(claims_of("Iran, the Houthis and Hezbollah attacked Israel."))
    assert {("Iran", "hostility", "Israel"), ("Houthis", "hostility", "Israel"),
            ("Hezbollah", "hostility", "Israel")} <= found
    assert not positive(claims_of("Iran, the Houthis and Hezbollah have denied the reports."))


def test_an_actor_of_the_insert_is_never_the_subject(claims_of: ClaimsOf) -> None:
    found = positive(claims_of("Israel, the target of Hezbollah's drones, has struck Syria."))
    assert ("Israel", "hostility", "Syria") in found
    assert ("Hezbollah", "hostility", "Syria") not in found
    found = positive(claims_of("Hamas, the group Qatar hosts, attacked Israel."))
    assert ("Qatar", "hostility", "Israel") not in found
    found = positive(claims_of("Turkey, the target of PKK raids, bombed northern Iraq."))
    assert not any(s == "Kurdistan Workers' Party" for s, _, _ in found)
    found = positive(claims_of("Israel, Hezbollah's sworn enemy, struck Syria."))
    assert ("Hezbollah", "hostility", "Syria") not in found
    # a place before the comma is no subject of what follows
    found = positive(claims_of("In Syria, Iran's proxies shelled US forces."))
    assert not any(s == "Syria" for s, _, _ in found)


def test_negation_and_hypotheticals_after_an_insert(claims_of: ClaimsOf) -> None:
    found = claims_of("Hezbollah, the Lebanese movement, has never received weapons from "
                      "Russia.")
    assert ("Russia", "arms", "Hezbollah", "denied") in found
    assert ("Russia", "arms", "Hezbollah") not in positive(found)
    found = claims_of("The Houthis, formally known as Ansar Allah, would receive missiles "
                      "from Iran if the truce collapsed.")
    assert ("Iran", "arms", "Houthis") not in positive(found)
    found = claims_of("The SDF, the US-backed force, denies receiving Russian weapons.")
    assert ("Russia", "arms", SDF) not in positive(found)
    found = claims_of("Qatar, one of Hamas's hosts, has not funded the group's armed wing.")
    assert ("Qatar", "funding", "Hamas") not in positive(found)


def test_inserts_with_no_relation_give_nothing(claims_of: ClaimsOf) -> None:
    for text in ("Hezbollah, the Lebanese Shia movement, condemned the attack.",
                 "Egypt, the mediator between Israel and Hamas, hosted talks in Cairo.",
                 "The Houthis, formally known as Ansar Allah, deny receiving missiles from "
                 "Iran.",
                 "Hamas, Israeli officials said, opened an office in Istanbul."):
        assert not positive(claims_of(text)), text


# --- a description closed by a relative clause that names an actor ----------------------

def test_description_with_a_relative_clause_naming_an_actor(claims_of: ClaimsOf) -> None:
    found = positive(claims_of(
        "Hamas, the movement that Tehran bankrolls, fired rockets at Israel."))
    assert ("Iran", "funding", "Hamas") in found
    assert ("Hamas", "hostility", "Israel") in found
    assert ("Iran", "hostility", "Israel") not in found
    found = positive(claims_of(
        "The Houthis, the Iran-aligned rebels who hold northern Yemen, have fired drones at "
        "Israel."))
    assert ("Houthis", "hostility", "Israel") in found
    assert ("Iran", "hostility", "Israel") not in found
    found = positive(claims_of(
        "The Taliban, the movement that seized Kabul in 2021, have sheltered al-Qaeda "
        "operatives."))
    assert ("Taliban", "safe_haven", "Al-Qaeda") in found
    # the clause's negation is the clause's: the main verb stays asserted
    raw = claims_of(
        "The Houthis, the Yemeni rebels who are not armed by Russia, attacked Israel.")
    assert ("Houthis", "hostility", "Israel", "asserted") in raw
    assert ("Russia", "arms", "Houthis") not in positive(raw)


def test_a_former_backer_in_an_insert_is_no_backer(claims_of: ClaimsOf) -> None:
    for text in ("Egypt, a former backer of the LNA, now mediates between the factions.",
                 "Sudan, once a patron of Hamas, expelled the group's officials.",
                 "Qatar, an erstwhile sponsor of the Nusra Front, hosted the talks."):
        assert not any(r == "support" for _, r, _ in positive(claims_of(text))), text
    found = positive(claims_of("Egypt, a longtime backer of the LNA, hosted Haftar."))
    assert ("Egypt", "support", "Libyan National Army") in found


# --- a description inside a list ------------------------------------------------------

def test_description_inside_a_list(claims_of: ClaimsOf) -> None:
    found = positive(claims_of(
        "Tehran bankrolls Hezbollah, the Lebanese Shia movement, and Hamas."))
    assert {("Iran", "funding", "Hezbollah"), ("Iran", "funding", "Hamas")} <= found
    found = positive(claims_of(
        "Hezbollah, the Lebanese movement, and Hamas have both obtained rockets from Iran."))
    assert {("Iran", "arms", "Hezbollah"), ("Iran", "arms", "Hamas")} <= found
    # a new clause after "and" is no member of the list
    found = positive(claims_of(
        "Tehran bankrolls Hezbollah, the Lebanese Shia movement, and Israel struck the "
        "group."))
    assert ("Iran", "funding", "Israel") not in found


# --- a parenthetical speaker ------------------------------------------------------------

def test_a_parenthetical_speaker_makes_the_claim_reported(claims_of: ClaimsOf) -> None:
    for text in ("Iran, the Panel's experts said, shipped drones to the Houthis.",
                 "Iran, the report alleges, supplied the Houthis with missiles.",
                 "Iran, Israeli officials claimed, has armed Hezbollah."):
        found = claims_of(text)
        assert any(r == "arms" and m == "reported" for _, r, _, m in found), text
        assert not any(m == "asserted" and r == "arms" for _, r, _, m in found), text
    # a denial stays a denial; the speaker is no party
    found = claims_of("Iran, the experts found, has never shipped drones to the Houthis.")
    assert ("Iran", "arms", "Houthis", "denied") in found
    found = claims_of("Iran, Israel said, has armed Hezbollah.")
    assert not any(s == "Israel" or o == "Israel" for s, _, o, _ in found)


def test_a_clause_boundary_is_no_insert(claims_of: ClaimsOf) -> None:
    # the description after a subordinate clause's object opens the main clause
    found = positive(claims_of("As Tehran armed Hezbollah, the Lebanese army stayed "
                               "neutral and Israel struck the group."))
    assert ("Hezbollah", "hostility", "Hezbollah") not in found
    assert not any(s == "Hezbollah" for s, _, _ in found)
    found = positive(claims_of("While Russia bombed HTS, the Syrian army attacked rebels."))
    assert ("Hay'at Tahrir al-Sham", "hostility", "Syrian Arab Army") not in found
