"""Dates as sources give them: a day, a month, a season or a year ("encircled in the spring", "cut last month").

A source that says "last month" must not be recorded as the 1st of that month: the precision is kept, and
the date knows its first and last day, so the as-of view and the timelines can treat it honestly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

Precision = Literal["day", "month", "season", "year"]

# Meteorological seasons of the northern hemisphere; winter is December to February of the next year.
SEASONS: dict[str, tuple[int, int]] = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?|-(spring|summer|autumn|winter))?$"
_FORM = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-(spring|summer|autumn|winter))?\Z")
_EXPECTED = "a date such as 2016-08-06, a month such as 2016-07, a season such as 2016-spring, or a year"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a day, month, season or year; ordered by its first day."""

    start: date
    end: date
    precision: Precision
    text: str

    def __str__(self) -> str:
        return self.text

    def label(self) -> str:
        """'6 Aug 2016', 'Jul 2016', 'spring 2016', '2016': how a card or a chart shows it."""
        if self.precision == "day":
            return f"{self.start.day} {self.start:%b %Y}"
        if self.precision == "month":
            return f"{self.start:%b %Y}"
        if self.precision == "season":
            return f"{self.text[5:]} {self.start.year}"
        return str(self.start.year)

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Read the YAML value; refuse, in words, a date that does not exist."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):
            return cls(value, value, "day", value.isoformat())
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise PydanticCustomError("date_type", f"expected {_EXPECTED}")
        text = str(value).strip()
        match = _FORM.match(text)
        if not match:
            raise PydanticCustomError("date_format", "'{text}' is not a date; expected " + _EXPECTED, {"text": text})
        year = int(match[1])
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
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "integer", "minimum": 1000, "maximum": 9999}]}


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
