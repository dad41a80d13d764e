"""The language of backing (loaders/rules/relations.yaml, "backing language"; and
loaders/rules/sanctions.yaml, "passage and transit"): where a group's money, weapons or
help come from, who stands behind it, whose proxy it is, who lets it pass.

All sentences are invented, in the voices of wire reports, UN panels, think tanks and
court filings. Every construction has positive cases of several shapes and near misses
that must give nothing: relief or trade, a thing or a place rather than an actor, the
wrong direction, a negation or a hypothesis, support for a plan rather than a party."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

FOUND: list[tuple[str, Expected]] = [
    # X is Y's source of money or weapons; Y's money comes from X
    ("Western officials say Iran is Hezbollah's single largest source of funding.",
     ("Iran", "funding", "Hezbollah")),
    ("For a decade Eritrea has been al-Shabaab's principal source of weapons, the panel said.",
     ("Eritrea", "arms", "Al-Shabaab")),
    ("Qatar became the main source of financial support for Hamas after 2012.",
     ("Qatar", "funding", "Hamas")),
    ("Hamas's funding comes largely from Qatar.", ("Qatar", "funding", "Hamas")),
    ("The Houthis' weaponry came largely from Iran, according to the UN panel.",
     ("Iran", "arms", "Houthis")),
    ("Hezbollah's funding is derived almost entirely from Iran.",
     ("Iran", "funding", "Hezbollah")),
    # the role after the possessor: "Y's biggest donor is X"
    ("Hamas's biggest financier is Qatar, Israeli officials say.",
     ("Qatar", "funding", "Hamas")),
    ("The Houthis' main backer remains Iran.", ("Iran", "support", "Houthis")),
    # money poured into or spent on Y
    ("The UAE has poured hundreds of millions of dollars into the Rapid Support Forces.",
     ("United Arab Emirates", "funding", "Rapid Support Forces")),
    ("Saudi Arabia pumped billions into the Yemeni government over the past decade.",
     ("Saudi Arabia", "funding", "Yemen")),
    ("Iran spends an estimated $700 million a year on Hezbollah.",
     ("Iran", "funding", "Hezbollah")),
    # Y relies on X's money or help
    ("The Houthis depend heavily on Iranian money.", ("Iran", "funding", "Houthis")),
    ("The Houthis are heavily dependent on Iranian weapons.", ("Iran", "arms", "Houthis")),
    ("Hamas relied on Qatar's largesse for years.", ("Qatar", "funding", "Hamas")),
    ("The Taliban depend on Pakistan's protection.", ("Pakistan", "support", "Taliban")),
    # Y enjoys the support of X
    ("The M23 enjoys the backing of Rwanda, according to UN experts.",
     ("Rwanda", "support", "M23")),
    ("The Taliban enjoyed the support of Pakistan throughout the insurgency.",
     ("Pakistan", "support", "Taliban")),
    # help from X was vital to Y; money from X sustains Y
    ("Support from Russia has been crucial to the Assad regime.",
     ("Russia", "support", "Syria")),
    ("Weapons from Iran were instrumental to the Houthis.", ("Iran", "arms", "Houthis")),
    ("Money from Qatar kept Hamas afloat.", ("Qatar", "funding", "Hamas")),
    ("Funds from Iran have sustained Hezbollah since the 1980s.", ("Iran", "funding", "Hezbollah")),
    # X stands behind Y, comes to Y's aid
    ("Iran stands firmly behind Hezbollah.", ("Iran", "support", "Hezbollah")),
    ("Russia has thrown its full weight behind the Syrian government.",
     ("Russia", "support", "Syria")),
    ("Iran came to the aid of the Assad regime in 2012.", ("Iran", "support", "Syria")),
    ("Russia rushed to the Syrian army's rescue in 2015.",
     ("Russia", "support", "Syrian Arab Army")),
    # Y described as X's proxy
    ("Israel describes Hamas as Iran's proxy.", ("Iran", "support", "Hamas")),
    # the role as an apposition, or as the possessor's role
    ("Hezbollah's patron, Iran, has stayed silent.", ("Iran", "support", "Hezbollah")),
    ("The Houthis' paymaster, Iran, denies any role.", ("Iran", "funding", "Houthis")),
    ("Qatar is one of Hamas's main financial backers.", ("Qatar", "funding", "Hamas")),
    ("Turkey has become the Syrian National Army's chief protector.",
     ("Turkey", "support", "Syrian National Army")),
    ("The RSF has found a patron in the UAE.",
     ("United Arab Emirates", "support", "Rapid Support Forces")),
    # survival owed, a payroll, a regime kept afloat
    ("Hezbollah owes its survival to Iran.", ("Iran", "support", "Hezbollah")),
    ("The Houthis are on Iran's payroll, Saudi officials claim.",
     ("Iran", "funding", "Houthis")),
    ("Hezbollah has been on the payroll of Iran since 2014.",
     ("Iran", "funding", "Hezbollah")),
    ("Russia keeps the Assad regime afloat.", ("Russia", "support", "Syria")),
    ("Iran's support was critical to the Houthis' survival.", ("Iran", "support", "Houthis")),
    # shares and sources of money and weapons
    ("The Houthis get most of their money from Iran.", ("Iran", "funding", "Houthis")),
    ("Funding for Hamas comes from Qatar and Turkey.", ("Turkey", "funding", "Hamas")),
    ("Most of the Houthis' weapons are supplied by Iran.", ("Iran", "arms", "Houthis")),
    ("Hezbollah's salaries are paid by Iran, the indictment says.",
     ("Iran", "funding", "Hezbollah")),
    ("Iran provides the bulk of Hezbollah's budget.", ("Iran", "funding", "Hezbollah")),
    ("Iran foots the bill for Hezbollah's operations.", ("Iran", "funding", "Hezbollah")),
    # passage and transit (sanctions.yaml)
    ("Turkey facilitated the travel of Islamic State fighters into Syria.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Sudan eased the movement of Hamas operatives across its territory, the report said.",
     ("Sudan", "facilitation", "Hamas")),
    ("Qatar facilitated Hamas's fundraising.", ("Qatar", "facilitation", "Hamas")),
    ("Prosecutors allege that Iran facilitated the Houthis' smuggling operations.",
     ("Iran", "facilitation", "Houthis")),
    ("Syria allowed Hezbollah to use its territory as a transit route.",
     ("Syria", "facilitation", "Hezbollah")),
    ("Sudan let Hamas smuggle weapons through its territory.",
     ("Sudan", "facilitation", "Hamas")),
    ("Iraq has allowed the Quds Force to move through its territory.",
     ("Iraq", "facilitation", "IRGC-Quds Force")),
    ("Turkey opened its border to Islamic State recruits, Kurdish officials alleged.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Turkey served as a transit hub for Islamic State recruits.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Sudan became a key transit route for weapons bound for Hamas.",
     ("Sudan", "facilitation", "Hamas")),
    ("Libya has become a rear base for JNIM, the panel said.",
     ("Libya", "facilitation", "Jama'at Nusrat al-Islam wal-Muslimin")),
    # help that enabled; an arsenal built with money
    ("Iran's support enabled the Houthis to attack shipping.", ("Iran", "support", "Houthis")),
    ("Qatar's money allowed Hamas to pay its civil servants.", ("Qatar", "funding", "Hamas")),
    ("Hezbollah's arsenal was built largely with Iran's money.",
     ("Iran", "funding", "Hezbollah")),
    ("Tehran is Hezbollah's financial backbone.", ("Iran", "funding", "Hezbollah")),
    # a named base lent; a route for named traffic
    ("Chad allowed the RSF to use the Amdjarass airport, the Panel found.",
     ("Chad", "facilitation", "Rapid Support Forces")),
    ("Turkey served as the main gateway for foreign fighters joining ISIS.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Syria acted as the main transit route for Iranian arms to Hezbollah.",
     ("Syria", "facilitation", "Hezbollah")),
    # the backers listed, counted, seen; a share supplied; money as a noun
    ("The RSF's foreign backers include the UAE.",
     ("United Arab Emirates", "support", "Rapid Support Forces")),
    ("Hamas's main donors include Qatar and Turkey.", ("Turkey", "funding", "Hamas")),
    ("Al-Shabaab's funding sources include Eritrea.", ("Eritrea", "funding", "Al-Shabaab")),
    ("Hezbollah counts Iran among its backers.", ("Iran", "support", "Hezbollah")),
    ("Qatar is widely seen as Hamas's chief financier.", ("Qatar", "funding", "Hamas")),
    ("Iran supplies the bulk of Hezbollah's weapons.", ("Iran", "arms", "Hezbollah")),
    ("Iran's bankrolling of Hezbollah has cost it billions.",
     ("Iran", "funding", "Hezbollah")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # a source of something else; the wrong direction
    ("Qatar is Hamas's main source of concern.", ("Qatar", "funding", "Hamas")),
    ("Iran is Iraq's main source of electricity.", ("Iran", "funding", "Iraq")),
    ("Hezbollah is Iran's main source of funding in Lebanon.", ("Iran", "funding", "Hezbollah")),
    # negated or only possible
    ("Iran is no longer Hezbollah's main source of funding.", ("Iran", "funding", "Hezbollah")),
    ("Iran could become Hezbollah's main source of funding.", ("Iran", "funding", "Hezbollah")),
    ("Hamas's funding does not come from Qatar.", ("Qatar", "funding", "Hamas")),
    ("Hamas's funding no longer comes from Iran.", ("Iran", "funding", "Hamas")),
    ("The bulk of Hezbollah's funding no longer comes from Iran.",
     ("Iran", "funding", "Hezbollah")),
    ("Hezbollah's biggest donor is not Iran, the minister said.",
     ("Iran", "funding", "Hezbollah")),
    ("Qatar has not poured money into Hamas.", ("Qatar", "funding", "Hamas")),
    ("Qatar could pour millions into Hamas.", ("Qatar", "funding", "Hamas")),
    ("Hamas does not rely on Iranian money.", ("Iran", "funding", "Hamas")),
    ("Russia no longer stands behind Assad's army.", ("Russia", "support", "Syrian Arab Army")),
    # trade: revenue from a buyer, money spent on a seller's goods, a dependence on goods
    ("Iraq's revenue comes largely from Iran's purchases of oil.", ("Iran", "funding", "Iraq")),
    ("Iran spent $2 billion on Russian jets.", ("Iran", "funding", "Russia")),
    ("Lebanon depends on Iranian oil.", ("Iran", "funding", "Lebanon")),
    ("Lebanon depends on Iranian oil.", ("Iran", "support", "Lebanon")),
    # relief and the people in need
    ("Qatar has poured millions into Gaza reconstruction.", ("Qatar", "funding", "Hamas")),
    ("Support from Qatar has been vital to Lebanon's reconstruction.",
     ("Qatar", "support", "Lebanon")),
    ("Turkey came to the aid of earthquake victims in Syria.", ("Turkey", "support", "Syria")),
    # backing for a plan or a bid, not a party
    ("Yemen received the backing of Saudi Arabia for its UN resolution.",
     ("Saudi Arabia", "support", "Yemen")),
    ("Russia stands behind Iran's decision to enrich uranium.", ("Russia", "support", "Iran")),
    ("Egypt threw its weight behind the ceasefire between Israel and Hamas.",
     ("Egypt", "support", "Hamas")),
    ("Support from Iran for the peace talks has been vital to Yemen.",
     ("Iran", "support", "Yemen")),
    # the support of people who are no actor
    ("The Houthis enjoyed the support of local tribes near Iran's border.",
     ("Iran", "support", "Houthis")),
    # a threat, not a proxy
    ("Analysts describe Hezbollah as a threat to Israel.", ("Israel", "support", "Hezbollah")),
    # roles that are no backing; a possessor's own costs; goods
    ("Israel's enemy, Iran, has stayed silent.", ("Iran", "support", "Israel")),
    ("Iraq is one of Iran's main trading partners.", ("Iraq", "support", "Iran")),
    ("Qatar is one of Hamas's main critics.", ("Qatar", "support", "Hamas")),
    ("Hamas owes its popularity to Israel's blockade.", ("Israel", "support", "Hamas")),
    ("Hezbollah's weapons were seized by Israel.", ("Israel", "arms", "Hezbollah")),
    ("Hezbollah's budget was cut by Iran.", ("Iran", "funding", "Hezbollah")),
    ("Iran provides most of Iraq's electricity.", ("Iran", "funding", "Iraq")),
    ("Iran is paying for Iraq's gas imports.", ("Iran", "funding", "Iraq")),
    ("Iraq receives most of its gas from Iran.", ("Iran", "funding", "Iraq")),
    ("Funding for Hamas no longer comes from Iran.", ("Iran", "funding", "Hamas")),
    ("Israel kept Hamas leaders alive to negotiate a truce.", ("Israel", "support", "Hamas")),
    ("The US kept Israel's economy afloat.", ("United States", "support", "Israel")),
    ("Hamas officials are not on Qatar's payroll.", ("Qatar", "funding", "Hamas")),
    ("The RSF has found an enemy in the UAE.",
     ("United Arab Emirates", "support", "Rapid Support Forces")),
    # passage: refugees, talks, hostages, inspectors, goods, a destination, a refusal
    ("Turkey facilitated the return of refugees to Syria.", ("Turkey", "facilitation", "Syria")),
    ("Egypt facilitated talks between Israel and Hamas.", ("Egypt", "facilitation", "Hamas")),
    ("Qatar facilitated the release of hostages held by Hamas.",
     ("Qatar", "facilitation", "Hamas")),
    ("Jordan facilitated the entry of UN inspectors into Syria.",
     ("Jordan", "facilitation", "United Nations")),
    ("Turkey facilitated the transfer of Islamic State members to Iraq.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Israel facilitated the entry of Qatari funds into Gaza.",
     ("Israel", "facilitation", "Qatar")),
    ("Qatar facilitated the movement of Iranian weapons to Hezbollah.",
     ("Qatar", "facilitation", "Iran")),
    ("Syria allowed UN inspectors to use its airspace.",
     ("Syria", "facilitation", "United Nations")),
    ("Syria refused to allow Hezbollah to use its territory.",
     ("Syria", "facilitation", "Hezbollah")),
    ("Turkey could allow Islamic State fighters to cross its border.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Turkey opened its border to Syrian refugees.", ("Turkey", "facilitation", "Syria")),
    ("Turkey served as a transit hub for refugees fleeing Syria.",
     ("Turkey", "facilitation", "Syria")),
    ("Lebanon is a transit hub for Syrian refugees.", ("Lebanon", "facilitation", "Syria")),
    ("Turkey denied that it served as a transit route for Islamic State recruits.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Hamas facilitated Egypt's mediation.", ("Hamas", "facilitation", "Egypt")),
    ("Israel's blockade allowed Hamas to tighten its grip.", ("Israel", "support", "Hamas")),
    ("Qatar's mediation enabled Hamas to release hostages.", ("Qatar", "support", "Hamas")),
    ("Hezbollah's arsenal was destroyed by Israeli strikes.", ("Israel", "arms", "Hezbollah")),
    ("Turkey is a transit route for refugees to Germany.",
     ("Turkey", "facilitation", "Germany")),
    ("Chad allowed UN agencies to use the Abeche airport.",
     ("Chad", "facilitation", "United Nations")),
    ("Israel's enemies include Iran and Hezbollah.", ("Iran", "support", "Israel")),
    ("Hamas's critics include Egypt.", ("Egypt", "support", "Hamas")),
    ("Analysts regard Iran as Israel's main adversary.", ("Iran", "support", "Israel")),
    ("Iran supplies most of Iraq's electricity.", ("Iran", "funding", "Iraq")),
    ("Hezbollah counts Iran among its enemies.", ("Iran", "support", "Hezbollah")),
    # negation far before the role or the recipient
    ("Iran is not seen as Hamas's main backer.", ("Iran", "support", "Hamas")),
    ("Analysts do not regard Iran as Hezbollah's main sponsor.",
     ("Iran", "support", "Hezbollah")),
    # a description rebutted
    ("It would be a mistake to describe Qatar as Hamas's patron.",
     ("Qatar", "support", "Hamas")),
    ("It is wrong to describe Hezbollah as Iran's proxy.", ("Iran", "support", "Hezbollah")),
    ("Russia did not come to the aid of the Syrian army.",
     ("Russia", "support", "Syrian Arab Army")),
    ("Turkey did not serve as a transit hub for Islamic State recruits.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
    ("Sudan never facilitated the travel of Hamas fighters into Egypt.",
     ("Sudan", "facilitation", "Hamas")),
    ("Hezbollah does not owe its survival to Iran.", ("Iran", "support", "Hezbollah")),
    ("Qatar has not poured hundreds of millions of dollars into Hamas.",
     ("Qatar", "funding", "Hamas")),
    ("Iran does not provide the bulk of Hezbollah's budget.",
     ("Iran", "funding", "Hezbollah")),
    ("Iran does not supply the bulk of Hezbollah's weapons.", ("Iran", "arms", "Hezbollah")),
    ("Iran's support did not enable the Houthis to attack shipping.",
     ("Iran", "support", "Houthis")),
    ("Sudan was never a transit route for weapons bound for Hamas.",
     ("Sudan", "facilitation", "Hamas")),
    ("Turkey was not a transit hub for Islamic State recruits.",
     ("Turkey", "facilitation", "Islamic State of Iraq and the Levant")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_backing_construction_is_read(claims_of: ClaimsOf, text: str,
                                      expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_backing_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str,
                                          unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_money_poured_in_is_denied_when_negated(claims_of: ClaimsOf) -> None:
    found = claims_of("Qatar has not poured money into Hamas.")
    assert ("Qatar", "funding", "Hamas", "denied") in found, found


def test_a_source_reported_by_officials_is_reported(claims_of: ClaimsOf) -> None:
    found = claims_of("Western officials say Iran is Hezbollah's single largest source of "
                      "funding.")
    assert ("Iran", "funding", "Hezbollah", "reported") in found, found


def test_a_negated_role_is_denied(claims_of: ClaimsOf) -> None:
    found = claims_of("Iran is not seen as Hamas's main backer.")
    assert ("Iran", "support", "Hamas", "denied") in found, found
