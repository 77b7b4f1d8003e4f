"""Time: the situation as it stood on an earlier date, and how old each fact is.

`as_of` keeps only what was known by a date, so the dashboard can be rebuilt as it would have looked then. A
fact dated to a month or a season counts from the end of that period ("2016-07" from 31 July), or from the
file's own date if that comes first. A claim settled later is still open on the day viewed, and the summary
shown is the latest written on or before that day (a plain summary is dated the file's `as_of`, so an
earlier day shows none rather than one written weeks later). `ages` says, per fact, how many
days old it is on the situation's date and whether it is past the threshold the file sets for its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any, Protocol, TypeVar

from situation.model.claims import Claim, Resolution
from situation.model.dates import PartialDate
from situation.model.facts import Situation
from situation.model.fields import Sourced
from situation.model.sections import ACCESS, AREAS, CLAIMS, EVENTS, INDICATORS, REPORTS, SECTIONS, SHORTAGES, STATEMENTS, Section


class _Dated(Protocol):
    @property
    def date(self) -> PartialDate: ...


D = TypeVar("D", bound=_Dated)


by_date: Callable[[_Dated], tuple[date, date, str]] = attrgetter("date.end", "date.start", "date.text")
"""A fact's date as a sort key, in PartialDate's own order (its last day, then its first, then its text), made of
plain values and fetched in C: comparing two PartialDates runs Python code, and the cards and ages of a large file
compare hundreds of thousands."""


_END: Callable[[_Dated], date] = attrgetter("date.end")


def latest_of(facts: Iterable[D]) -> D:
    """The latest-dated fact; the first of equals, as `max` keeps it."""
    found = list(facts)
    ends = list(map(_END, found))
    last = _alone_last(ends)
    return found[last] if last is not None else max(found, key=by_date)


def latest_two(facts: Sequence[D]) -> tuple[D, D | None]:
    """The latest-dated fact and the one before it, as a stable sort by date leaves them (of equals, the one the file
    gives last is the later): what a card shows, and what changed since."""
    ends = list(map(_END, facts))
    last = _alone_last(ends)
    if last is not None:
        if len(facts) == 1:
            return facts[0], None
        before = _alone_last(ends[:last] + ends[last + 1 :])  # among the others
        if before is not None:
            return facts[last], facts[before + (before >= last)]  # its place among all of them
    ordered = sorted(facts, key=by_date)
    return ordered[-1], (ordered[-2] if len(ordered) > 1 else None)


def _alone_last(ends: list[date]) -> int | None:
    """Where the one fact that ends last is, or None when several end that day (their first days and texts decide).
    Most series have one, found by comparing last days in C: the cards and ages of a large file compare hundreds of
    thousands of dates, and a full sort key per fact cost more than the rest of their work."""
    last = max(ends)
    return ends.index(last) if ends.count(last) == 1 else None


def earliest_date(situation: Situation) -> date:
    """The first day any fact of the situation speaks of; the as-of control starts there."""
    starts = [fact.date.start for fact in situation.facts()]
    starts += [p.date.start for c in situation.claims for p in c.positions]
    return min(starts, default=situation.as_of)


def as_of(situation: Situation, day: date) -> Situation:
    """The situation with only the facts, claim positions and reports dated on or before `day`.

    What a kept fact cites that is not yet known (a report published later, a claim first made later, a route with
    no status yet) is dropped from its references too: every id in the view names something in it.
    """
    if day >= situation.as_of:
        return situation

    def known(when: PartialDate) -> bool:
        # "2016-07" is surely known once July is over; the file cannot know past its own date.
        return min(when.end, situation.as_of) <= day

    claim_ids = {c.id for c in situation.claims if any(known(p.date) for p in c.positions)}
    report_ids = {r.id for r in situation.reports if known(r.date)}
    event_ids = {e.id for e in situation.events if known(e.date)}
    route_ids = {r.id for r in situation.access if any(known(o.date) for o in r.observations)}

    def cited(fact: Any) -> Any:
        """The fact with only the claims, reports and routes of the view among its references."""
        update: dict[str, Any] = {"reports": [i for i in fact.reports if i in report_ids]}
        for field, kept in (("claims", claim_ids), ("access", route_ids), ("events", event_ids)):
            if field in type(fact).model_fields:
                update[field] = [i for i in getattr(fact, field) if i in kept]
        return fact.model_copy(update=update)

    def resolution(claim: Claim) -> Resolution | None:
        """A claim settled by `day` keeps its resolution, citing only what the view has; a later one is still open."""
        r = claim.resolution
        if r is None or not known(r.date):
            return None
        superseded_by = r.superseded_by if r.superseded_by in claim_ids else None
        settled: Resolution = cited(r).model_copy(update={"superseded_by": superseded_by})
        return settled

    claims = [
        c.model_copy(update={"positions": [p for p in c.positions if known(p.date)], "resolution": resolution(c)})
        for c in situation.claims
        if c.id in claim_ids
    ]

    def observations_of(items: list[Any], field: str) -> list[Any]:
        kept_items = []
        for item in items:
            kept = [cited(o) for o in getattr(item, field) if known(o.date)]
            if kept or field == "history":
                kept_items.append(item.model_copy(update={field: kept}))
        return kept_items

    observed = {
        section.name: observations_of(situation.entries(section), section.nested)
        for section in SECTIONS
        if section.observed and section.nested
    }
    return situation.model_copy(
        update={
            "as_of": day,
            **observed,
            CLAIMS.name: claims,
            EVENTS.name: [cited(e) for e in situation.events if e.id in event_ids],
            STATEMENTS.name: [cited(st) for st in situation.statements if known(st.date)],
            REPORTS.name: [r for r in situation.reports if r.id in report_ids],
            "summary": [s for s in ([] if isinstance(situation.summary, str) else situation.summary) if s.date <= day],
        }
    )


@dataclass(frozen=True)
class Age:
    """How old a fact is on the situation's date, and whether the team should re-verify it."""

    kind: Section
    """The section the fact is in, whose `stale_after` threshold applies unless the fact sets its own."""
    key: str
    label: str
    date: PartialDate
    days: int
    stale: bool
    limit: int | str = 0
    """The threshold that applied: the fact's own `stale_after`, else its section's (days, or 'never')."""


def ages(situation: Situation) -> list[Age]:
    """The latest observation of every indicator, shortage, route and area, with its age, oldest first."""
    limits = situation.stale_after
    found: list[Age] = []

    def add(kind: Section, key: str, title: str, fact: Sourced) -> None:
        when: PartialDate = fact.date  # type: ignore[attr-defined]
        limit = fact.stale_after if fact.stale_after is not None else getattr(limits, kind.name)
        days = (situation.as_of - when.end).days if when.end <= situation.as_of else 0
        found.append(Age(kind, key, title, when, days, limit != "never" and days > limit, limit))

    for indicator in situation.indicators:
        add(INDICATORS, indicator.key, situation.title_of(indicator), latest_of(indicator.observations))
    for shortage in situation.shortages:
        add(SHORTAGES, shortage.key, situation.title_of(shortage), latest_of(shortage.observations))
    for route in situation.access:
        add(ACCESS, route.key, situation.title_of(route), latest_of(route.observations))
    for area in situation.areas:
        if area.history:
            add(AREAS, area.key, area.status_title, latest_of(area.history))
    return sorted(found, key=lambda a: -a.days)
