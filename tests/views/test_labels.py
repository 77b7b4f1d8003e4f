"""Facts in words: bounds, people hurt and their sums, access windows; a bound never reads as the figure."""

from __future__ import annotations

from datetime import datetime

import pytest

from situation.model.facts import Count, RouteObservation, ValueRange
from situation.views.labels import hurt_text, route_state, total_text, value_text


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
