"""What an export can be, named once: its formats and its tables.

The CLI builds its `--format` and `--table` choices from here, the dashboard its download buttons, the exports
their files, and a test holds docs/exports.md to it. This module imports nothing, so `python -m situation
validate` can build its parser without loading pandas, plotly or kaleido.
"""

from __future__ import annotations

FORMATS: dict[str, str] = {
    "html": "Briefing (HTML, offline)",
    "pdf": "Briefing (PDF, A4)",
    "csv": "Tables (CSV, zip)",
    "json": "Tables (JSON)",
    "hxl": "Tables (HXL, zip)",
}
"""Each export format, with what a person downloads when they choose it (the dashboard's button label)."""
TABLES = ("indicators", "shortages", "access", "events", "claims", "statements", "areas", "sources", "key_figures")
"""The tables an export writes, in this order: one row per observation (claims: per source's stance), then the areas
with their p-codes, the sources with their grades, and the key figures HDX charts read (one column per tagged figure)."""
