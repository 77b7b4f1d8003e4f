"""Page 1's headline band: what a reader must take away if they read nothing else, one line each.

The dashboard's own band (`situation.views.headline.headline_lines`) is used when this package has it, so the
briefing and the Overview lead with the same lines. Until then — and for any situation the views cannot lead —
the band is built here from the key facts: the besieged area with the UN's siege criteria, people affected,
the routes into that area, the worst shortages and the open contested claims. This module is the only place
that knows which; swap it whole.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from situation.model.facts import AreaObservation, AreaStatus, ClaimStatus, SiegeCriteria, Situation, Stance
from situation.model.scales import INSUFFICIENT_EVIDENCE, ShortageSeverity, severity_label
from situation.views.labels import end_of_day, route_state, value_text, with_unit

CRITERIA = {
    "military_encirclement": "encirclement",
    "no_humanitarian_access": "no humanitarian access",
    "no_free_movement": "no free movement",
}
"""The UN's three siege criteria, as the band names them."""
VIEWS_HEADLINE = "situation.views.headline"
"""Where the dashboard's headline band lives (once the Overview has one)."""


@dataclass(frozen=True)
class HeadlineLine:
    """One line of the band: what it is about, and what holds."""

    label: str
    text: str
    flag: str | None = None
    """A warning read with the line ('contested'), or None."""


def headline_lines(situation: Situation) -> list[HeadlineLine]:
    """The dashboard's headline lines when the views provide them, else the band's own."""
    views = _views_headline()
    if views is not None:
        return [_as_line(line) for line in views(situation)]
    return own_lines(situation)


def _views_headline() -> Callable[[Situation], list[Any]] | None:
    try:
        module = importlib.import_module(VIEWS_HEADLINE)
    except ModuleNotFoundError as error:
        if error.name != VIEWS_HEADLINE:
            raise  # the module is there but itself imports something missing: a real fault, not "no headline yet"
        return None
    found: Callable[[Situation], list[Any]] | None = getattr(module, "headline_lines", None)
    return found


def _as_line(line: Any) -> HeadlineLine:
    """A line from the views, whatever its shape: an object with a label and text, a pair, or plain text."""
    if isinstance(line, str):
        return HeadlineLine("", line)
    if isinstance(line, tuple):
        return HeadlineLine(str(line[0]), str(line[1]))
    text = getattr(line, "text", None) or getattr(line, "value", None) or str(line)
    flag = getattr(line, "flag", None)
    return HeadlineLine(str(getattr(line, "label", None) or getattr(line, "title", "")), str(text), str(flag) if flag else None)


def own_lines(situation: Situation) -> list[HeadlineLine]:
    """Status and siege criteria, people, access, shortages, contested claims: each only when the file has it."""
    focus = _focus_area(situation)
    lines = [
        _status_line(situation, focus),
        _people_line(situation),
        _access_line(situation, focus),
        _shortage_line(situation),
        _claims_line(situation),
    ]
    return [line for line in lines if line is not None]


def _latest(situation: Situation, area_id: str) -> AreaObservation | None:
    history = situation.area(area_id).history
    return max(history, key=lambda o: o.date) if history else None


def _focus_area(situation: Situation) -> str | None:
    """The area the band leads with: a besieged one first, else the first with a known status."""
    known = [(area.id, latest) for area in situation.areas if (latest := _latest(situation, area.id)) and latest.status]
    besieged = [area_id for area_id, latest in known if latest.status is AreaStatus.BESIEGED]
    leading = besieged or [area_id for area_id, _ in known]
    return leading[0] if leading else None


def _criteria_text(siege: SiegeCriteria) -> str:
    """'encirclement not stated, no humanitarian access met, no free movement not stated'."""
    said = {True: "met", False: "not met", None: "not stated"}
    return ", ".join(f"{name} {said[getattr(siege, field)]}" for field, name in CRITERIA.items())


def _status_line(situation: Situation, area_id: str | None) -> HeadlineLine | None:
    if area_id is None:
        return None
    latest = _latest(situation, area_id)
    assert latest is not None and latest.status is not None  # the focus area has a known status
    text = f"{latest.status.value.replace('_', ' ')} ({latest.date.label()})"
    if latest.controlled_by:
        text += f", held by {latest.controlled_by[0].lower()}{latest.controlled_by[1:]}"
    if latest.siege is not None:
        text += f"; UN siege criteria: {_criteria_text(latest.siege)}"
    return HeadlineLine(situation.area(area_id).name, text)


def _people_line(situation: Situation) -> HeadlineLine | None:
    """The first figure the file tracks (people under siege come first, by the model's convention)."""
    if not situation.indicators:
        return None
    indicator = situation.indicators[0]
    latest = max(indicator.observations, key=lambda o: o.date)
    value = with_unit(value_text(latest.value, latest.approximate), indicator.unit)
    area = f" in {situation.area(indicator.area).name}" if indicator.area else ""
    contested = any(situation.claim(c).status is ClaimStatus.CONTESTED for c in latest.claims)
    flag = "rests on a contested claim" if contested else None
    return HeadlineLine(indicator.name, f"{value}{area} ({latest.date.label()})", flag)


def _access_line(situation: Situation, area_id: str | None) -> HeadlineLine | None:
    """The routes into the focus area (every route when there is none), as their cards state them."""
    routes = [r for r in situation.access if area_id is None or r.to_area == area_id] or situation.access
    if not routes:
        return None
    states = []
    for route in routes[:3]:
        latest = max(route.observations, key=lambda o: o.date)
        states.append(f"{route.name}: {route_state(latest, end_of_day(situation))}")
    return HeadlineLine("Access", "; ".join(states))


def _shortage_line(situation: Situation) -> HeadlineLine | None:
    """The highest severity any latest shortage reaches, and where; evidence that is missing never leads."""
    latest = [(s, max(s.observations, key=lambda o: o.date)) for s in situation.shortages]
    graded = [(s, o) for s, o in latest if o.severity != INSUFFICIENT_EVIDENCE]
    if not graded:
        return None
    worst = max(int(o.severity) for _, o in graded)
    places: dict[str, list[str]] = {}
    for shortage, observation in graded:
        if int(observation.severity) == worst:
            places.setdefault(situation.area(shortage.area).name, []).append(shortage.commodity.value.replace("_", " "))
    where = "; ".join(f"{', '.join(things)} in {area}" for area, things in places.items())
    level = severity_label(ShortageSeverity(worst))
    return HeadlineLine("Worst shortages", f"{level}: {where}")


def _claims_line(situation: Situation) -> HeadlineLine | None:
    contested = [c for c in situation.claims if c.status is ClaimStatus.CONTESTED]
    if not contested:
        return None
    parts = []
    for claim in contested[:2]:
        asserts = sum(p.stance is Stance.ASSERTS for p in claim.positions)
        denies = len(claim.positions) - asserts
        sides = f"{asserts} source{'s' if asserts != 1 else ''} assert, {denies} den{'y' if denies != 1 else 'ies'}"
        parts.append(f"{claim.statement.rstrip('.')} ({sides})")
    more = f"; and {len(contested) - 2} more" if len(contested) > 2 else ""
    label = "Contested claim" if len(contested) == 1 else f"{len(contested)} contested claims"
    return HeadlineLine(label, "; ".join(parts) + more)
