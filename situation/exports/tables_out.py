"""Exports: the situation's tables as CSV, JSON and HXL, for spreadsheets, other tools and the humanitarian data exchange.

Every table is a choice of columns from `situation.views.tables` (one row per observation, with its source ids,
their reliability grades and the area's coordinates), so a fact is flattened once and the same way as on the
dashboard; an export leaves out what only the app uses (timestamps worked out from partial dates) and says a
value as the source did (a range's `low`/`high`, not its midpoint). Unknown stays empty (CSV) or null (JSON), never 0.

- CSV: one file per table, or all of them in one zip. Text a spreadsheet would run as a formula is neutralised.
- JSON: one document with every table.
- HXL: the same CSV with a row of HXL hashtags under the header, from `situation.hxl.tags`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from situation.exports.formats import TABLES
from situation.hxl.cells import neutralised
from situation.hxl.tags import hashtags
from situation.model.facts import Situation
from situation.model.places import Area
from situation.model.sections import ACCESS, AREAS, CLAIMS, EVENTS, INDICATORS, SHORTAGES, SOURCES, STATEMENTS
from situation.views.derived import Derived
from situation.views.tables import HURT_COLUMNS

ADMIN_LEVELS = (1, 2)
"""The admin levels whose p-code and name every row about an area carries (HDX's `#adm1+code`, `#adm2+code`)."""
ADMIN_COLUMNS = [f"adm{level}_{part}" for level in ADMIN_LEVELS for part in ("pcode", "name")]

UNKNOWN_VALUE = "unknown"
"""What an HXL file says for a value the sources give as unknown, so it is told apart from a missing cell."""
CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local code page and garbles every 'é'."""


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


def tables(derived: Derived, names: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame]:
    """The export tables by name, in the order given, chosen from the version's own tables (built once for all)."""
    return {name: ROWS[name](derived) for name in names}


def plain(value: Any) -> Any:
    """A cell as JSON, CSV or the briefing wants it: None for a gap, an int for a whole number (250000, not 250000.0)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a table as plain dicts, gaps as None: pandas' NaN is truthy and would print as 'nan'."""
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _csv_cell(value: Any) -> str:
    cell = plain(value)
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, str):
        return neutralised(cell)
    return str(cell)


def to_csv(frame: pd.DataFrame, hashtags: dict[str, str] | None = None) -> str:
    """The table as CSV text; with `hashtags`, only the tagged columns and an HXL hashtag row under the header."""
    columns = list(frame.columns) if hashtags is None else [c for c in frame.columns if c in hashtags]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    if hashtags is not None:
        writer.writerow([hashtags[c] for c in columns])
    for row in frame[columns].itertuples(index=False):
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue()


def to_hxl(frame: pd.DataFrame, table: str, extra_tags: dict[str, str] | None = None) -> str:
    """The table as HXL-tagged CSV; an unknown indicator value is written `unknown`, a missing one stays empty.
    `extra_tags` tag the columns a situation adds (its key figures)."""
    if table == "indicators":
        frame = frame.assign(value=frame["value"].astype(object).where(frame["kind"] != "unknown", UNKNOWN_VALUE))
    return to_csv(frame, {**hashtags(table), **(extra_tags or {})})


def to_json(situation: Situation, frames: dict[str, pd.DataFrame]) -> str:
    """One JSON document: which situation and date, then each table as a list of rows (gaps are null)."""
    document = {
        "situation": {"id": situation.id, "title": situation.title, "as_of": situation.as_of.isoformat()},
        **{name: records(frame) for name, frame in frames.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_zip(files: dict[str, str]) -> bytes:
    """Several CSV files in one zip (UTF-8 with a BOM), with fixed timestamps so the same situation gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text.encode(CSV_ENCODING))
    return out.getvalue()


def csv_files(derived: Derived, names: tuple[str, ...] = TABLES, hxl: bool = False) -> dict[str, str]:
    """`{"indicators.csv": text, ...}`: each table as plain CSV, or as HXL."""
    frames = tables(derived, names)
    extra = {"key_figures": key_figure_tags(derived.situation)}
    return {f"{name}.csv": to_hxl(frame, name, extra.get(name)) if hxl else to_csv(frame) for name, frame in frames.items()}


@dataclass(frozen=True)
class Export:
    """One export, ready to write or to download: its text or bytes, and a warning to pass on."""

    content: str | bytes
    warning: str | None = None


MIME_TYPES = {
    ".html": "text/html",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".csv": "text/csv",
    ".zip": "application/zip",
}


def file_name(situation: Situation, output: str, table: str | None = None) -> str:
    """'aleppo-2016-08-2016-08-08-briefing.html': which situation, as of when, in what form."""
    stem = f"{situation.id}-{situation.as_of.isoformat()}"
    if output in ("html", "pdf"):
        return f"{stem}-briefing.{output}"
    if output == "json":
        return f"{stem}.json"
    suffix = "-hxl" if output == "hxl" else ""
    return f"{stem}-{table}{suffix}.csv" if table else f"{stem}{suffix}.zip"


def export(derived: Derived, output: str, table: str | None = None, revision: str | None = None) -> Export:
    """The situation in one of `formats.FORMATS` (one table, or all): the CLI and the dashboard's downloads both call this.

    `revision` is the commit the situation file was read from, printed on the briefing; a PDF that cannot be
    printed raises `situation.exports.briefing.pdf.PdfError`.
    """
    names = (table,) if table else TABLES
    if output in ("html", "pdf"):
        from situation.exports.briefing.page import build_briefing  # imported late: its charts need kaleido and a browser
        from situation.exports.briefing.pdf import PdfError, chromium_path, no_chromium

        if output == "pdf" and chromium_path() is None:  # said before the charts spend seconds failing to start it
            raise PdfError(no_chromium())

        briefing = build_briefing(derived, revision=revision)
        warning = f"the briefing has no charts: {briefing.chart_problem}" if briefing.chart_problem else None
        if output == "pdf":
            from situation.exports.briefing.pdf import html_to_pdf

            return Export(html_to_pdf(briefing.html), warning)
        return Export(briefing.html, warning)
    if output == "json":
        return Export(to_json(derived.situation, tables(derived, names)))
    files = csv_files(derived, names, hxl=output == "hxl")
    return Export(next(iter(files.values())) if table else to_zip(files))
