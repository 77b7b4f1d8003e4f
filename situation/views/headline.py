"""The headline band: the few lines a cluster meeting needs first, each with where it comes from.

One line each for an area's status with the UN's three siege criteria, the people affected, the corridors and whether
convoys can pass, the worst shortages, and the open contested claims. The file may choose and order them with
`headline:` (fact keys); without it the default above applies. Plain data (text, tone, provenance), so the Overview
and the briefing draw the same band. The situation given is the one on show (already cut to the as-of date); `area`
keeps the lines about that area and the areas inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from situation.model.claims import ClaimStatus, Stance, Statement
from situation.model.events import Event
from situation.model.facts import Situation
from situation.model.fields import Sourced
from situation.model.places import Area, SiegeCriteria
from situation.model.scales import INSUFFICIENT_EVIDENCE, ShortageSeverity, severity_label
from situation.model.sections import ACCESS, AREAS, BY_KIND, CLAIMS, EVENTS, INDICATORS, SHORTAGES, STATEMENTS, Section
from situation.model.tracked import Indicator, Route, RouteKind, RouteStatus, Shortage
from situation.views.history import latest_of
from situation.views.labels import (
    claim_areas,
    contested_claim,
    credibility_text,
    dated,
    end_of_day,
    route_state,
    short_name,
    sources_label,
    value_text,
    window_state,
    with_unit,
)

Tone = Literal["alert", "warning", "neutral", "good"]
"""How the line should read at a glance: alert (besieged, closed, severe), warning (fragile, contested), good (open)."""

PEOPLE_UNITS = ("people", "persons", "individuals", "households", "families")
"""Indicators in these units count people affected, for the default band."""
CORRIDOR_KINDS = (
    RouteKind.AID_CORRIDOR,
    RouteKind.HUMANITARIAN_PAUSE,
    RouteKind.CIVILIAN_PASSAGE,
    RouteKind.EVACUATION_ROUTE,
    RouteKind.CROSSING_POINT,
)
ROUTE_TONES: dict[RouteStatus, Tone] = {
    RouteStatus.OPEN: "good",
    RouteStatus.FRAGILE: "warning",
    RouteStatus.CONTESTED: "warning",
    RouteStatus.CLOSED: "alert",
}
MAX_PEOPLE = 2
MAX_ROUTES = 2
MAX_CLAIMS = 2
SIEGE_CRITERIA = {
    "military_encirclement": "encircled",
    "no_humanitarian_access": "no humanitarian access",
    "no_free_movement": "no free movement",
}
"""The UN's three criteria of a siege, as the band words them."""


@dataclass(frozen=True)
class HeadlineLine:
    """One line of the band: what it is about, what it says, how it should read, and who says so when."""

    key: str
    """The fact's key ('indicator:people-under-siege'); 'shortages:worst' for the default shortages line."""
    label: str
    text: str
    tone: Tone
    when: str
    """'8 Aug 2016', or for a claim 'latest position on 8 Aug 2016'."""
    who: str
    """Who says so and how credible: 'UN [A]; CNN [B] · credibility 3 possibly true'; a claim's 'analyst's grade …'."""
    claim: str | None = None
    """The id of the contested claim the line is about or rests on, so a page can link to it."""

    @property
    def provenance(self) -> str:
        """'8 Aug 2016 · UN [A]; CNN [B] · credibility 3 possibly true': when, then who says so."""
        return f"{self.when} · {self.who}"


def headline(situation: Situation, area: str | None = None) -> list[HeadlineLine]:
    """The band for the situation on show: the file's `headline:` keys in order, else the default."""
    within = situation.areas_within(area) if area else None
    if situation.headline:
        chosen = [line for key in situation.headline if (line := _line_for_key(situation, key, within)) is not None]
        if chosen:
            return chosen
    return _default(situation, area, within)


def _in_scope(area_id: str | None, within: set[str] | None) -> bool:
    return within is None or area_id in within


def _who(situation: Situation, fact: Sourced) -> str:
    return f"{sources_label(situation, fact.sources)} · credibility {credibility_text(fact.credibility)}"


def _line_for_key(situation: Situation, key: str, within: set[str] | None) -> HeadlineLine | None:
    """The line for one fact key, or None when the fact is outside the area or has nothing on the day on show."""
    kind, _, rest = key.partition(":")
    builders: dict[Section, Callable[[str], HeadlineLine | None]] = {
        AREAS: lambda i: _area_line(situation, situation.area(i)) if _in_scope(i, within) else None,
        INDICATORS: lambda i: _indicator_line(situation, _by_id(situation.indicators, i), within),
        ACCESS: lambda i: _route_line(situation, _by_id(situation.access, i), within),
        SHORTAGES: lambda _: _shortage_line(situation, key, within),
        CLAIMS: lambda i: _claim_line(situation, i, within),
        EVENTS: lambda i: _event_line(situation, _by_id(situation.events, i), within),
        STATEMENTS: lambda i: _statement_line(situation, _by_id(situation.statements, i), within),
    }
    section = BY_KIND.get(kind)
    return builders[section](rest) if section in builders else None


Identified = TypeVar("Identified", Indicator, Route, Event, Statement)


def _by_id(items: list[Identified], item_id: str) -> Identified | None:
    """The item of that id, or None when the day on show has cut it (an indicator with no observation yet)."""
    return next((item for item in items if item.id == item_id), None)


def _default(situation: Situation, area: str | None, within: set[str] | None) -> list[HeadlineLine]:
    if area is not None:
        areas = [situation.area(area)]
    else:
        areas = [a for a in situation.areas if a.history and latest_of(a.history).status == "besieged"]
    lines = [line for a in areas if (line := _area_line(situation, a)) is not None]
    people = [i for i in situation.indicators if i.unit.lower() in PEOPLE_UNITS]
    lines += [line for i in people if (line := _indicator_line(situation, i, within)) is not None][:MAX_PEOPLE]
    routes = [r for r in situation.access if _in_scope(r.to_area, within)]
    routes.sort(key=lambda r: r.kind not in CORRIDOR_KINDS)
    lines += [line for r in routes[:MAX_ROUTES] if (line := _route_line(situation, r, within)) is not None]
    if (worst := _worst_shortages(situation, within)) is not None:
        lines.append(worst)
    contested = [c for c in situation.claims if c.status is ClaimStatus.CONTESTED]
    lines += [line for c in contested if (line := _claim_line(situation, c.id, within)) is not None][:MAX_CLAIMS]
    return lines


def siege_text(criteria: SiegeCriteria | None) -> str | None:
    """'UN siege criteria: encircled not known · no humanitarian access yes · no free movement not known'."""
    if criteria is None:
        return None
    words = {True: "yes", False: "no", None: "not known"}
    parts = [f"{name}: {words[getattr(criteria, field)]}" for field, name in SIEGE_CRITERIA.items()]
    return "UN siege criteria: " + " · ".join(parts)


def _area_line(situation: Situation, area: Area) -> HeadlineLine | None:
    if not area.history:
        return None
    latest = latest_of(area.history)
    status = latest.status.value.replace("_", " ") if latest.status else "status not known"
    held = f", held by {latest.controlled_by}" if latest.controlled_by else ""
    siege = siege_text(latest.siege)
    tones: dict[str, Tone] = {"besieged": "alert", "contested": "warning", "hard_to_reach": "warning", "accessible": "good"}
    tone = tones.get(latest.status.value if latest.status else "", "neutral")
    return HeadlineLine(
        key=area.key,
        label=area.name,
        text=f"{status}{held}" + (f" — {siege}" if siege else ""),
        tone=tone,
        when=latest.date.label(),
        who=_who(situation, latest),
    )


def _indicator_line(situation: Situation, indicator: Indicator | None, within: set[str] | None) -> HeadlineLine | None:
    if indicator is None or not indicator.observations or not _in_scope(indicator.area, within):
        return None
    latest = latest_of(indicator.observations)
    value = with_unit(value_text(latest.value, latest.approximate), indicator.unit)
    contested = contested_claim(situation, latest.claims)
    where = f" in {situation.area(indicator.area).name}" if indicator.area else ""
    return HeadlineLine(
        key=indicator.key,
        label=indicator.name,
        text=("not known" if latest.value is None else value) + where + (" — rests on a contested claim" if contested else ""),
        tone="warning" if contested else "neutral",
        when=latest.date.label(),
        who=_who(situation, latest),
        claim=contested.id if contested else None,
    )


def _route_line(situation: Situation, route: Route | None, within: set[str] | None) -> HeadlineLine | None:
    if route is None or not route.observations or not _in_scope(route.to_area, within):
        return None
    latest = latest_of(route.observations)
    tone: Tone = "neutral" if latest.status is None else ROUTE_TONES[latest.status]
    if latest.convoys_can_pass is False and tone == "good":
        tone = "warning"
    if window_state(latest, end_of_day(situation)) != "in force":
        tone = "neutral"
    contested = contested_claim(situation, latest.claims)
    return HeadlineLine(
        key=route.key,
        label=route.name,
        text=route_state(latest, end_of_day(situation)).replace("unknown", "status not known", 1),
        tone=tone,
        when=latest.date.label(),
        who=_who(situation, latest),
        claim=contested.id if contested else None,
    )


def _latest_level(shortage: Shortage) -> ShortageSeverity | None:
    severity = latest_of(shortage.observations).severity
    return None if severity == INSUFFICIENT_EVIDENCE else ShortageSeverity(severity)


def _commodity(shortage: Shortage) -> str:
    return shortage.commodity.value.replace("_", " ")


def _worst_shortages(situation: Situation, within: set[str] | None) -> HeadlineLine | None:
    """One line: the highest level any shortage in scope reaches, and which commodities where."""
    graded = [(s, level) for s in situation.shortages if _in_scope(s.area, within) and (level := _latest_level(s)) is not None]
    if not graded:
        return None
    top = max(level for _, level in graded)
    worst = [s for s, level in graded if level == top]
    by_area: dict[str, list[str]] = {}
    for shortage in worst:
        by_area.setdefault(situation.area(shortage.area).name, []).append(_commodity(shortage))
    latest = latest_of(latest_of(s.observations) for s in worst)
    return HeadlineLine(
        key="shortages:worst",
        label="Worst shortages",
        text=f"{severity_label(top)}: " + "; ".join(f"{', '.join(things)} in {name}" for name, things in by_area.items()),
        tone="alert" if top >= ShortageSeverity.SEVERE else "warning" if top >= ShortageSeverity.MODERATE else "neutral",
        when=latest.date.label(),
        who=_who(situation, latest),
    )


def _shortage_line(situation: Situation, key: str, within: set[str] | None) -> HeadlineLine | None:
    shortage = next((s for s in situation.shortages if s.key == key), None)
    if shortage is None or not _in_scope(shortage.area, within):
        return None
    latest = latest_of(shortage.observations)
    level = _latest_level(shortage)
    return HeadlineLine(
        key=shortage.key,
        label=situation.title_of(shortage),
        text=severity_label(latest.severity),
        tone="neutral" if level is None else "alert" if level >= ShortageSeverity.SEVERE else "warning",
        when=latest.date.label(),
        who=_who(situation, latest),
    )


def _claim_line(situation: Situation, claim_id: str, within: set[str] | None) -> HeadlineLine | None:
    claim = next((c for c in situation.claims if c.id == claim_id), None)
    if claim is None:
        return None
    if within is not None and not claim_areas(situation).get(claim.id, set()) & within:
        return None
    asserting = sorted({short_name(situation.source(p.source)) for p in claim.positions if p.stance is Stance.ASSERTS})
    denying = sorted({short_name(situation.source(p.source)) for p in claim.positions if p.stance is Stance.DENIES})
    who = "; ".join(part for part in (_said("asserted", asserting), _said("denied", denying)) if part)
    latest = latest_of(claim.positions)
    return HeadlineLine(
        key=claim.key,
        label=f"Claim {claim.status.value}",
        text=claim.statement + (f" — {who}" if who else ""),
        tone="warning" if claim.status is ClaimStatus.CONTESTED else "neutral",
        when=f"latest position {dated(latest.date)}",
        who=f"analyst's grade {credibility_text(claim.credibility)}",
        claim=claim.id,
    )


def _said(verb: str, names: list[str]) -> str | None:
    return f"{verb} by {', '.join(names)}" if names else None


def _event_line(situation: Situation, event: Event | None, within: set[str] | None) -> HeadlineLine | None:
    if event is None or not _in_scope(event.area, within):
        return None
    contested = contested_claim(situation, event.claims)
    return HeadlineLine(
        key=event.key,
        label=situation.area(event.area).name,
        text=event.summary,
        tone="warning" if contested else "neutral",
        when=event.date.label(),
        who=_who(situation, event),
        claim=contested.id if contested else None,
    )


def _statement_line(situation: Situation, statement: Statement | None, within: set[str] | None) -> HeadlineLine | None:
    if statement is None or (statement.area is not None and not _in_scope(statement.area, within)):
        return None
    return HeadlineLine(
        key=statement.key,
        label=f"{situation.source(statement.by).name} ({statement.kind.value})",
        text=statement.summary,
        tone="neutral",
        when=statement.date.label(),
        who=_who(situation, statement),
    )
