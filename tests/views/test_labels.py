"""How values, sources and grades read, as a person sees them on a card, in a table and in an export."""

from __future__ import annotations

from datetime import datetime

import pytest

from situation.model.fields import Count, ValueRange
from situation.model.scales import Credibility
from situation.model.tracked import RouteObservation
from situation.views.labels import (
    any_contested,
    credibility_text,
    hurt_text,
    number_text,
    route_state,
    source_ids_text,
    source_label,
    sources_label,
    total_text,
    value_text,
    with_unit,
)
from tests.loaded import loaded_seed


@pytest.mark.parametrize(
    ("value", "approximate", "text"),
    [
        (250000, True, "about 250,000"),
        (250000, False, "250,000"),
        (2.5, False, "2.5"),
        (0, False, "0"),  # a real zero stays 0
        (None, False, "unknown"),  # and unknown never becomes one
        (None, True, "unknown"),
        (ValueRange(low=250000, high=275000), False, "250,000–275,000"),
        (ValueRange(low=250000, high=275000), True, "about 250,000–275,000"),
    ],
)
def test_a_value_reads_as_a_source_would_say_it(value: float | ValueRange | None, approximate: bool, text: str) -> None:
    assert value_text(value, approximate) == text


def test_numbers_have_thousands_separated_and_no_spurious_decimals() -> None:
    assert (number_text(250000.0), number_text(1234567), number_text(1234.5), number_text(90.10)) == (
        "250,000",
        "1,234,567",
        "1,234.5",
        "90.1",
    )


def test_units_go_beside_the_value_and_percent_keeps_its_sign() -> None:
    assert with_unit("about 250,000", "people") == "about 250,000 people"
    assert with_unit("about 90", "percent") == "about 90%"
    assert with_unit("unknown", "people") == "unknown"


def test_sources_read_with_their_reliability_grade_in_the_order_cited() -> None:
    situation = loaded_seed()
    assert source_label(situation, "cnn") == "CNN [B]"
    assert (
        sources_label(situation, ["sana", "sohr"])
        == "SANA (Syrian Arab News Agency) [D]; Syrian Observatory for Human Rights [C]"
    )
    assert source_ids_text(["sana", "sohr"]) == "sana; sohr"


def test_credibility_reads_as_its_grade_and_meaning() -> None:
    assert credibility_text(Credibility(1)) == "1 confirmed"
    assert credibility_text(Credibility(3)) == "3 possibly true"


def test_a_fact_is_contested_when_any_claim_it_rests_on_is() -> None:
    situation = loaded_seed()
    assert {c.id: c.status.value for c in situation.claims}["siege-broken"] == "contested"
    assert any_contested(situation, ["siege-broken"])
    assert not any_contested(situation, [])
    assert not any_contested(situation, [c.id for c in situation.claims if c.status.value != "contested"])


@pytest.mark.parametrize(
    ("value", "approximate", "text"),
    [
        (ValueRange(over=2000000), False, "over 2,000,000"),
        (ValueRange(low=12), False, "at least 12"),
        (ValueRange(high=40000), False, "up to 40,000"),
        (ValueRange(low=250000, high=275000), False, "250,000–275,000"),
        (ValueRange(high=2000000), True, "up to about 2,000,000"),
        (250000, True, "about 250,000"),
        (None, False, "unknown"),
    ],
)
def test_values_read_as_the_source_said_them(value: float | ValueRange | None, approximate: bool, text: str) -> None:
    assert value_text(value, approximate) == text


def test_a_sum_with_a_bound_or_an_unknown_says_so() -> None:
    assert total_text([3, 4]) == "7"
    assert total_text([3, ValueRange(low=12)]) == "at least 15"
    assert total_text([ValueRange(high=100)]) == "up to 100"
    assert total_text([3, ValueRange(low=2, high=5)]) == "5–8"
    assert total_text([3, None]) == "3 (1 figure unknown)"
    assert total_text([Count(value=30, approximate=True)]) == "about 30"
    assert total_text([None]) == "unknown"
    assert hurt_text({"fatalities": ValueRange(low=12), "missing": None}) == "at least 12 killed, missing unknown"


def route(**fields: object) -> RouteObservation:
    return RouteObservation.model_validate({"date": "2016-08-28", "status": "open", "sources": ["x"], "credibility": 5, **fields})


def test_a_window_reads_open_until_its_end_and_ended_after_it() -> None:
    night = route(hours="19:00-07:00", **{"for": ["civilians"], "from": "2016-08-29", "until": "2016-09-02"})
    assert route_state(night, datetime(2016, 9, 2, 23, 0)) == "open 19:00–07:00 to civilians until 2 Sep 2016"
    assert route_state(night, datetime(2016, 9, 3, 0, 0)) == "ended 2 Sep 2016 (was open 19:00–07:00 to civilians)"
    assert route_state(night, datetime(2016, 8, 28, 12)) == "open 19:00–07:00 to civilians from 29 Aug 2016 until 2 Sep 2016"
    assert route_state(route(convoys_can_pass=False), datetime(2016, 9, 1)) == "open — convoys cannot pass"
