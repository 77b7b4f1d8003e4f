"""Derived tables: the situation flattened into pandas frames, one row per dated observation.

Figures, pages, exports and the briefing start from these, so a fact is flattened once and the same way for all:
each row carries what any of them needs (its sources as labels, as ids and as grades; its area's name and
coordinates), and a consumer selects columns rather than walking the model again beside the table. Unknown
values are NaN/NA with `kind == "unknown"` beside them; nothing here fills a gap with 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd

from situation.model.dates import PartialDate
from situation.model.events import Event, Hurt
from situation.model.facts import Situation
from situation.model.fields import Sourced, ValueRange, count_parts
from situation.model.scales import INSUFFICIENT_EVIDENCE, RELIABILITY_MEANINGS, severity_label
from situation.model.sections import EVENTS, INDICATORS, SECTIONS, SHORTAGES, Section
from situation.model.taxonomy import event_type_name, sub_type_name
from situation.views.columns import Codes, factorize, firsts, heads, spread, text
from situation.views.history import by_date, latest_of
from situation.views.labels import (
    HURT,
    SEPARATOR,
    any_contested,
    bound_side,
    count_text,
    end_of_day,
    hurt_text,
    passage_text,
    reports_label,
    route_state,
    short_name,
    source_ids_text,
    source_label,
    sources_label,
    total_text,
    value_text,
    window_state,
)

_SOURCES = attrgetter("sources")
_CREDIBILITY = attrgetter("credibility")


class Repeats:
    """What rows repeat, worked out once: who says so for each distinct list of sources (from each source's label and
    grade, worked out once), each area's place, each day as a timestamp, each list of reports, each set of people hurt.
    A table of n facts then costs n cheap look-ups, whatever the size of the file. The tables of one version share one
    (`situation.views.derived.Derived` holds it), so a list of sources cited by facts of every kind is worked out
    once, not once a table; a table built on its own makes its own.

    The tables are built a column at a time (one frame at the end): a dict per row, spread from helpers and then taken
    apart again by pandas, cost more than the facts themselves. A column whose rows repeat a few values (names, dates,
    who says so) is made from a code per row (`situation.views.columns`), not from a Python string per row."""

    def __init__(self, situation: Situation) -> None:
        self.situation = situation
        self._cited: dict[str, tuple[str, str, str]] = {}
        self._source_lists: dict[str, tuple[Codes, list[str | None]]] = {}
        self._labels: dict[str, str] = {}
        self._grades: dict[str, str] = {}
        self._places: dict[str | None, tuple[str | None, float | None, float | None]] = {}
        self._days: dict[date, pd.Timestamp] = {}
        self._reports: dict[tuple[str, ...], str | None] = {}
        self._hurt: dict[tuple[tuple[str, type, object], ...], tuple[dict[str, object], str | None]] = {}

    def who(self, source_ids: Sequence[str]) -> tuple[str, str, str]:
        """The sources as a person reads them, their ids and their grades in the same order."""
        return self._who(source_ids_text(source_ids))

    def _who(self, ids: str) -> tuple[str, str, str]:
        """`who`, keyed by the ids joined (an id holds no separator): each distinct list is worked out once, from each
        source's label and grade, each worked out once."""
        found = self._cited.get(ids)
        if found is None:
            if not self._labels:
                for source_id in {source.id for source in self.situation.sources}:
                    self._labels[source_id] = source_label(self.situation, source_id)
                    self._grades[source_id] = self.situation.source(source_id).reliability.value
            cited = ids.split(SEPARATOR) if ids else []
            found = self._cited[ids] = (
                SEPARATOR.join(map(self._labels.__getitem__, cited)),  # sources_label, from each source's label
                ids,
                SEPARATOR.join(map(self._grades.__getitem__, cited)),  # each grade in the same order as the ids
            )
        return found

    def source_lists(self, kind: Section, facts: Sequence[Sourced]) -> tuple[Codes, list[str | None]]:
        """Per fact of a section (indicators: their observations), the code of its list of sources among the distinct
        lists (ids joined: an id holds no separator). Worked out once per version: who says so in that kind's table
        and how many facts rest on each source both read it, and reading 240,000 ids again is most of either."""
        found = self._source_lists.get(kind.name)
        if found is None:
            found = self._source_lists[kind.name] = factorize(list(map(SEPARATOR.join, map(_SOURCES, facts))))
        return found

    def cited(self, kind: Section, facts: Sequence[Sourced]) -> dict[str, Any]:
        """Who says so, per fact: the sources as a person reads them, their ids and grades in the same order, and the
        credibility."""
        codes, distinct = self.source_lists(kind, facts)
        who = [self._who(str(key)) for key in distinct]  # a fact cites a source at least: no key is None
        return {
            "sources": text([label for label, _, _ in who], codes),
            "source_ids": text(distinct, codes),
            "reliability": text([grades for _, _, grades in who], codes),
            "credibility": np.fromiter(map(int, map(_CREDIBILITY, facts)), dtype=np.int64, count=len(facts)),
        }

    def place(self, area_id: str | None) -> tuple[str | None, float | None, float | None]:
        """The area's name and approximate coordinates, for a row about it (all None for a fact about no area)."""
        found = self._places.get(area_id)
        if found is None:
            area = self.situation.area(area_id) if area_id else None
            found = self._places[area_id] = (area.name, area.lat, area.lon) if area else (None, None, None)
        return found

    def places(self, area_ids: Sequence[str | None], codes: Codes) -> dict[str, Any]:
        """The area_name, lat and lon columns of rows about these areas (`codes`: each row's, among `area_ids`)."""
        found = [self.place(area_id) for area_id in area_ids]
        return {
            "area_name": text([name for name, _, _ in found], codes),
            "lat": spread([lat for _, lat, _ in found], codes, "float64"),
            "lon": spread([lon for _, _, lon in found], codes, "float64"),
        }

    def day(self, when: date) -> pd.Timestamp:
        found = self._days.get(when)
        if found is None:
            found = self._days[when] = pd.Timestamp(when)
        return found

    def dates(self, whens: Sequence[PartialDate], spans: bool = False) -> dict[str, Any]:
        """The date column as the file writes it and `start`, its first day; with `spans`, also `end`, its last day (to
        sort rows as the model orders dates: by last day, first day, then text), and `date_label` as a reader reads it
        ('6 Aug 2016', 'Jul 2016'). Worked out once per distinct date."""
        codes, distinct = factorize([when.text for when in whens])
        first = [whens[row] for row in firsts(codes, len(distinct))]
        columns = {"date": text(distinct, codes), "start": spread([when.start for when in first], codes, "datetime64[s]")}
        if spans:
            columns["end"] = spread([when.end for when in first], codes, "datetime64[s]")
            columns["date_label"] = text([when.label() for when in first], codes)
        return columns

    def contested(self, claim_lists: Iterable[list[str]]) -> list[bool]:
        """Per fact (given by the claims it rests on), whether any of them is contested: most rest on none."""
        return [bool(claims) and any_contested(self.situation, claims) for claims in claim_lists]

    def reports(self, facts: Sequence[Sourced]) -> list[str | None]:
        """Per fact, the reports it cites as a reader finds them; None for the many that cite none."""
        return [self._reports_label(fact.reports) if fact.reports else None for fact in facts]

    def _reports_label(self, report_ids: list[str]) -> str | None:
        key = tuple(report_ids)
        if key not in self._reports:
            self._reports[key] = reports_label(self.situation, key)
        return self._reports[key]

    def hurts(self, events: Sequence[Event]) -> dict[str, Any]:
        """The people-hurt columns of events and their words (`hurt`), worked out once per shape: a crisis repeats a
        few shapes of these many times."""
        shapes: dict[tuple[tuple[str, type, object], ...], int] = {}
        found = []
        for event in events:
            hurt = event.hurt()
            key = tuple((field, type(count), count) for field, count in hurt.items())
            if key not in shapes:
                shapes[key] = len(shapes)
                self._hurt.setdefault(key, (_hurt_columns(hurt), hurt_text(hurt)))
            found.append(shapes[key])
        codes = np.array(found, dtype=np.intp)
        made = [self._hurt[key] for key in shapes]
        columns = {
            column: text([parts[column] for parts, _ in made], codes)
            if column.endswith("_text")
            else spread([parts[column] for parts, _ in made], codes, "float64")
            for column in HURT_COLUMNS
        }
        return {**columns, "hurt": text([words for _, words in made], codes)}


def _repeats(situation: Situation, repeats: Repeats | None) -> Repeats:
    """The version's shared `Repeats` when given (it must be of this very situation), else a new one."""
    if repeats is None:
        return Repeats(situation)
    assert repeats.situation is situation, "a Repeats of another version"
    return repeats


def _frame(columns: dict[str, Any], dtypes: dict[str, str]) -> pd.DataFrame:
    """The table of these columns, in their order; with no rows, every column is `object` before `dtypes`, as pandas
    makes of an empty list of rows (of a dict of empty lists it would make floats)."""
    rows = len(next(iter(columns.values())))
    frame = pd.DataFrame(columns) if rows else pd.DataFrame([], columns=list(columns))
    return frame.astype(dtypes)


def indicator_table(situation: Situation, repeats: Repeats | None = None) -> pd.DataFrame:
    """One row per indicator observation: value (or low/high), unit, date, area, sources with grades."""
    once = _repeats(situation, repeats)
    indicators = situation.indicators
    observations = [observation for indicator in indicators for observation in indicator.observations]
    indicator = heads([len(indicator.observations) for indicator in indicators])
    parts = [_value_parts(observation.value) for observation in observations]  # of numbers alone: no work for the collector
    columns = {
        "indicator": text([indicator.id for indicator in indicators], indicator),
        "name": text([indicator.name for indicator in indicators], indicator),
        "unit": text([indicator.unit for indicator in indicators], indicator),
        "area": text([indicator.area for indicator in indicators], indicator),
        **once.places([indicator.area for indicator in indicators], indicator),
        **once.dates([observation.date for observation in observations]),
        "kind": [kind for kind, _, _, _ in parts],
        "value": np.array([point for _, _, _, point in parts], dtype="float64"),
        "low": np.array([low for _, low, _, _ in parts], dtype="float64"),
        "high": np.array([high for _, _, high, _ in parts], dtype="float64"),
        "approximate": [observation.approximate for observation in observations],
        "value_text": [value_text(observation.value, observation.approximate) for observation in observations],
        **once.cited(INDICATORS, observations),
        "contested": once.contested(observation.claims for observation in observations),
        "bound": [
            bound_side(o.value) if kind == "bound" else None for o, (kind, _, _, _) in zip(observations, parts, strict=True)
        ],
        "reports": once.reports(observations),
    }
    return _frame(columns, {"lat": "float64", "lon": "float64", "value": "float64", "low": "float64", "high": "float64"})


def _value_parts(value: float | ValueRange | None) -> tuple[str, float | None, float | None, float | None]:
    """(kind, low, high, point) of an indicator's value: the point is the figure a chart plots, None for a bound."""
    if isinstance(value, ValueRange) and value.is_bound:  # a floor or a ceiling is never the figure itself
        return "bound", value.lower, value.high, None
    if isinstance(value, ValueRange):  # both sides given: low or over (over 2 million, up to 3 million), and high
        assert value.lower is not None and value.high is not None
        return "range", value.lower, value.high, (value.lower + value.high) / 2
    if value is None:
        return "unknown", None, None, None
    return "number", value, value, value


def shortage_table(situation: Situation, repeats: Repeats | None = None) -> pd.DataFrame:
    """One row per shortage observation; `severity` is NA where the evidence is insufficient."""
    once = _repeats(situation, repeats)
    shortages = situation.shortages
    observations = [observation for shortage in shortages for observation in shortage.observations]
    shortage = heads([len(shortage.observations) for shortage in shortages])
    severities = [observation.severity for observation in observations]
    labels = {severity: severity_label(severity) for severity in set(severities)}  # five levels, and no level
    columns = {
        "area": text([shortage.area for shortage in shortages], shortage),
        "area_name": once.places([shortage.area for shortage in shortages], shortage)["area_name"],
        "commodity": text([shortage.commodity.value for shortage in shortages], shortage),
        **once.dates([observation.date for observation in observations]),
        "severity": [None if severity == INSUFFICIENT_EVIDENCE else int(severity) for severity in severities],
        "severity_label": [labels[severity] for severity in severities],
        **once.cited(SHORTAGES, observations),
    }
    return _frame(columns, {"severity": "Int64"})


def access_table(situation: Situation, repeats: Repeats | None = None) -> pd.DataFrame:
    """One row per route status, lasting from its date until the next status (or the situation's date)."""
    rows = []
    once = _repeats(situation, repeats)
    last_day = pd.Timestamp(situation.as_of + timedelta(days=1))
    now = end_of_day(situation)
    for route in situation.access:
        ordered = sorted(route.observations, key=by_date)
        for index, observation in enumerate(ordered):
            start = once.day(observation.date.start)
            end = once.day(ordered[index + 1].date.start) if index + 1 < len(ordered) else last_day
            if observation.until is not None:  # the window ends the bar, not the next report
                end = min(end, pd.Timestamp(observation.until.last))
            window_start = pd.Timestamp(observation.valid_from.first) if observation.valid_from else None
            source_names, source_ids, grades = once.who(observation.sources)
            rows.append(
                {
                    "route": route.id,
                    "name": route.name,
                    "kind": route.kind.value,
                    "to_area": route.to_area,
                    "to_area_name": once.place(route.to_area)[0],
                    "date": observation.date.text,
                    "start": start,
                    "end": max(end, once.day(observation.date.start + timedelta(days=1))),  # a day at least
                    "status": observation.status.value if observation.status else None,
                    "convoys_can_pass": observation.convoys_can_pass,
                    "threat": observation.threat,
                    "deliveries": observation.deliveries,
                    "sources": source_names,
                    "source_ids": source_ids,
                    "reliability": grades,
                    "credibility": int(observation.credibility),
                    "contested": any_contested(situation, observation.claims),
                    "hours": observation.hours.label() if observation.hours else None,
                    "valid_from": observation.valid_from.text if observation.valid_from else None,
                    "valid_until": observation.until.text if observation.until else None,
                    "open_to": ", ".join(p.value for p in observation.open_to) or None,
                    "window": window_state(observation, now),
                    "window_start": window_start,
                    "state_text": route_state(observation, now),
                    "passage": passage_text(observation) or None,
                    "reports": once.reports([observation])[0],
                }
            )
    columns = [
        "route", "name", "kind", "to_area", "to_area_name", "date", "start", "end", "status", "convoys_can_pass", "threat",
        "deliveries", "sources", "source_ids", "reliability", "credibility", "contested", "hours", "valid_from",
        "valid_until", "open_to", "window", "window_start", "state_text", "passage", "reports",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).astype({"convoys_can_pass": "boolean", "window_start": "datetime64[ns]"})


def event_table(situation: Situation, repeats: Repeats | None = None) -> pd.DataFrame:
    """One row per event, with ACLED's names for its type and sub-type."""
    once = _repeats(situation, repeats)
    events = situation.events
    area, areas = factorize([event.area for event in events])
    kind, kinds = factorize([f"{event.type} {event.sub_type}" for event in events])
    named = [events[row] for row in firsts(kind, len(kinds))]  # an event of each kind, to name the kind from
    kind_names = [(event_type_name(event.type), sub_type_name(event.type, event.sub_type)) for event in named]
    hurt = once.hurts(events)
    columns = {
        "event": [event.id for event in events],
        **once.dates([event.date for event in events], spans=True),
        "area": text(areas, area),
        **once.places(areas, area),
        "type": [event.type for event in events],
        "type_name": text([type_name for type_name, _ in kind_names], kind),
        "sub_type": [event.sub_type for event in events],
        "sub_type_name": text([sub_type_name for _, sub_type_name in kind_names], kind),
        "summary": [event.summary for event in events],
        "actors": [", ".join(event.actors) for event in events],
        "fatalities": [_exact(event.fatalities) for event in events],
        **once.cited(EVENTS, events),
        "contested": once.contested(event.claims for event in events),
        **hurt,
        "reports": once.reports(events),
    }
    numbers = {c: "Float64" for c in HURT_COLUMNS if not c.endswith("_text")}
    return _frame(columns, {"lat": "float64", "lon": "float64", "fatalities": "Int64", **numbers})


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
                    "source_short": short_name(source),
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
        "claim", "statement", "status", "credibility", "source", "source_name", "source_short", "reliability", "stance",
        "date", "quote", "resolution", "resolved_on", "resolution_note",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def area_table(situation: Situation) -> pd.DataFrame:
    """One row per area, with its latest known status and control."""
    rows = []
    for area in situation.areas:
        latest = latest_of(area.history) if area.history else None
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


def source_table(situation: Situation, repeats: Repeats | None = None) -> pd.DataFrame:
    """One row per source: kind, grade, and how many facts and claim positions rest on it."""
    once = _repeats(situation, repeats)
    cited: Counter[str] = Counter()
    for kind in SECTIONS:  # counted per distinct list of sources, as the tables read them
        if not kind.sourced:
            continue
        codes, distinct = once.source_lists(kind, situation.facts_of(kind))
        for key, count in zip(distinct, np.bincount(codes, minlength=len(distinct)).tolist(), strict=True):
            for source_id in key.split(SEPARATOR) if key else []:
                cited[source_id] += count
    positions = Counter(position.source for claim in situation.claims for position in claim.positions)
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


def statement_table(situation: Situation, repeats: Repeats | None = None) -> pd.DataFrame:
    """One row per call, appeal, announcement or warning: who said what, when, reported by whom."""
    once = _repeats(situation, repeats)
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
            "area_name": once.place(st.area)[0],
            "quote": st.quote.text if st.quote else None,
            **dict(zip(("sources", "source_ids", "reliability"), once.who(st.sources), strict=True)),
            "credibility": int(st.credibility),
            "reports": once.reports([st])[0],
        }
        for st in sorted(situation.statements, key=by_date)
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
