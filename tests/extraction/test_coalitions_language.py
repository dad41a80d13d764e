"""The language of coalitions, membership and co-belligerence (loaders/rules/coalitions.yaml):
a body and the members it comprises, members of a named alliance, pledges of allegiance,
branches founded as such, allies listed, pacts signed, and fighting side by side (with
the hostility toward the common enemy that comes with it). Each construction has
sentences of several shapes and near misses it must not read: alliances that ended,
rivals, talks, a coalition against someone, lists of targets, what is only proposed.
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
AQAP = "Al-Qaeda in the Arabian Peninsula"
AQIM = "Al-Qaeda in the Islamic Maghreb"
ISIS = "Islamic State of Iraq and the Levant"
KH = "Kata'ib Hezbollah"
PIJ = "Palestinian Islamic Jihad"
YPG = "People's Protection Units"
SDF = "Syrian Democratic Forces"
FLA = "Azawad Liberation Front"
FAMA = "Malian Armed Forces"
NUJABA = "Harakat Hezbollah al-Nujaba"
IRI = "Islamic Resistance in Iraq"

FOUND: list[tuple[str, Expected]] = [
    # a body and what it comprises: the members are allies of each other ...
    ("The Syrian Democratic Forces, which consists of the YPG and the Syriac Military "
     "Council, took Raqqa.", (YPG, "alliance", "Syriac Military Council")),
    ("Operation Dawn was led by the Islamic Resistance in Iraq, an alliance comprising "
     "Kata'ib Hezbollah, Harakat al-Nujaba and Kata'ib Sayyid al-Shuhada.",
     (KH, "alliance", "Kata'ib Sayyid al-Shuhada")),
    ("JNIM, a coalition that brings together Ansar Dine and al-Mourabitoun, was founded in "
     "2017.", ("Ansar Dine", "alliance", "Al-Mourabitoun")),
    # ... and of the body named as one
    ("JNIM, a coalition that brings together Ansar Dine and al-Mourabitoun, was founded in "
     "2017.", ("Ansar Dine", "alliance", JNIM)),
    ("Operation Dawn was led by the Islamic Resistance in Iraq, an alliance comprising "
     "Kata'ib Hezbollah, Harakat al-Nujaba and Kata'ib Sayyid al-Shuhada.",
     (NUJABA, "alliance", IRI)),
    # one member belongs to a body that includes others
    ("Hamas is part of the Iran-led axis of resistance, a bloc that includes Hezbollah and "
     "the Houthis.", ("Hamas", "alliance", "Houthis")),
    ("Hamas is part of the Iran-led axis of resistance, a bloc that includes Hezbollah and "
     "the Houthis.", ("Hezbollah", "alliance", "Houthis")),
    ("Hamas is part of the Iran-led axis of resistance, a bloc that includes Hezbollah and "
     "the Houthis.", ("Hamas", "alliance", "Iran")),
    ("Kata'ib Hezbollah is a member of the Iran-led axis, a coalition that includes Afghan "
     "brigades such as Liwa Fatemiyoun.", (KH, "alliance", "Liwa Fatemiyoun")),
    ("The Houthis belong to a loose Iranian-led coalition, an axis that also includes Syrian "
     "militias such as Liwa Fatemiyoun.", ("Houthis", "alliance", "Liwa Fatemiyoun")),
    # fellow members
    ("Ansar Dine and al-Mourabitoun were both members of the al-Qaeda-led coalition.",
     ("Ansar Dine", "alliance", "Al-Mourabitoun")),
    ("Hezbollah and Hamas are members of the Iran-led axis.", ("Hamas", "alliance", "Hezbollah")),
    # those who make up a body
    ("Ansar Dine, al-Mourabitoun and AQIM together form the core of JNIM.",
     ("Ansar Dine", "alliance", AQIM)),
    ("Ansar Dine, al-Mourabitoun and AQIM together form the core of JNIM.",
     ("Al-Mourabitoun", "alliance", JNIM)),
    ("Hamas and Palestinian Islamic Jihad make up the core of the coalition.",
     ("Hamas", "alliance", PIJ)),
    ("Ansar Dine and al-Mourabitoun constitute JNIM.", ("Ansar Dine", "alliance", JNIM)),
    # fighting under a body's umbrella, within a body named as one
    ("Since 2015 the YPG has fought under the umbrella of the Syrian Democratic Forces.",
     (YPG, "alliance", SDF)),
    ("Boko Haram operated within ISWAP, an alliance of jihadist factions.",
     ("Boko Haram", "alliance", "Islamic State West Africa Province")),
    # relying on a coalition of militias
    ("The Malian army has relied heavily on a network of local militias known as Dan Na "
     "Ambassagou.", (FAMA, "alliance", "Dan Na Ambassagou")),
    # pledges of allegiance and loyalty
    ("Al-Shabaab renewed its pledge of allegiance to al-Qaeda in 2022.",
     ("Al-Shabaab", "alliance", "Al-Qaeda")),
    ("Boko Haram's oath of allegiance to the Islamic State was accepted in 2015.",
     ("Boko Haram", "alliance", ISIS)),
    ("Ansar Bayt al-Maqdis pledged loyalty to the Islamic State in 2014.",
     ("ISIL Sinai Province", "alliance", ISIS)),
    # founded as a branch of another
    ("Militants loyal to Baghdadi set up ISWAP in 2015 as an affiliate of the Islamic State.",
     ("Islamic State West Africa Province", "alliance", ISIS)),
    ("ISKP was founded in 2015 as the Islamic State's branch in Afghanistan.",
     ("Islamic State Khorasan Province", "alliance", ISIS)),
    ("Loyalists formed Hurras al-Din as al-Qaeda's new branch in Syria.",
     ("Hurras al-Din", "alliance", "Al-Qaeda")),
    # allies listed
    ("Hezbollah's allies, including the Houthis and Kata'ib Hezbollah, condemned the strike.",
     ("Hezbollah", "alliance", KH)),
    ("The partners of Russia, such as Belarus and Iran, were not invited.",
     ("Belarus", "alliance", "Russia")),
    ("Iran and its allies, notably Hezbollah and Hamas, rejected the plan.",
     ("Hamas", "alliance", "Iran")),
    # an alliance that did not end is one
    ("The partnership between the Taliban and al-Qaeda has not collapsed.",
     ("Taliban", "alliance", "Al-Qaeda")),
    # "the two remain allies"
    ("Pakistan hosted the Taliban for years, and the two remain strategic allies.",
     ("Pakistan", "alliance", "Taliban")),
    ("The PKK founded the YPG in 2011, which adopted its ideology, and both groups are "
     "still close partners.", ("Kurdistan Workers' Party", "alliance", YPG)),
    # pacts signed with another
    ("Niger signed a mutual defence pact with Mali in 2023.", ("Niger", "alliance", "Mali")),
    ("Chad has signed a military cooperation agreement with Sudan.",
     ("Chad", "alliance", "Sudan")),
    ("Kenya, whose troops are deployed in Gedo, signed a security pact with Somalia.",
     ("Kenya", "alliance", "Somalia")),
    # side by side
    ("Hezbollah fighters were seen fighting alongside the Houthis in Yemen.",
     ("Hezbollah", "alliance", "Houthis")),
    ("Ansar Dine operated together with AQIM in northern Mali.", ("Ansar Dine", "alliance", AQIM)),
    ("Hamas and Palestinian Islamic Jihad fought side by side in Gaza.",
     ("Hamas", "alliance", PIJ)),
    ("Hamas and Palestinian Islamic Jihad regrouped in Khan Younis and fought together in "
     "Rafah.", ("Hamas", "alliance", PIJ)),
    # fighting together against a common enemy: each is hostile to it
    ("Hamas and Palestinian Islamic Jihad fought together for weeks against Israel.",
     (PIJ, "hostility", "Israel")),
    ("Hamas and Palestinian Islamic Jihad pledged loyalty to Iran and fought together during "
     "the long war against Israel.", ("Hamas", "hostility", "Israel")),
    ("Wagner fighters fought alongside the Malian army against the Azawad Liberation Front.",
     ("Wagner Group", "hostility", FLA)),
    ("Wagner fighters fought alongside the Malian army against the Azawad Liberation Front.",
     (FAMA, "hostility", FLA)),
    ("Kata'ib Hezbollah has fought alongside government troops against the Islamic State.",
     (KH, "hostility", ISIS)),
    # cooperating with one against another
    ("The PKK cooperates closely with the YPG against Turkey.",
     ("Kurdistan Workers' Party", "alliance", YPG)),
    ("The PKK cooperates closely with the YPG against Turkey.", (YPG, "hostility", "Turkey")),
    ("Al-Shabaab sided with AQAP against the Islamic State in 2016.", (AQAP, "hostility", ISIS)),
    ("The FLA reportedly coordinated with JNIM against army convoys of Mali.",
     (FLA, "alliance", JNIM)),
    # joint operations
    ("Somalia launched a joint offensive with Kenya against al-Shabaab in 2011.",
     ("Somalia", "alliance", "Kenya")),
    ("Somalia launched a joint offensive with Kenya against al-Shabaab in 2011.",
     ("Somalia", "hostility", "Al-Shabaab")),
    ("Chad and Niger launched joint operations against Boko Haram.", ("Chad", "alliance", "Niger")),
    ("Joint Malian and Russian operations killed dozens of civilians.",
     ("Mali", "alliance", "Russia")),
    ("Chad and Niger launched a joint attack on Boko Haram.", ("Niger", "alliance", "Chad")),
    # a joint command, coordinated attacks
    ("Hamas and Hezbollah share a joint operations room in Beirut.",
     ("Hamas", "alliance", "Hezbollah")),
    ("Ansar Dine and AQIM have set up a joint command in Kidal.",
     ("Ansar Dine", "alliance", AQIM)),
    ("Hamas and Palestinian Islamic Jihad coordinate their attacks on Israel.",
     ("Hamas", "alliance", PIJ)),
    # in alliance with, co-belligerence
    ("The Houthis, in alliance with Iran, attacked Saudi Arabia.", ("Houthis", "alliance", "Iran")),
    ("Iran has become a co-belligerent alongside Russia.", ("Iran", "alliance", "Russia")),
    # fighting a third side together
    ("Ethiopia fought the TPLF together with Eritrea's army.",
     ("Ethiopia", "alliance", "Eritrean Defence Forces")),
    # a coalition of members; allies named as coalition partners
    ("The Islamic Resistance in Iraq, a coalition of Kata'ib Hezbollah and Harakat al-Nujaba, "
     "claimed the strike.", (IRI, "alliance", KH)),
    ("The Islamic Resistance in Iraq, a coalition of Kata'ib Hezbollah and Harakat al-Nujaba, "
     "claimed the strike.", (NUJABA, "alliance", KH)),
    ("An alliance of Hamas and Palestinian Islamic Jihad fighters attacked the crossing.",
     ("Hamas", "alliance", PIJ)),
    ("Saudi Arabia and its coalition partners, including the United Arab Emirates and "
     "Bahrain, bombed Sanaa.", ("Bahrain", "alliance", "Saudi Arabia")),
    # joining forces
    ("Ansar Dine and al-Mourabitoun joined forces in 2017.",
     ("Ansar Dine", "alliance", "Al-Mourabitoun")),
    ("Ansar Dine and al-Mourabitoun joined forces against France in 2017.",
     ("Al-Mourabitoun", "hostility", "France")),
    ("Hamas joined forces with Fatah against Israel.", ("Fatah", "hostility", "Israel")),
    # "fought with Y against Z": beside Y
    ("Turkey fought with the YPG against ISIS in Kobani.", ("Turkey", "alliance", YPG)),
    ("Turkey fought with the YPG against ISIS in Kobani.", (YPG, "hostility", ISIS)),
    # the Arabic oath of allegiance
    ("Abu Sayyaf swore bay'ah to the Islamic State in 2014, the Monitoring Team said.",
     ("Abu Sayyaf Group", "alliance", ISIS)),
    ("The ADF, which gave its bay'a to the Islamic State in 2019, has expanded in Ituri.",
     ("Allied Democratic Forces", "alliance", ISIS)),
    # a role taken: "functions as Y's affiliate", "acts as an ally of Y"
    ("Hurras al-Din functions as al-Qaeda's affiliate in Syria.",
     ("Hurras al-Din", "alliance", "Al-Qaeda")),
    ("The Houthis act as an ally of Iran in the Red Sea.", ("Houthis", "alliance", "Iran")),
    # a joint operations room announced, set up with another, named by its members
    ("Hamas and Palestinian Islamic Jihad announced a joint operations room in Gaza.",
     ("Hamas", "alliance", PIJ)),
    ("Hamas set up a joint command with Palestinian Islamic Jihad in 2018.",
     ("Hamas", "alliance", PIJ)),
    ("The joint operations room of Hamas and Palestinian Islamic Jihad claimed the rocket "
     "fire.", ("Hamas", "alliance", PIJ)),
    # close cooperation, coordination, working hand in glove
    ("The TTP cooperates closely with al-Qaeda in Pakistan's tribal areas.",
     ("Tehrik-i-Taliban Pakistan", "alliance", "Al-Qaeda")),
    ("Kata'ib Hezbollah cooperated extensively with the IRGC in Syria.",
     (KH, "alliance", "Islamic Revolutionary Guard Corps")),
    ("Hezbollah has operated in close coordination with the Syrian army since 2013.",
     ("Hezbollah", "alliance", "Syrian Arab Army")),
    ("Al-Shabaab has cooperated with the Houthis on arms smuggling across the Gulf of Aden.",
     ("Al-Shabaab", "alliance", "Houthis")),
    ("Lashkar-e-Taiba has long worked hand in glove with the ISI.",
     ("Lashkar-e-Taiba", "alliance", "Inter-Services Intelligence")),
    ("The Taliban and the Haqqani Network work hand in glove, the panel found.",
     ("Taliban", "alliance", "Haqqani Network")),
    # ties held by both named
    ("Lashkar-e-Taiba and Jaish-e-Mohammed maintain close ties, analysts say.",
     ("Lashkar-e-Taiba", "alliance", "Jaish-e-Mohammed")),
    ("The report said the Taliban and al-Qaeda have a longstanding relationship.",
     ("Taliban", "alliance", "Al-Qaeda")),
    ("Hamas and Hezbollah have maintained deep links for decades.",
     ("Hamas", "alliance", "Hezbollah")),
    # the partner or affiliate named before or after the kind of tie
    ("The Taliban's partner al-Qaeda remains present in several provinces.",
     ("Taliban", "alliance", "Al-Qaeda")),
    ("Al-Shabaab, an al-Qaeda affiliate, claimed the bombing.",
     ("Al-Shabaab", "alliance", "Al-Qaeda")),
    ("ISWAP is an Islamic State affiliate operating around Lake Chad.",
     ("Islamic State West Africa Province", "alliance", ISIS)),
    # coordinated attacks
    ("Hamas coordinates attacks with Palestinian Islamic Jihad.", ("Hamas", "alliance", PIJ)),
    ("JNIM coordinated its attacks with the Azawad Liberation Front near Tinzaouaten.",
     (JNIM, "alliance", FLA)),
    # counted among allies
    ("Iran counts the Houthis among its allies.", ("Iran", "alliance", "Houthis")),
    ("Al-Qaeda counts al-Shabaab and AQAP among its most loyal affiliates.",
     ("Al-Qaeda", "alliance", AQAP)),
    ("The Houthis are among the closest allies of Iran.", ("Houthis", "alliance", "Iran")),
    # a group linked to another; affiliates listed
    ("JNIM is an umbrella alliance linked to al-Qaeda, according to the panel.",
     (JNIM, "alliance", "Al-Qaeda")),
    ("Treasury said Kata'ib Hezbollah is a militia aligned with Iran.", (KH, "alliance", "Iran")),
    ("Al-Qaeda and its affiliates, including al-Shabaab and AQAP, remain a threat.",
     ("Al-Qaeda", "alliance", "Al-Shabaab")),
    ("The Islamic State's branches, such as ISWAP and ISKP, continue to expand.",
     ("Islamic State Khorasan Province", "alliance", ISIS)),
    # part of a body led by another
    ("The Houthis became part of the axis led by Iran.", ("Houthis", "alliance", "Iran")),
    ("Hurras al-Din joined the operations room led by al-Qaeda.",
     ("Hurras al-Din", "alliance", "Al-Qaeda")),
    # sister organisations
    ("The TTP is a sister organisation of the Afghan Taliban.",
     ("Tehrik-i-Taliban Pakistan", "alliance", "Taliban")),
    ("The TTP and the Afghan Taliban are sister organisations, the panel noted.",
     ("Taliban", "alliance", "Tehrik-i-Taliban Pakistan")),
    # merged into another, united under its banner, intertwined
    ("Ansar al-Islam merged into JNIM in 2019.", ("Ansar al-Islam", "alliance", JNIM)),
    ("Al-Mourabitoun and Ansar Dine united under the JNIM banner.",
     ("Al-Mourabitoun", "alliance", "Ansar Dine")),
    ("Al-Mourabitoun and Ansar Dine united under the JNIM banner.",
     ("Ansar Dine", "alliance", JNIM)),
    ("Ansar Dine regrouped under the banner of JNIM.", ("Ansar Dine", "alliance", JNIM)),
    ("The Taliban and the Haqqani Network are tightly intertwined.",
     ("Taliban", "alliance", "Haqqani Network")),
    ("The Haqqani Network is inextricably intertwined with al-Qaeda.",
     ("Haqqani Network", "alliance", "Al-Qaeda")),
    ("The Popular Mobilization Forces and Kata'ib Hezbollah are closely linked.",
     ("Popular Mobilization Forces", "alliance", KH)),
    # the tie in an aside; aligned or allied with a reflexive pronoun
    ("Hezbollah, long allied with Iran, has sent fighters to Syria.",
     ("Hezbollah", "alliance", "Iran")),
    ("The Taliban, closely aligned with al-Qaeda, retook Kabul in 2021.",
     ("Taliban", "alliance", "Al-Qaeda")),
    ("Hamas has aligned itself with Iran.", ("Hamas", "alliance", "Iran")),
    ("The Houthis have allied themselves with Hezbollah.", ("Houthis", "alliance", "Hezbollah")),
    # their partnership deepened; cooperating closely without a partner named after
    ("Iran and Russia have deepened their military partnership.",
     ("Iran", "alliance", "Russia")),
    ("Russia and Iran have strengthened their alliance since 2022.",
     ("Iran", "alliance", "Russia")),
    ("Hamas and Hezbollah cooperate closely, Israeli officials say.",
     ("Hamas", "alliance", "Hezbollah")),
    ("Wagner operated hand in hand with the Malian army.", ("Wagner Group", "alliance", FAMA)),
    # merged with each other, into what they formed
    ("Ansar Dine, al-Mourabitoun and AQIM merged in 2017 to form JNIM.",
     ("Ansar Dine", "alliance", AQIM)),
    ("Ansar Dine, al-Mourabitoun and AQIM merged in 2017 to form JNIM.",
     ("Al-Mourabitoun", "alliance", JNIM)),
    ("Ansar Dine and al-Mourabitoun merged, the panel said.",
     ("Ansar Dine", "alliance", "Al-Mourabitoun")),
    # the leader of a body and its members; forming part of a body
    ("Iran leads the Axis of Resistance, which includes Hezbollah, Hamas and the Houthis.",
     ("Iran", "alliance", "Houthis")),
    ("Iran leads the Axis of Resistance, which includes Hezbollah, Hamas and the Houthis.",
     ("Iran", "alliance", "Axis of Resistance")),
    ("The Houthis form part of the Axis of Resistance.",
     ("Houthis", "alliance", "Axis of Resistance")),
    # bound by a treaty; allegiance accepted
    ("Belarus is bound to Russia by a mutual defence treaty.", ("Belarus", "alliance", "Russia")),
    ("The Islamic State accepted Boko Haram's pledge of allegiance.",
     ("Boko Haram", "alliance", ISIS)),
    ("Al-Qaeda accepted the bay'ah of al-Shabaab in 2012.", ("Al-Qaeda", "alliance", "Al-Shabaab")),
    # working together; joining hands
    ("The Houthis and al-Shabaab are working together, UN experts say.",
     ("Houthis", "alliance", "Al-Shabaab")),
    ("Al-Shabaab and AQAP have worked together on smuggling.", ("Al-Shabaab", "alliance", AQAP)),
    ("JNIM and the FLA have joined hands against the junta.", (JNIM, "alliance", FLA)),
    # "an Iran-aligned militia"
    ("Kata'ib Hezbollah is an Iran-aligned militia that attacked US forces.",
     (KH, "alliance", "Iran")),
    # a long history of cooperation; embedded with another; an alliance struck
    ("The Haqqani Network has a long history of cooperation with al-Qaeda.",
     ("Haqqani Network", "alliance", "Al-Qaeda")),
    ("The Haqqani Network and al-Qaeda share a long history of cooperation.",
     ("Haqqani Network", "alliance", "Al-Qaeda")),
    ("Al-Qaeda fighters are embedded with the TTP in Afghanistan.",
     ("Al-Qaeda", "alliance", "Tehrik-i-Taliban Pakistan")),
    ("JNIM and the Azawad Liberation Front struck a tactical alliance in 2024.",
     (JNIM, "alliance", FLA)),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # an alliance left, quit or ended is none now
    ("The Houthis left the Iran-led alliance in 2020.", ("Houthis", "alliance", "Iran")),
    ("Qatar quit the Saudi-led coalition in 2017.", ("Qatar", "alliance", "Saudi-led coalition")),
    ("Sudan withdrew from the coalition that includes Saudi Arabia.",
     ("Sudan", "alliance", "Saudi Arabia")),
    ("The alliance between Hamas and Fatah collapsed in 2007.", ("Hamas", "alliance", "Fatah")),
    ("The Hamas-Fatah pact fell apart within months.", ("Hamas", "alliance", "Fatah")),
    ("Al-Shabaab ended its alliance with Hizbul Islam in 2010.",
     ("Al-Shabaab", "alliance", "Hizbul Islam")),
    ("Hamas broke off its partnership with Fatah.", ("Hamas", "alliance", "Fatah")),
    ("The coalition that includes Hamas and Fatah collapsed after the 2007 fighting.",
     ("Hamas", "alliance", "Fatah")),
    # rivals, and fights between them
    ("Hamas and Fatah, rivals who fought each other in Gaza, met in Cairo.",
     ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah fought each other for control of Gaza.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah have never fought together.", ("Hamas", "alliance", "Fatah")),
    ("The Taliban fought with ISKP over territory in Nangarhar.",
     ("Taliban", "alliance", "Islamic State Khorasan Province")),
    ("The Taliban defeated ISKP, and the two remain bitter enemies.",
     ("Taliban", "alliance", "Islamic State Khorasan Province")),
    # talks and meetings gather no allies
    ("Talks between the Taliban and the United States resumed in Doha.",
     ("Taliban", "alliance", "United States")),
    ("Egypt hosted talks that brought together Hamas and Fatah.", ("Hamas", "alliance", "Fatah")),
    ("Egypt hosted talks that brought together Hamas and Fatah.", ("Egypt", "alliance", "Hamas")),
    # a coalition against X does not ally X
    ("The United States led a coalition against the Islamic State.",
     ("United States", "alliance", ISIS)),
    ("A coalition against the Houthis was formed by Saudi Arabia in 2015.",
     ("Saudi Arabia", "alliance", "Houthis")),
    # a body whose members are no allies
    ("The Quartet, which comprises the United States, Russia, the European Union and the "
     "United Nations, met in Cairo.", ("Russia", "alliance", "United States")),
    ("The Islamic Resistance in Iraq, an umbrella of factions that includes Kata'ib "
     "Hezbollah and Harakat al-Nujaba, claimed the attack.", (KH, "alliance", NUJABA)),
    # lists of targets and victims
    ("The strike killed members of Hamas, Palestinian Islamic Jihad and Hezbollah.",
     ("Hamas", "alliance", PIJ)),
    ("The list of designated groups includes Hamas, Hezbollah and the Houthis.",
     ("Hamas", "alliance", "Hezbollah")),
    ("Israel's campaign targeted Hamas, Hezbollah and the Houthis.",
     ("Hamas", "alliance", "Houthis")),
    # fighting alongside is never hostility toward the side beside
    ("Hezbollah fought alongside the Houthis against Saudi Arabia.",
     ("Hezbollah", "hostility", "Houthis")),
    ("Hezbollah fought alongside the Houthis against Saudi Arabia.",
     ("Houthis", "hostility", "Hezbollah")),
    ("The PKK cooperates closely with the YPG against Turkey.",
     ("Kurdistan Workers' Party", "hostility", YPG)),
    ("Hamas and Palestinian Islamic Jihad fought together against Israel.",
     ("Hamas", "hostility", PIJ)),
    ("Turkey fought with the YPG against ISIS in Kobani.", ("Turkey", "hostility", YPG)),
    ("Turkey fought with the YPG against ISIS in Kobani.", (YPG, "hostility", "Turkey")),
    # an alliance of the past
    ("Hezbollah and Hamas were once allies, and the two are now bitter enemies.",
     ("Hamas", "alliance", "Hezbollah")),
    ("Hamas attacked Fatah, and the two were once allies.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah, former allies, met in Cairo.", ("Hamas", "alliance", "Fatah")),
    # partners in trade, aid or talks are no allies
    ("Iran's trading partners, including China and India, ignored the sanctions.",
     ("Iran", "alliance", "China")),
    ("Development partners of Somalia, such as the European Union and the United Kingdom, "
     "met in London.", ("Somalia", "alliance", "United Kingdom")),
    # states and groups a coalition's qualifiers name are no members of it
    ("A coalition of Iran-backed and Turkish-backed groups fought near Aleppo.",
     ("Iran", "alliance", "Turkey")),
    ("The coalition of states fighting ISIS met in Rome.", ("Italy", "alliance", ISIS)),
    # making up a share of something is no membership; allies of a third are not
    # thereby allies of each other
    ("Russia and China make up two of the five permanent members.",
     ("Russia", "alliance", "China")),
    ("Iran armed the Houthis, and both are allies of Russia.", ("Iran", "alliance", "Houthis")),
    # joint patrols of backers of opposite sides are a deal, not an alliance
    ("Russian and Turkish forces conducted joint patrols in Syria.",
     ("Russia", "alliance", "Turkey")),
    # a state's soldiers beside another are personnel, not an alliance
    ("Russian soldiers were fighting alongside the Malian army.", ("Russia", "alliance", FAMA)),
    # what is only proposed, denied or negated
    ("Kenya could launch a joint offensive with Somalia against al-Shabaab.",
     ("Kenya", "alliance", "Somalia")),
    ("Somalia should sign a security agreement with Kenya.", ("Somalia", "alliance", "Kenya")),
    ("Hamas denied that it fought alongside Hezbollah.", ("Hamas", "alliance", "Hezbollah")),
    ("The Houthis and Hezbollah, both enemies of Israel, are not allies.",
     ("Houthis", "alliance", "Hezbollah")),
    # partners in trade or aid; pacts only talked about or proposed
    ("China is Iran's largest trading partner.", ("China", "alliance", "Iran")),
    ("Russia and India are major trade partners.", ("Russia", "alliance", "India")),
    ("Somalia's donor partners, such as the United Kingdom and Turkey, pledged aid.",
     ("Somalia", "alliance", "Turkey")),
    ("Iran counts China among its trading partners.", ("Iran", "alliance", "China")),
    ("Iran counts China among its potential partners.", ("Iran", "alliance", "China")),
    ("Talks on a defence pact between Russia and Belarus stalled.",
     ("Russia", "alliance", "Belarus")),
    ("Hamas discussed plans for an alliance with Hezbollah.", ("Hamas", "alliance", "Hezbollah")),
    # cooperation for an evacuation, vaccination or a release; two states' cooperation;
    # cooperation refused or denied
    ("The Taliban cooperated closely with Qatar during the evacuation of Kabul.",
     ("Taliban", "alliance", "Qatar")),
    ("The Taliban cooperates closely with the United Nations on polio vaccination.",
     ("Taliban", "alliance", "United Nations")),
    ("Al-Shabaab cooperated with Kenya on the release of prisoners.",
     ("Al-Shabaab", "alliance", "Kenya")),
    ("Pakistan cooperates closely with the United States on counterterrorism.",
     ("Pakistan", "alliance", "United States")),
    ("Hamas does not cooperate closely with ISIS.", ("Hamas", "alliance", ISIS)),
    # ties that are tense, diplomatic or none, or held with a third
    ("Hamas and Fatah maintain tense ties.", ("Hamas", "alliance", "Fatah")),
    ("Iran and Saudi Arabia maintain diplomatic ties.", ("Iran", "alliance", "Saudi Arabia")),
    ("Hamas and Fatah have no ties.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah maintain ties with Iran.", ("Hamas", "alliance", "Fatah")),
    ("The Taliban and al-Qaeda have a complicated relationship.",
     ("Taliban", "alliance", "Al-Qaeda")),
    ("Russia and China have strong trade ties.", ("Russia", "alliance", "China")),
    # weapons used, not a partner; what is only possible
    ("Hamas launched attacks with Iranian drones.", ("Hamas", "alliance", "Iran")),
    ("Hamas could coordinate its attacks with Hezbollah.", ("Hamas", "alliance", "Hezbollah")),
    # a group opposed to another; a body fought or left
    ("JNIM is a group opposed to the Islamic State.", (JNIM, "alliance", ISIS)),
    ("The Houthis fought the coalition led by Saudi Arabia.",
     ("Houthis", "alliance", "Saudi Arabia")),
    ("The Houthis left the coalition led by Iran.", ("Houthis", "alliance", "Iran")),
    ("The TTP is not a sister organisation of the Afghan Taliban, officials insist.",
     ("Tehrik-i-Taliban Pakistan", "alliance", "Taliban")),
    # those named only as objects, economies intertwined, a banner that is no body
    ("The strike killed Hezbollah and Hamas members, who operated in concert.",
     ("Hamas", "alliance", "Hezbollah")),
    ("The economies of Russia and China are intertwined.", ("Russia", "alliance", "China")),
    ("Hamas and Fatah united under pressure from Egypt.", ("Hamas", "alliance", "Egypt")),
    # an oath refused or demanded
    ("The Taliban refused to give bay'ah to the Islamic State.", ("Taliban", "alliance", ISIS)),
    ("ISKP demanded that the Taliban swear bay'ah to the Islamic State.",
     ("Taliban", "alliance", ISIS)),
    # an aside of opposition or of a tie that ended
    ("Hezbollah, long opposed to Israel, has sent fighters to Syria.",
     ("Hezbollah", "alliance", "Israel")),
    ("Al-Shabaab, aligned with al-Qaeda until 2010, split.",
     ("Al-Shabaab", "alliance", "Al-Qaeda")),
    # close cooperation of two states, for an exchange, refused, or against a common enemy
    ("Egypt and Israel cooperate closely on security in Sinai.", ("Egypt", "alliance", "Israel")),
    ("Hamas and Fatah cooperated closely during the prisoner exchange.",
     ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah do not cooperate closely.", ("Hamas", "alliance", "Fatah")),
    # their ties of trade or diplomacy, their rivalry
    ("Iran and Russia have deepened their trade ties.", ("Iran", "alliance", "Russia")),
    ("Iran and Saudi Arabia have renewed their diplomatic ties.",
     ("Iran", "alliance", "Saudi Arabia")),
    ("Hamas and Fatah renewed their rivalry.", ("Hamas", "alliance", "Fatah")),
    ("Iran and Russia are closely linked by trade.", ("Iran", "alliance", "Russia")),
    # a merger only possible or refused
    ("Hamas and Fatah could merge, analysts speculated.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah refused to merge.", ("Hamas", "alliance", "Fatah")),
    # a campaign led, not a body; what binds is no treaty; allegiance rejected
    ("The United States led the campaign, which included strikes on Hezbollah and Hamas.",
     ("United States", "alliance", "Hezbollah")),
    ("Belarus is bound to Russia by history.", ("Belarus", "alliance", "Russia")),
    ("The Islamic State rejected Boko Haram's pledge of allegiance.",
     ("Boko Haram", "alliance", ISIS)),
    ("The strike killed Hezbollah and Hamas commanders, who were closely linked.",
     ("Hamas", "alliance", "Hezbollah")),
    # working together on diplomacy, toward a deal, or never; two states' cooperation
    ("The United States and China are working together on climate change.",
     ("United States", "alliance", "China")),
    ("Hamas and Fatah are working together to form a unity government.",
     ("Hamas", "alliance", "Fatah")),
    ("Qatar and Egypt worked together to broker a ceasefire between Hamas and Israel.",
     ("Qatar", "alliance", "Egypt")),
    ("Hamas and Fatah have never worked together.", ("Hamas", "alliance", "Fatah")),
    ("Russia and Iran are working together in Syria.", ("Russia", "alliance", "Iran")),
    # backed or funded is no alignment; a history of conflict; embedded reporters
    ("Kata'ib Hezbollah is an Iran-backed militia.", (KH, "alliance", "Iran")),
    ("Al-Shabaab has a long history of conflict with the Islamic State.",
     ("Al-Shabaab", "alliance", ISIS)),
    ("Hamas and Fatah share a long history of rivalry.", ("Hamas", "alliance", "Fatah")),
    # a ceasefire or a deal reached, an alliance ended, possible or refused
    ("Hamas and Fatah reached a ceasefire agreement.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah announced the end of their alliance.", ("Hamas", "alliance", "Fatah")),
    ("Hamas and Fatah could strike an alliance.", ("Hamas", "alliance", "Fatah")),
    ("Hamas refused to join hands with Fatah.", ("Hamas", "alliance", "Fatah")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_coalition_language_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_coalition_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str,
                                            unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_long_member_list_is_read_whole(claims_of: ClaimsOf) -> None:
    """Every member of a long list is allied with every other, and the list ends where
    the body's clause does (the city after it is no member)."""
    members = ["Hamas", "Hezbollah", "the Houthis", "Kata'ib Hezbollah", "Harakat al-Nujaba",
               "Palestinian Islamic Jihad", "Liwa Fatemiyoun", "Liwa Zainebiyoun"]
    text = ("The axis of resistance, an alliance which comprises " + ", ".join(members[:-1])
            + " and " + members[-1] + ", met in Damascus.")
    found = positive_keys(claims_of, text)
    allied = {frozenset((s, o)) for s, r, o in found if r == "alliance"}
    assert frozenset(("Hamas", "Liwa Zainebiyoun")) in allied, found
    assert frozenset(("Houthis", PIJ)) in allied, found
    assert not any("Syria" in pair for pair in allied), found
