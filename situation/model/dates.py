"""Dates as sources give them: a day, a month, a season or a year ("encircled in the spring", "cut last month").

A source that says "last month" must not be recorded as the 1st of that month: the precision is kept, and
the date knows its first and last day, so the as-of view and the timelines can treat it honestly. Dates are
ordered by the day they are surely over (a month by its last day), the same rule the as-of view uses, so
"latest" never picks a day of August over a fact dated "August".

Access needs time as well as dates: a `Moment` is a day or a day and time ("until 2016-09-02 07:00"), and
`DailyHours` is a daily window such as `19:00-07:00`, which may run across midnight.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache, total_ordering
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

Precision = Literal["day", "month", "season", "year"]

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
"""The years a date may have: every table, chart and export can hold them (pandas' own dates end in April 2262, and a
chart spanning a thousand years took 50 s to draw), and a humanitarian record has no need of others. A year outside
them is nearly always a typo (1016 for 2016, 9999 for "unknown"), refused where it is written."""
FAR_APART_YEARS = 10
"""A date more than this many years before the rest of its file (or an as_of as far after it) is said as a warning
(`situation.load.sanity`): within the range, a year typed wrong (1916 for 2016) still stretches every timeline."""
_YEARS = r"(19\d{2}|20\d{2}|2100)"

# Meteorological seasons of the northern hemisphere; winter is December to February of the next year.
SEASONS: dict[str, tuple[int, int]] = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
DATE_PATTERN = rf"^{_YEARS}(-\d{{2}}(-\d{{2}})?|-(spring|summer|autumn|winter))?$"
_FORM = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-(spring|summer|autumn|winter))?\Z")
_EXPECTED = "a date such as 2016-08-06, a month such as 2016-07, a season such as 2016-spring, or a year"


class _ReadFromYaml:
    """A value the model reads with its class's own `parse` (which says in words why a text is refused) and writes back
    as its text: the hook pydantic asks for, once for the three kinds of date below."""

    @classmethod
    def parse(cls, value: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )


@total_ordering
@dataclass(frozen=True)
class PartialDate(_ReadFromYaml):
    """A date known to a day, month, season or year; ordered by its last day, then its first."""

    start: date
    end: date
    precision: Precision
    text: str

    def __str__(self) -> str:
        return self.text

    def _order(self) -> tuple[date, date, str]:
        return (self.end, self.start, self.text)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() < other._order()

    def label(self) -> str:
        """'6 Aug 2016', 'Jul 2016', 'spring 2016', '2016': how a card or a chart shows it."""
        return _label(self.start, self.precision, self.text)

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Read the YAML value; refuse, in words, a date that does not exist."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):
            in_range(value.year, value.isoformat())
            return cls(value, value, "day", value.isoformat())
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise PydanticCustomError("date_type", f"expected {_EXPECTED}")
        text = str(value).strip()
        match = _FORM.match(text)
        if not match:
            raise PydanticCustomError("date_format", "'{text}' is not a date; expected " + _EXPECTED, {"text": text})
        year = in_range(int(match[1]), text)
        if match[4]:
            first, last = SEASONS[match[4]]
            end_year = year + 1 if first > last else year
            return cls(date(year, first, 1), _last_day(end_year, last), "season", text)
        if match[2] is None:
            return cls(date(year, 1, 1), date(year, 12, 31), "year", text)
        month = int(match[2])
        if not 1 <= month <= 12:
            raise PydanticCustomError(
                "date_value", "'{text}' is not a date: there is no month {month}", {"text": text, "month": month}
            )
        if match[3] is None:
            return cls(date(year, month, 1), _last_day(year, month), "month", text)
        day = int(match[3])
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise PydanticCustomError(
                "date_value",
                "'{text}' is not a date: {month_name} {year} has {days} days",
                {"text": text, "month_name": calendar.month_name[month], "year": year, "days": days},
            )
        return cls(date(year, month, day), date(year, month, day), "day", text)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR},
            ]
        }


def in_range(year: int, text: str) -> int:
    """The year, when a date may have it; else a `date_range` error naming the date as written."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise PydanticCustomError(
            "date_range",
            "'{text}' is outside the years a situation can hold ({first} to {last}); a typo of the year?",
            {"text": text, "first": EARLIEST_YEAR, "last": LATEST_YEAR},
        )
    return year


@lru_cache(maxsize=4096)
def _label(start: date, precision: Precision, text: str) -> str:
    """`PartialDate.label`, worked out once per date: formatting a month's name costs more than finding it again, and
    the quotes of a large file label thousands of facts of a few hundred days."""
    if precision == "day":
        return f"{start.day} {start:%b %Y}"
    if precision == "month":
        return f"{start:%b %Y}"
    if precision == "season":
        return f"{text[5:]} {start.year}"
    return str(start.year)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_day(value: Any) -> date:
    """A date to the day (the situation's own 'as of'): a month or a year is not precise enough."""
    parsed = PartialDate.parse(value)
    if parsed.precision != "day":
        raise PydanticCustomError(
            "date_precision", "'{text}' is not a full date; expected a day such as 2016-08-08", {"text": parsed.text}
        )
    return parsed.start


_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2}))?\Z")
MOMENT_PATTERN = rf"^{_YEARS}-\d{{2}}-\d{{2}}([T ]\d{{1,2}}:\d{{2}})?$"


@dataclass(frozen=True)
class Moment(_ReadFromYaml):
    """A day, or a day and a time, as a pause or a corridor's validity is announced ("from 14:00 on 1 Sep")."""

    first: datetime
    """The moment itself; for a bare day, its first minute."""
    has_time: bool
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def last(self) -> datetime:
        """Until when it counts: a bare day counts to its end ("until 2 Sep" includes 2 September)."""
        return self.first if self.has_time else self.first + timedelta(days=1)

    def label(self) -> str:
        """'2 Sep 2016' or '2 Sep 2016 07:00'."""
        day = f"{self.first.day} {self.first:%b %Y}"
        return f"{day} {self.first:%H:%M}" if self.has_time else day

    @classmethod
    def parse(cls, value: Any) -> Moment:
        if isinstance(value, Moment):
            return value
        if isinstance(value, datetime):
            in_range(value.year, value.isoformat(timespec="minutes"))
            return cls(value, True, value.isoformat(timespec="minutes"))
        if isinstance(value, date):
            return cls(datetime.combine(value, time()), False, value.isoformat())
        text = str(value).strip() if isinstance(value, str) else ""
        match = _MOMENT.match(text)
        if not match:
            raise PydanticCustomError(
                "moment_format", "expected a day such as 2016-09-02, or a day and time such as 2016-09-02 19:00"
            )
        in_range(int(match[1][:4]), text)  # said of the moment as written, not of its day alone
        day = parse_day(match[1])
        if match[2] is None:
            return cls(datetime.combine(day, time()), False, text)
        hour, minute = int(match[2]), int(match[3])
        if hour > 23 or minute > 59:
            raise PydanticCustomError("moment_format", "'{text}' has no such time of day", {"text": text})
        return cls(datetime.combine(day, time(hour, minute)), True, text)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"type": "string", "pattern": MOMENT_PATTERN}


_HOURS = re.compile(r"(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\Z")
HOURS_PATTERN = r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}$"


@dataclass(frozen=True)
class DailyHours(_ReadFromYaml):
    """Daily opening hours such as 19:00-07:00; an end before the start runs across midnight."""

    opens: time
    closes: time

    def __str__(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"

    def label(self) -> str:
        """'19:00–07:00', with the en dash a reader expects."""
        return f"{self.opens:%H:%M}–{self.closes:%H:%M}"

    @property
    def overnight(self) -> bool:
        return self.closes < self.opens

    @classmethod
    def parse(cls, value: Any) -> DailyHours:
        if isinstance(value, DailyHours):
            return value
        text = value.strip() if isinstance(value, str) else ""
        match = _HOURS.match(text)
        if not match:
            raise PydanticCustomError("hours_format", "expected daily hours such as 19:00-07:00 (across midnight is allowed)")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise PydanticCustomError("hours_format", "'{text}' has no such time of day", {"text": text})
        if (h1, m1) == (h2, m2):
            raise PydanticCustomError(
                "hours_format", "'{text}' opens and closes at the same time; leave hours out for all day", {"text": text}
            )
        return cls(time(h1, m1), time(h2, m2))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"type": "string", "pattern": HOURS_PATTERN}
