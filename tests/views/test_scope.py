"""A view's scope: the rows, cards, claims and statements about the chosen area and the areas inside it, and the
words a page says of it, on the seed and the revision."""

from __future__ import annotations

from situation.views.derived import Derived
from situation.views.scope import Scope
from tests.loaded import loaded_seed


def test_all_areas_keeps_every_row_and_says_any_area() -> None:
    derived = Derived(loaded_seed())
    scope = Scope(derived.situation)
    assert scope.within is None and scope.rows(derived.events).equals(derived.events)
    assert scope.cards(derived.cards) == derived.cards
    assert scope.caption("Overview") == "Overview · as of 8 August 2016"
    assert scope.none_recorded("shortage") == "No shortage recorded for any area by 8 August 2016."


def test_a_city_keeps_its_own_rows_and_its_districts_and_names_itself() -> None:
    derived = Derived(loaded_seed())
    scope = Scope(derived.situation, "aleppo")
    assert {"aleppo", "east-aleppo", "west-aleppo", "ramouseh"} <= set(scope.within or ())
    assert set(scope.rows(derived.events)["area"]) <= set(scope.within or ()) and "idlib-city" not in set(
        scope.rows(derived.events)["area"]
    )
    assert set(scope.rows(derived.access, "to_area")["to_area"]) <= set(scope.within or ())
    assert all(card.area in (scope.within or ()) for card in scope.cards(derived.cards))
    assert scope.caption("Map") == "Map · as of 8 August 2016 · Aleppo city"
    assert scope.by == "for Aleppo city by 8 August 2016"


def test_claims_follow_the_facts_that_rest_on_them_and_an_area_without_any_says_so() -> None:
    derived = Derived(loaded_seed())
    east = Scope(derived.situation, "east-aleppo")
    assert "siege-broken" in set(east.claims(derived.claims)["claim"])  # the people under siege rest on it
    assert set(Scope(derived.situation, "manbij").claims(derived.claims)["claim"]) == {"manbij-human-shields"}
    west = Scope(derived.situation, "west-aleppo")
    assert west.claims(derived.claims).empty
    assert west.no_claims == "No claim bears on facts for Western Aleppo by 8 August 2016."
    assert west.nothing_to_lead_with.startswith("Nothing to lead with for Western Aleppo on 8 August 2016")
