"""Every problem code the project reports, declared once with its level and what it means to a writer.

The code is the stable part of a `Problem`: tests, CI scripts and editors match on it, while the sentence
may improve. Declaring them here, not as free strings at each check, gives a list a person can read
(`docs/problems.md` is generated from this table, and a test fails when it is stale) and lets the type
checker refuse a code nobody declared. The level belongs to the code: where the same slip can be an error in
one place and a warning in another, those are two codes (`hxl-number`, `hxl-cell-left-out`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from situation.model.dates import EARLIEST_YEAR, FAR_APART_YEARS, LATEST_YEAR

Level = Literal["error", "warning", "note"]
"""An error makes a file invalid (its last good version stays on show); a warning is said and the file is used; a
note says, quietly, what was not checked here (a source text this machine may not read) without faulting the file."""


class Code(StrEnum):
    """A problem's code: the value is what the CLI's JSON and the dashboard print; `level` and `meaning` explain it."""

    level: Level
    meaning: str
    stage: str

    def __new__(cls, value: str, stage: str, level: Level, meaning: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.stage = stage
        member.level = level
        member.meaning = meaning
        return member

    # Reading the file, before any YAML.
    FILE_NOT_FOUND = "file-not-found", "file", "error", "No file at that path."
    NOT_A_FILE = "not-a-file", "file", "error", "The path is a folder (or another thing that is not a regular file)."
    FILE_TOO_LARGE = "file-too-large", "file", "error", "The file is larger than a situation file may be; it is not read."
    UNREADABLE = "unreadable", "file", "error", "The operating system refused to read the file (permissions, I/O error)."
    FILE_MISSING = (
        "file-missing",
        "file",
        "error",
        "A watched file was deleted, moved or renamed; the dashboard keeps its last good version on show.",
    )
    OUTSIDE_ROOTS = (
        "outside-roots",
        "file",
        "error",
        "The file is a link (or a path) leading outside the situations folder; it is not read.",
    )
    LOAD_FAILED = (
        "load-failed",
        "file",
        "error",
        "Loading the file met an error in the dashboard itself (its log has the details); the last good version stays on show.",
    )
    NOT_UTF8 = "not-utf8", "file", "error", "The file is not UTF-8 text; the first byte that is not is located."
    MORE_ERRORS = (
        "more-errors",
        "file",
        "error",
        "One line for the problems past the first 100 of a file, errors among them: they are counted, not listed.",
    )
    MORE_WARNINGS = (
        "more-warnings",
        "file",
        "warning",
        "One line for the warnings past the first 100 problems of a file: they are counted, not listed.",
    )

    # YAML, as the reader sees it.
    EMPTY_FILE = "empty-file", "yaml", "error", "The file holds no YAML document (it is empty or only comments)."
    YAML_SYNTAX = "yaml-syntax", "yaml", "error", "The text is not valid YAML (a bad indent, an unclosed quote, …)."
    MULTIPLE_DOCUMENTS = "multiple-documents", "yaml", "error", "More than one YAML document (`---`) in one file."
    DUPLICATE_KEY = "duplicate-key", "yaml", "error", "A key appears twice in one mapping; YAML would silently keep one."
    COMPLEX_KEY = "complex-key", "yaml", "error", "A key is a list or a mapping; keys must be plain text."
    FORBIDDEN_TAG = "forbidden-tag", "yaml", "error", "A YAML tag (`!!python/…`, `!custom`) that a situation file may not use."
    BAD_TAGGED_VALUE = "bad-tagged-value", "yaml", "error", "A value with a standard tag (`!!int`, …) that it does not fit."
    TOO_DEEP = "too-deep", "yaml", "error", "Nesting deeper than any situation file needs; refused to keep the reader safe."
    UNKNOWN_ALIAS = "unknown-alias", "yaml", "error", "An alias `*name` with no anchor `&name` before it."
    ALIAS_BOMB = "alias-bomb", "yaml", "error", "Aliases that expand the file beyond a safe size (a 'billion laughs' file)."
    NUMBER_TOO_LONG = (
        "number-too-long",
        "yaml",
        "error",
        "A number written with over 1,000 characters; refused before it is read (figures range from -10^15 to 10^15).",
    )
    NOT_A_MAPPING = "not-a-mapping", "yaml", "error", "The top level is not a mapping of fields (`id:`, `title:`, …)."
    # The model: each field as docs/model.md describes it.
    MISSING_FIELD = "missing-field", "model", "error", "A required field is not there."
    UNKNOWN_FIELD = (
        "unknown-field",
        "model",
        "error",
        "A field the model does not have (often a typo: the message says which was meant).",
    )
    WRONG_TYPE = (
        "wrong-type",
        "model",
        "error",
        "A value of the wrong kind: text where a number belongs, a list where a mapping does.",
    )
    NOT_ALLOWED = "not-allowed", "model", "error", "A value outside the field's fixed list (a grade, a status, an event type)."
    INVALID_DATE = (
        "invalid-date",
        "model",
        "error",
        "A date that is not a day, month, season or year as docs/model.md lists them.",
    )
    DATE_OUT_OF_RANGE = (
        "date-out-of-range",
        "model",
        "error",
        f"A date before {EARLIEST_YEAR} or after {LATEST_YEAR}, the years every page, chart and export can hold "
        "(1016 or 9999 is a typo).",
    )
    INVALID_VALUE = (
        "invalid-value",
        "model",
        "error",
        "A value of the right kind that breaks a rule of its field (a range upside down, …).",
    )
    TOO_FEW_ITEMS = (
        "too-few-items",
        "model",
        "error",
        "A list with fewer items than the field needs (an indicator with no observation).",
    )

    # Checks across the file.
    DUPLICATE_ID = "duplicate-id", "references", "error", "Two items of one section share an id."
    UNKNOWN_REFERENCE = (
        "unknown-reference",
        "references",
        "error",
        "A cited source, area, indicator or claim id that the file does not define.",
    )
    UNKNOWN_HEADLINE = (
        "unknown-headline",
        "references",
        "error",
        "A `headline:` key that names no fact of the file (keys read kind:id, such as indicator:people-under-siege).",
    )
    VIA_LOOP = "via-loop", "references", "error", "Sources that reach each other through `via:` in a circle."
    DUPLICATE_PCODE = "duplicate-pcode", "references", "error", "Two areas share a p-code; each joins one row of the COD."

    # Dates and values that cannot be so (errors), or that a team may mean (warnings); docs/model.md says why.
    AFTER_AS_OF = (
        "after-as-of",
        "sanity",
        "error",
        "A fact, position, statement or report dated after the file's `as_of`: move `as_of` forward, or fix the date.",
    )
    NEGATIVE_COUNT = (
        "negative-count",
        "sanity",
        "error",
        "A negative number of people or things (an indicator whose unit counts, or people killed, injured, missing); "
        "units with 'change', 'net', 'balance' or '°C' may be below zero.",
    )
    DUPLICATE_DATE = (
        "duplicate-date",
        "sanity",
        "error",
        "Two observations of one fact with the same date: which one holds? Merge them or correct a date.",
    )
    RESOLVED_BEFORE_CLAIMED = (
        "resolved-before-claimed",
        "sanity",
        "error",
        "A claim settled before any source made it.",
    )
    OUT_OF_ORDER = (
        "out-of-order",
        "sanity",
        "warning",
        "Observations not oldest first; every view sorts them by date, so only the file reads out of order.",
    )
    MONTH_BESIDE_DAYS = (
        "month-beside-days",
        "sanity",
        "warning",
        "A month- or season-dated observation beside days of that period: 'July' beside '15 July' counts from 31 July, "
        "after it; the team may mean it.",
    )
    FAR_FROM_THE_REST = (
        "far-from-the-rest",
        "sanity",
        "warning",
        f"A date more than {FAR_APART_YEARS} years before the rest of the file, or an `as_of` as far after its latest "
        "date: a year typed wrong (1916 for 2016) stretches every timeline; the file is used as written.",
    )
    PCODE_OUTSIDE_PARENT = (
        "pcode-outside-parent",
        "sanity",
        "warning",
        "An area's p-code does not start with its parent's: admin p-codes nest (SY02 holds SY0200), city and camp codes "
        "need not; check it.",
    )
    REPORT_SOURCE_NOT_CITED = (
        "report-source-not-cited",
        "sanity",
        "error",
        "A fact cites a report but not the source that published it; add the source to `sources`.",
    )
    QUOTE_NOT_FOUND = "quote-not-found", "quotes", "error", "A quote that does not appear in the text of the source that said it."
    DOCUMENT_UNREADABLE = (
        "document-unreadable",
        "quotes",
        "warning",
        "A source's `document:` is inside the document roots but cannot be read, so its quotes are not checked.",
    )
    DOCUMENT_OUTSIDE_ROOTS = (
        "document-outside-roots",
        "quotes",
        "note",
        "A source's `document:` lies outside the situations folder and the document roots (`--documents DIR`, "
        "`SITUATION_DOCUMENTS`): it is not read, and its quotes are not checked on this machine.",
    )
    DOCUMENT_NOT_A_FILE = (
        "document-not-a-file",
        "quotes",
        "error",
        "A source's `document:` is a folder, a pipe or a device, not a text file; it is not read.",
    )
    DOCUMENT_NOT_ALLOWED = (
        "document-not-allowed",
        "quotes",
        "error",
        "A source's `document:` is hidden (its name or a folder on its path starts with '.', as `.git/config` does) or "
        "is not a text file (.txt, .text, .md, .markdown, .html, .htm); it is not read, and its quotes are not checked.",
    )
    DOCUMENT_TOO_LARGE = (
        "document-too-large",
        "quotes",
        "warning",
        "A source's `document:` is larger than a source text may be (8 MiB); it is not read and its quotes are not checked.",
    )

    # Boundary files (`boundaries:`) and the p-codes that join areas to them.
    BOUNDARY_UNREADABLE = (
        "boundary-unreadable",
        "boundaries",
        "warning",
        "A boundary file is missing, outside the situations folder, hidden, not a regular file, too large or "
        "unreadable: the file is used, its areas drawn as points and their p-codes not looked for.",
    )
    BOUNDARY_INVALID = (
        "boundary-invalid",
        "boundaries",
        "error",
        "A boundary file is not valid GeoJSON (or TopoJSON): the message names the file and what is wrong in it.",
    )
    PCODE_NOT_IN_BOUNDARIES = (
        "pcode-not-in-boundaries",
        "boundaries",
        "error",
        "An area's p-code is not in the boundary files, though they hold that admin level; the message suggests a close one.",
    )

    # HXL import (`situation import-hxl`): the spreadsheet's row and column are the location.
    HXL_UNREADABLE = "hxl-unreadable", "hxl", "error", "The file cannot be read as HXL CSV."
    HXL_NOT_CSV = "hxl-not-csv", "hxl", "error", "The file is not CSV text (it holds NUL bytes)."
    HXL_NO_HASHTAGS = "hxl-no-hashtags", "hxl", "error", "No row of HXL hashtags (`#indicator`, `#affected`, …) was found."
    HXL_HASHTAG = "hxl-hashtag", "hxl", "warning", "A hashtag libhxl does not understand; its column is left out."
    HXL_NO_FIGURES = "hxl-no-figures", "hxl", "error", "The hashtag row has no column that holds a figure to import."
    HXL_EMPTY = "hxl-empty", "hxl", "error", "No row could be read, so there is nothing to write."
    HXL_DATE = "hxl-date", "hxl", "error", "A row has no date or an unreadable one (give one with `--date`)."
    HXL_CREDIBILITY = "hxl-credibility", "hxl", "error", "A credibility cell that is not a grade from 1 to 6."
    HXL_COORDINATE = "hxl-coordinate", "hxl", "warning", "A latitude or longitude out of range; the cell is left out."
    HXL_INDICATOR = "hxl-indicator", "hxl", "error", "A row names no indicator (code and name both empty)."
    HXL_RANGE = "hxl-range", "hxl", "error", "A range whose high is below its low."
    HXL_VALUE = "hxl-value", "hxl", "error", "A row with no value: a number, a low and a high, or 'unknown'."
    HXL_NO_VALUE = "hxl-no-value", "hxl", "error", "A row that holds no figure in any figure column."
    HXL_APPROXIMATE = "hxl-approximate", "hxl", "error", "An 'approximate' cell that is not true or false."
    HXL_NUMBER = "hxl-number", "hxl", "error", "A value, low or high cell that is not a number; the row is refused."
    HXL_CELL_LEFT_OUT = (
        "hxl-cell-left-out",
        "hxl",
        "warning",
        "A figure cell of a wide table that is not a number; only it is left out.",
    )
    HXL_REPEATED_ROW = (
        "hxl-repeated-row",
        "hxl",
        "warning",
        "A row gives a figure already given for that indicator, area and date; only the first is kept.",
    )
    HXL_INVALID_RESULT = (
        "hxl-invalid-result",
        "hxl",
        "error",
        "The draft built from the rows does not validate (a bug to report).",
    )


STAGES = {
    "file": "Reading the file",
    "yaml": "YAML",
    "model": "Fields of the model",
    "references": "References across the file",
    "sanity": "Dates and values",
    "quotes": "Quotes",
    "boundaries": "Boundaries",
    "hxl": "HXL import",
}
"""The headings of docs/problems.md, in the order a file meets them."""


def problems_page() -> str:
    """`docs/problems.md`: every code, grouped by the stage that reports it, with its level and meaning."""
    lines = [
        "# Problem codes",
        "",
        "<!-- Generated by `python -m situation docs --page problems > docs/problems.md`; a test fails when it is stale. -->",
        "",
        "Every problem the CLI (`situation validate`, `import-hxl`) and the dashboard report has a stable code;",
        "the sentence beside it may improve, the code does not. An **error** makes a file invalid (the dashboard",
        "keeps the last good version on show); a **warning** is said and the file is used.",
    ]
    for stage, heading in STAGES.items():
        lines += ["", f"## {heading}", "", "| code | level | meaning |", "|---|---|---|"]
        lines += [f"| `{code.value}` | {code.level} | {code.meaning} |" for code in Code if code.stage == stage]
    return "\n".join(lines) + "\n"


def sanity_checks() -> list[tuple[str, str, str]]:
    """The date and value checks as docs/model.md's table lists them: (code, level, meaning), in the order a file meets
    them."""
    return [(code.value, code.level, code.meaning) for code in Code if code.stage == "sanity"]
