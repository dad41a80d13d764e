"""A demonym two states share ("Congolese") is the state the text names; a name inside
another state's longer name ("Republic of Congo" inside "Democratic Republic of Congo")
does not name that other state (loaders/pipeline/mentions.py)."""

from __future__ import annotations

from tests.extraction.conftest import ClaimsOf, positive_keys

DRC = "Democratic Republic of the Congo"


def test_long_name_names_one_congo(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "M23 rebels seized Kamanyola after clashes with "
                          "Congolese soldiers, officials in the Democratic Republic of "
                          "Congo said.")
    assert ("M23", "hostility", DRC) in found, found


def test_both_congos_named_leave_the_demonym_unassigned(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Officials in the Democratic Republic of Congo and "
                          "the Republic of Congo met. M23 rebels clashed with Congolese "
                          "soldiers.")
    assert not any("Congo" in o for s, _, o in found if s == "M23"), found


def test_republic_of_congo_alone_takes_the_demonym(claims_of: ClaimsOf) -> None:
    found = positive_keys(claims_of, "Ninja militia rebels are active in the Pool region. "
                          "Officials in the Republic of Congo said the rebels attacked "
                          "Congolese soldiers near Brazzaville.")
    assert any(o == "Republic of the Congo" for _, r, o in found if r == "hostility"), found
    assert not any(o == DRC for _, _, o in found), found
