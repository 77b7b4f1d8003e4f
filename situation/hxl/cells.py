"""Cells as a spreadsheet holds them: read as values without guessing, and written so none runs as a formula.

A date written 03/04/2015 could be either day first or month first, so it is refused, not guessed; a cell that
says '-' or 'n/a' is no figure, not 0. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is written
with a leading quote (`neutralised`, for every CSV the exports write) and read back as it was (`cell`): both sides
of that rule live here, so they cannot drift apart.
"""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic_core import PydanticCustomError

from situation.model.dates import PartialDate

if TYPE_CHECKING:  # libhxl is slow to import, and the CSV export, which neutralises cells, never needs it
    from hxl.model import Row

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make a spreadsheet read a cell as a formula (OWASP, 'CSV injection')."""

MISSING = {"", "-", "--", "n/a", "na", "n.a.", "none", "null", "..", "?"}
"""Cells that say 'no figure here' in real HXL files; the cell is skipped, not read as 0."""
UNKNOWN = "unknown"
"""A cell that says the sources do not know the figure (our export writes it); read as null, never 0."""
TEXT_DATE_FORMATS = {
    "%d %B %Y": "day",
    "%d %b %Y": "day",
    "%B %d, %Y": "day",
    "%b %d, %Y": "day",
    "%B %Y": "month",
    "%b %Y": "month",
}
GRADED_NAME = re.compile(r"(.+?) \[([A-F])\](?:; |$)")
"""'CNN [B]; SANA (Syrian Arab News Agency) [D]': names may hold '; ', so the grade marks where each ends."""
_NEUTRALISED = re.compile("^'(?=[" + re.escape("".join(FORMULA_TRIGGERS)) + "])")
"""The quote our CSV export puts before a cell a spreadsheet would run as a formula; read back as it was."""


def neutralised(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading single quote (OWASP's advice)."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def slug(text: str, fallback: str) -> str:
    """An id from a name or a code: 'Chocó' -> 'choco', 'GN08' -> 'gn08'; the fallback when nothing is left."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    made = re.sub(r"[^a-z0-9]+", "-", plain).strip("-_")[:80].strip("-")
    return made or fallback


def cell(row: Row, index: int | None) -> str:
    """The text of one cell, trimmed; empty when the row has no such column."""
    if index is None or index >= len(row.values) or row.values[index] is None:
        return ""
    text = str(row.values[index]).strip()
    return _NEUTRALISED.sub("", text)  # undo the quote our CSV export puts before '=', '+', '-', '@'


def parse_number(text: str) -> int | float | None:
    """'1,234' -> 1234, '2.5' -> 2.5; None for text that is not a finite number."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    if re.fullmatch(r"[+-]?\d+", cleaned):
        return int(cleaned)
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_date(text: str) -> PartialDate:
    """2016-08-06, 2016-07, 2016-spring, 2016, '1 March 2015', 'March 2015'; slashed dates are refused as ambiguous."""
    with contextlib.suppress(PydanticCustomError):
        return PartialDate.parse(text)
    if "/" in text:
        raise ValueError(f"'{text}' is ambiguous: files write day/month and month/day alike; write it as YYYY-MM-DD")
    for form, precision in TEXT_DATE_FORMATS.items():
        with contextlib.suppress(ValueError):
            parsed = datetime.strptime(text, form).date()
            return PartialDate.parse(parsed.isoformat() if precision == "day" else parsed.isoformat()[:7])
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
        return PartialDate.parse(text[:10])
    raise ValueError(f"'{text}' is not a date; expected a date such as 2016-08-06, 2016-07, 2016 or '1 March 2015'")
