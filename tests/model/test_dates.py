"""Dates as sources give them, ordered as the as-of view reads them; moments and daily hours for access."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from pydantic_core import PydanticCustomError

from situation.model.dates import DailyHours, Moment, PartialDate


def test_a_month_comes_after_the_days_it_holds_and_before_the_next_month() -> None:
    dates = [PartialDate.parse(t) for t in ("2016-07", "2016-07-15", "2016-08-01", "2016-06-30")]
    assert [d.text for d in sorted(dates)] == ["2016-06-30", "2016-07-15", "2016-07", "2016-08-01"]
    assert max(dates[:2]).text == "2016-07"  # "latest" of July and 15 July is July, known on 31 July


def test_hours_may_run_across_midnight_and_read_with_an_en_dash() -> None:
    hours = DailyHours.parse("19:00-07:00")
    assert (hours.opens, hours.closes, hours.overnight, hours.label()) == (time(19), time(7), True, "19:00–07:00")
    assert not DailyHours.parse("10:00–13:00").overnight
    for wrong in ("19:00", "25:00-07:00", "09:00-09:00"):
        with pytest.raises(PydanticCustomError):
            DailyHours.parse(wrong)


def test_a_bare_day_lasts_to_its_end_and_a_time_is_exact() -> None:
    day = Moment.parse("2016-09-02")
    assert (day.first, day.last, day.label()) == (datetime(2016, 9, 2), datetime(2016, 9, 3), "2 Sep 2016")
    at = Moment.parse("2016-09-02 07:00")
    assert (at.first, at.last, at.label()) == (datetime(2016, 9, 2, 7), datetime(2016, 9, 2, 7), "2 Sep 2016 07:00")
    with pytest.raises(PydanticCustomError):
        Moment.parse("2 September")


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2016-08-06", date(2016, 8, 6), date(2016, 8, 6), "6 Aug 2016"),
        ("2016-07", date(2016, 7, 1), date(2016, 7, 31), "Jul 2016"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "Feb 2016"),
        ("2016-spring", date(2016, 3, 1), date(2016, 5, 31), "spring 2016"),
        ("2016-winter", date(2016, 12, 1), date(2017, 2, 28), "winter 2016"),
        (2016, date(2016, 1, 1), date(2016, 12, 31), "2016"),
    ],
)
def test_partial_dates_keep_their_precision(text: str | int, start: date, end: date, label: str) -> None:
    parsed = PartialDate.parse(text)
    assert (parsed.start, parsed.end, parsed.label()) == (start, end, label)
