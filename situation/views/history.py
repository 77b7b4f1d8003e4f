"""Time: the situation as it stood on an earlier date, and how old each fact is.

`as_of` keeps only what was known by a date, so the dashboard can be rebuilt as it would have looked then. A
fact dated to a month or a season counts from the end of that period ("2016-07" from 31 July), or from the
file's own date if that comes first. A claim settled later is still open on the day viewed, and the summary
shown is the latest written on or before that day (a plain summary is dated the file's `as_of`, so an
earlier day shows none rather than one written weeks later). `ages` says, per fact, how many
days old it is on the situation's date and whether it is past the threshold the file sets for its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from situation.model.dates import PartialDate
from situation.model.facts import Situation, Sourced

FactKind = Literal["indicators", "shortages", "access", "areas"]


def earliest_date(situation: Situation) -> date:
    """The first day any fact of the situation speaks of; the as-of control starts there."""
    starts = [fact.date.start for fact in situation.facts()]
    starts += [p.date.start for c in situation.claims for p in c.positions]
    return min(starts, default=situation.as_of)


def as_of(situation: Situation, day: date) -> Situation:
    """The situation with only the facts and claim positions dated on or before `day`."""
    if day >= situation.as_of:
        return situation

    def known(when: PartialDate) -> bool:
        # "2016-07" is surely known once July is over; the file cannot know past its own date.
        return min(when.end, situation.as_of) <= day

    claims = [
        c.model_copy(
            update={"positions": kept, "resolution": c.resolution if c.resolution and known(c.resolution.date) else None}
        )
        for c in situation.claims
        if (kept := [p for p in c.positions if known(p.date)])
    ]
    claim_ids = {c.id for c in claims}

    def still_cited(ids: list[str]) -> list[str]:
        return [i for i in ids if i in claim_ids]

    def observations_of(items: list[Any], field: str, cites_claims: bool = False) -> list[Any]:
        kept_items = []
        for item in items:
            kept = [o for o in getattr(item, field) if known(o.date)]
            if cites_claims:
                kept = [o.model_copy(update={"claims": still_cited(o.claims)}) for o in kept]
            if kept or field == "history":
                kept_items.append(item.model_copy(update={field: kept}))
        return kept_items

    return situation.model_copy(
        update={
            "as_of": day,
            "areas": observations_of(situation.areas, "history"),
            "indicators": observations_of(situation.indicators, "observations", cites_claims=True),
            "shortages": observations_of(situation.shortages, "observations"),
            "access": observations_of(situation.access, "observations", cites_claims=True),
            "claims": claims,
            "events": [e.model_copy(update={"claims": still_cited(e.claims)}) for e in situation.events if known(e.date)],
            "statements": [
                st.model_copy(update={"claims": still_cited(st.claims)}) for st in situation.statements if known(st.date)
            ],
            "reports": [r for r in situation.reports if known(r.date)],
            "summary": [s for s in ([] if isinstance(situation.summary, str) else situation.summary) if s.date <= day],
        }
    )


@dataclass(frozen=True)
class Age:
    """How old a fact is on the situation's date, and whether the team should re-verify it."""

    kind: FactKind
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

    def add(kind: FactKind, key: str, title: str, fact: Sourced) -> None:
        when: PartialDate = fact.date  # type: ignore[attr-defined]
        limit = fact.stale_after if fact.stale_after is not None else getattr(limits, kind)
        days = (situation.as_of - when.end).days if when.end <= situation.as_of else 0
        found.append(Age(kind, key, title, when, days, limit != "never" and days > limit, limit))

    for indicator in situation.indicators:
        add("indicators", indicator.key, situation.title_of(indicator), max(indicator.observations, key=lambda o: o.date))
    for shortage in situation.shortages:
        add("shortages", shortage.key, situation.title_of(shortage), max(shortage.observations, key=lambda o: o.date))
    for route in situation.access:
        add("access", route.key, situation.title_of(route), max(route.observations, key=lambda o: o.date))
    for area in situation.areas:
        if area.history:
            add("areas", area.key, area.status_title, max(area.history, key=lambda o: o.date))
    return sorted(found, key=lambda a: -a.days)
