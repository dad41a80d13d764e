"""Alliance language inside long sentences (loaders/rules/coalitions.yaml, fourth set),
in the voices of wire news, UN panels and think tanks: fighters from a group fighting
alongside another, troops sent to fight alongside, a joint operation by or with a
partner, attacks carried out or stormed jointly, allies in a shared body, a body named
after its word and its members, groups cooperating on smuggling or coordinating attacks,
a military command unified, a patron's proxies named (support), allegiance or loyalty to
a body's leader, an alliance named before the one who forged it, a lot thrown in, a
body's umbrella, a united front, members of a named body, membership as a noun, security
cooperation agreements between states. Each construction has near misses that must
give nothing: talks, ceasefires, mediation, rivals, a split, a tie that lasted "until",
denials, refusals, hypotheticals, plans, non-aggression pacts, trade blocs, IGO
membership and the language of reconciliation.
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

AA = "Arakan Army"
TNLA = "Ta'ang National Liberation Army"
MNDAA = "Myanmar National Democratic Alliance Army"
CNA = "Chin National Army"
PDF = "People's Defence Force"
JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
FLA = "Azawad Liberation Front"
PIJ = "Palestinian Islamic Jihad"
KH = "Kata'ib Hezbollah"
TPLF = "Tigray People's Liberation Front"
OLA = "Oromo Liberation Army"
TTP = "Tehrik-i-Taliban Pakistan"
ISIS = "Islamic State of Iraq and the Levant"
ISWAP = "Islamic State West Africa Province"
ISSP = "Islamic State Sahel Province"
ISCAP = "Islamic State Central Africa Province"
ADF = "Allied Democratic Forces"
SNA = "Syrian National Army"
AQAP = "Al-Qaeda in the Arabian Peninsula"

FOUND: list[tuple[str, Expected]] = [
    # fighters from a group, fighting alongside another (asides and attributions between)
    ("Fighters from the Arakan Army, who had been trained in Kachin State during the "
     "previous decade, fought alongside the Ta'ang National Liberation Army in northern "
     "Shan State for much of 2023, according to residents and local monitors.",
     (AA, "alliance", TNLA)),
    ("Fighters from the Arakan Army fought alongside the Ta'ang National Liberation Army in "
     "northern Shan State.", (AA, "alliance", TNLA)),
    # troops sent to fight alongside
    ("Eritrean troops, who entered Tigray in November 2020 to fight alongside Ethiopian "
     "federal forces against the TPLF, were accused by the UN of mass killings in Axum.",
     ("Eritrea", "alliance", "Ethiopian National Defense Force")),
    # a joint operation (one) by, of, with; carried out or stormed jointly
    ("The attack on the garrison at Kalay, which killed at least 40 soldiers, was a joint "
     "operation by the Chin National Army and the People's Defence Forces, the rebels said "
     "in a statement.", (CNA, "alliance", PDF)),
    ("According to the report, the raid on the convoy near Menaka in March was a joint "
     "operation of JNIM and the Azawad Liberation Front, which have increasingly "
     "coordinated in the north.", (JNIM, "alliance", FLA)),
    ("The attack on the checkpoint was carried out jointly by Hamas and Palestinian Islamic "
     "Jihad, the two groups said.", ("Hamas", "alliance", PIJ)),
    ("Somali special forces killed at least 20 al-Shabaab fighters in a joint operation "
     "with Turkish troops near Baidoa on Tuesday, the defence ministry said in a statement "
     "posted on its website.", ("Somalia", "alliance", "Turkey")),
    ("In the early hours of Sunday, JNIM and FLA fighters jointly stormed the army camp at "
     "Tinzaouaten, killing dozens of soldiers and Russian mercenaries, according to local "
     "sources.", (JNIM, "alliance", FLA)),
    ("Hamas and Palestinian Islamic Jihad jointly attacked an Israeli army post near Khan "
     "Younis, the two groups said in a statement.", ("Hamas", "alliance", PIJ)),
    ("Hamas and Palestinian Islamic Jihad jointly claimed responsibility for the bombing "
     "in Tel Aviv, which wounded four people near the central bus station.",
     ("Hamas", "alliance", PIJ)),
    ("Hamas and Palestinian Islamic Jihad jointly launched a rocket barrage and a series "
     "of raids on Israeli towns.", ("Hamas", "alliance", PIJ)),
    # allies named as members of a body they share
    ("Hezbollah and its partners in the axis of resistance, including the Houthis and Iraqi "
     "militias, have vowed to continue their attacks until the war in Gaza ends.",
     ("Hezbollah", "alliance", "Houthis")),
    # a body named after the word for one, and its members
    ("Nine groups formed a united front, the United Front of Federalist and Confederalist "
     "Forces, which includes the TPLF and the OLA.", (TPLF, "alliance", OLA)),
    # a united front formed, with or without the side it is against
    ("The TPLF and the OLA formed a united front, the two groups said in a joint statement "
     "issued from an undisclosed location in western Ethiopia.", (TPLF, "alliance", OLA)),
    ("Three armed groups in western Myanmar, including the Arakan Army and the Chin "
     "National Army, have announced a military alliance against the junta, their "
     "spokesmen said on Monday.", (AA, "alliance", CNA)),
    # groups cooperating on smuggling, coordinating attacks
    ("The Houthis and al-Shabaab, which have cooperated on arms smuggling across the Gulf "
     "of Aden since at least 2023, now share a network of brokers in Somalia and Yemen, "
     "the panel found.", ("Houthis", "alliance", "Al-Shabaab")),
    ("The Houthis and Kata'ib Hezbollah have coordinated attacks on shipping in the Red Sea "
     "since January, two US officials said.", ("Houthis", "alliance", KH)),
    # a military command unified
    ("In a joint statement issued after the meeting in Tehran, Hamas and Palestinian "
     "Islamic Jihad said they had agreed to unify their military command in Gaza.",
     ("Hamas", "alliance", PIJ)),
    # allegiance to a body's leader
    ("The TTP, which shares the Afghan Taliban's Deobandi roots, has pledged allegiance to "
     "the Taliban's supreme leader, according to the Monitoring Team.",
     (TTP, "alliance", "Taliban")),
    # under a body's umbrella; part of it since a year
    ("ISSP operates under the ISWAP umbrella in the tri-border area, the panel said.",
     (ISSP, "alliance", ISWAP)),
    ("The Allied Democratic Forces have operated since 2019 as part of the Islamic State's "
     "Central Africa Province, according to the Group of Experts, which documented "
     "financial transfers from Islamic State intermediaries in Somalia and South Africa.",
     (ADF, "alliance", ISCAP)),
    # one of the groups that make up a body; both members of a named body
    ("The Maute Group is one of several armed groups in Mindanao that make up the Islamic "
     "State's East Asia Province, according to the Philippine military.",
     ("Maute Group", "alliance", "ISIS-Philippines")),
    ("The Ta'ang National Liberation Army and the Myanmar National Democratic Alliance "
     "Army, both members of the Three Brotherhood Alliance, launched Operation 1027 in "
     "October 2023.", (TNLA, "alliance", MNDAA)),
    ("The Ta'ang National Liberation Army and the Myanmar National Democratic Alliance "
     "Army, both members of the Three Brotherhood Alliance, launched Operation 1027 in "
     "October 2023.", (TNLA, "alliance", "Three Brotherhood Alliance")),
    # partners in the fight against a third side
    ("The Arakan Army and the Chin National Army, partners in the fight against the junta "
     "since 2021, captured the town of Paletwa in January after weeks of heavy fighting.",
     (AA, "alliance", CNA)),
    # groups named in a list as those that joined
    ("Several Syrian rebel factions, among them Jaysh al-Islam and Ahrar al-Sham, joined "
     "the Turkish-backed Syrian National Army in 2017, bringing thousands of fighters into "
     "the coalition.", ("Ahrar al-Sham", "alliance", SNA)),
    ("Armed groups in eastern Congo, including the CODECO militia and the Zaire militia, "
     "have formed loose alliances with the Congolese army against the M23 in recent "
     "months.", ("CODECO", "alliance", "Armed Forces of the Democratic Republic of the Congo")),
    # an alliance of convenience
    ("Niger's junta, which expelled French and American forces in 2023 and 2024, has "
     "entered into an alliance of convenience with Russia, which now has instructors at "
     "the air base in Niamey.", ("Niger", "alliance", "Russia")),
    # an alliance named before the one who forged it; a lot thrown in; loyal to a leader
    ("The alliance that JNIM forged with the Azawad Liberation Front in 2024 has allowed "
     "the jihadists to expand their operations into the Kidal region, where they had "
     "previously been kept out by Tuareg rebels.", (JNIM, "alliance", FLA)),
    ("The Houthis threw in their lot with Iran after the Saudi-led intervention in 2015, "
     "receiving missiles, drones and training from the Revolutionary Guards in the years "
     "that followed.", ("Houthis", "alliance", "Iran")),
    ("Hezbollah remains loyal to Iran's supreme leader, Ali Khamenei, whom its leaders "
     "regard as the highest religious authority.", ("Hezbollah", "alliance", "Iran")),
    # back in the fold; membership or absorption as a noun; allied militias such as
    ("A faction of the TTP led by Omar Khalid Khorasani split from the movement in 2014 "
     "to form Jamaat-ul-Ahrar, which later rejoined the TTP in 2020 after years of "
     "rivalry.", ("Jamaat-ul-Ahrar", "alliance", TTP)),
    ("The Maute Group's membership in the Islamic State's East Asia Province was confirmed "
     "by the group's own propaganda, which showed its fighters under the black banner in "
     "Marawi.", ("Maute Group", "alliance", "ISIS-Philippines")),
    ("Ansar al-Islam's absorption into JNIM in 2019 gave the al-Qaeda affiliate a foothold "
     "in northern Burkina Faso, from which it has since expanded south towards the coastal "
     "states.", ("Ansar al-Islam", "alliance", JNIM)),
    ("The Sudanese army and allied militias such as the al-Baraa bin Malik Brigade retook "
     "Khartoum in March 2025, ending nearly two years of RSF control of the capital.",
     ("Sudanese Armed Forces", "alliance", "Al-Baraa bin Malik Brigade")),
    # those named in a "together with ... such as" aside share the side taken
    ("Hezbollah, together with Iranian-backed Iraqi militias such as Kata'ib Hezbollah, "
     "fought on the side of the Syrian government throughout the civil war.",
     (KH, "alliance", "Syria")),
    ("Hezbollah and Kata'ib Hezbollah fought on the side of the Syrian government "
     "throughout the civil war.", (KH, "alliance", "Syria")),
    # a pact between named members and unnamed others; the most important member of a
    # possessor's axis
    ("A pact between the TPLF, the OLA and seven smaller groups was signed in Washington "
     "in November 2021, committing the signatories to remove the prime minister by force "
     "or negotiation.", (TPLF, "alliance", OLA)),
    ("Since the fall of Assad, the Houthis have become the most important member of Iran's "
     "so-called axis of resistance, launching missiles at Israel and attacking shipping in "
     "the Red Sea.", ("Houthis", "alliance", "Iran")),
    # a patron's proxies named (support, the taxonomy's word for a proxy)
    ("Iran's proxies in Iraq and Syria, including Kata'ib Hezbollah, have carried out more "
     "than 150 attacks on US forces since October, the Pentagon said on Thursday.",
     ("Iran", "support", KH)),
    ("Iran's network of proxies, which includes Hezbollah, the Houthis and Iraqi militias "
     "such as Kata'ib Hezbollah, has been badly weakened since October 2023.",
     ("Iran", "support", "Houthis")),
    ("Mali, Burkina Faso and Niger signed a memorandum of understanding on defence "
     "cooperation with Russia in 2024, the Russian defence ministry said.",
     ("Mali", "alliance", "Russia")),
    # security cooperation agreements between states
    ("Iraq and Iran signed a memorandum of understanding on security cooperation in March "
     "2023 that commits Baghdad to disarming Kurdish opposition groups along the border.",
     ("Iraq", "alliance", "Iran")),
    ("Tanzania, whose police have arrested dozens of suspected recruiters, signed an "
     "agreement on defence cooperation with Mozambique in 2022.",
     ("Tanzania", "alliance", "Mozambique")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # a tie that lasted "until": over
    ("The Haqqani Network fought alongside the Taliban for two decades until a bitter "
     "dispute over the interior ministry in 2023 led several of its commanders to break "
     "with the movement's leadership in Kandahar.", ("Haqqani Network", "alliance", "Taliban")),
    ("The Islamic State Sahel Province was part of ISWAP until 2022, when it split from the "
     "West African branch and became a separate province of the Islamic State.",
     (ISSP, "alliance", ISWAP)),
    ("Hamas was a close ally of the Syrian government until it broke with Damascus in 2012 "
     "over the crackdown on protesters and moved its political bureau to Doha.",
     ("Hamas", "alliance", "Syria")),
    ("JNIM and the Islamic State Sahel Province cooperated on attacks in the Sahel until "
     "2019, when the two groups went to war.", (JNIM, "alliance", ISSP)),
    # an alliance hoped for, denied or collapsed; a lot not thrown in; loyalty gone
    ("The alliance that JNIM hopes to forge with the Azawad Liberation Front has not "
     "materialised.", (JNIM, "alliance", FLA)),
    ("The alliance that JNIM had forged with the Azawad Liberation Front collapsed in "
     "2025.", (JNIM, "alliance", FLA)),
    ("The Houthis refused to throw in their lot with Iran.", ("Houthis", "alliance", "Iran")),
    ("Hezbollah is no longer loyal to Iran's supreme leader.", ("Hezbollah", "alliance", "Iran")),
    # two who fought on one side did not fight each other
    ("Hezbollah and Kata'ib Hezbollah fought on the side of the Syrian government "
     "throughout the civil war.", ("Hezbollah", "hostility", KH)),
    ("Hezbollah and Kata'ib Hezbollah fought on the side of the Syrian government "
     "throughout the civil war.", (KH, "hostility", "Hezbollah")),
    ("Hezbollah, together with Iranian-backed Iraqi militias such as Kata'ib Hezbollah, "
     "fought on the side of the Syrian government throughout the civil war.",
     ("Hezbollah", "hostility", KH)),
    # a return refused, to an IGO; membership suspended or blocked; rival militias
    ("Jamaat-ul-Ahrar refused to rejoin the TTP.", ("Jamaat-ul-Ahrar", "alliance", TTP)),
    ("Sudan rejoined the African Union in 2024.", ("Sudan", "alliance", "African Union")),
    ("Sudan's membership in the African Union was suspended after the 2021 coup.",
     ("Sudan", "alliance", "African Union")),
    ("Ukraine's accession to NATO was blocked by Hungary.", ("Ukraine", "alliance", "NATO")),
    ("The Sudanese army and rival militias such as the RSF fought in Khartoum.",
     ("Sudanese Armed Forces", "alliance", "Rapid Support Forces")),
    ("Russia, together with states such as China and India, voted against the resolution.",
     ("China", "alliance", "Russia")),
    # former proxies; proxies denied; a pact only talked about; membership denied
    ("Iran's former proxies, including Hamas, have drifted away.", ("Iran", "support", "Hamas")),
    ("Iran denies that its proxies, including the Houthis, take orders from Tehran.",
     ("Iran", "support", "Houthis")),
    ("Talks on a pact between the TPLF, the OLA and several other groups stalled.",
     (TPLF, "alliance", OLA)),
    ("The Houthis are not a member of Iran's axis, their leader insisted.",
     ("Houthis", "alliance", "Iran")),
    # talks, ceasefires, mediation
    ("Delegations from the Sudanese army and the Rapid Support Forces met in Jeddah for "
     "talks on a humanitarian ceasefire, mediated by Saudi Arabia and the United States, "
     "but the negotiations collapsed within weeks.",
     ("Sudanese Armed Forces", "alliance", "Rapid Support Forces")),
    ("Qatar and Egypt, which have mediated between Hamas and Israel since the start of the "
     "war, said that the two sides had agreed to a temporary ceasefire.",
     ("Hamas", "alliance", "Israel")),
    ("Israel and Hamas coordinated the release of hostages through Egyptian mediators.",
     ("Hamas", "alliance", "Israel")),
    ("Hamas and Israel cooperated on the release of hostages under a deal brokered by "
     "Qatar.", ("Hamas", "alliance", "Israel")),
    ("The Houthis and Saudi Arabia jointly announced a prisoner exchange mediated by the "
     "United Nations.", ("Houthis", "alliance", "Saudi Arabia")),
    ("Egypt and Qatar signed an agreement on security cooperation for the Gaza ceasefire "
     "talks.", ("Egypt", "alliance", "Qatar")),
    ("Turkey and Russia signed a memorandum of understanding on security arrangements in "
     "Idlib.", ("Russia", "alliance", "Turkey")),
    ("Ethiopia signed a memorandum of understanding with Somaliland on access to the sea.",
     ("Ethiopia", "alliance", "Somaliland")),
    # states that signed together with a third are allied with it, not thereby with each
    # other
    ("Mali, Burkina Faso and Niger signed a memorandum of understanding on defence "
     "cooperation with Russia in 2024, the Russian defence ministry said.",
     ("Burkina Faso", "alliance", "Mali")),
    # a non-aggression pact, a truce or a peace agreement between enemies
    ("JNIM and the Islamic State Sahel Province signed a non-aggression pact in 2023, "
     "according to local sources, although clashes between the two groups resumed in the "
     "Menaka region within months.", (JNIM, "alliance", ISSP)),
    ("AQAP has concluded a local non-aggression pact with the Houthis in Abyan, under "
     "which the two parties exchange detainees.", (AQAP, "alliance", "Houthis")),
    ("Hamas signed a peace agreement with Fatah in Cairo.", ("Hamas", "alliance", "Fatah")),
    ("The Houthis signed a truce agreement with Saudi Arabia.",
     ("Houthis", "alliance", "Saudi Arabia")),
    # rivals, a split, a defection
    ("Al-Shabaab and the Islamic State in Somalia, rivals that have clashed repeatedly in "
     "Puntland since 2018, compete for recruits and for revenue from extortion.",
     ("Al-Shabaab", "alliance", "Islamic State Somalia Province")),
    ("Hamas and Fatah, rivals in the struggle for Palestinian leadership, met in Cairo.",
     ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah, partners in the talks on a unity government, met in Cairo.",
     ("Hamas", "alliance", "Fatah")),
    # denials, refusals
    ("The Houthis and al-Shabaab have never cooperated on arms smuggling, the spokesman "
     "said.", ("Houthis", "alliance", "Al-Shabaab")),
    ("The TTP denied that it had pledged allegiance to the Taliban's supreme leader.",
     (TTP, "alliance", "Taliban")),
    ("Al-Shabaab refused to pledge allegiance to the Islamic State's caliph.",
     ("Al-Shabaab", "alliance", ISIS)),
    ("Eritrea denied that its troops had entered Tigray to fight alongside Ethiopian "
     "federal forces.", ("Eritrea", "alliance", "Ethiopian National Defense Force")),
    ("Several factions, including Ahrar al-Sham, refused to join the Syrian National Army "
     "in 2017.", ("Ahrar al-Sham", "alliance", SNA)),
    ("The TPLF and the OLA never formed a united front, despite repeated calls to do so.",
     (TPLF, "alliance", OLA)),
    # hypotheticals, plans, calls to unite
    ("If the TPLF and the OLA were to form an alliance against the federal government, "
     "analysts warn, Ethiopia could slide back into a full-scale civil war within months.",
     (TPLF, "alliance", OLA)),
    ("The TPLF and the OLA could form a united front against the government, analysts "
     "said.", (TPLF, "alliance", OLA)),
    ("The United Nations envoy urged the Arakan Army and the Chin National Army to unite "
     "against the junta, but neither group responded.", (AA, "alliance", CNA)),
    ("Kenyan troops, in a planned joint operation with Somali forces, were due to attack "
     "the town.", ("Kenya", "alliance", "Somalia")),
    ("Several factions, including Ahrar al-Sham, could join the Syrian National Army, "
     "officials said.", ("Ahrar al-Sham", "alliance", SNA)),
    ("Washington urged Kenya to send troops to fight alongside the Somali army.",
     ("Kenya", "alliance", "Somali National Army")),
    # reconciliation language: ranks and security forces are no military command
    ("Hamas and Fatah agreed to unify their ranks and to form a national unity government, "
     "but the deal collapsed.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah agreed to unify their security forces under a reconciliation deal "
     "signed in Cairo.", ("Hamas", "alliance", "Fatah")),
    ("Talks between Hamas and Fatah on forming a unity government and merging their "
     "security forces have repeatedly failed since the 2007 split.",
     ("Hamas", "alliance", "Fatah")),
    # a joint statement or call is no joint operation; a joint investigation by IGOs; a
    # satellite launched jointly
    ("Russia and China jointly launched a satellite in 2024.", ("China", "alliance", "Russia")),
    ("Hamas and Fatah jointly condemned the Israeli raid on Jenin.",
     ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah jointly called for a general strike across the West Bank.",
     ("Hamas", "alliance", "Fatah")),
    ("A joint statement by Qatar and Egypt called on Hamas and Israel to accept the "
     "ceasefire.", ("Egypt", "alliance", "Qatar")),
    ("The Popular Mobilization Forces and the Iraqi army, rivals for influence in Baghdad, "
     "jointly held the town after the Islamic State retreated.",
     ("Popular Mobilization Forces", "alliance", "Iraqi Security Forces")),
    # IGO membership; a trade bloc; a peace process; a governing coalition
    ("Kenya and Somalia, both members of the Intergovernmental Authority on Development, "
     "have clashed over the maritime border.", ("Kenya", "alliance", "Somalia")),
    ("Kenya and Somalia are both members of the Intergovernmental Authority on Development, "
     "which has struggled to mediate between the warring parties in Sudan.",
     ("Kenya", "alliance", "Somalia")),
    ("Iran's partners in the trade bloc, including China and India, ignored the sanctions "
     "imposed by Washington last year.", ("China", "alliance", "India")),
    ("Iran's partners in the trade bloc, including China and India, ignored the sanctions "
     "imposed by Washington last year.", ("China", "alliance", "Iran")),
    ("Iran's partners in the peace process, including Qatar and Oman, urged restraint.",
     ("Iran", "alliance", "Qatar")),
    ("Hamas and its former allies in the axis of resistance, including Syria, have drifted "
     "apart since 2012.", ("Hamas", "alliance", "Syria")),
    # a threat is no body
    ("Al-Shabaab is one of several groups that make up the threat facing Somalia, "
     "officials said.", ("Al-Shabaab", "alliance", "Somalia")),
    # a cover of darkness is no umbrella; a joint investigation
    ("The Houthis operate under the cover of darkness, according to the US Navy.",
     ("Houthis", "alliance", "United States")),
    ("A joint investigation by the United Nations and the African Union found no evidence "
     "of an alliance.", ("African Union", "alliance", "United Nations")),
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
