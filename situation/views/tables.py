"""Derived tables: the situation flattened into pandas frames, one row per dated observation.

Figures, pages, exports and the briefing start from these, so a fact is flattened once and the same way for all:
each row carries what any of them needs (its sources as labels, as ids and as grades; its area's name and
coordinates), and a consumer selects columns rather than walking the model again beside the table. Unknown
values are NaN/NA with `kind == "unknown"` beside them; nothing here fills a gap with 0.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from situation.model.facts import Hurt, Situation, Sourced, ValueRange, count_parts
from situation.model.scales import INSUFFICIENT_EVIDENCE, RELIABILITY_MEANINGS, severity_label
from situation.model.taxonomy import event_type_name, sub_type_name
from situation.views.labels import (
    HURT,
    any_contested,
    bound_side,
    count_text,
    end_of_day,
    grades_text,
    hurt_text,
    passage_text,
    reports_label,
    route_state,
    source_ids_text,
    sources_label,
    total_text,
    value_text,
    window_state,
)


class _Rows:
    """What rows repeat, worked out once per table: who says so for each distinct list of sources, each area's place,
    each day as a timestamp. A table of n facts then costs n cheap look-ups, whatever the size of the file."""

    def __init__(self, situation: Situation) -> None:
        self.situation = situation
        self._cited: dict[tuple[str, ...], tuple[str, str, str]] = {}
        self._places: dict[str | None, tuple[str | None, float | None, float | None]] = {}
        self._days: dict[date, pd.Timestamp] = {}

    def cited(self, fact: Sourced) -> dict[str, str | int]:
        """Who says so: the sources as a person reads them, their ids and grades in the same order, and the credibility."""
        key = tuple(fact.sources)
        found = self._cited.get(key)
        if found is None:
            found = self._cited[key] = (
                sources_label(self.situation, key),
                source_ids_text(key),
                grades_text(self.situation, key),
            )
        return {"sources": found[0], "source_ids": found[1], "reliability": found[2], "credibility": int(fact.credibility)}

    def place(self, area_id: str | None) -> dict[str, str | float | None]:
        """The area's name and approximate coordinates, for a row about it (all None for a fact about no area)."""
        found = self._places.get(area_id)
        if found is None:
            area = self.situation.area(area_id) if area_id else None
            found = self._places[area_id] = (area.name, area.lat, area.lon) if area else (None, None, None)
        return {"area_name": found[0], "lat": found[1], "lon": found[2]}

    def area_name(self, area_id: str | None) -> str | None:
        return self.place(area_id)["area_name"]  # type: ignore[return-value]

    def day(self, when: date) -> pd.Timestamp:
        found = self._days.get(when)
        if found is None:
            found = self._days[when] = pd.Timestamp(when)
        return found


def indicator_table(situation: Situation) -> pd.DataFrame:
    """One row per indicator observation: value (or low/high), unit, date, area, sources with grades."""
    rows = []
    once = _Rows(situation)
    for indicator in situation.indicators:
        place = once.place(indicator.area)
        for observation in indicator.observations:
            value = observation.value
            if isinstance(value, ValueRange) and value.is_bound:  # a floor or a ceiling is never the figure itself
                kind, low, high, point = "bound", value.lower, value.high, None
            elif isinstance(value, ValueRange):  # both sides given: low or over (over 2 million, up to 3 million), and high
                assert value.lower is not None and value.high is not None
                kind, low, high, point = "range", value.lower, value.high, (value.lower + value.high) / 2
            elif value is None:
                kind, low, high, point = "unknown", None, None, None
            else:
                kind, low, high, point = "number", value, value, value
            rows.append(
                {
                    "indicator": indicator.id,
                    "name": indicator.name,
                    "unit": indicator.unit,
                    "area": indicator.area,
                    **place,
                    "date": observation.date.text,
                    "start": once.day(observation.date.start),
                    "kind": kind,
                    "value": point,
                    "low": low,
                    "high": high,
                    "approximate": observation.approximate,
                    "value_text": value_text(value, observation.approximate),
                    **once.cited(observation),
                    "contested": any_contested(situation, observation.claims),
                    "bound": bound_side(value),
                    "reports": reports_label(situation, observation.reports),
                }
            )
    return pd.DataFrame(rows, columns=_INDICATOR_COLUMNS).astype(
        {"lat": "float64", "lon": "float64", "value": "float64", "low": "float64", "high": "float64"}
    )


_INDICATOR_COLUMNS = [
    "indicator", "name", "unit", "area", "area_name", "lat", "lon", "date", "start", "kind", "value", "low", "high",
    "approximate", "value_text", "sources", "source_ids", "reliability", "credibility", "contested", "bound", "reports",
]  # fmt: skip


def shortage_table(situation: Situation) -> pd.DataFrame:
    """One row per shortage observation; `severity` is NA where the evidence is insufficient."""
    once = _Rows(situation)
    rows = [
        {
            "area": shortage.area,
            "area_name": once.area_name(shortage.area),
            "commodity": shortage.commodity.value,
            "date": observation.date.text,
            "start": once.day(observation.date.start),
            "severity": None if observation.severity == INSUFFICIENT_EVIDENCE else int(observation.severity),
            "severity_label": severity_label(observation.severity),
            **once.cited(observation),
        }
        for shortage in situation.shortages
        for observation in shortage.observations
    ]
    columns = [
        "area", "area_name", "commodity", "date", "start", "severity", "severity_label", "sources", "source_ids", "reliability",
        "credibility",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).astype({"severity": "Int64"})


def access_table(situation: Situation) -> pd.DataFrame:
    """One row per route status, lasting from its date until the next status (or the situation's date)."""
    rows = []
    once = _Rows(situation)
    last_day = pd.Timestamp(situation.as_of + timedelta(days=1))
    now = end_of_day(situation)
    for route in situation.access:
        ordered = sorted(route.observations, key=lambda o: o.date)
        for index, observation in enumerate(ordered):
            start = once.day(observation.date.start)
            end = once.day(ordered[index + 1].date.start) if index + 1 < len(ordered) else last_day
            if observation.until is not None:  # the window ends the bar, not the next report
                end = min(end, pd.Timestamp(observation.until.last))
            window_start = pd.Timestamp(observation.valid_from.first) if observation.valid_from else None
            rows.append(
                {
                    "route": route.id,
                    "name": route.name,
                    "kind": route.kind.value,
                    "to_area": route.to_area,
                    "to_area_name": once.area_name(route.to_area),
                    "date": observation.date.text,
                    "start": start,
                    "end": max(end, start + pd.Timedelta(days=1)),
                    "status": observation.status.value if observation.status else None,
                    "convoys_can_pass": observation.convoys_can_pass,
                    "threat": observation.threat,
                    "deliveries": observation.deliveries,
                    **once.cited(observation),
                    "contested": any_contested(situation, observation.claims),
                    "hours": observation.hours.label() if observation.hours else None,
                    "valid_from": observation.valid_from.text if observation.valid_from else None,
                    "valid_until": observation.until.text if observation.until else None,
                    "open_to": ", ".join(p.value for p in observation.open_to) or None,
                    "window": window_state(observation, now),
                    "window_start": window_start,
                    "state_text": route_state(observation, now),
                    "passage": passage_text(observation) or None,
                    "reports": reports_label(situation, observation.reports),
                }
            )
    columns = [
        "route", "name", "kind", "to_area", "to_area_name", "date", "start", "end", "status", "convoys_can_pass", "threat",
        "deliveries", "sources", "source_ids", "reliability", "credibility", "contested", "hours", "valid_from",
        "valid_until", "open_to", "window", "window_start", "state_text", "passage", "reports",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).astype({"convoys_can_pass": "boolean", "window_start": "datetime64[ns]"})


def event_table(situation: Situation) -> pd.DataFrame:
    """One row per event, with ACLED's names for its type and sub-type."""
    once = _Rows(situation)
    rows = [
        {
            "event": event.id,
            "date": event.date.text,
            "start": once.day(event.date.start),
            "area": event.area,
            **once.place(event.area),
            "type": event.type,
            "type_name": event_type_name(event.type),
            "sub_type": event.sub_type,
            "sub_type_name": sub_type_name(event.type, event.sub_type),
            "summary": event.summary,
            "actors": ", ".join(event.actors),
            "fatalities": _exact(event.fatalities),
            **once.cited(event),
            "contested": any_contested(situation, event.claims),
            **_hurt_columns(event.hurt()),
            "hurt": hurt_text(event.hurt()),
            "reports": reports_label(situation, event.reports),
        }
        for event in situation.events
    ]
    columns = [
        "event", "date", "start", "area", "area_name", "lat", "lon", "type", "type_name", "sub_type", "sub_type_name",
        "summary", "actors", "fatalities", "sources", "source_ids", "reliability", "credibility", "contested",
        *HURT_COLUMNS, "hurt", "reports",
    ]  # fmt: skip
    numbers = {c: "Float64" for c in HURT_COLUMNS if not c.endswith("_text")}
    return pd.DataFrame(rows, columns=columns).astype({"lat": "float64", "lon": "float64", "fatalities": "Int64", **numbers})


HURT_COLUMNS = [f"{field}_{part}" for field in HURT for part in ("text", "low", "high")]
"""Per people-hurt field: its words, and its low and high ends (equal for an exact count, one empty for a bound)."""


def _exact(count: object) -> int | None:
    """The count when the source gives an exact whole number, else None (a bound or a range is not a count)."""
    value, approximate = count_parts(count)  # type: ignore[arg-type]
    return value if isinstance(value, int) and not approximate else None


def _hurt_columns(hurt: Hurt) -> dict[str, object]:
    columns: dict[str, object] = {}
    for field in HURT:
        value, _ = count_parts(hurt.get(field))
        low, high = (value.lower, value.high) if isinstance(value, ValueRange) else (value, value)
        columns |= {
            f"{field}_text": count_text(hurt[field]) if field in hurt else None,
            f"{field}_low": low,
            f"{field}_high": high,
        }
    return columns


def people_hurt_totals(situation: Situation) -> pd.DataFrame:
    """Per area and month, the people killed, injured and missing in its events, summed without making a bound exact."""
    groups: dict[tuple[str, str], list[Hurt]] = {}
    for event in situation.events:
        if event.hurt():
            groups.setdefault((event.area, f"{event.date.start:%Y-%m}"), []).append(event.hurt())
    rows = [
        {
            "area": area,
            "area_name": situation.area(area).name,
            "period": period,
            "events": len(hurts),
            **{word: total_text(h[field] for h in hurts if field in h) for field, word in HURT.items()},
        }
        for (area, period), hurts in sorted(groups.items())
    ]
    return pd.DataFrame(rows, columns=["area", "area_name", "period", "events", *HURT.values()])


def claim_positions(situation: Situation) -> pd.DataFrame:
    """One row per (claim, source) stance: the claims matrix, and who says what side by side."""
    rows = []
    for claim in situation.claims:
        status = claim.status.value  # worked out from every position: once per claim, not once per position
        resolution = claim.resolution
        for position in claim.positions:
            source = situation.source(position.source)
            rows.append(
                {
                    "claim": claim.id,
                    "statement": claim.statement,
                    "status": status,
                    "credibility": int(claim.credibility),
                    "source": position.source,
                    "source_name": source.name,
                    "reliability": source.reliability.value,
                    "stance": position.stance.value,
                    "date": position.date.text,
                    "quote": position.quote.text if position.quote else None,
                    "resolution": resolution.outcome.value if resolution else None,
                    "resolved_on": resolution.date.text if resolution else None,
                    "resolution_note": resolution.note if resolution else None,
                }
            )
    columns = [
        "claim", "statement", "status", "credibility", "source", "source_name", "reliability", "stance", "date", "quote",
        "resolution", "resolved_on", "resolution_note",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def area_table(situation: Situation) -> pd.DataFrame:
    """One row per area, with its latest known status and control."""
    rows = []
    for area in situation.areas:
        latest = max(area.history, key=lambda o: o.date) if area.history else None
        rows.append(
            {
                "area": area.id,
                "name": area.name,
                "parent": area.parent,
                "lat": area.lat,
                "lon": area.lon,
                "status": latest.status.value if latest and latest.status else None,
                "controlled_by": latest.controlled_by if latest else None,
                "date": latest.date.text if latest else None,
                "sources": sources_label(situation, latest.sources) if latest else None,
                "pcode": area.pcode,
                "admin_level": area.admin_level,
            }
        )
    columns = ["area", "name", "parent", "lat", "lon", "status", "controlled_by", "date", "sources", "pcode", "admin_level"]
    return pd.DataFrame(rows, columns=columns).astype({"lat": "float64", "lon": "float64", "admin_level": "Int64"})


def source_table(situation: Situation) -> pd.DataFrame:
    """One row per source: kind, grade, and how many facts and claim positions rest on it."""
    cited: dict[str, int] = {source.id: 0 for source in situation.sources}
    for fact in situation.facts():
        for source_id in fact.sources:
            cited[source_id] += 1
    positions = {source.id: 0 for source in situation.sources}
    for claim in situation.claims:
        for position in claim.positions:
            positions[position.source] += 1
    rows = [
        {
            "source": source.id,
            "name": source.name,
            "kind": source.kind.value.replace("_", " "),
            "reliability": source.reliability.value,
            "reliability_meaning": RELIABILITY_MEANINGS[source.reliability][0],
            "via": situation.source(source.via).name if source.via else None,
            "facts": cited[source.id],
            "claim_positions": positions[source.id],
            "note": source.note,
        }
        for source in situation.sources
    ]
    columns = ["source", "name", "kind", "reliability", "reliability_meaning", "via", "facts", "claim_positions", "note"]
    return pd.DataFrame(rows, columns=columns)


def statement_table(situation: Situation) -> pd.DataFrame:
    """One row per call, appeal, announcement or warning: who said what, when, reported by whom."""
    once = _Rows(situation)
    rows = [
        {
            "statement": st.id,
            "date": st.date.text,
            "start": pd.Timestamp(st.date.start),
            "by": st.by,
            "by_name": situation.source(st.by).name,
            "by_reliability": situation.source(st.by).reliability.value,
            "kind": st.kind.value,
            "summary": st.summary,
            "area": st.area,
            "area_name": once.area_name(st.area),
            "quote": st.quote.text if st.quote else None,
            **once.cited(st),
            "reports": reports_label(situation, st.reports),
        }
        for st in sorted(situation.statements, key=lambda st: st.date)
    ]
    columns = [
        "statement", "date", "start", "by", "by_name", "by_reliability", "kind", "summary", "area", "area_name", "quote",
        "sources", "source_ids", "reliability", "credibility", "reports",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def report_table(situation: Situation) -> pd.DataFrame:
    """One row per cited report, with how many facts cite it: the bibliography a reviewer checks."""
    cited = {r.id: 0 for r in situation.reports}
    for fact in situation.facts():
        for report_id in fact.reports:
            cited[report_id] += 1
    rows = [
        {
            "report": r.id,
            "title": r.title,
            "number": r.number,
            "source": r.source,
            "source_name": situation.source(r.source).name,
            "date": r.date.text,
            "url": r.url,
            "document": r.document,
            "facts": cited[r.id],
        }
        for r in situation.reports
    ]
    return pd.DataFrame(rows, columns=["report", "title", "number", "source", "source_name", "date", "url", "document", "facts"])
