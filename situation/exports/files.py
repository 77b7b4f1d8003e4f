"""How an export's tables are written: CSV (one file, or all of them in one zip), HXL-tagged CSV, and JSON.

- CSV: UTF-8 with a byte-order mark for Excel; text a spreadsheet would run as a formula is neutralised
  (`situation.hxl.cells`), and unknown is an empty cell, never 0.
- HXL: the same CSV with a row of HXL hashtags under the header (`situation.hxl.tags`), an unknown figure written
  `unknown` so it is told apart from a missing cell.
- JSON: one document with every table, gaps as null.
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from typing import Any

import pandas as pd

from situation.exports.draft import FILE_NAME as DRAFT_FILE
from situation.exports.draft import Draft
from situation.exports.rows import key_figure_tags, tables
from situation.hxl.cells import neutralised
from situation.hxl.tags import hashtags
from situation.model.facts import Situation
from situation.views.derived import Derived

UNKNOWN_VALUE = "unknown"
"""What an HXL file says for a value the sources give as unknown, so it is told apart from a missing cell."""
CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local code page and garbles every 'é'."""


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


def to_json(situation: Situation, frames: dict[str, pd.DataFrame], draft: Draft | None = None) -> str:
    """One JSON document: which situation and date (and, for a draft, that it is one and what it changes), then each
    table as a list of rows (gaps are null)."""
    document = {
        "situation": {"id": situation.id, "title": situation.title, "as_of": situation.as_of.isoformat()},
        **({"draft": {"not_published": draft.headline, "changes": draft.story}} if draft else {}),
        **{name: records(frame) for name, frame in frames.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_zip(files: dict[str, str], draft: Draft | None = None) -> bytes:
    """Several CSV files in one zip (UTF-8 with a BOM), with fixed timestamps so the same situation gives the same bytes;
    a draft's first says that it is one, and what it changes."""
    out = io.BytesIO()
    if draft is not None:
        files = {DRAFT_FILE: draft.as_text(), **files}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text.encode(CSV_ENCODING))
    return out.getvalue()


def csv_files(derived: Derived, names: tuple[str, ...], hxl: bool = False) -> dict[str, str]:
    """`{"indicators.csv": text, ...}`: each table as plain CSV, or as HXL."""
    frames = tables(derived, names)
    extra = {"key_figures": key_figure_tags(derived.situation)}
    return {f"{name}.csv": to_hxl(frame, name, extra.get(name)) if hxl else to_csv(frame) for name, frame in frames.items()}
