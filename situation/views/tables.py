"""Derived tables: the situation flattened into pandas frames, one row per dated observation.

Figures, pages, exports and the briefing start from these, so a fact is flattened once and the same way for all:
each row carries what any of them needs (its sources as labels, as ids and as grades; its area's name and
coordinates), and a consumer selects columns rather than walking the model again beside the table. Unknown
values are NaN/NA with `kind == "unknown"` beside them; nothing here fills a gap with 0.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from situation.model.facts import Situation, Sourced, ValueRange
from situation.model.scales import INSUFFICIENT_EVIDENCE, RELIABILITY_MEANINGS, severity_label
from situation.model.taxonomy import event_type_name, sub_type_name
from situation.views.labels import any_contested, grades_text, source_ids_text, sources_label, value_text


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
            if isinstance(value, ValueRange):
                kind, low, high, point = "range", value.low, value.high, (value.low + value.high) / 2
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
                }
            )
    return pd.DataFrame(rows, columns=_INDICATOR_COLUMNS).astype(
        {"lat": "float64", "lon": "float64", "value": "float64", "low": "float64", "high": "float64"}
    )


_INDICATOR_COLUMNS = [
    "indicator", "name", "unit", "area", "area_name", "lat", "lon", "date", "start", "kind", "value", "low", "high",
    "approximate", "value_text", "sources", "source_ids", "reliability", "credibility", "contested",
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
    for route in situation.access:
        ordered = sorted(route.observations, key=lambda o: o.date)
        for index, observation in enumerate(ordered):
            start = once.day(observation.date.start)
            end = once.day(ordered[index + 1].date.start) if index + 1 < len(ordered) else last_day
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
                }
            )
    columns = [
        "route", "name", "kind", "to_area", "to_area_name", "date", "start", "end", "status", "convoys_can_pass", "threat",
        "deliveries", "sources", "source_ids", "reliability", "credibility", "contested",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).astype({"convoys_can_pass": "boolean"})


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
            "fatalities": event.fatalities,
            **once.cited(event),
            "contested": any_contested(situation, event.claims),
        }
        for event in situation.events
    ]
    columns = [
        "event", "date", "start", "area", "area_name", "lat", "lon", "type", "type_name", "sub_type", "sub_type_name",
        "summary", "actors", "fatalities", "sources", "source_ids", "reliability", "credibility", "contested",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).astype({"lat": "float64", "lon": "float64", "fatalities": "Int64"})


def claim_positions(situation: Situation) -> pd.DataFrame:
    """One row per (claim, source) stance: the claims matrix, and who says what side by side."""
    rows = []
    for claim in situation.claims:
        status = claim.status.value  # worked out from every position: once per claim, not once per position
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
                }
            )
    columns = ["claim", "statement", "status", "credibility", "source", "source_name", "reliability", "stance", "date", "quote"]
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
            }
        )
    columns = ["area", "name", "parent", "lat", "lon", "status", "controlled_by", "date", "sources"]
    return pd.DataFrame(rows, columns=columns).astype({"lat": "float64", "lon": "float64"})


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
