"""Situations as hypothesis generates them: every section, every kind of value, numbers to the model's own bounds.

Built from the model's vocabulary (ids that refer to each other, dates on or before `as_of`) rather than from the
JSON Schema alone, so most examples validate and reach the pages; the values inside are as wild as the model
allows: any Unicode text, figures up to ±10^15, floats, ranges, unknowns, every grade, partial dates of every kind.
(hypothesis-jsonschema 0.23.1 fails on this hypothesis with `'many' object has no attribute 'more'`.)
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from situation.model.facts import LARGEST_FIGURE
from situation.model.taxonomy import EVENT_TYPES

IDS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
CHARACTERS = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn")), st.sampled_from("\n\t\"'<>&*_`#|:")
)
"""Any printable Unicode, Markdown and HTML's special characters, tabs and newlines (JSON escapes the last two)."""
TEXT = st.text(CHARACTERS, min_size=1, max_size=40).filter(
    lambda text: text.strip() != "" and "nan" not in text.lower() and "none" not in text.lower()
)
"""Any text, but the two words the pages must never show by accident (so that finding them means a bug)."""
FIGURE = st.one_of(
    st.integers(-LARGEST_FIGURE, LARGEST_FIGURE),
    st.integers(0, 10_000_000),
    st.floats(-float(LARGEST_FIGURE), float(LARGEST_FIGURE), allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 1, -1, LARGEST_FIGURE, -LARGEST_FIGURE, 0.5, 1e-300, 99.99]),
)
GRADE = st.integers(1, 6)


@st.composite
def partial_date(draw: st.DrawFn, as_of: date) -> str:
    """A day, month, season or year whose first day is on or before `as_of`."""
    day = as_of - timedelta(days=draw(st.integers(0, 3000)))
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


def _sourced(draw: st.DrawFn, sources: list[str], as_of: date) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "date": draw(partial_date(as_of)),
        "sources": draw(st.lists(st.sampled_from(sources), min_size=1, max_size=2, unique=True)),
        "credibility": draw(GRADE),
    }
    if draw(st.booleans()):
        fact["quote"] = {"text": draw(TEXT), "by": draw(st.sampled_from(sources))}
    if draw(st.booleans()):
        fact["note"] = draw(TEXT)
    return fact


def _value(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(["number", "range", "unknown"]))
    if kind == "unknown":
        return None
    low = draw(FIGURE)
    if kind == "number":
        return low
    high = draw(FIGURE)
    return {"low": min(low, high), "high": max(low, high)}


@st.composite
def situation_data(draw: st.DrawFn) -> dict[str, Any]:
    """One situation as the data of a YAML file."""
    as_of = draw(st.dates(date(1950, 1, 1), date(2090, 12, 31)))
    source_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    sources = []
    for index, source_id in enumerate(source_ids):
        source: dict[str, Any] = {
            "id": source_id,
            "name": draw(TEXT),
            "kind": draw(st.sampled_from(["news_media", "state_media", "monitor", "party", "un", "ngo", "other"])),
            "reliability": draw(st.sampled_from("ABCDEF")),
        }
        if index and draw(st.booleans()):
            source["via"] = source_ids[0]
        sources.append(source)
    area_ids = draw(st.lists(IDS, max_size=3, unique=True))
    areas = []
    for index, area_id in enumerate(area_ids):
        area: dict[str, Any] = {"id": area_id, "name": draw(TEXT)}
        if index and draw(st.booleans()):
            area["parent"] = area_ids[0]
        if draw(st.booleans()):
            area["lat"] = draw(st.floats(-90, 90))
            area["lon"] = draw(st.floats(-180, 180))
        status = st.sampled_from(["besieged", "contested", "hard_to_reach", "accessible", None])
        area["history"] = [{**_sourced(draw, source_ids, as_of), "status": draw(status)} for _ in range(draw(st.integers(0, 2)))]
        areas.append(area)
    data: dict[str, Any] = {
        "id": draw(IDS),
        "title": draw(TEXT),
        "as_of": as_of.isoformat(),
        "summary": draw(TEXT),
        "sources": sources,
        "areas": areas,
        "indicators": [
            {
                "id": indicator_id,
                "name": draw(TEXT),
                "unit": draw(TEXT),
                **({"area": draw(st.sampled_from(area_ids))} if area_ids and draw(st.booleans()) else {}),
                "observations": [
                    {**_sourced(draw, source_ids, as_of), "value": _value(draw), "approximate": draw(st.booleans())}
                    for _ in range(draw(st.integers(1, 3)))
                ],
            }
            for indicator_id in draw(st.lists(IDS, max_size=3, unique=True))
        ],
    }
    if area_ids:
        severity = st.one_of(st.integers(1, 5), st.just("insufficient_evidence"))
        commodities = ["food", "fuel", "medicine", "water", "electricity", "shelter", "cooking_gas"]
        data["shortages"] = [
            {
                "area": draw(st.sampled_from(area_ids)),
                "commodity": commodity,
                "observations": [
                    {**_sourced(draw, source_ids, as_of), "severity": draw(severity)} for _ in range(draw(st.integers(1, 2)))
                ],
            }
            for commodity in draw(st.lists(st.sampled_from(commodities), max_size=3, unique=True))
        ]
        route_status = st.sampled_from(["open", "fragile", "contested", "closed", None])
        data["access"] = [
            {
                "id": route_id,
                "name": draw(TEXT),
                "kind": draw(st.sampled_from(["aid_corridor", "supply_line"])),
                "to_area": draw(st.sampled_from(area_ids)),
                "observations": [
                    {
                        **_sourced(draw, source_ids, as_of),
                        "status": draw(route_status),
                        "convoys_can_pass": draw(st.sampled_from([True, False, None])),
                    }
                    for _ in range(draw(st.integers(1, 2)))
                ],
            }
            for route_id in draw(st.lists(IDS, max_size=2, unique=True))
        ]
        events = []
        for event_id in draw(st.lists(IDS, max_size=3, unique=True)):
            kind = draw(st.sampled_from(sorted(EVENT_TYPES)))
            event = {
                **_sourced(draw, source_ids, as_of),
                "id": event_id,
                "area": draw(st.sampled_from(area_ids)),
                "type": kind,
                "sub_type": draw(st.sampled_from(sorted(EVENT_TYPES[kind][1]))),
                "summary": draw(TEXT),
                "actors": draw(st.lists(TEXT, max_size=2)),
                "fatalities": draw(st.one_of(st.none(), st.integers(0, LARGEST_FIGURE))),
            }
            events.append(event)
        data["events"] = events
    data["claims"] = [
        {
            "id": claim_id,
            "statement": draw(TEXT),
            "credibility": draw(GRADE),
            "positions": [
                {"source": source, "stance": draw(st.sampled_from(["asserts", "denies"])), "date": draw(partial_date(as_of))}
                for source in draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=3, unique=True))
            ],
        }
        for claim_id in draw(st.lists(IDS, max_size=2, unique=True))
    ]
    if draw(st.booleans()):
        data["stale_after"] = {"indicators": draw(st.integers(0, 36_500)), "access": draw(st.integers(0, 36_500))}
    return data


def as_yaml(data: dict[str, Any]) -> str:
    """The data as a situation file: JSON is YAML, and it writes every text and number unambiguously."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
