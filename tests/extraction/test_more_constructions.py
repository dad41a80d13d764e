"""Constructions of the genre added for recall, each with sentences of its own and
near misses: a possessor's unit as the one helped, coordinated adjectives, training
camps, "turned to X for", relying on another's fighters, "fought for", "whose forces",
strikes in support of someone, appositions (passive, role, aligned)."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import ClaimsOf, Expected, positive_keys
from tests.extraction.conftest import triple_key as _key

FOUND: list[tuple[str, Expected]] = [
    # the possessor of a unit is the one helped
    ("Qatar, which funded and trained Somalia's coast guard, opened an embassy.",
     ("Qatar", "funding", "Somalia")),
    ("Russia trains Mali's presidential guard brigade.", ("Russia", "training", "Mali")),
    # coordinated adjectives before the kind of help; guidance
    ("Hamas continued to receive financial and military support from Iran.",
     ("Iran", "support", "Hamas")),
    ("Hezbollah provided guidance and training to the Houthis.",
     ("Hezbollah", "training", "Houthis")),
    # trained at someone's camps
    ("Some Houthi fighters trained at Hezbollah camps in Lebanon.",
     ("Hezbollah", "training", "Houthis")),
    # members that together with another make up a body
    ("Chad and Niger, which together with Nigeria make up the task force, met in Abuja.",
     ("Chad", "alliance", "Niger")),
    ("The Houthis turned to Iran for weapons.", ("Iran", "arms", "Houthis")),
    ("Mali has relied on Russia's mercenaries to fight JNIM.",
     ("Mali", "hostility", "Jama'at Nusrat al-Islam wal-Muslimin")),
    ("Hezbollah fought on the side of Syria in the civil war.",
     ("Hezbollah", "personnel", "Syria")),
    ("Chad has started deploying troops to Niger.", ("Chad", "personnel", "Niger")),
    ("Kenya and Somalia signed a security protocol.", ("Kenya", "alliance", "Somalia")),
    ("Kenya, whose troops have fought al-Shabaab since 2011, closed the border.",
     ("Kenya", "hostility", "Al-Shabaab")),
    ("France said it had carried out airstrikes in support of the Malian army, killing "
     "dozens of JNIM fighters.", ("France", "hostility", "Jama'at Nusrat al-Islam wal-Muslimin")),
    ("France said it had carried out airstrikes in support of the Malian army, killing "
     "dozens of JNIM fighters.", ("France", "support", "Malian Armed Forces")),
    # appositions: aligned, passive, role; the verb then belongs to the one described
    ("Ansaru, a small faction but closely allied with Boko Haram, kidnapped dozens.",
     ("Ansaru", "alliance", "Boko Haram")),
    ("The Houthis, a group armed by Iran, attacked Saudi Arabia.", ("Iran", "arms", "Houthis")),
    ("The Houthis, a group armed by Iran, attacked Saudi Arabia.",
     ("Houthis", "hostility", "Saudi Arabia")),
    ("Hamas, an ally of Iran, fired rockets at Israel.", ("Hamas", "alliance", "Iran")),
    ("Hamas, an ally of Iran, fired rockets at Israel.", ("Hamas", "hostility", "Israel")),
    ("The TTP, a rival of the Taliban, attacked Pakistan.",
     ("Tehrik-i-Taliban Pakistan", "hostility", "Pakistan")),
    # sanctions notices: a description, then what the company or person did
    ("Named today is Al-Noor Maritime FZE, a firm that purchased drone parts on behalf of "
     "the Houthis.", ("Al-Noor Maritime FZE", "arms", "Houthis")),
    ("Delta Marine Ltd, a shipping firm that carried fuel on behalf of the Houthis, was "
     "sanctioned.", ("Delta Marine Ltd", "facilitation", "Houthis")),
    ("The Treasury also named Omar Saleh, a Sudan-based businessman who oversaw the purchase "
     "of drones for the RSF.", ("Omar Saleh", "arms", "Rapid Support Forces")),
    ("Red Sea Holding, which has generated funds for Hamas through property sales, was named.",
     ("Red Sea Holding", "funding", "Hamas")),
    # an object relative clause: its subject gives, the main verb is the head's
    ("Hezbollah, which Iran has long funded and armed, attacked Israel.",
     ("Iran", "arms", "Hezbollah")),
    ("Hezbollah, which Iran has long funded and armed, attacked Israel.",
     ("Hezbollah", "hostility", "Israel")),
    # hosting a group's leaders or bureau
    ("Turkey hosts Hamas's political bureau in Istanbul.", ("Turkey", "safe_haven", "Hamas")),
    ("Iran continues to host senior al-Qaeda figures.", ("Iran", "safe_haven", "Al-Qaeda")),
    ("Kenya and Ethiopia signed a security cooperation agreement in May.",
     ("Ethiopia", "alliance", "Kenya")),
    ("The Houthis receive drones via Oman from Iran.", ("Iran", "arms", "Houthis")),
    ("Officials say Qatar gave $30 million a year to Hamas.", ("Qatar", "funding", "Hamas")),
    ("Turkey was the main weapons supplier to Azerbaijan.", ("Turkey", "arms", "Azerbaijan")),
    ("Iran is Hezbollah's main arms supplier.", ("Iran", "arms", "Hezbollah")),
    ("Al-Shabaab operates from sanctuaries in Eritrea.", ("Eritrea", "safe_haven", "Al-Shabaab")),
    ("Israeli strikes killed 12 Hezbollah members in Lebanon.",
     ("Israel", "hostility", "Hezbollah")),
    ("Boko Haram has fought for more than ten years against Nigeria.",
     ("Boko Haram", "hostility", "Nigeria")),
    # diplomatic cover is support; shielding fighters is a haven
    ("Russia shielded Syria from sanctions for years.", ("Russia", "support", "Syria")),
    ("The Taliban continue to shield al-Qaeda leaders in Kabul.",
     ("Taliban", "safe_haven", "Al-Qaeda")),
    # help qualified by its giver, the one helped being the clause's subject
    ("The Houthis, with Iranian support, attacked shipping.", ("Iran", "support", "Houthis")),
    ("Hamas, with Qatari funding, rebuilt its tunnels.", ("Qatar", "funding", "Hamas")),
    ("Support for the Houthis from Iran has grown.", ("Iran", "support", "Houthis")),
    ("Weapons for the RSF from the UAE arrived via Chad.",
     ("United Arab Emirates", "arms", "Rapid Support Forces")),
    # sub-national authorities are parties
    ("Turkey, which trained Jubaland's special police unit, opened a base.",
     ("Turkey", "training", "Jubaland")),
]

NOT_FOUND: list[tuple[str, Expected]] = [
    # a year in a relative clause is no bridge to the main clause's purpose
    ("Egypt, which expelled Qatari troops in 2017, has relied on Russia's jets to strike "
     "Libya.", ("Qatar", "hostility", "Libya")),
    ("Hezbollah fought for control of Qusayr, Syria said.", ("Hezbollah", "personnel", "Syria")),
    # the second of two clauses is no second object
    ("Hezbollah fought for Assad and Hamas backed the rebels.",
     ("Hezbollah", "personnel", "Hamas")),
    ("Hezbollah fought for Lebanon's independence.", ("Hezbollah", "personnel", "Lebanon")),
    ("The Houthis turned to Oman for mediation.", ("Oman", "support", "Houthis")),
    ("Israel and Hamas signed a ceasefire protocol.", ("Israel", "alliance", "Hamas")),
    ("US forces conducted an air strike on Monday, killing several civilians in Somalia.",
     ("US Department of Defense", "hostility", "Somalia")),
    ("The TTP, a rival of the Taliban, attacked Pakistan.",
     ("Tehrik-i-Taliban Pakistan", "alliance", "Taliban")),
    # an apposition that denies the tie
    ("Ansaru, a faction not aligned with Boko Haram, kidnapped dozens.",
     ("Ansaru", "alliance", "Boko Haram")),
    # the ally in an apposition is not the one that acts
    ("Hamas, an ally of Iran, fired rockets at Israel.", ("Iran", "hostility", "Israel")),
    # the subject of an object relative clause does not reach the main verb
    ("Hezbollah, which Iran funds, attacked Israel.", ("Iran", "hostility", "Israel")),
    ("Hezbollah, which Iran funds, attacked Israel.", ("Iran", "funding", "Israel")),
    # hosting for talks is no haven; a treaty of peace is no alliance
    ("Egypt hosted Hamas leaders for talks in Cairo.", ("Egypt", "safe_haven", "Hamas")),
    ("Israel and Jordan signed a water agreement.", ("Israel", "alliance", "Jordan")),
    # a request turned down is no support; cover at the UN is no haven
    ("The Houthis turned to Iran for help, but Tehran refused.", ("Iran", "support", "Houthis")),
    ("Russia and China have shielded Iran at the UN Security Council.",
     ("Russia", "safe_haven", "Iran")),
    # a state's troops that are part of a mission make no alliance with its body
    ("Kenya, whose troops are part of the African Union mission, withdrew.",
     ("African Union", "alliance", "Kenya")),
    # the object of a verb is not the one "with the support of" helps
    ("Israel attacked Hamas with the support of the United States.",
     ("United States", "support", "Hamas")),
    ("Israel attacked Hamas with US support.", ("United States", "support", "Hamas")),
    # weapons named by their maker's country name no supplier
    ("Russia attacked Ukraine with Iranian drones.", ("Iran", "arms", "Russia")),
    ("Calls for Hamas from Egypt to disarm grew.", ("Egypt", "support", "Hamas")),
    # the route is not the supplier
    ("The Houthis receive drones via Oman from Iran.", ("Oman", "arms", "Houthis")),
    # buying weapons for oneself or facilitating oil sales arms no one
    ("Omar Saleh, a Sudan-based businessman who oversaw the purchase of fuel for the RSF, "
     "was named.", ("Omar Saleh", "arms", "Rapid Support Forces")),
    ("Delta Marine Ltd, a firm that sued the Houthis, was sanctioned.",
     ("Delta Marine Ltd", "facilitation", "Houthis")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_construction_is_read(claims_of: ClaimsOf, text: str, expected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(expected) in found, found


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_near_miss_gives_no_claim(claims_of: ClaimsOf, text: str, unexpected: Expected) -> None:
    found = positive_keys(claims_of, text)
    assert _key(unexpected) not in found, found
