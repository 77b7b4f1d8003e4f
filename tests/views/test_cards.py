"""The overview's cards from the seed: each says its value, date, sources with grades and credibility, as a reader sees it."""

from __future__ import annotations

from situation.views.cards import Card, age_text, overview_cards
from situation.views.history import ages
from tests.loaded import loaded_seed


def cards() -> dict[str, Card]:
    return {card.key: card for card in overview_cards(loaded_seed())}


def test_people_under_siege_reads_about_250000_with_its_source_and_grade() -> None:
    card = cards()["indicator:people-under-siege"]
    assert (card.title, card.value, card.unit) == ("People under siege", "about 250,000", "people")
    assert (card.as_of, card.sources, card.credibility) == ("8 Aug 2016", "CNN [B]", "3 possibly true")
    assert card.contested  # rests on the claim that the siege was broken, which SANA denies
    assert (card.age_days, card.stale) == (0, False)


def test_an_unknown_figure_says_not_known_and_takes_no_unit() -> None:
    card = cards()["indicator:supply-trucks-west-aleppo"]
    assert (card.value, card.unit) == ("not known", None)
    assert card.sources == "SANA (Syrian Arab News Agency) [D]; Syrian Observatory for Human Rights [C]"


def test_a_percentage_keeps_its_sign_in_the_value() -> None:
    card = cards()["indicator:manbij-taken-by-sdf"]
    assert (card.value, card.unit) == ("about 90%", None)


def test_shortage_cards_name_commodity_and_area_and_say_insufficient_evidence_in_words() -> None:
    by_key = cards()
    assert (by_key["shortage:east-aleppo:food"].title, by_key["shortage:east-aleppo:food"].value) == (
        "Food shortage · Eastern Aleppo",
        "4 Severe",
    )
    west = by_key["shortage:west-aleppo:food"]
    assert west.value == "Insufficient evidence"
    assert west.detail is not None and "no source describes the supply situation" in west.detail


def test_a_route_card_says_whether_convoys_can_pass_and_what_it_was_before() -> None:
    corridor = cards()["route:east-aleppo-corridor"]
    assert (corridor.value, corridor.change) == ("fragile — convoys cannot pass", "was fragile on 6 Aug 2016")
    assert corridor.sources == "Aid agencies (unnamed) [F]; CNN [B]"
    assert corridor.detail is not None and corridor.detail.startswith("Threat: ")
    assert cards()["route:east-aleppo-supply-lines"].change is None  # one status only: nothing to compare


def test_cards_come_in_reading_order_people_then_shortages_access_areas() -> None:
    groups = [card.group for card in overview_cards(loaded_seed())]
    assert groups == sorted(groups, key=["People", "Shortages", "Access", "Areas"].index)
    assert groups.count("People") == 4 and groups.count("Shortages") == 5 and groups.count("Access") == 3


def test_a_card_and_the_stale_list_name_a_fact_the_same_way() -> None:
    by_key = cards()
    for age in ages(loaded_seed()):
        if age.key in by_key:
            assert age.label == by_key[age.key].title
            assert (by_key[age.key].age_days, by_key[age.key].stale) == (age.days, age.stale)
    assert by_key["route:east-aleppo-supply-lines"].stale  # cut in July: 8 days old, the limit for access is 3


def test_age_text() -> None:
    assert (age_text(None), age_text(0), age_text(1), age_text(8)) == (None, "same day", "1 day old", "8 days old")
