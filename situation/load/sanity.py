"""Dates and values that the fields alone cannot refuse: a fact after the file's date, −250,000 people, two
observations of one fact on one day, a claim settled before it was made; and, as warnings, what a team may
mean (observations out of order, a month beside the days of that month, a p-code outside its parent's).

Run on the validated model (the fields are known to be well formed), with paths into the file's lists, which
the model keeps in the file's order. docs/model.md says which are errors and which warnings, and why.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from itertools import pairwise
from typing import Any

from situation.load.codes import Code
from situation.load.problems import Finding
from situation.model.dates import FAR_APART_YEARS, Moment, PartialDate
from situation.model.facts import Situation
from situation.model.fields import Count, ValueRange
from situation.model.sections import EVENTS, REPORTS, SECTIONS, STATEMENTS

SIGNED_UNITS = ("change", "net", "balance", "difference", "°c", "degrees")
"""Units whose values may be below zero (a net change, a temperature); every other unit counts something."""

_OBSERVATION_LISTS = tuple((section.name, section.nested) for section in SECTIONS if section.observed and section.nested)


def check_sanity(situation: Situation) -> list[Finding]:
    """Every date and value problem of a valid-shaped file, errors and warnings alike."""
    return [
        *_after_as_of(situation),
        *_far_from_the_rest(situation),
        *_negative_counts(situation),
        *_observation_order(situation),
        *_resolutions(situation),
        *_pcodes(situation),
        *_report_sources(situation),
    ]


def _dated(situation: Situation) -> Iterator[tuple[tuple[str | int, ...], PartialDate, str]]:
    """Every dated thing in the file, with its path and what it is, for the as-of rule."""
    for section, field in _OBSERVATION_LISTS:
        for i, item in enumerate(getattr(situation, section)):
            for j, observation in enumerate(getattr(item, field)):
                yield (section, i, field, j, "date"), observation.date, "this observation"
    for dated in (EVENTS, STATEMENTS, REPORTS):
        for i, item in enumerate(situation.entries(dated)):
            yield (dated.name, i, "date"), item.date, f"this {dated.kind}"
    for i, claim in enumerate(situation.claims):
        for j, position in enumerate(claim.positions):
            yield ("claims", i, "positions", j, "date"), position.date, "this position"
        if claim.resolution is not None:
            yield ("claims", i, "resolution", "date"), claim.resolution.date, "this resolution"
    if not isinstance(situation.summary, str):
        for i, summary in enumerate(situation.summary):
            when = PartialDate.parse(summary.date)
            yield ("summary", i, "date"), when, "this summary"


def _after_as_of(situation: Situation) -> Iterator[Finding]:
    """A file cannot report what had not happened by its own date: the as-of must move, or the date is a typo."""
    for path, when, what in _dated(situation):
        if when.start > situation.as_of:
            yield Finding(
                path,
                Code.AFTER_AS_OF,
                f"{what} is dated {when}, after the file's as_of ({situation.as_of}); move as_of forward or correct the date",
            )


def _far_from_the_rest(situation: Situation) -> Iterator[Finding]:
    """A year typed wrong (1916 for 2016) is a valid date that stretches every timeline over a century: every date
    before a gap of more than FAR_APART_YEARS in the file's dates is said, and an as_of that far after its facts."""
    limit = timedelta(days=round(FAR_APART_YEARS * 365.25))
    spans = [(when.start, when.end, path, str(when)) for path, when, _ in _dated(situation)]
    spans += [(m.first.date(), m.last.date(), path, str(m)) for path, m in _route_moments(situation)]
    if not spans:
        return
    latest = max(spans, key=lambda span: span[1])
    if situation.as_of - latest[1] > limit:
        yield Finding(
            ("as_of",),
            Code.FAR_FROM_THE_REST,
            f"as_of ({situation.as_of}) is more than {FAR_APART_YEARS} years after the latest date in the file "
            f"({latest[3]}); a typo of the year?",
        )
    if latest[1] - min(span[0] for span in spans) <= limit:
        return  # nearly every file: its dates lie within a few years
    spans.sort(key=lambda span: span[0])
    reach, gap = spans[0][1], 0  # the latest end so far; the index of the first date after the last wide gap
    for index, (start, end, _, _) in enumerate(spans):
        if start - reach > limit:
            gap = index
        reach = max(reach, end)
    after = spans[gap][3]
    for _, _, path, text in spans[:gap]:
        yield Finding(
            path,
            Code.FAR_FROM_THE_REST,
            f"dated {text}, more than {FAR_APART_YEARS} years before the rest of the file (from {after} on); a typo of the year?",
        )


def _route_moments(situation: Situation) -> Iterator[tuple[tuple[str | int, ...], Moment]]:
    for i, route in enumerate(situation.access):
        for j, observation in enumerate(route.observations):
            for field, moment in (("from", observation.valid_from), ("until", observation.until)):
                if moment is not None:
                    yield ("access", i, "observations", j, field), moment


def _negative_counts(situation: Situation) -> Iterator[Finding]:
    for i, indicator in enumerate(situation.indicators):
        if any(word in indicator.unit.lower() for word in SIGNED_UNITS):
            continue
        for j, observation in enumerate(indicator.observations):
            if _at_least_zero(observation.value):
                continue  # nearly every value: no path made for it
            yield from _negative(("indicators", i, "observations", j, "value"), observation.value, indicator.unit)
    for i, event in enumerate(situation.events):
        for field in ("fatalities", "injured", "missing"):
            count = getattr(event, field)
            value = count.value if isinstance(count, Count) else count
            if _at_least_zero(value):
                continue
            path: tuple[str | int, ...] = ("events", i, field, *(("value",) if isinstance(count, Count) else ()))
            yield from _negative(path, value, f"people ({field})")


def _at_least_zero(value: int | float | ValueRange | None) -> bool:
    """A plain figure of zero or more, or unknown: the common case, told apart without a path or a dict."""
    return value is None or (not isinstance(value, ValueRange) and value >= 0)


def _negative(path: tuple[str | int, ...], value: int | float | ValueRange | None, unit: str) -> Iterator[Finding]:
    parts = {"low": value.low, "over": value.over, "high": value.high} if isinstance(value, ValueRange) else {"": value}
    for name, number in parts.items():
        if number is not None and number < 0:
            yield Finding(
                (*path, name) if name else path,
                Code.NEGATIVE_COUNT,
                f"{number:g} {unit}: a count cannot be below zero (units with 'change' or 'net' may be)",
            )


def _observation_order(situation: Situation) -> Iterator[Finding]:
    """Duplicate dates are errors (which one holds?); order and a month beside its days are warnings."""
    for section, field in _OBSERVATION_LISTS:
        for i, item in enumerate(getattr(situation, section)):
            observations = getattr(item, field)
            days = [o.date.start for o in observations if o.date.precision == "day"]
            if len(days) == len(observations) and all(a < b for a, b in pairwise(days)):
                continue  # days, each after the one before: no repeat, nothing out of order, no month among them
            seen: dict[str, int] = {}
            for j, observation in enumerate(observations):
                path = (section, i, field, j, "date")
                when: PartialDate = observation.date
                if when.text in seen:
                    yield Finding(
                        path,
                        Code.DUPLICATE_DATE,
                        f"{field}[{seen[when.text]}] has the same date ({when}); merge the two or correct a date",
                    )
                    continue
                seen[when.text] = j
                if j and when < observations[j - 1].date:
                    yield Finding(
                        path,
                        Code.OUT_OF_ORDER,
                        f"{when} comes after {observations[j - 1].date} in the file; views sort by date, "
                        "keep the file oldest first",
                    )
                if when.precision != "day":
                    days = [o.date for o in observations if o.date.precision == "day" and when.start <= o.date.start <= when.end]
                    if days:
                        yield Finding(
                            path,
                            Code.MONTH_BESIDE_DAYS,
                            f"{when} is placed at its last day ({when.end}), after {max(days)} of the same period; "
                            "give it a day if the source does",
                        )


def _resolutions(situation: Situation) -> Iterator[Finding]:
    for i, claim in enumerate(situation.claims):
        if claim.resolution is None:
            continue
        # The position that may be the earliest: "2016" may be January, so a resolution in February can follow it.
        first = min((p.date for p in claim.positions), key=lambda when: when.start)
        if claim.resolution.date.end < first.start:
            yield Finding(
                ("claims", i, "resolution", "date"),
                Code.RESOLVED_BEFORE_CLAIMED,
                f"settled on {claim.resolution.date}, before the first position ({first})",
            )


def _pcodes(situation: Situation) -> Iterator[Finding]:
    codes = {a.id: a.pcode for a in situation.areas}
    for i, area in enumerate(situation.areas):
        parent_code = codes.get(area.parent) if area.parent else None
        if area.pcode and parent_code and not area.pcode.startswith(parent_code):
            yield Finding(
                ("areas", i, "pcode"),
                Code.PCODE_OUTSIDE_PARENT,
                f"'{area.pcode}' does not start with the parent's p-code '{parent_code}'",
            )


def _report_sources(situation: Situation) -> Iterator[Finding]:
    """A fact that cites a report names its publisher too, so `sources` alone still says who says so."""
    publisher = {r.id: r.source for r in situation.reports}
    if not publisher:
        return  # nothing to cite, so nothing to look through
    for path, fact in _facts_with_paths(situation):
        for k, report_id in enumerate(fact.reports):
            source = publisher.get(report_id)
            if source is not None and source not in fact.sources:
                yield Finding(
                    (*path, "reports", k),
                    Code.REPORT_SOURCE_NOT_CITED,
                    f"the report '{report_id}' is published by '{source}', which this fact's sources do not name; add it",
                )


def _facts_with_paths(situation: Situation) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    for section, field in _OBSERVATION_LISTS:
        for i, item in enumerate(getattr(situation, section)):
            for j, observation in enumerate(getattr(item, field)):
                yield (section, i, field, j), observation
    for listed in SECTIONS:
        if listed.sourced and listed.nested is None:
            for i, item in enumerate(situation.entries(listed)):
                yield (listed.name, i), item
