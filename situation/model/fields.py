"""The field types every entry is built from: ids, text, figures within what can be shown exactly, days,
references to other entries, ranges and counts, quotes, and what every sourced fact carries (`Sourced`).

A figure, a grade or a date means the same in every section, so each is defined once, here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    StringConstraints,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic import Strict as StrictMode
from pydantic_core import PydanticCustomError

from situation.model.dates import parse_day
from situation.model.scales import INSUFFICIENT_EVIDENCE, Credibility, ShortageSeverity
from situation.model.sections import ACCESS, AREAS, CLAIMS, EVENTS, REPORTS, SOURCES, Section

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
FiniteFloat = Annotated[float, StrictMode(), AllowInfNan(False)]


LARGEST_FIGURE = 10**15
"""The largest figure (and, negated, the smallest) a value may be: every export, chart and card shows it exactly.

Past 2**53 (about 9·10**15) a JSON reader, plotly and pandas hold a whole number as a float and change its last
digits, and `value: 1` followed by 400 zeros cannot be written as JSON at all; no humanitarian count comes near."""


def _number(value: Any) -> int | float:
    """An int stays an int (250000, not 250000.0); text, true/false, .inf, .nan and figures past the range are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        raise PydanticCustomError("number_type", "expected a number")
    if not -LARGEST_FIGURE <= value <= LARGEST_FIGURE:
        raise PydanticCustomError(
            "number_range",
            "is outside the figures that can be shown exactly: expected a number from -10^15 to 10^15 (1,000,000,000,000,000)",
        )
    return value


Number = Annotated[
    int | float,
    PlainValidator(_number),
    WithJsonSchema({"type": "number", "minimum": -LARGEST_FIGURE, "maximum": LARGEST_FIGURE}),
]


def _not_a_boolean(value: Any) -> Any:
    """Lax pydantic reads `true` as the grade 1; a grade written as true/false is a mistake, so say so."""
    if isinstance(value, bool):
        raise PydanticCustomError("grade_type", "expected a grade number, found {found}", {"found": str(value).lower()})
    return value


CredibilityGrade = Annotated[Credibility, BeforeValidator(_not_a_boolean)]


@dataclass(frozen=True)
class RefersTo:
    """Marks a field as the id of an entry in another section; `situation.load.references` checks it exists."""

    section: Section


SourceRef = Annotated[Id, RefersTo(SOURCES)]
AreaRef = Annotated[Id, RefersTo(AREAS)]
ClaimRef = Annotated[Id, RefersTo(CLAIMS)]
ReportRef = Annotated[Id, RefersTo(REPORTS)]
EventRef = Annotated[Id, RefersTo(EVENTS)]
RouteRef = Annotated[Id, RefersTo(ACCESS)]
Day = Annotated[date, BeforeValidator(parse_day), WithJsonSchema({"type": "string", "format": "date"})]


class Closed(BaseModel):
    """A part of the model closed to fields it does not declare: a typo such as `sorces:` is an error, not ignored.

    Not pydantic-strict (`strict=False`): YAML gives ints where floats are meant, and dates are parsed on purpose.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True, strict=False)


def _kind_of_value(value: Any) -> str | None:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, (dict, ValueRange)):
        return "range"
    return None


class ValueRange(Closed):
    """A range ('250,000–275,000') or an open bound: `{low: N}` 'at least N', `{over: N}` 'over N', `{high: N}` 'up to N'."""

    low: Number | None = None
    """The lowest figure the sources support ('at least'); alone, an open lower bound."""
    over: Number | None = None
    """A figure the true one is above ('over 2 million'), instead of `low`."""
    high: Number | None = None
    """The highest figure the sources support ('up to'); alone, an open upper bound."""

    @field_validator("high")
    @classmethod
    def _not_below_low(cls, high: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("low")
        lower, name = (low, "low") if low is not None else (info.data.get("over"), "over")
        if high is not None and lower is not None and high < lower:
            raise ValueError(f"high ({high:g}) is below {name} ({lower:g})")
        return high

    @model_validator(mode="after")
    def _one_lower_bound_at_least_one_bound(self) -> ValueRange:
        if self.low is not None and self.over is not None:
            raise ValueError("give either low ('at least') or over, not both")
        if self.lower is None and self.high is None:
            raise ValueError("a range needs low, over or high, such as {low: 250000, high: 275000} or {over: 2000000}")
        return self

    @property
    def lower(self) -> int | float | None:
        """The lower bound, whether written `low` or `over`."""
        return self.low if self.low is not None else self.over

    @property
    def is_bound(self) -> bool:
        """One side open: the figure is a floor or a ceiling, never the figure itself."""
        return self.lower is None or self.high is None


Value = Annotated[
    Annotated[Number, Tag("number")] | Annotated[ValueRange, Tag("range")] | Annotated[None, Tag("unknown")],
    Discriminator(
        _kind_of_value,
        custom_error_type="value_kind",
        custom_error_message="expected a number, a range such as {low: 250000, high: 275000}, a bound such as "
        "{over: 2000000} or {high: 40000}, or null for unknown",
    ),
]


class Count(Closed):
    """A count with its hedge, where the count is one field of a fact: `{value: 30, approximate: true}` 'about 30'."""

    value: Value
    """A number, a range, a bound, or null for unknown."""
    approximate: StrictBool = False
    """True where the source hedges ('about 30 killed')."""


def _kind_of_count(value: Any) -> str | None:
    if isinstance(value, (dict, Count)) and (isinstance(value, Count) or "value" in value or "approximate" in value):
        return "count"
    return _kind_of_value(value)


PeopleCount = Annotated[
    Annotated[Count, Tag("count")]
    | Annotated[Number, Tag("number")]
    | Annotated[ValueRange, Tag("range")]
    | Annotated[None, Tag("unknown")],
    Discriminator(
        _kind_of_count,
        custom_error_type="value_kind",
        custom_error_message="expected a number, a range, a bound such as {low: 12}, {value: 30, approximate: true}, "
        "or null for unknown",
    ),
]
"""How many people: 12, {low: 10, high: 15}, {low: 12} 'at least 12', {value: 30, approximate: true}, or null."""


def count_parts(count: Count | int | float | ValueRange | None) -> tuple[int | float | ValueRange | None, bool]:
    """A people count as (value, approximate), whichever of its shapes was written."""
    if isinstance(count, Count):
        return count.value, count.approximate
    return count, False


def _kind_of_severity(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "level"
    return "no-level" if value == INSUFFICIENT_EVIDENCE else None


SeverityValue = Annotated[
    Annotated[ShortageSeverity, Tag("level")] | Annotated[Literal["insufficient_evidence"], Tag("no-level")],
    Discriminator(
        _kind_of_severity,
        custom_error_type="severity_kind",
        custom_error_message="expected a severity level from 1 to 5, or insufficient_evidence",
    ),
]


class Quote(Closed):
    """A short phrase from a source, attributed; checked against the source's own text where it is at hand."""

    text: Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]
    """The words as the source wrote or said them: a phrase, a sentence at most."""
    by: SourceRef
    """The id of the source that said it (the speaker, not the outlet that carried it)."""


Days = Annotated[StrictInt, Field(ge=0, le=36_500)]
"""At most a hundred years: a date that far back is still a date (a larger count of days overflows one)."""
StaleLimit = Days | Literal["never"]
"""A number of days, or `never` (a historical fact: 'divided since 2012' does not go stale)."""


class Sourced(Closed):
    """What every fact carries: who says so, how credible it is, and optionally their words."""

    sources: Annotated[list[SourceRef], Field(min_length=1)]
    """Ids of the sources that report this fact."""
    credibility: CredibilityGrade
    """How credible this information is, 1 (confirmed) to 6 (cannot be judged); graded apart from source reliability."""
    quote: Quote | None = None
    """A short attributed quote that backs the fact."""
    note: Text | None = None
    """The analyst's note: how the fact was read, what is uncertain."""
    reports: list[ReportRef] = []
    """Ids of the reports (in `reports`) this fact is taken from: which flash update, which sitrep number."""
    stale_after: StaleLimit | None = None
    """Days after which this fact needs re-verifying, or `never` for history that does not expire; overrides the section's."""
