"""What a situation derives from its parts: every fact's key of its own, and titles as the cards read them."""

from __future__ import annotations

from situation.model.tracked import Shortage
from tests.loaded import loaded_seed


def test_every_fact_of_the_seed_has_a_key_of_its_own() -> None:
    situation = loaded_seed()
    facts = [*situation.sources, *situation.areas, *situation.indicators, *situation.shortages, *situation.access]
    keys = [fact.key for fact in [*facts, *situation.claims, *situation.events]]
    assert len(keys) == len(set(keys)) == 10 + 6 + 4 + 5 + 3 + 4 + 7
    assert "indicator:people-under-siege" in keys and "route:east-aleppo-supply-lines" in keys
    assert "shortage:east-aleppo:food" in keys and "shortage:west-aleppo:food" in keys  # one commodity, two areas


def test_titles_read_as_on_the_cards() -> None:
    situation = loaded_seed()
    by_key = {fact.key: fact for fact in [*situation.areas, *situation.indicators, *situation.shortages, *situation.access]}
    assert situation.title_of(by_key["indicator:people-under-siege"]) == "People under siege"
    assert situation.title_of(by_key["shortage:east-aleppo:food"]) == "Food shortage · Eastern Aleppo"
    assert situation.title_of(by_key["shortage:west-aleppo:cooking_gas"]) == "Cooking gas shortage · Western Aleppo"
    assert situation.title_of(by_key["route:east-aleppo-supply-lines"]) == "Supply lines into eastern Aleppo"
    assert situation.title_of(by_key["area:east-aleppo"]) == "Eastern Aleppo"
    assert by_key["area:east-aleppo"].status_title == "Eastern Aleppo status"


def test_a_shortage_is_keyed_by_its_area_and_commodity() -> None:
    shortage = Shortage.model_validate(
        {
            "area": "idlib-city",
            "commodity": "cooking_gas",
            "observations": [{"date": "2016-08", "severity": 3, "sources": ["un"], "credibility": 2}],
        }
    )
    assert (shortage.key, shortage.title) == ("shortage:idlib-city:cooking_gas", "Cooking gas shortage")
