"""What an export can be, named once: each format (its name, label, file suffix, whether it is bytes, and its writer)
and the tables the table formats hold.

The CLI builds its `--format` and `--table` choices from here and writes through `Format.writer`; the dashboard's
Download box makes a button of each format; a test holds docs/exports.md to them. A writer imports what it draws with
only when it is called, so `python -m situation validate` builds its parser without loading pandas, plotly or kaleido;
and what the writers import never imports this module back, so the registry and the writers make no circle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from situation.model.sections import ACCESS, AREAS, CLAIMS, EVENTS, INDICATORS, SHORTAGES, SOURCES, STATEMENTS

if TYPE_CHECKING:  # only for the types: a writer imports them when it runs
    from situation.exports.draft import Draft
    from situation.model.facts import Situation
    from situation.views.derived import Derived

TABLES = (
    INDICATORS.name,
    SHORTAGES.name,
    ACCESS.name,
    EVENTS.name,
    CLAIMS.name,
    STATEMENTS.name,
    AREAS.name,
    SOURCES.name,
    "key_figures",
)
"""The tables an export writes, in this order: one row per observation (claims: per source's stance), then the areas
with their p-codes, the sources with their grades, and the key figures HDX charts read (one column per tagged figure)."""


@dataclass(frozen=True)
class Export:
    """One export, ready to write or to download: its text or bytes, and a warning to pass on."""

    content: str | bytes
    warning: str | None = None


Writer = Callable[["Derived", "str | None", "str | None", "Draft | None"], Export]
"""(the version's bundle, one table or None for all, the commit it was read from, what it is when it is a draft not
published) -> the export. A briefing that cannot be printed raises `situation.exports.briefing.pdf.PdfError`."""


def _always_available() -> str | None:
    return None


@dataclass(frozen=True)
class Format:
    """One thing a person can download or export."""

    name: str
    """What `--format` takes ('hxl')."""
    label: str
    """What a person downloads when they choose it: the dashboard's button label."""
    suffix: str
    """The file's suffix when it holds the whole export ('.zip')."""
    binary: bool
    """The whole export is bytes (a PDF, a zip), so it is never printed to a terminal."""
    writer: Writer
    tail: str = ""
    """What the file name says after the situation and its date ('-briefing', '-hxl')."""
    table_suffix: str | None = None
    """The suffix of a file of one table ('.csv'), for a format that writes one table alone; None where one table
    changes nothing of the file's form."""
    unavailable: Callable[[], str | None] = _always_available
    """Why this machine cannot make it (a sentence for the Download box), or None when it can."""

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.suffix]

    def file_name(self, situation: Situation, table: str | None = None) -> str:
        """'aleppo-2016-08-2016-08-08-briefing.html': which situation, as of when, in what form."""
        stem = f"{situation.id}-{situation.as_of.isoformat()}"
        if table and self.table_suffix:
            return f"{stem}-{table}{self.tail}{self.table_suffix}"
        return f"{stem}{self.tail}{self.suffix}"


MIME_TYPES = {
    ".html": "text/html",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".csv": "text/csv",
    ".zip": "application/zip",
}


def _names(table: str | None) -> tuple[str, ...]:
    return (table,) if table else TABLES


def _html(derived: Derived, table: str | None, revision: str | None, draft: Draft | None = None) -> Export:
    from situation.exports.briefing.page import build_briefing  # its charts need kaleido and a browser

    briefing = build_briefing(derived, revision=revision, draft=draft)
    return Export(briefing.html, _without_charts(briefing.chart_problem))


def _pdf(derived: Derived, table: str | None, revision: str | None, draft: Draft | None = None) -> Export:
    from situation.exports.briefing.page import build_briefing
    from situation.exports.briefing.pdf import PdfError, chromium_path, html_to_pdf, no_chromium

    if chromium_path() is None:  # said before the charts spend seconds failing to start it
        raise PdfError(no_chromium())
    briefing = build_briefing(derived, revision=revision, draft=draft)
    return Export(html_to_pdf(briefing.html), _without_charts(briefing.chart_problem))


def _without_charts(problem: str | None) -> str | None:
    return f"the briefing has no charts: {problem}" if problem else None


def _pdf_unavailable() -> str | None:
    from situation.exports.briefing.pdf import chromium_path, no_chromium

    if chromium_path() is not None:
        return None
    return f"Briefing (PDF): {no_chromium()}. The HTML briefing prints from any browser."


def _csv(derived: Derived, table: str | None, revision: str | None, draft: Draft | None = None) -> Export:
    from situation.exports.files import csv_files, to_zip

    files = csv_files(derived, _names(table))
    return Export(next(iter(files.values())) if table else to_zip(files, draft))


def _hxl(derived: Derived, table: str | None, revision: str | None, draft: Draft | None = None) -> Export:
    from situation.exports.files import csv_files, to_zip

    files = csv_files(derived, _names(table), hxl=True)
    return Export(next(iter(files.values())) if table else to_zip(files, draft))


def _json(derived: Derived, table: str | None, revision: str | None, draft: Draft | None = None) -> Export:
    from situation.exports.files import to_json
    from situation.exports.rows import tables

    return Export(to_json(derived.situation, tables(derived, _names(table)), draft))


FORMATS: dict[str, Format] = {
    format_.name: format_
    for format_ in (
        Format("html", "Briefing (HTML, offline)", ".html", False, _html, tail="-briefing"),
        Format("pdf", "Briefing (PDF, A4)", ".pdf", True, _pdf, tail="-briefing", unavailable=_pdf_unavailable),
        Format("csv", "Tables (CSV, zip)", ".zip", True, _csv, table_suffix=".csv"),
        Format("json", "Tables (JSON)", ".json", False, _json),
        Format("hxl", "Tables (HXL, zip)", ".zip", True, _hxl, tail="-hxl", table_suffix=".csv"),
    )
}
"""Every export, in the order the Download box lists them."""
