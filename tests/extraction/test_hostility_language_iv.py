"""Hostility inside long news sentences (loaders/rules/hostility.yaml, fourth set): an
aside, a relative clause or a time between the actor and its verb ("X, acting in
solidarity with Z, fired rockets at Y positions", "X fighters in January and February
ambushed Y troops", "X have since November targeted Y vessels"), operations "in which" or
"during which" someone's people were killed, attacks on things "and on" someone,
offensives "by X and allied factions", an actor "and allied militias", attacks "most of
them against" someone or "including suicide bombings, against" someone, an offensive
placed somewhere before the one it is against, clashes with a time before the partner,
members of a set of groups that attacked someone, things and someone's people in one
list of the killed, a target "what the military described as" someone's holdings,
passives with a place or a time before the agent, a place someone held overrun or retaken,
ambushes and killings of someone's people, battles for a place between two sides, the
forefront of the fight against someone, people killed in clashes with someone, pairs that
exchanged fire, clashed or are at war, troops from several states, fighting on several
fronts. Each has near misses: fighting alongside or with someone, threats, denials and
hypotheticals, condemnations, a campaign that is no fighting (vaccination, diplomacy,
hunger, recruitment), the attacker's own soldiers killed, civilians or ships attacked, a
place instead of an actor, clashes at a summit or over a deal, sanctions rather than
strikes, a new clause after the list, a place held only in the past, struggles for power
or influence, prisoners or accusations exchanged, a war of words.
"""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"
ISWAP = "Islamic State West Africa Province"
TTP = "Tehrik-i-Taliban Pakistan"
RSF = "Rapid Support Forces"
SAF = "Sudanese Armed Forces"
FARDC = "Armed Forces of the Democratic Republic of the Congo"
PKK = "Kurdistan Workers' Party"
HTS = "Hay'at Tahrir al-Sham"
ELN = "National Liberation Army"

FOUND: list[tuple[str, Expected]] = [
    # an aside between the actor and its verb
    ("Colombian troops, in a joint operation with the police, killed a senior ELN "
     "commander in Arauca, the defence ministry said.", ("Colombia", "hostility", ELN)),
    ("Hezbollah, acting in what it called solidarity with Gaza, fired hundreds of rockets "
     "and drones at Israeli military positions along the border.",
     ("Hezbollah", "hostility", "Israel Defense Forces")),
    ("Hezbollah, acting in solidarity with Gaza, attacked Israeli positions on Monday.",
     ("Hezbollah", "hostility", "Israel")),
    ("The Turkish air force, as part of its long-running campaign against Kurdish "
     "militants, bombed PKK targets in the Qandil mountains on Thursday.",
     ("Turkey", "hostility", PKK)),
    ("Al-Shabaab fighters, travelling in a convoy of pickup trucks, stormed a Kenyan army "
     "camp near Mandera before dawn, police said.",
     ("Al-Shabaab", "hostility", "Kenya Defence Forces")),
    # a time between the actor and its verb, or after its auxiliary
    ("According to the report, JNIM fighters in January and February ambushed several "
     "convoys of Malian troops on the road between Gao and Ansongo.",
     (JNIM, "hostility", "Mali")),
    ("The M23 on Saturday attacked positions held by the Congolese army and allied "
     "Wazalendo militias near Sake.", ("M23", "hostility", FARDC)),
    ("Houthi forces have since November repeatedly targeted US Navy vessels in the Red "
     "Sea, the Pentagon said.", ("Houthis", "hostility", "United States")),
    ("ISWAP fighters early on Tuesday overran a Nigerian army base in Borno, killing at "
     "least 12 soldiers.", (ISWAP, "hostility", "Nigerian Armed Forces")),
    ("Israeli warplanes on Monday night struck what the military described as Hezbollah "
     "weapons depots and command centres in the Bekaa Valley.",
     ("Israel", "hostility", "Hezbollah")),
    # operations in which, or during which, someone's people were killed
    ("Pakistan's military on Sunday carried out a series of operations in North "
     "Waziristan in which dozens of TTP militants were killed.",
     ("Pakistan Army", "hostility", TTP)),
    ("The Nigerian army launched a major operation in the Sambisa forest during which more "
     "than 40 Boko Haram fighters were killed, a spokesman said.",
     ("Nigerian Armed Forces", "hostility", "Boko Haram")),
    ("Israel conducted a wave of strikes across southern Lebanon, during which several "
     "Hezbollah commanders were killed.", ("Israel", "hostility", "Hezbollah")),
    # attacks on things and on someone
    ("The UN panel found that RSF units carried out systematic attacks on the Masalit "
     "community and on Sudanese army positions in El Geneina.", (RSF, "hostility", SAF)),
    ("Al-Shabaab launched attacks on telecommunications masts and on Ethiopian troops in "
     "Bakool.", ("Al-Shabaab", "hostility", "Ethiopia")),
    # an offensive by X and allied factions
    ("The offensive by HTS and allied factions against the Assad government began on "
     "27 November.", (HTS, "hostility", "Syria")),
    ("Attacks by JNIM fighters and their allies on Burkinabe army outposts have doubled.",
     (JNIM, "hostility", "Burkinabe Armed Forces")),
    # attacks, most of them against someone
    ("Since the start of the year, the TTP has claimed more than 200 attacks, most of them "
     "against Pakistani police and security forces.", (TTP, "hostility", "Pakistan")),
    ("ISWAP carried out dozens of raids last year, many of them on Nigerian army bases.",
     (ISWAP, "hostility", "Nigerian Armed Forces")),
    # an offensive placed somewhere before the one it is against
    ("The Ethiopian army's offensive in Tigray against the TPLF, launched in November "
     "2020, quickly took Mekelle.",
     ("Ethiopian National Defense Force", "hostility", "Tigray People's Liberation Front")),
    ("Turkey's air campaign in northern Iraq since 2019 against the PKK has killed "
     "hundreds of fighters.", ("Turkey", "hostility", PKK)),
    # clashes with a time before the partner: both sides fight
    ("Fighters loyal to HTS, the dominant rebel group in Idlib, clashed overnight with "
     "Syrian government forces near Saraqib, a war monitor reported.",
     (HTS, "hostility", "Syrian Arab Army")),
    ("Fighters loyal to HTS, the dominant rebel group in Idlib, clashed overnight with "
     "Syrian government forces near Saraqib, a war monitor reported.",
     ("Syrian Arab Army", "hostility", HTS)),
    ("The RSF fought again on Tuesday with the Sudanese army in El Fasher.",
     (SAF, "hostility", RSF)),
    # one of the groups that attacked
    ("The Arakan Army, one of three ethnic armed groups that launched Operation 1027 "
     "against the Myanmar military in October 2023, has since seized most of Rakhine.",
     ("Arakan Army", "hostility", "Tatmadaw")),
    ("The TNLA, one of the armed groups that attacked Myanmar army outposts in northern "
     "Shan, later signed a truce.",
     ("Ta'ang National Liberation Army", "hostility", "Tatmadaw")),
    # the killed or attacked in one list with things and civilians
    ("The ADF, which pledged allegiance to the Islamic State in 2019, has killed thousands "
     "of civilians and hundreds of FARDC soldiers in North Kivu and Ituri.",
     ("Allied Democratic Forces", "hostility", FARDC)),
    ("Houthi forces have repeatedly targeted commercial ships and US Navy vessels in the "
     "Red Sea.", ("Houthis", "hostility", "United States")),
    # a relative clause between the actor and its verb
    ("Israeli forces, who entered Rafah in May, have since been fighting Hamas fighters in "
     "the city's tunnels.", ("Israel", "hostility", "Hamas")),
    # a place or a time between someone's units and the passive verb
    ("Sudanese army positions near El Obeid were shelled on Tuesday by RSF artillery, the "
     "army said.", (RSF, "hostility", SAF)),
    # a place someone held, overrun by someone else
    ("The base, held by the Malian army, was overrun by JNIM fighters in 2023.",
     (JNIM, "hostility", "Malian Armed Forces")),
    ("The base, held by JNIM, was overrun by Malian troops in 2023.",
     ("Mali", "hostility", JNIM)),
    # an ambush or killing of someone's people, named or claimed
    ("The Houthi ambush of Saudi troops near Jizan killed 12.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("The TTP claimed responsibility for Tuesday's ambush of Pakistani troops in Bannu.",
     (TTP, "hostility", "Pakistan")),
    ("Pakistan condemned the TTP's killing of Pakistani soldiers.",
     (TTP, "hostility", "Pakistan")),
    # a battle for a place between two sides
    ("The battle for El Fasher between the Sudanese army and the RSF has lasted a year.",
     (SAF, "hostility", RSF)),
    ("The battle for El Fasher between the Sudanese army and the RSF has lasted a year.",
     (RSF, "hostility", SAF)),
    # at the forefront of, or a key part in, the fight against someone
    ("Kenya has been at the forefront of the fight against al-Shabaab in Somalia.",
     ("Kenya", "hostility", "Al-Shabaab")),
    ("Uganda has played a key role in the war against the ADF in Ituri.",
     ("Uganda", "hostility", "Allied Democratic Forces")),
    # someone's people killed in clashes with someone: both sides fight
    ("Dozens of RSF fighters were killed in clashes with the Sudanese army near Omdurman.",
     (SAF, "hostility", RSF)),
    ("Several Hezbollah fighters were killed in fighting with Israeli troops in southern "
     "Lebanon.", ("Hezbollah", "hostility", "Israel")),
    # a pair that exchanged fire
    ("Since October 2023, Hezbollah and Israel have exchanged near-daily fire across the "
     "border.", ("Israel", "hostility", "Hezbollah")),
    # troops from several states
    ("Troops from Chad, Niger and Nigeria launched a joint offensive against Boko Haram "
     "around Lake Chad.", ("Niger", "hostility", "Boko Haram")),
    # an armed adversary
    ("The TTP, the principal armed adversary of the Pakistani army, rejected talks.",
     (TTP, "hostility", "Pakistan Army")),
    # an actor with unnamed allies
    ("In its latest report, the Panel of Experts noted that during the reporting period "
     "the RSF and allied Arab militias had repeatedly attacked SAF positions in El Fasher.",
     (RSF, "hostility", SAF)),
    ("The RSF and allied militias attacked Sudanese army positions near Babanusa.",
     (RSF, "hostility", SAF)),
    # an aside naming the kinds of attack
    ("Over the past year, al-Shabaab has launched a series of complex attacks, including "
     "suicide bombings and ambushes, against AUSSOM bases in Lower Shabelle.",
     ("Al-Shabaab", "hostility", "African Union Transition Mission in Somalia")),
    ("ISWAP stepped up raids, mostly at night, on Nigerian army outposts in Yobe.",
     (ISWAP, "hostility", "Nigerian Armed Forces")),
    # the people of two actors clash: both sides fight
    ("Hezbollah's fighters and Israeli troops clashed near the border on Tuesday.",
     ("Israel", "hostility", "Hezbollah")),
    ("Hezbollah's fighters and Israeli troops clashed near the border on Tuesday.",
     ("Hezbollah", "hostility", "Israel")),
    # an agent led by someone is that someone's
    ("Houthi positions near Hodeidah were struck on Monday by the Saudi-led coalition.",
     ("Saudi-led coalition", "hostility", "Houthis")),
    # a place taken that the other held
    ("The Sudanese army recaptured Wad Madani, a city held by the RSF since December 2023.",
     (SAF, "hostility", RSF)),
    # a pair at war
    ("Israel and Hamas are at war.", ("Hamas", "hostility", "Israel")),
    ("The ELN and the 10th Front have been locked in a bloody war in Arauca since 2022.",
     (ELN, "hostility", "10th Front")),
    # fighting on several fronts
    ("Colombia's army is fighting on two fronts, against the ELN and FARC dissidents.",
     ("Colombian Armed Forces", "hostility", ELN)),
    # an actor pushed out after an aside
    ("The Nigerian military, working with vigilante groups, has pushed Boko Haram out of "
     "most towns in Borno.", ("Nigerian Armed Forces", "hostility", "Boko Haram")),
    # an aside, then a time, then strikes on someone's facilities; shot dead
    ("The United States, in coordination with the United Kingdom, on Monday struck Houthi "
     "radar sites, the Pentagon said.", ("United States", "hostility", "Houthis")),
    ("Washington, in a bid to deter Iran, on Friday struck IRGC facilities in eastern "
     "Syria.", ("United States", "hostility", "Islamic Revolutionary Guard Corps")),
    ("Israeli troops, who had been deployed to protect settlers, on Friday shot dead three "
     "Palestinian Islamic Jihad fighters in Jenin.",
     ("Israel", "hostility", "Palestinian Islamic Jihad")),
    # towns retaken after an aside and a time
    ("The Somali government, with help from Turkish drones, has since 2022 retaken dozens "
     "of towns from al-Shabaab.", ("Somalia", "hostility", "Al-Shabaab")),
    # a clash after an aside: both sides
    ("Ethiopian forces, in Somalia since 2006, have repeatedly clashed with al-Shabaab "
     "fighters in Gedo.", ("Al-Shabaab", "hostility", "Ethiopia")),
    # a later member of the targets, after the first one's people or holdings
    ("Al-Shabaab attacked AU bases and Somali army positions in Lower Shabelle.",
     ("Al-Shabaab", "hostility", "Somali National Army")),
    ("ISWAP ambushed Nigerian troops and Chadian soldiers near the border.",
     (ISWAP, "hostility", "Chad")),
    ("The Houthis fired missiles at Israeli cities and US warships.",
     ("Houthis", "hostility", "United States")),
    # losses in fighting against someone; a place lost to someone
    ("Sudanese army units have suffered heavy losses in fighting against the RSF in Darfur.",
     (RSF, "hostility", SAF)),
    ("The Malian army lost control of the town to JNIM after weeks of fighting.",
     (JNIM, "hostility", "Malian Armed Forces")),
    # withdrawn after coming under attack; implicated in attacks
    ("Burkinabe troops withdrew from Djibo after coming under sustained attack from JNIM.",
     (JNIM, "hostility", "Burkina Faso")),
    ("The ADF has been implicated in repeated attacks on FARDC positions in Beni.",
     ("Allied Democratic Forces", "hostility", FARDC)),
    # a participle of the main clause's subject: both sides clash
    ("JNIM fighters attacked the town of Djibo on Sunday, clashing for hours with "
     "Burkinabe soldiers and VDP militiamen before withdrawing.",
     ("Burkina Faso", "hostility", JNIM)),
    # a battle fought in places set off by commas
    ("Colombian soldiers fought a fierce battle in Cauca, near the Ecuadorian border, "
     "against the ELN.", ("Colombia", "hostility", ELN)),
    # under attack from someone
    ("Kenya has been under attack from al-Shabaab since it sent troops into Somalia in "
     "2011.", ("Al-Shabaab", "hostility", "Kenya")),
    # the attack named first, its author in a relative clause
    ("The war that Russia is waging against Ukraine has killed hundreds of thousands.",
     ("Russia", "hostility", "Ukraine")),
    ("The offensive the Sudanese army launched against the RSF in Khartoum in September "
     "succeeded.", (SAF, "hostility", RSF)),
    # engaged in a counterinsurgency against someone, a war of attrition with someone
    ("Pakistani forces have been engaged in a protracted counterinsurgency against the TTP "
     "in the northwest.", ("Pakistan", "hostility", TTP)),
    ("Hezbollah has been engaged in a war of attrition with Israel since October 2023.",
     ("Israel", "hostility", "Hezbollah")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # threats, denials, hypotheticals after an aside or a time
    ("Hezbollah, acting in solidarity with Gaza, has never attacked Israeli positions.",
     ("Hezbollah", "hostility", "Israel")),
    ("Iran, on Tuesday, threatened to attack Israel.", ("Iran", "hostility", "Israel")),
    ("If Iran on Tuesday attacked Israel, the region would burn.",
     ("Iran", "hostility", "Israel")),
    # condemnation, protection and fighting alongside, not attacks
    ("The RSF, in a statement on Tuesday, condemned the attack on Sudanese army positions.",
     (RSF, "hostility", SAF)),
    ("JNIM fighters in January and February protected convoys of Malian troops.",
     (JNIM, "hostility", "Mali")),
    ("Egyptian troops on Monday fought alongside the Somali army near Baidoa.",
     ("Egypt", "hostility", "Somali National Army")),
    ("Nigerian troops in January rescued ISWAP hostages in Borno.",
     ("Nigeria", "hostility", ISWAP)),
    # the attacker's own people killed; a partner's; civilians; a campaign of no fighting
    ("Israel conducted a wave of strikes across Lebanon, during which several Israeli "
     "soldiers were killed.", ("Israel", "hostility", "Israel Defense Forces")),
    ("Pakistan carried out operations alongside Afghan forces in which Afghan soldiers were "
     "killed.", ("Pakistan", "hostility", "Afghanistan")),
    ("The Nigerian army launched a vaccination campaign during which Boko Haram fighters "
     "were arrested.", ("Nigerian Armed Forces", "hostility", "Boko Haram")),
    ("The UN condemned the operation in which dozens of TTP militants were killed.",
     ("United Nations", "hostility", TTP)),
    # civilians and aid convoys attacked; a place, not an actor, attacked
    ("The RSF carried out attacks on civilians and on Egyptian-funded hospitals.",
     (RSF, "hostility", "Egypt")),
    ("Attacks by JNIM and allied factions on civilians have increased near Djibo.",
     (JNIM, "hostility", "Burkina Faso")),
    ("The TTP has condemned more than 200 attacks, most of them against Pakistani police.",
     (TTP, "hostility", "Pakistan")),
    # campaigns in a place against hunger, recruitment; a war denied
    ("Qatar's campaign in Gaza against hunger has fed millions.",
     ("Qatar", "hostility", "Hamas")),
    ("The UN's campaign in Somalia against al-Shabaab recruitment continued.",
     ("United Nations", "hostility", "Al-Shabaab")),
    ("Turkey's operations in Syria against the PKK's influence continued.",
     ("Turkey", "hostility", PKK)),
    # clashes over a deal or at a summit
    ("Iran clashed again with the United States over the nuclear deal.",
     ("Iran", "hostility", "United States")),
    ("Turkey clashed on Tuesday with Greece at the NATO summit.",
     ("Turkey", "hostility", "Greece")),
    # a member of a set that talked; sanctions
    ("The TNLA, one of the armed groups that negotiated with the Myanmar military in "
     "Kunming, later signed a truce.", ("Ta'ang National Liberation Army", "hostility",
                                       "Tatmadaw")),
    ("The Treasury on Tuesday targeted Hezbollah financiers in Lebanon.",
     ("United States", "hostility", "Hezbollah")),
    # a new clause after the list
    ("The ADF has killed thousands of civilians and FARDC soldiers withdrew from Beni.",
     ("Allied Democratic Forces", "hostility", FARDC)),
    ("The Houthis have targeted commercial ships and US-flagged tankers, and US warships "
     "withdrew.", ("Houthis", "hostility", "United States")),
    # the one who describes is no target
    ("Israeli warplanes struck what the military described as Hezbollah weapons depots.",
     ("Israel", "hostility", "Israel Defense Forces")),
    # a relative clause that negates, reports or denies
    ("Israeli forces, who entered Rafah in May, have not been fighting Hamas fighters in "
     "the city.", ("Israel", "hostility", "Hamas")),
    ("The army, which denied the report, attacked Hamas positions.",
     ("Israel", "hostility", "Hamas")),
    # positions visited or reinforced; shelled by no one named; a place once held
    ("Sudanese army positions near El Obeid were visited on Tuesday by UN monitors.",
     ("United Nations", "hostility", SAF)),
    ("Sudanese army positions near El Obeid were reinforced on Tuesday by Egyptian troops.",
     ("Egypt", "hostility", SAF)),
    ("The base, formerly held by the Malian army, was overrun by JNIM fighters in 2023.",
     (JNIM, "hostility", "Malian Armed Forces")),
    ("The base, held by the Malian army, was visited by Wagner commanders in 2023.",
     ("Wagner Group", "hostility", "Malian Armed Forces")),
    # an ambush of ships, a killing of civilians, an ambush denied or condemned
    ("The Houthi ambush of Saudi-flagged ships near Hodeidah alarmed insurers.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("Hamas's killing of Israeli civilians on October 7 shocked the world.",
     ("Hamas", "hostility", "Israel")),
    ("The TTP denied responsibility for Tuesday's ambush of Pakistani troops in Bannu.",
     (TTP, "hostility", "Pakistan")),
    ("The TTP condemned Tuesday's ambush of Pakistani troops in Bannu.",
     (TTP, "hostility", "Pakistan")),
    # struggles for power or influence; competitions
    ("The struggle for power between Hamas and Fatah has paralysed Palestinian politics.",
     ("Hamas", "hostility", "Fatah")),
    ("The battle for influence between Iran and Saudi Arabia has shaped the region.",
     ("Iran", "hostility", "Saudi Arabia")),
    ("The competition for Africa between China and the United States intensified.",
     ("China", "hostility", "United States")),
    # a diplomatic campaign, talks, a fight against smuggling
    ("Qatar has been at the forefront of the diplomatic campaign against Israel at the UN.",
     ("Qatar", "hostility", "Israel")),
    ("Norway played a key role in the talks between the government and the ELN.",
     ("Norway", "hostility", ELN)),
    # clashes with police; clashes between others; fighting alongside
    ("Dozens of RSF fighters were killed in clashes with police in Khartoum.",
     ("Sudan", "hostility", RSF)),
    ("Several Hezbollah fighters were killed in fighting alongside Syrian troops near Qusayr.",
     ("Syria", "hostility", "Hezbollah")),
    ("Several Hezbollah fighters were killed in fighting alongside Syrian troops near Qusayr.",
     ("Hezbollah", "hostility", "Syria")),
    # prisoners, accusations or ambassadors exchanged; fire that could be exchanged
    ("Hamas and Israel have exchanged prisoners under the truce.",
     ("Israel", "hostility", "Hamas")),
    ("Hamas and Israel have traded accusations over the ceasefire.",
     ("Israel", "hostility", "Hamas")),
    ("Iran and Saudi Arabia exchanged ambassadors in 2023.",
     ("Iran", "hostility", "Saudi Arabia")),
    ("Iran and Israel could exchange fire again, analysts warned.",
     ("Iran", "hostility", "Israel")),
    # troops from somewhere on a campaign of no fighting, or sent to fight
    ("Troops from Chad and Niger launched a vaccination campaign against polio in the "
     "region.", ("Chad", "hostility", "Niger")),
    ("Troops from Rwanda were deployed to Mozambique to fight ISIS.",
     ("Rwanda", "hostility", "Mozambique")),
    # allies that protect, deny, or are attacked (the passive's direction)
    ("The RSF and allied militias protected Sudanese army convoys near Babanusa.",
     (RSF, "hostility", SAF)),
    ("The RSF and allied militias did not attack Sudanese army positions, the panel found.",
     (RSF, "hostility", SAF)),
    ("Hamas and allied factions were attacked by Israel.", ("Hamas", "hostility", "Israel")),
    # campaigns against a disease, attacks on civilians, attacks condemned
    ("The UN and partner agencies launched a series of campaigns, including vaccination "
     "drives, against cholera in Sudan.", ("United Nations", "hostility", "Sudan")),
    ("Al-Shabaab has condemned a series of attacks, including suicide bombings, against "
     "AUSSOM bases.", ("Al-Shabaab", "hostility", "African Union Transition Mission in Somalia")),
    # people of two actors fighting together; a clash that could come or did not
    ("Hezbollah's fighters and Syrian troops fought together near Qusayr.",
     ("Hezbollah", "hostility", "Syria")),
    ("Hezbollah's fighters and Syrian troops fought alongside each other near Qusayr.",
     ("Syria", "hostility", "Hezbollah")),
    ("Hezbollah's fighters and Israeli troops could clash again, analysts warned.",
     ("Hezbollah", "hostility", "Israel")),
    ("Hezbollah's fighters and Israeli troops have not clashed since the truce.",
     ("Israel", "hostility", "Hezbollah")),
    # a backer named in the agent's description is no attacker
    ("US positions in Syria were attacked on Tuesday by Iran-backed militias.",
     ("Iran", "hostility", "United States")),
    ("The base, held by the Malian army, was overrun by Wagner-backed militias.",
     ("Wagner Group", "hostility", "Malian Armed Forces")),
    ("Dozens of Sudanese soldiers were killed in clashes with UAE-backed fighters.",
     ("United Arab Emirates", "hostility", "Sudan")),
    # allies that welcomed someone; partners of an operation that rescued or evacuated
    ("The Houthis and allied tribes welcomed Saudi delegates in Sanaa.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("The UN launched an operation in which hundreds of Hamas fighters were evacuated.",
     ("United Nations", "hostility", "Hamas")),
    ("Kenyan troops, with Somali forces, patrolled the border.",
     ("Kenya", "hostility", "Somalia")),
    # a place held until a past date, visited, or held by the taker
    ("The Sudanese army recaptured Wad Madani, a city held by the RSF until December 2023.",
     (SAF, "hostility", RSF)),
    ("The Sudanese army visited Wad Madani, a city held by the RSF since December 2023.",
     (SAF, "hostility", RSF)),
    # a pair at war with another, that could be, or no longer is; a war of words
    ("Iran and Syria are at war against the rebels.", ("Iran", "hostility", "Syria")),
    ("Israel and Hamas could soon be at war again, analysts warned.",
     ("Israel", "hostility", "Hamas")),
    ("Israel and Hamas are no longer at war.", ("Hamas", "hostility", "Israel")),
    ("Israel and Hamas were locked in a war of words over the truce.",
     ("Israel", "hostility", "Hamas")),
    # fronts against things, or alongside someone
    ("Colombia is fighting on two fronts, alongside the ELN against FARC dissidents.",
     ("Colombia", "hostility", ELN)),
    # pushed out of talks, or to negotiate
    ("The Nigerian military, working with vigilante groups, has pushed Boko Haram out of "
     "the talks.", ("Nigerian Armed Forces", "hostility", "Boko Haram")),
    ("The Nigerian military, working with Chad, has pushed Boko Haram to negotiate.",
     ("Nigerian Armed Forces", "hostility", "Boko Haram")),
    # a new clause after the first target; fighting alongside; protection
    ("ISWAP ambushed Nigerian troops and Chadian soldiers withdrew from the area.",
     (ISWAP, "hostility", "Chad")),
    ("Al-Shabaab attacked AU bases and Somali army positions were reinforced.",
     ("Al-Shabaab", "hostility", "Somali National Army")),
    ("Al-Shabaab attacked AU bases alongside Somali army deserters.",
     ("Al-Shabaab", "hostility", "Somali National Army")),
    ("Al-Shabaab protected AU bases and Somali army positions.",
     ("Al-Shabaab", "hostility", "Somali National Army")),
    # a place ceded under an accord, lost in an election or agreement
    ("The Malian army ceded control of Kidal to Tuareg rebels under the Algiers accord.",
     ("Tuareg rebels", "hostility", "Malian Armed Forces")),
    ("The Malian army lost control of Kidal to Tuareg rebels in the 2015 agreement.",
     ("Tuareg rebels", "hostility", "Malian Armed Forces")),
    ("Hamas lost Gaza City to Fatah in the elections.", ("Fatah", "hostility", "Hamas")),
    # pressure or criticism, not attack; talks or mediation, not attacks; a denial
    ("Burkinabe troops withdrew from Djibo after coming under criticism from the UN.",
     ("United Nations", "hostility", "Burkina Faso")),
    ("The ADF has not been implicated in attacks on FARDC positions, the UN said.",
     ("Allied Democratic Forces", "hostility", FARDC)),
    ("Uganda has been involved in peace talks with the ADF.",
     ("Uganda", "hostility", "Allied Democratic Forces")),
    # a participle after a report, a new clause, or fighting with someone against another
    ("Rwandan officials said JNIM fighters attacked the town of Djibo, clashing with "
     "Burkinabe soldiers.", ("Rwanda", "hostility", "Burkina Faso")),
    ("JNIM fighters attacked the town of Djibo and Burkinabe soldiers fled, clashing with "
     "VDP militiamen.", (JNIM, "hostility", "Volunteers for the Defence of the Homeland")),
    ("Wagner fighters moved into Kidal on Sunday, fighting with Malian soldiers against the "
     "rebels.", ("Wagner Group", "hostility", "Mali")),
    # a clash in talks or never; drones bought, hostages freed; a deal struck
    ("Turkey, in talks with Washington, clashed with Greece over maritime borders.",
     ("Turkey", "hostility", "Greece")),
    ("Ethiopian forces, in Somalia since 2006, have never clashed with al-Shabaab fighters.",
     ("Ethiopia", "hostility", "Al-Shabaab")),
    ("The Somali government, with help from Turkey, has since 2022 bought dozens of drones "
     "from China.", ("Somalia", "hostility", "China")),
    ("The Somali government, with help from Qatar, has since 2022 secured the release of "
     "hostages from al-Shabaab.", ("Somalia", "hostility", "Al-Shabaab")),
    ("Israel, in a statement on Friday, struck a deal with Hamas.",
     ("Israel", "hostility", "Hamas")),
    # a battle fought alongside someone, a legal battle, a new clause
    ("Colombian soldiers fought a fierce battle in Cauca, alongside the ELN, against FARC "
     "dissidents.", ("Colombia", "hostility", ELN)),
    ("Colombia fought a legal battle in The Hague, before the judges, against Nicaragua.",
     ("Colombia", "hostility", "Nicaragua")),
    ("Colombian soldiers fought a battle in Cauca, and the ELN later withdrew.",
     ("Colombia", "hostility", ELN)),
    # under pressure; under attack from critics or from described media; never
    ("Kenya has been under pressure from al-Shabaab's backers.",
     ("Al-Shabaab", "hostility", "Kenya")),
    ("Kenya has never been under attack from al-Shabaab, the minister claimed.",
     ("Al-Shabaab", "hostility", "Kenya")),
    ("Qatar has been under attack from Saudi-backed media.",
     ("Saudi Arabia", "hostility", "Qatar")),
    # a campaign at the UN, a diplomatic one, one condemned or only claimed, against a thing
    ("The campaign that Qatar launched against Israel at the UN failed.",
     ("Qatar", "hostility", "Israel")),
    ("The diplomatic campaign that Qatar launched against Israel failed.",
     ("Qatar", "hostility", "Israel")),
    ("The campaign that Qatar condemned against Hamas continued.",
     ("Qatar", "hostility", "Hamas")),
    ("The war that Russia claims to be waging against NATO is a fiction.",
     ("Russia", "hostility", "NATO")),
    ("The campaign Turkey launched against the PKK's financing in Europe continued.",
     ("Turkey", "hostility", PKK)),
    # engaged in a diplomatic or legal campaign, in talks, in vaccination
    ("Egypt has been engaged in a diplomatic campaign against Ethiopia over the dam.",
     ("Egypt", "hostility", "Ethiopia")),
    ("Egypt has been engaged in a legal battle against Ethiopia over the dam.",
     ("Egypt", "hostility", "Ethiopia")),
    ("The UN has been engaged in a vaccination campaign against polio in Gaza.",
     ("United Nations", "hostility", "Hamas")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_hostility_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_hostility(claims_of: ClaimsOf, text: str,
                                      unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found


def test_long_asides_and_lists_stay_fast(claims_of: ClaimsOf) -> None:
    """Long runs of asides, times or words before the verb, the participle or the list's
    later member are read without catastrophic backtracking."""
    asides = ", ".join(f"acting in area{i}" for i in range(40))
    found = positive_keys(claims_of, f"JNIM fighters, {asides}, attacked Malian troops.")
    assert _key((JNIM, "hostility", "Mali")) not in found, found
    words = " ".join(f"word{i}" for i in range(100))
    found = positive_keys(claims_of, f"JNIM fighters attacked the town of Djibo {words}, "
                                     f"clashing with Burkinabe soldiers.")
    assert _key(("Burkina Faso", "hostility", JNIM)) not in found, found
    times = " ".join("in January and February" for _ in range(30))
    found = positive_keys(claims_of, f"The RSF {times} attacked the Sudanese army.")
    assert _key((RSF, "hostility", SAF)) not in found, found
    found = positive_keys(claims_of, "The RSF in January and February attacked the Sudanese "
                                     "army.")
    assert _key((RSF, "hostility", SAF)) in found, found
