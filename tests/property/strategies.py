"""Situations as hypothesis generates them: every section, every shape of value, numbers to the model's own bounds.

Built from the model's vocabulary (ids that refer to each other, dates on or before `as_of`, observations in order
with no date twice, counts not below zero, a claim settled after it was made, a cited report's publisher among the
fact's sources, p-codes unique and nested in their parent's) rather than from the JSON Schema alone, so most
examples validate and reach the pages; the values inside are as wild as the model allows: any Unicode text, figures
up to ±10^15, floats, ranges and open bounds, hedged counts, unknowns, every grade, partial dates of every kind,
hours across midnight, windows of days or times. A few examples break a rule on purpose (a month beside its days,
observations out of order: warnings, still valid), and the odd one is refused, which the statistics count.
(hypothesis-jsonschema 0.23.1 fails on this hypothesis with `'many' object has no attribute 'more'`.)
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import strategies as st

from situation.model.claims import Outcome, StatementKind
from situation.model.dates import PartialDate
from situation.model.fields import LARGEST_FIGURE
from situation.model.places import AreaStatus
from situation.model.sources import SourceKind
from situation.model.taxonomy import EVENT_TYPES
from situation.model.tracked import Commodity, Passage, RouteKind, RouteStatus

IDS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
CHARACTERS = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn")), st.sampled_from("\n\t\"'<>&*_`#|:")
)
"""Any printable Unicode, Markdown and HTML's special characters, tabs and newlines (JSON escapes the last two)."""
FALSE_WORDS = ("nan", "none", "undefined", "unknown", "null")
TEXT = st.text(CHARACTERS, min_size=1, max_size=40).filter(
    lambda text: text.strip() != "" and not any(word in text.lower() for word in FALSE_WORDS)
)
"""Any text, but the words the pages must never show by accident (so that finding them means a bug)."""
GRADE = st.integers(1, 6)
SIGNED_UNITS = ("net change in people", "°C", "balance of trucks")
"""Units whose figures may be below zero (situation.load.sanity.SIGNED_UNITS); every other unit counts something."""


def _figure(signed: bool) -> st.SearchStrategy[int | float]:
    """A figure of the model's whole range; below zero only where the unit allows it (else `negative-count`)."""
    low = -LARGEST_FIGURE if signed else 0
    return st.one_of(
        st.integers(low, LARGEST_FIGURE),
        st.integers(0, 10_000_000),
        st.floats(float(low), float(LARGEST_FIGURE), allow_nan=False, allow_infinity=False),
        st.sampled_from([0, 1, LARGEST_FIGURE, 0.5, 1e-300, 99.99, *((-1, -LARGEST_FIGURE) if signed else ())]),
    )


@st.composite
def partial_date(draw: st.DrawFn, as_of: date, *, not_before: date | None = None) -> str:
    """A day, month, season or year that starts on or before `as_of` (and, given `not_before`, ends on or after it)."""
    earliest = not_before or as_of - timedelta(days=3000)
    day = as_of - timedelta(days=draw(st.integers(0, max(0, (as_of - earliest).days))))
    kind = draw(st.sampled_from(["day", "month", "year", "season"]))
    if kind == "day":
        return day.isoformat()
    if kind == "month":
        return f"{day:%Y-%m}"
    if kind == "year":
        return f"{day.year:04d}"
    if day.month in (1, 2):
        return f"{day.year - 1:04d}-winter"
    season = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}[(day.month // 3) * 3]
    return f"{day.year:04d}-{season}"


def _dates(draw: st.DrawFn, as_of: date, count: int) -> list[str]:
    """Distinct dates of one fact's observations, oldest first as a file keeps them (now and then out of order: a warning)."""
    dates = sorted({draw(partial_date(as_of)) for _ in range(count)}, key=PartialDate.parse)
    if len(dates) > 1 and draw(st.integers(0, 9)) == 0:
        dates.reverse()
    return dates


@st.composite
def moment(draw: st.DrawFn, around: date) -> str:
    """A day, or a day and a time ('2016-09-02 19:00' or with a T), within a few weeks of `around`."""
    day = around + timedelta(days=draw(st.integers(-30, 10)))
    if draw(st.booleans()):
        return day.isoformat()
    separator = draw(st.sampled_from([" ", "T"]))
    return f"{day.isoformat()}{separator}{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"


def _moment_span(text: str) -> tuple[datetime, datetime]:
    """A moment's first minute and the end of what it covers (a bare day counts to its end), as the model reads them."""
    day = date.fromisoformat(text[:10])
    if len(text) == 10:
        start = datetime.combine(day, time())
        return start, start + timedelta(days=1)
    at = datetime.combine(day, time(int(text[11:13]), int(text[14:16])))
    return at, at


@st.composite
def daily_hours(draw: st.DrawFn) -> str:
    """Daily hours such as 19:00-07:00 (across midnight) or 8:30 – 14:00, never opening and closing at once."""
    opens, closes = draw(st.lists(st.tuples(st.integers(0, 23), st.integers(0, 59)), min_size=2, max_size=2, unique=True))
    dash = draw(st.sampled_from(["-", "–", " - ", " – "]))
    hour = draw(st.sampled_from(["{:02d}", "{:d}"]))
    return f"{hour.format(opens[0])}:{opens[1]:02d}{dash}{hour.format(closes[0])}:{closes[1]:02d}"


def _value(draw: st.DrawFn, signed: bool) -> Any:
    """A number, a range, an open bound ('at least', 'over', 'up to', 'over … up to'), or null for unknown."""
    kind = draw(st.sampled_from(["number", "range", "low", "over", "high", "over-high", "unknown"]))
    if kind == "unknown":
        return None
    first, second = sorted((draw(_figure(signed)), draw(_figure(signed))))
    if kind == "number":
        return first
    return {
        "range": {"low": first, "high": second},
        "low": {"low": first},
        "over": {"over": first},
        "high": {"high": second},
        "over-high": {"over": first, "high": second},
    }[kind]


def _people(draw: st.DrawFn) -> Any:
    """How many people: any value shape, or `{value: …, approximate: …}` with its hedge (either key may be left out)."""
    if draw(st.integers(0, 2)):
        return _value(draw, signed=False)
    count: dict[str, Any] = {"value": _value(draw, signed=False)}
    hedge = draw(st.sampled_from([True, False, None]))
    if hedge is not None:
        count["approximate"] = hedge
    return count


STALE = st.one_of(st.integers(0, 36_500), st.just("never"))


class Ids:
    """The ids one situation has drawn, so every reference in it names something that exists."""

    def __init__(self, draw: st.DrawFn, as_of: date) -> None:
        self.draw, self.as_of = draw, as_of
        self.sources = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
        self.reports: dict[str, str] = {}
        """Report id -> the id of the source that published it."""
        self.areas: list[str] = draw(st.lists(IDS, max_size=3, unique=True))
        self.claims: list[str] = draw(st.lists(IDS, max_size=3, unique=True))
        self.routes: list[str] = draw(st.lists(IDS, max_size=2, unique=True)) if self.areas else []
        self.events: list[str] = draw(st.lists(IDS, max_size=3, unique=True)) if self.areas else []

    def some(self, ids: list[str], max_size: int = 2) -> list[str]:
        return self.draw(st.lists(st.sampled_from(ids), max_size=max_size, unique=True)) if ids else []

    def sourced(self) -> dict[str, Any]:
        """What every fact carries: sources (the publisher of each cited report among them), grade, quote, note, staleness."""
        draw = self.draw
        fact: dict[str, Any] = {
            "sources": draw(st.lists(st.sampled_from(self.sources), min_size=1, max_size=2, unique=True)),
            "credibility": draw(GRADE),
        }
        cited = self.some(sorted(self.reports))
        if cited:
            fact["reports"] = cited
            fact["sources"] += [p for p in dict.fromkeys(self.reports[r] for r in cited) if p not in fact["sources"]]
        if draw(st.booleans()):
            fact["quote"] = {"text": draw(TEXT), "by": draw(st.sampled_from(self.sources))}
        if draw(st.booleans()):
            fact["note"] = draw(TEXT)
        if draw(st.integers(0, 3)) == 0:
            fact["stale_after"] = draw(STALE)
        return fact

    def observations(self, count: int, fields: Callable[[], dict[str, Any]]) -> list[dict[str, Any]]:
        """A fact's observations over time: distinct dates in order, each sourced, with its own fields."""
        return [{"date": when, **self.sourced(), **fields()} for when in _dates(self.draw, self.as_of, count)]


def _pcodes(draw: st.DrawFn, area_ids: list[str], parents: dict[str, str]) -> dict[str, str]:
    """Unique p-codes, a child's starting with its parent's (now and then one that does not: a warning)."""
    country = draw(st.from_regex(r"[A-Z]{2}", fullmatch=True))
    codes: dict[str, str] = {}
    for index, area_id in enumerate(area_ids):
        if not draw(st.integers(0, 3)):
            continue
        parent_code = codes.get(parents.get(area_id, ""), country)
        if draw(st.integers(0, 9)) == 0:
            parent_code = country
        code = f"{parent_code}{index:02d}"[:16]
        if code not in codes.values():
            codes[area_id] = code
    return codes


def _areas(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw
    parents = {area: draw(st.sampled_from(ids.areas[:i])) for i, area in enumerate(ids.areas) if i and draw(st.booleans())}
    pcodes = _pcodes(draw, ids.areas, parents)
    areas = []
    for area_id in ids.areas:
        area: dict[str, Any] = {"id": area_id, "name": draw(TEXT)}
        if area_id in parents:
            area["parent"] = parents[area_id]
        if draw(st.booleans()):
            area["lat"] = draw(st.floats(-90, 90))
            area["lon"] = draw(st.floats(-180, 180))
        if area_id in pcodes:
            area["pcode"] = pcodes[area_id]
            if draw(st.booleans()):
                area["admin_level"] = draw(st.integers(0, 5))

        def status() -> dict[str, Any]:
            fields: dict[str, Any] = {"status": draw(st.sampled_from([*AreaStatus, None]))}
            if draw(st.booleans()):
                fields["controlled_by"] = draw(TEXT)
            if draw(st.integers(0, 2)) == 0:
                criteria = ("military_encirclement", "no_humanitarian_access", "no_free_movement")
                fields["siege"] = {c: draw(st.sampled_from([True, False, None])) for c in criteria if draw(st.booleans())}
            return fields

        area["history"] = ids.observations(draw(st.integers(0, 3)), status)
        areas.append(area)
    return areas


def _indicators(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw
    indicators = []
    for indicator_id in draw(st.lists(IDS, max_size=3, unique=True)):
        unit = draw(st.one_of(st.sampled_from(["people", "percent", "%", "trucks", *SIGNED_UNITS]), TEXT))
        signed = unit in SIGNED_UNITS
        indicator: dict[str, Any] = {"id": indicator_id, "name": draw(TEXT), "unit": unit}
        if ids.areas and draw(st.booleans()):
            indicator["area"] = draw(st.sampled_from(ids.areas))
        if draw(st.integers(0, 3)) == 0:
            indicator["description"] = draw(TEXT)

        def value(signed: bool = signed) -> dict[str, Any]:
            fields: dict[str, Any] = {"value": _value(draw, signed)}
            if draw(st.booleans()):
                fields["approximate"] = draw(st.booleans())
            if cited := ids.some(ids.claims):
                fields["claims"] = cited
            return fields

        indicator["observations"] = ids.observations(draw(st.integers(1, 3)), value)
        indicators.append(indicator)
    return indicators


def _shortages(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw
    severity = st.one_of(st.integers(1, 5), st.just("insufficient_evidence"))
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids.areas), st.sampled_from(list(Commodity))), max_size=3, unique=True))
    return [
        {
            "area": area,
            "commodity": commodity.value,
            "observations": ids.observations(draw(st.integers(1, 3)), lambda: {"severity": draw(severity)}),
        }
        for area, commodity in pairs
    ]


def _access(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw

    def state() -> dict[str, Any]:
        fields: dict[str, Any] = {"status": draw(st.sampled_from([*RouteStatus, None]))}
        if draw(st.booleans()):
            fields["convoys_can_pass"] = draw(st.sampled_from([True, False, None]))
        for name in ("threat", "deliveries"):
            if draw(st.integers(0, 2)) == 0:
                fields[name] = draw(TEXT)
        if draw(st.booleans()):
            fields["hours"] = draw(daily_hours())
        if draw(st.booleans()):
            fields["from"] = draw(moment(ids.as_of))
        if draw(st.booleans()):
            until = draw(moment(ids.as_of))
            if "from" not in fields or _moment_span(until)[1] > _moment_span(fields["from"])[0]:
                fields["until"] = until
        if draw(st.booleans()):
            fields["for"] = [p.value for p in draw(st.lists(st.sampled_from(list(Passage)), min_size=1, max_size=3, unique=True))]
        if cited := ids.some(ids.claims):
            fields["claims"] = cited
        return fields

    routes = []
    for route_id in ids.routes:
        route: dict[str, Any] = {
            "id": route_id,
            "name": draw(TEXT),
            "kind": draw(st.sampled_from(list(RouteKind))).value,
            "to_area": draw(st.sampled_from(ids.areas)),
        }
        if draw(st.booleans()):
            route["from_area"] = draw(st.sampled_from(ids.areas))
        if draw(st.integers(0, 2)) == 0:
            route["route"] = draw(TEXT)
        route["observations"] = ids.observations(draw(st.integers(1, 3)), state)
        routes.append(route)
    return routes


def _events(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw
    events = []
    for event_id in ids.events:
        kind = draw(st.sampled_from(sorted(EVENT_TYPES)))
        event: dict[str, Any] = {
            "id": event_id,
            "date": draw(partial_date(ids.as_of)),
            **ids.sourced(),
            "area": draw(st.sampled_from(ids.areas)),
            "type": kind,
            "sub_type": draw(st.sampled_from(sorted(EVENT_TYPES[kind][1]))),
            "summary": draw(TEXT),
            "actors": draw(st.lists(TEXT, max_size=2)),
        }
        for hurt in ("fatalities", "injured", "missing"):
            if draw(st.booleans()):
                event[hurt] = _people(draw)
        if cited := ids.some(ids.claims):
            event["claims"] = cited
        events.append(event)
    return events


def _claims(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw
    claims = []
    for claim_id in ids.claims:
        positions = []
        for source in draw(st.lists(st.sampled_from(ids.sources), min_size=1, max_size=3, unique=True)):
            position: dict[str, Any] = {"source": source, "stance": draw(st.sampled_from(["asserts", "denies"]))}
            position["date"] = draw(partial_date(ids.as_of))
            if draw(st.integers(0, 2)) == 0:
                position["quote"] = {"text": draw(TEXT), "by": source}
            positions.append(position)
        claim: dict[str, Any] = {"id": claim_id, "statement": draw(TEXT), "credibility": draw(GRADE), "positions": positions}
        if draw(st.booleans()):
            claim["resolution"] = _resolution(ids, claim_id, positions)
        if draw(st.integers(0, 2)) == 0:
            claim["note"] = draw(TEXT)
        claims.append(claim)
    return claims


def _resolution(ids: Ids, claim_id: str, positions: list[dict[str, Any]]) -> dict[str, Any]:
    """Settled on or after the first position's start, on evidence that exists in the file."""
    draw = ids.draw
    first = min(PartialDate.parse(p["date"]).start for p in positions)
    outcome = draw(st.sampled_from(list(Outcome)))
    resolution: dict[str, Any] = {
        "outcome": outcome.value,
        "date": draw(partial_date(ids.as_of, not_before=first)),
        "note": draw(TEXT),
    }
    for field, cited in (
        ("sources", ids.some(ids.sources)),
        ("reports", ids.some(sorted(ids.reports))),
        ("events", ids.some(ids.events)),
        ("access", ids.some(ids.routes)),
    ):
        if cited:
            resolution[field] = cited
    others = [c for c in ids.claims if c != claim_id]
    if outcome is Outcome.SUPERSEDED and others and draw(st.booleans()):
        resolution["superseded_by"] = draw(st.sampled_from(others))
    return resolution


def _statements(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw
    statements = []
    for statement_id in draw(st.lists(IDS, max_size=2, unique=True)):
        statement: dict[str, Any] = {
            "id": statement_id,
            "date": draw(partial_date(ids.as_of)),
            **ids.sourced(),
            "by": draw(st.sampled_from(ids.sources)),
            "kind": draw(st.sampled_from(list(StatementKind))).value,
            "summary": draw(TEXT),
        }
        if ids.areas and draw(st.booleans()):
            statement["area"] = draw(st.sampled_from(ids.areas))
        for field, cited in (("access", ids.some(ids.routes)), ("claims", ids.some(ids.claims))):
            if cited:
                statement[field] = cited
        statements.append(statement)
    return statements


def _sources(ids: Ids) -> list[dict[str, Any]]:
    draw = ids.draw
    sources = []
    for index, source_id in enumerate(ids.sources):
        source: dict[str, Any] = {
            "id": source_id,
            "name": draw(TEXT),
            "kind": draw(st.sampled_from(list(SourceKind))).value,
            "reliability": draw(st.sampled_from("ABCDEF")),
        }
        if index and draw(st.booleans()):
            source["via"] = ids.sources[0]
        for field in ("url", "note"):
            if draw(st.integers(0, 2)) == 0:
                source[field] = draw(TEXT)
        sources.append(source)
    return sources


def _reports(ids: Ids) -> list[dict[str, Any]]:
    """Reports of the sources; drawn before the facts, which cite them."""
    draw = ids.draw
    reports = []
    for report_id in draw(st.lists(IDS, max_size=2, unique=True)):
        ids.reports[report_id] = draw(st.sampled_from(ids.sources))
        report: dict[str, Any] = {
            "id": report_id,
            "source": ids.reports[report_id],
            "title": draw(TEXT),
            "date": draw(partial_date(ids.as_of)),
        }
        for field in ("number", "url"):
            if draw(st.booleans()):
                report[field] = draw(TEXT)
        reports.append(report)
    return reports


def _summary(draw: st.DrawFn, as_of: date) -> Any:
    """Text, or summaries dated to the day, on or before `as_of`, as a team writes them over time."""
    if draw(st.booleans()):
        return draw(TEXT)
    days = sorted({as_of - timedelta(days=draw(st.integers(0, 400))) for _ in range(draw(st.integers(1, 3)))})
    return [{"date": day.isoformat(), "text": draw(TEXT)} for day in days]


@st.composite
def situation_data(draw: st.DrawFn) -> dict[str, Any]:
    """One situation as the data of a YAML file."""
    as_of = draw(st.dates(date(1950, 1, 1), date(2090, 12, 31)))
    ids = Ids(draw, as_of)
    data: dict[str, Any] = {
        "id": draw(IDS),
        "title": draw(TEXT),
        "as_of": as_of.isoformat(),
        "summary": _summary(draw, as_of),
        "sources": _sources(ids),
    }
    if reports := _reports(ids):
        data["reports"] = reports
    data["areas"] = _areas(ids)
    data["indicators"] = _indicators(ids)
    if ids.areas:
        data["shortages"] = _shortages(ids)
        data["access"] = _access(ids)
        data["events"] = _events(ids)
    data["claims"] = _claims(ids)
    if statements := _statements(ids):
        data["statements"] = statements
    if draw(st.booleans()):
        kinds = ("indicators", "shortages", "access", "areas")
        data["stale_after"] = {kind: draw(STALE) for kind in kinds if draw(st.booleans())}
    return data


FACT_LISTS = (("areas", "history"), ("indicators", "observations"), ("shortages", "observations"), ("access", "observations"))


def fact_paths(data: dict[str, Any]) -> list[tuple[str | int, ...]]:
    """Where each sourced fact sits in the data: every observation, event and statement."""
    paths: list[tuple[str | int, ...]] = []
    for section, field in FACT_LISTS:
        for i, item in enumerate(data.get(section, [])):
            paths += [(section, i, field, j) for j in range(len(item[field]))]
    for section in ("events", "statements"):
        paths += [(section, i) for i in range(len(data.get(section, [])))]
    return paths


def with_one_fact_changed(data: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    """The same situation with the credibility of one fact moved one grade: a new version a diff must report."""
    changed = copy.deepcopy(data)
    fact: Any = changed
    for step in path:
        fact = fact[step]
    fact["credibility"] = fact["credibility"] % 6 + 1
    return changed


def as_yaml(data: dict[str, Any]) -> str:
    """The data as a situation file: JSON is YAML, and it writes every text and number unambiguously."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
