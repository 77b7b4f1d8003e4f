"""The overview's indicator cards: what each card says, worked out once from the model, with no Streamlit.

A card always carries its date, its sources with their grades and the credibility of the fact; a contested
claim behind it is flagged; when an earlier observation exists the card says what changed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal, NamedTuple, TypedDict

from situation.model.dates import PartialDate
from situation.model.events import Event
from situation.model.facts import Situation
from situation.model.fields import Sourced, ValueRange
from situation.model.scales import severity_label
from situation.model.taxonomy import sub_type_name
from situation.model.tracked import IndicatorObservation
from situation.views.history import Age, ages, by_date, latest_two
from situation.views.labels import (
    UNKNOWN,
    any_contested,
    contested_claim,
    credibility_text,
    dated,
    end_of_day,
    hurt_text,
    number_text,
    route_state,
    sources_label,
    value_text,
    with_unit,
)


@dataclass(frozen=True)
class Card:
    """One card: a value (or a headline) and everything needed to trust it."""

    key: str
    group: Literal["People", "Shortages", "Access", "Areas"]
    title: str
    value: str
    unit: str | None
    """The unit, shown small beside the value ('people'); None where the value says it all."""
    as_of: str
    sources: str
    """Who says so, each source with its grade: 'CNN [B]; SANA (Syrian Arab News Agency) [D]'."""
    source_ids: tuple[str, ...]
    """The same sources by id, for a label of another length (the briefing's `short_sources_label`)."""
    credibility: str
    area: str | None = None
    contested: bool = False
    change: str | None = None
    """What changed since the previous observation, with its date; None when there is none."""
    detail: str | None = None
    age_days: int | None = None
    """How old the fact is on the situation's date."""
    stale: bool = False
    """Older than the file's threshold for its kind: re-verify it."""
    when: str = ""
    """When it held, as a reader says it, with its age on the day on show: '6 Aug 2016, 2 days before 8 Aug',
    'July 2016, ended 8 days before 8 Aug'; the bare date for a fact of that very day."""
    contested_claim: ContestedClaim | None = None
    """The contested claim the card rests on, so the badge can name it and link to it."""


@dataclass(frozen=True)
class ContestedClaim:
    """A claim's id (for the link) and its statement (for the badge)."""

    id: str
    statement: str


NOT_KNOWN = "not known"
"""A card's value the sources do not give: 'not known' reads naturally beside 'credibility 1 confirmed' (that it is not
known is what is confirmed), where 'unknown' read as a contradiction."""


def overview_cards(situation: Situation, known_ages: list[Age] | None = None) -> list[Card]:
    """All cards, in the order an analyst reads them: people, shortages, access, then one headline per area.
    `known_ages`: `ages(situation)` when the caller has it already (the dashboard shows both)."""
    cards = [*_indicator_cards(situation), *_shortage_cards(situation), *_route_cards(situation), *_area_headlines(situation)]
    by_key = {age.key: age for age in (ages(situation) if known_ages is None else known_ages)}
    return [
        replace(
            card,
            age_days=by_key[card.key].days,
            stale=by_key[card.key].stale,
            when=when_text(by_key[card.key].date, by_key[card.key].days, situation),
        )
        if card.key in by_key
        else replace(card, when=card.when or card.as_of)
        for card in cards
    ]


def when_text(when: PartialDate, days: int, situation: Situation) -> str:
    """'6 Aug 2016, 2 days before 8 Aug'; 'July 2016, ended 8 days before 8 Aug'; '8 Aug 2016' on the day on show."""
    label = f"{when.start:%B %Y}" if when.precision == "month" else when.label()
    if days == 0:
        return label
    ended = "ended " if when.precision != "day" else ""
    return f"{label}, {ended}{days} day{'s' if days != 1 else ''} before {situation.as_of.day} {situation.as_of:%b}"


def _claim_of(situation: Situation, claim_ids: list[str]) -> ContestedClaim | None:
    claim = contested_claim(situation, claim_ids)
    return ContestedClaim(claim.id, claim.statement) if claim else None


def age_text(days: int | None) -> str | None:
    """'same day', '1 day old', '8 days old'."""
    if days is None:
        return None
    return "same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} old"


class Reminder(NamedTuple):
    """What the team should re-verify: a heading, and a line per fact."""

    title: str
    lines: list[str]


def needs_update(known_ages: Sequence[Age]) -> Reminder | None:
    """The facts older than the file's thresholds, oldest first, as 'Needs update' says them; None when none is."""
    stale = [age for age in known_ages if age.stale]
    if not stale:
        return None
    lines = [f"{a.label}: dated {a.date.label()}, {age_text(a.days)} (re-verify after {a.limit} days)" for a in stale]
    return Reminder(f"Needs update: {len(stale)} fact(s) older than their threshold", lines)


class _Common(TypedDict):
    """The fields every card fills alike, spread into `Card(...)`: a TypedDict so each is checked against Card's own."""

    sources: str
    source_ids: tuple[str, ...]
    credibility: str


def _common(situation: Situation, fact: Sourced) -> _Common:
    return {
        "sources": sources_label(situation, fact.sources),
        "source_ids": tuple(fact.sources),
        "credibility": credibility_text(fact.credibility),
    }


def _indicator_cards(situation: Situation) -> list[Card]:
    cards = []
    for indicator in situation.indicators:
        latest, previous = latest_two(indicator.observations)
        cards.append(
            Card(
                key=indicator.key,
                group="People",
                title=situation.title_of(indicator),
                value=_indicator_value(latest, indicator.unit),
                unit=None if indicator.unit in ("percent", "%") or latest.value is None else indicator.unit,
                as_of=latest.date.label(),
                area=indicator.area,
                contested=any_contested(situation, latest.claims),
                contested_claim=_claim_of(situation, latest.claims),
                change=_value_change(latest, previous, indicator.unit),
                detail=latest.note,
                **_common(situation, latest),
            )
        )
    return cards


def _indicator_value(observation: IndicatorObservation, unit: str) -> str:
    """'about 250,000'; a percentage keeps its sign ('about 90%'), other units go beside the value."""
    text = value_text(observation.value, observation.approximate)
    if text == UNKNOWN:
        return NOT_KNOWN
    return with_unit(text, unit) if unit in ("percent", "%") else text


def _value_change(latest: IndicatorObservation, previous: IndicatorObservation | None, unit: str) -> str | None:
    """'+10,000 since 6 Aug 2016' for two numbers; 'was unknown on …' when either is a range or unknown."""
    if previous is None:
        return None
    now, before = latest.value, previous.value
    since = previous.date.label()
    if isinstance(now, int | float) and isinstance(before, int | float):
        difference = now - before
        return (
            f"no change since {since}"
            if difference == 0
            else f"{'+' if difference > 0 else '−'}{number_text(abs(difference))} since {since}"
        )
    if now == before and not isinstance(now, ValueRange):
        return f"no change since {since}"
    was = value_text(before, previous.approximate)
    return f"was {NOT_KNOWN if was == UNKNOWN else with_unit(was, unit)} {dated(previous.date)}"


def _shortage_cards(situation: Situation) -> list[Card]:
    cards = []
    for shortage in situation.shortages:
        latest, previous = latest_two(shortage.observations)
        change = None
        if previous is not None:
            change = (
                f"no change since {previous.date.label()}"
                if previous.severity == latest.severity
                else f"was {severity_label(previous.severity)} {dated(previous.date)}"
            )
        cards.append(
            Card(
                key=shortage.key,
                group="Shortages",
                title=situation.title_of(shortage),
                value=severity_label(latest.severity),
                unit=None,
                as_of=latest.date.label(),
                area=shortage.area,
                change=change,
                detail=latest.note,
                **_common(situation, latest),
            )
        )
    return cards


def _route_cards(situation: Situation) -> list[Card]:
    cards = []
    now = end_of_day(situation)
    for route in situation.access:
        latest, previous = latest_two(route.observations)
        details = [
            f"Threat: {latest.threat}" if latest.threat else None,
            f"Got through: {latest.deliveries}" if latest.deliveries else None,
        ]
        cards.append(
            Card(
                key=route.key,
                group="Access",
                title=situation.title_of(route),
                value=route_state(latest, now),
                unit=None,
                as_of=latest.date.label(),
                area=route.to_area,
                contested=any_contested(situation, latest.claims),
                contested_claim=_claim_of(situation, latest.claims),
                change=f"was {route_state(previous)} {dated(previous.date)}" if previous else None,
                detail=" · ".join(d for d in details if d) or None,
                **_common(situation, latest),
            )
        )
    return cards


_Rank = tuple[bool, bool, tuple[date, date, str]]


def _headline_rank(event: Event) -> _Rank:
    """Fighting and violence before other developments, dated incidents (a day) before what went on over a month or a
    season (background rather than news), then the latest; the first of equals stays, as `max` keeps it."""
    return (event.type != "strategic_developments", event.date.precision == "day", by_date(event))


def _area_headlines(situation: Situation) -> list[Card]:
    """Each area's headline: its latest event, fighting and violence before other developments, dated incidents
    (a day) before what went on over a month or a season, which is background rather than news."""
    headline: dict[str, tuple[_Rank, Event]] = {}  # one pass, each event's rank worked out once
    for event in situation.events:
        rank = _headline_rank(event)
        shown = headline.get(event.area)
        if shown is None or rank > shown[0]:
            headline[event.area] = (rank, event)
    cards = []
    for area in situation.areas:
        shown = headline.get(area.id)
        if shown is None:
            continue
        event = shown[1]
        cards.append(
            Card(
                key=f"headline:{area.id}",
                group="Areas",
                title=situation.title_of(area),
                value=event.summary,
                unit=None,
                as_of=event.date.label(),
                area=area.id,
                contested=any_contested(situation, event.claims),
                contested_claim=_claim_of(situation, event.claims),
                detail=" · ".join(part for part in (sub_type_name(event.type, event.sub_type), hurt_text(event.hurt())) if part),
                **_common(situation, event),
            )
        )
    return cards
