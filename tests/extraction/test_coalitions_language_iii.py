"""Alliance language inside longer sentences (loaders/rules/coalitions.yaml, third set):
mergers announced, alliances formed against a third side, membership of another's body
("part of Iran's axis"), allies named in apposition or after a place, participial tails
(", joining forces with Y"), roles become or emerged into, an ally found, a side taken
in a war, and "the two groups, A and B," as a subject. Each construction has near misses
that must give nothing: talks, hypotheticals, denials, former ties, trade partners,
rivals, a governing coalition, a body left.
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

ISIS = "Islamic State of Iraq and the Levant"
PIJ = "Palestinian Islamic Jihad"
KH = "Kata'ib Hezbollah"
TPLF = "Tigray People's Liberation Front"
OLA = "Oromo Liberation Army"
AQAP = "Al-Qaeda in the Arabian Peninsula"
FLA = "Azawad Liberation Front"

FOUND: list[tuple[str, Expected]] = [
    # a merger announced or completed by both
    ("In a joint video released on Friday, Ansar Dine and al-Mourabitoun announced their "
     "merger.", ("Ansar Dine", "alliance", "Al-Mourabitoun")),
    ("The Haqqani Network and the TTP have completed a merger, a spokesman told reporters.",
     ("Haqqani Network", "alliance", "Tehrik-i-Taliban Pakistan")),
    ("Al-Shabaab formally announced its merger with AQAP in a statement on Telegram.",
     ("Al-Shabaab", "alliance", AQAP)),
    # an alliance formed against a third side: the members are allies
    ("The TPLF and the OLA announced an alliance against the federal government in "
     "Addis Ababa.", (TPLF, "alliance", OLA)),
    ("Hamas and Palestinian Islamic Jihad have forged a common front against the "
     "occupation, officials said.", ("Hamas", "alliance", PIJ)),
    ("Nine armed groups, including the TPLF and the OLA, formed an alliance in "
     "Washington.", (TPLF, "alliance", OLA)),
    # part or member of another's body
    ("The Houthis are part of Iran's axis of resistance, which stretches from Yemen to "
     "Lebanon.", ("Houthis", "alliance", "Iran")),
    ("Kata'ib Hezbollah, which is a core member of Iran's so-called axis of resistance, "
     "claimed the drone strike.", (KH, "alliance", "Iran")),
    ("Hezbollah has long been a member of the axis of resistance led by Iran.",
     ("Hezbollah", "alliance", "Iran")),
    # allies named in apposition, after a place, or as what the allies include
    ("Hamas and Hezbollah, both allies of Iran, condemned the strike on Damascus.",
     ("Hezbollah", "alliance", "Iran")),
    ("Hamas and Hezbollah, both allies of Iran, condemned the strike on Damascus.",
     ("Hamas", "alliance", "Iran")),
    ("Iran's allies in Lebanon and Yemen, including Hezbollah and the Houthis, have vowed "
     "revenge.", ("Houthis", "alliance", "Iran")),
    ("Diplomats say Iran's closest allies include Hezbollah and the Houthis.",
     ("Hezbollah", "alliance", "Iran")),
    # a participial tail: the clause's subject joins forces
    ("The Houthis attacked a tanker off Hodeidah, joining forces with Hezbollah in the "
     "campaign.", ("Houthis", "alliance", "Hezbollah")),
    ("Al-Shabaab fighters stormed the base at dawn, teaming up with AQAP militants.",
     ("Al-Shabaab", "alliance", AQAP)),
    # a role become or emerged into; an ally found
    ("North Korea has become Russia's closest military partner, Seoul's intelligence "
     "agency said.", ("North Korea", "alliance", "Russia")),
    ("Belarus has emerged as a key ally of Russia since 2020.", ("Belarus", "alliance", "Russia")),
    ("Moscow has found a willing ally in North Korea, analysts say.",
     ("North Korea", "alliance", "Russia")),
    # a side taken in a war, with the common enemy
    ("Eritrea's troops fought on the side of Ethiopia's federal forces throughout the "
     "war, the panel said.", ("Eritrea", "alliance", "Ethiopia")),
    ("Eritrea fought on Ethiopia's side against the TPLF.", ("Eritrea", "alliance", "Ethiopia")),
    ("Eritrea fought on Ethiopia's side against the TPLF.", ("Eritrea", "hostility", TPLF)),
    ("Eritrea fought on Ethiopia's side against the TPLF.", ("Ethiopia", "hostility", TPLF)),
    # "the two groups, A and B," as the subject
    ("The two groups, Hamas and Palestinian Islamic Jihad, remain close allies.",
     ("Hamas", "alliance", PIJ)),
    ("The two countries, Russia and Belarus, are staunch military allies.",
     ("Belarus", "alliance", "Russia")),
    # allies in apposition to each other; partners against a third side (groups)
    ("Russia and Belarus, close allies since the Soviet collapse, held joint drills near "
     "the border.", ("Belarus", "alliance", "Russia")),
    ("Hamas and Palestinian Islamic Jihad, longtime partners, claimed the rocket fire.",
     ("Hamas", "alliance", PIJ)),
    ("JNIM and the FLA have reportedly cooperated against the army near Kidal.",
     ("Jama'at Nusrat al-Islam wal-Muslimin", "alliance", FLA)),
    # still allied, affiliated with each other
    ("The Haqqani Network remains closely allied with al-Qaeda, according to the "
     "Monitoring Team.", ("Haqqani Network", "alliance", "Al-Qaeda")),
    ("The PKK and the YPG are affiliated, Turkish officials say.",
     ("Kurdistan Workers' Party", "alliance", "People's Protection Units")),
    # an ally named after a place
    ("Iran's closest ally in the Arab world, Syria, hosted the summit.",
     ("Iran", "alliance", "Syria")),
    ("Russia's main ally in Africa, Mali, voted against the resolution.",
     ("Mali", "alliance", "Russia")),
    # seen, regarded or described as an ally
    ("The Houthis are widely seen as Iran's most important ally in the region.",
     ("Houthis", "alliance", "Iran")),
    ("Hamas is described by Israeli officials as a close partner of Iran.",
     ("Hamas", "alliance", "Iran")),
    ("Western officials regard Hezbollah as Iran's most powerful ally.",
     ("Hezbollah", "alliance", "Iran")),
    # one of the branches; side by side with
    ("ISWAP is one of the Islamic State's strongest branches.",
     ("Islamic State West Africa Province", "alliance", ISIS)),
    ("Hamas fighters fought side by side with Palestinian Islamic Jihad militants in Khan "
     "Younis.", ("Hamas", "alliance", PIJ)),
    # a confederation of members; became affiliated
    ("The AES, a confederation of Mali, Burkina Faso and Niger, has set up its own "
     "force.", ("Burkina Faso", "alliance", "Niger")),
    ("Ansar al-Sunna became affiliated with the Islamic State in 2019, the panel found.",
     ("Ansar al-Sunna", "alliance", ISIS)),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # a merger talked about, possible, denied, ended or with a third thing
    ("Hamas and Fatah discussed a merger of their security services in Cairo.",
     ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah could announce a merger next year, diplomats said.",
     ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah denied that they had announced a merger.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah announced the end of their merger.", ("Hamas", "alliance", "Fatah")),
    ("Hamas announced a merger with Fatah was not on the table.", ("Hamas", "alliance", "Fatah")),
    # an alliance only possible, rejected or ended; its target is no member
    ("The TPLF and the OLA could form an alliance against the government, analysts warned.",
     (TPLF, "alliance", OLA)),
    ("The TPLF and the OLA announced an alliance against the federal government.",
     (TPLF, "alliance", "Ethiopia")),
    ("Several groups, including Hamas and Fatah, rejected an alliance with Israel.",
     ("Hamas", "alliance", "Israel")),
    ("The TPLF and the OLA ended their alliance against the government.", (TPLF, "alliance", OLA)),
    # what is no body of the possessor; membership denied, left or past; a governing
    # coalition
    ("The Houthis are part of Saudi Arabia's security problem.",
     ("Houthis", "alliance", "Saudi Arabia")),
    ("Turkey is a member of Russia's delegation to the talks.", ("Turkey", "alliance", "Russia")),
    ("Hezbollah is not part of Iran's axis of resistance, its leader insisted.",
     ("Hezbollah", "alliance", "Iran")),
    ("Hamas left Iran's axis of resistance in 2012.", ("Hamas", "alliance", "Iran")),
    ("The Houthis were once part of Iran's axis.", ("Houthis", "alliance", "Iran")),
    ("Fatah is part of Egypt's governing coalition.", ("Fatah", "alliance", "Egypt")),
    # rivals, former allies, trade partners in apposition
    ("Hamas and Fatah, both rivals of Israel, met in Cairo.", ("Hamas", "alliance", "Israel")),
    ("Hamas and Fatah, former allies of Iran, met in Cairo.", ("Hamas", "alliance", "Iran")),
    ("China and India, both trade partners of Iran, ignored the sanctions.",
     ("China", "alliance", "Iran")),
    ("Iran's trading partners in Asia, including China and India, ignored the sanctions.",
     ("China", "alliance", "Iran")),
    ("Iran's former allies in Syria, including Hamas, turned against it.",
     ("Hamas", "alliance", "Iran")),
    ("Iran's potential allies include China and Russia.", ("China", "alliance", "Iran")),
    ("Iran's enemies include Israel and the United States.", ("Iran", "alliance", "Israel")),
    # forces joined in a relative clause, or refused; the place named is no partner
    ("Israel struck Hezbollah, which was joining forces with Hamas.",
     ("Israel", "alliance", "Hamas")),
    ("The Houthis refused to join forces with al-Shabaab.", ("Houthis", "alliance", "Al-Shabaab")),
    # trade partners, possible partners; an ally in a fight, an ally of a place
    ("North Korea has become Russia's largest trading partner.",
     ("North Korea", "alliance", "Russia")),
    ("North Korea emerged as a potential partner of Russia.",
     ("North Korea", "alliance", "Russia")),
    ("Russia has found a new market in North Korea.", ("North Korea", "alliance", "Russia")),
    ("Russia has not found an ally in North Korea.", ("North Korea", "alliance", "Russia")),
    ("Iran found an ally in Syria's president.", ("Iran", "alliance", "Syria")),
    # the other side, a side only possible, or denied
    ("Eritrea's troops fought on the other side of the river from Ethiopia.",
     ("Eritrea", "alliance", "Ethiopia")),
    ("Eritrea could fight on Ethiopia's side if the war resumes.",
     ("Eritrea", "alliance", "Ethiopia")),
    ("Eritrea could fight on Ethiopia's side if the war resumes.",
     ("Eritrea", "hostility", "Ethiopia")),
    ("Eritrea denied that its troops fought on the side of Ethiopia.",
     ("Eritrea", "alliance", "Ethiopia")),
    ("Eritrea fought on Ethiopia's side against the TPLF.", ("Eritrea", "hostility", "Ethiopia")),
    # the two groups once allied; met, hosted, denied links
    ("The two groups, Hamas and Fatah, were once allies.", ("Hamas", "alliance", "Fatah")),
    ("Hamas met Hezbollah in Beirut on Tuesday.", ("Hamas", "alliance", "Hezbollah")),
    ("Egypt hosted talks between Hamas and Fatah.", ("Hamas", "alliance", "Fatah")),
    ("Hamas denied any links to al-Qaeda.", ("Hamas", "alliance", "Al-Qaeda")),
    ("Burkina Faso is a member of the African Union.",
     ("Burkina Faso", "alliance", "African Union")),
    # apposition of enemies, former allies, trade partners
    ("Russia and Ukraine, bitter enemies since 2014, exchanged prisoners.",
     ("Russia", "alliance", "Ukraine")),
    ("Hamas and Fatah, former allies, met in Cairo.", ("Hamas", "alliance", "Fatah")),
    ("China and India, major trade partners, signed a deal.", ("China", "alliance", "India")),
    ("Israel struck Hamas and Hezbollah, potential allies in any future war.",
     ("Hamas", "alliance", "Hezbollah")),
    # states cooperating against a threat; cooperation never, or only asked about
    ("Russia and China cooperated against terrorism at the UN.", ("Russia", "alliance", "China")),
    ("Russia and Turkey coordinated against the Islamic State in Syria.",
     ("Russia", "alliance", "Turkey")),
    ("Hamas and Fatah have never cooperated against Israel.", ("Hamas", "alliance", "Fatah")),
    # allied until, before; not affiliated, or each with another
    ("The Haqqani Network remained allied with al-Qaeda until 2015.",
     ("Haqqani Network", "alliance", "Al-Qaeda")),
    ("The Haqqani Network no longer remains allied with al-Qaeda.",
     ("Haqqani Network", "alliance", "Al-Qaeda")),
    ("Hamas and Fatah are not affiliated, officials said.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah are affiliated with different factions.", ("Hamas", "alliance", "Fatah")),
    # a trade partner, a former or potential ally named after a place
    ("Russia's biggest trading partner in Asia, China, bought more oil.",
     ("China", "alliance", "Russia")),
    ("Iran's former ally in the region, Hamas, condemned the move.",
     ("Hamas", "alliance", "Iran")),
    ("Iran's potential partner in Africa, Sudan, hosted talks.", ("Iran", "alliance", "Sudan")),
    # seen as an enemy, not seen as an ally, once seen as one; a proxy is support
    ("Hezbollah is widely seen as Israel's enemy.", ("Hezbollah", "alliance", "Israel")),
    ("The Houthis are not seen as Iran's ally, officials say.", ("Houthis", "alliance", "Iran")),
    ("Hamas is seen as Qatar's trading partner.", ("Hamas", "alliance", "Qatar")),
    ("Hezbollah was once seen as Syria's closest ally.", ("Hezbollah", "alliance", "Syria")),
    ("Analysts no longer regard Hamas as Iran's ally.", ("Hamas", "alliance", "Iran")),
    ("Israel regards Hamas as Iran's proxy.", ("Hamas", "alliance", "Iran")),
    ("ISWAP is one of Nigeria's biggest problems.",
     ("Islamic State West Africa Province", "alliance", "Nigeria")),
    ("ISWAP is one of the Islamic State's former branches.",
     ("Islamic State West Africa Province", "alliance", ISIS)),
    # a confederation of no actors; an affiliation never made, or only feared
    ("The talks, a confederation of ideas, included Mali and Niger.",
     ("Mali", "alliance", "Niger")),
    ("Ansar al-Sunna never became affiliated with the Islamic State.",
     ("Ansar al-Sunna", "alliance", ISIS)),
    ("The Houthis could become allied with al-Shabaab, US officials fear.",
     ("Houthis", "alliance", "Al-Shabaab")),
    # partners in a peace process; an enemy become; another's effort joined
    ("Israel and Egypt, partners in the peace process, met in Cairo.",
     ("Egypt", "alliance", "Israel")),
    ("Hezbollah has become Israel's most dangerous enemy.", ("Hezbollah", "alliance", "Israel")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_alliance_in_long_sentence_is_read(claims_of: ClaimsOf, text: str,
                                           expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_alliance_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str,
                                           unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found
