"""The export tables: which columns of the views' tables each one carries, and what an export adds to them.

Every table is a choice of columns from the version's own tables (`situation.views.derived`: one row per observation,
with its source ids, their reliability grades and the area's coordinates), so a fact is flattened once and the same
way as on the dashboard; an export leaves out what only the app uses (timestamps worked out from partial dates) and
says a value as the source did (a range's `low`/`high`, not its midpoint). Unknown stays empty, never 0. Rows about an
area also carry the p-codes and names of the admin areas it lies in, so HDX and a spreadsheet join them to the COD.
How the tables are written is `situation.exports.files`; which tables there are, in what order, is
`situation.exports.formats.TABLES`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from situation.model.facts import Situation
from situation.model.places import Area
from situation.model.sections import ACCESS, AREAS, CLAIMS, EVENTS, INDICATORS, SHORTAGES, SOURCES, STATEMENTS
from situation.views.derived import Derived
from situation.views.tables import HURT_COLUMNS

ADMIN_LEVELS = (1, 2)
"""The admin levels whose p-code and name every row about an area carries (HDX's `#adm1+code`, `#adm2+code`)."""
ADMIN_COLUMNS = [f"adm{level}_{part}" for level in ADMIN_LEVELS for part in ("pcode", "name")]


def indicator_rows(derived: Derived) -> pd.DataFrame:
    """One row per indicator observation: `value` for a number, `low`/`high` for a range or a bound, all empty for unknown."""
    table = derived.indicators
    # tables.py gives a range's midpoint as `value` and a number as low = high; an export says what the source said.
    table = table.assign(
        value=table["value"].where(table["kind"] == "number"),
        low=table["low"].where(table["kind"].isin(["range", "bound"])),  # a bound's open side is already empty
        high=table["high"].where(table["kind"].isin(["range", "bound"])),
    )
    columns = [
        "indicator", "name", "unit", "area", "area_name", "lat", "lon", "date", "kind", "value", "low", "high",
        "approximate", "value_text", "sources", "source_ids", "reliability", "credibility", "contested", "bound", "reports",
        "pcode",
    ]  # fmt: skip
    situation = derived.situation
    return _with_admin(situation, table.assign(pcode=_pcodes(situation, table["area"])), "area")[[*columns, *ADMIN_COLUMNS]]


def shortage_rows(derived: Derived) -> pd.DataFrame:
    """One row per shortage observation; severity is empty where the evidence is insufficient (the label says so)."""
    columns = [
        "area", "area_name", "commodity", "date", "severity", "severity_label", "sources", "source_ids", "reliability",
        "credibility",
    ]  # fmt: skip
    table = derived.shortages
    table = table.assign(pcode=_pcodes(derived.situation, table["area"]))
    return _with_admin(derived.situation, table, "area")[[*columns, "pcode", *ADMIN_COLUMNS]]


def access_rows(derived: Derived) -> pd.DataFrame:
    """One row per route status, oldest first within a route (the order `access_table` gives)."""
    columns = [
        "route", "name", "kind", "to_area", "to_area_name", "date", "status", "convoys_can_pass", "threat", "deliveries",
        "sources", "source_ids", "reliability", "credibility", "contested", "hours", "valid_from", "valid_until", "open_to",
        "window", "state_text", "reports",
    ]  # fmt: skip
    return derived.access[columns]


def event_rows(derived: Derived) -> pd.DataFrame:
    """One row per event, with ACLED's names and the area's coordinates."""
    columns = [
        "event", "date", "area", "area_name", "lat", "lon", "type", "type_name", "sub_type", "sub_type_name", "summary",
        "actors", "fatalities", "sources", "source_ids", "reliability", "credibility", "contested", *HURT_COLUMNS, "hurt",
        "reports", "pcode",
    ]  # fmt: skip
    table = derived.events
    situation = derived.situation
    return _with_admin(situation, table.assign(pcode=_pcodes(situation, table["area"])), "area")[[*columns, *ADMIN_COLUMNS]]


def _pcodes(situation: Situation, area_ids: pd.Series) -> list[str | None]:
    """Each row's area p-code, for joining with the country's common operational datasets."""
    codes = {area.id: area.pcode for area in situation.areas}
    return [codes.get(a) if isinstance(a, str) else None for a in area_ids]


def _with_admin(situation: Situation, table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Each row with the p-code and name of the admin areas its area lies in, by walking up `parent`: a district of
    Aleppo carries SY02 'Aleppo' as its adm1, so HDX and a spreadsheet join it to the COD without our area ids."""
    found: dict[str, dict[str, str | None]] = {}
    for area in situation.areas:
        levels: dict[str, str | None] = dict.fromkeys(ADMIN_COLUMNS)
        current: Area | None = area
        seen: set[str] = set()
        while current is not None and current.id not in seen:
            seen.add(current.id)
            level = current.admin_level
            if current.pcode is not None and level in ADMIN_LEVELS and not levels[f"adm{level}_pcode"]:
                levels[f"adm{level}_pcode"], levels[f"adm{level}_name"] = current.pcode, current.name
            current = situation.area(current.parent) if current.parent is not None else None
        found[area.id] = levels
    empty: dict[str, str | None] = dict.fromkeys(ADMIN_COLUMNS)
    ids = table[column] if column in table else pd.Series([None] * len(table), index=table.index)
    admin = {name: [found.get(a, empty)[name] if isinstance(a, str) else None for a in ids] for name in ADMIN_COLUMNS}
    return table.assign(**admin)


def area_rows(derived: Derived) -> pd.DataFrame:
    """One row per area: its p-code and level, where it lies, its latest status and who says so."""
    columns = ["area", "name", "pcode", "admin_level", "parent", "lat", "lon", "status", "controlled_by", "date", "sources"]
    return _with_admin(derived.situation, derived.areas, "area")[[*columns, *ADMIN_COLUMNS]]


def source_rows(derived: Derived) -> pd.DataFrame:
    """One row per source: its kind, reliability and through whom we have it, and how many facts rest on it."""
    return derived.sources


KEY_FIGURE_COLUMNS = ["area", "area_name", "pcode", *ADMIN_COLUMNS, "date", "sources"]


def key_figure_rows(derived: Derived) -> pd.DataFrame:
    """The latest figure of each indicator with an `hxl:` tag, one row per area and a column per indicator, as HDX's
    key-figure charts read them (`#affected`, `#inneed`, …). Only an exact number is written: a range, a bound or an
    unknown stays in the indicators table, worded as the source gave it."""
    situation = derived.situation
    tagged = [i for i in situation.indicators if i.hxl]
    rows: dict[str | None, dict[str, Any]] = {}
    for indicator in tagged:
        latest = max(indicator.observations, key=lambda o: o.date)
        row = rows.setdefault(indicator.area, {"area": indicator.area, "dates": [], "sources": []})
        row[indicator.id] = latest.value if isinstance(latest.value, (int, float)) else None
        row["dates"].append(latest.date)
        row["sources"] += [s for s in latest.sources if s not in row["sources"]]
    names = {a.id: a.name for a in situation.areas}
    table = pd.DataFrame(
        [
            {
                "area": row["area"],
                "area_name": names.get(row["area"]) if row["area"] else None,
                "date": max(row["dates"]).text,
                "sources": "; ".join(situation.source(s).name for s in row["sources"]),
                **{i.id: row.get(i.id) for i in tagged},
            }
            for row in rows.values()
        ],
        columns=["area", "area_name", "date", "sources", *(i.id for i in tagged)],
    )
    table = _with_admin(situation, table.assign(pcode=_pcodes(situation, table["area"])), "area")
    return table[[*KEY_FIGURE_COLUMNS, *(i.id for i in tagged)]]


def key_figure_tags(situation: Situation) -> dict[str, str]:
    """Each tagged indicator's column and its hashtag, with `+num` as HDX's charts expect of a figure."""
    return {i.id: i.hxl if "+num" in i.hxl else f"{i.hxl}+num" for i in situation.indicators if i.hxl}


def statement_rows(derived: Derived) -> pd.DataFrame:
    """One row per call, appeal, announcement or warning, with who said it and who reports it."""
    columns = [
        "statement", "date", "by", "by_name", "by_reliability", "kind", "summary", "area", "area_name", "quote", "sources",
        "source_ids", "reliability", "credibility", "reports",
    ]  # fmt: skip
    return derived.statements[columns]


def claim_rows(derived: Derived) -> pd.DataFrame:
    """One row per (claim, source) stance: a contested claim shows as rows that assert and rows that deny."""
    columns = [
        "claim", "statement", "status", "credibility", "source", "source_name", "reliability", "stance", "date", "quote",
        "resolution", "resolved_on", "resolution_note",
    ]  # fmt: skip
    return derived.claims[columns]


ROWS: dict[str, Callable[[Derived], pd.DataFrame]] = {
    INDICATORS.name: indicator_rows,
    SHORTAGES.name: shortage_rows,
    ACCESS.name: access_rows,
    EVENTS.name: event_rows,
    CLAIMS.name: claim_rows,
    STATEMENTS.name: statement_rows,
    AREAS.name: area_rows,
    SOURCES.name: source_rows,
    "key_figures": key_figure_rows,
}


def tables(derived: Derived, names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """The export tables by name, in the order given, chosen from the version's own tables (built once for all)."""
    return {name: ROWS[name](derived) for name in names}
