"""What an export can be, named once: its formats and its tables.

The CLI builds its `--format` and `--table` choices from here, the dashboard its download buttons, the exports
their files, and a test holds docs/exports.md to it. This module imports only the sections' declaration, so
`python -m situation validate` can build its parser without loading pandas, plotly or kaleido.
"""

from __future__ import annotations

from situation.model.sections import ACCESS, AREAS, CLAIMS, EVENTS, INDICATORS, SHORTAGES, SOURCES, STATEMENTS

FORMATS: dict[str, str] = {
    "html": "Briefing (HTML, offline)",
    "pdf": "Briefing (PDF, A4)",
    "csv": "Tables (CSV, zip)",
    "json": "Tables (JSON)",
    "hxl": "Tables (HXL, zip)",
}
"""Each export format, with what a person downloads when they choose it (the dashboard's button label)."""
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
