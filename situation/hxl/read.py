"""Reading an HXL CSV with libhxl, the field's reference library, and finding the columns that matter by hashtag.

libhxl finds the hashtag row below any number of header rows and matches tag patterns whatever the attribute
order; we only adapt it: text in (never a URL, never Excel sniffed from bytes), its log kept as warnings rather
than printed, and its row iterator made iterable. Which patterns mean what is in `situation.hxl.tags`.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from hxl.input import CSVInput, HXLReader, InputOptions
from hxl.model import Column, Row, TagPattern

from situation.hxl.tags import AREA_LEVELS, IMPORT_LONG, PEOPLE_TAGS


@dataclass
class Sheet:
    """The columns that matter in one file, found once by hashtag pattern."""

    columns: list[Column]
    code: int | None = None
    name: int | None = None
    unit: int | None = None
    value: int | None = None
    low: int | None = None
    high: int | None = None
    approximate: int | None = None
    date: int | None = None
    source_code: int | None = None
    source_name: int | None = None
    reliability: int | None = None
    credibility: int | None = None
    lat: int | None = None
    lon: int | None = None
    areas: list[tuple[int | None, int | None, str]] = field(default_factory=list)
    """(code column, name column, level: loc, adm2, adm1, …) per area level, most precise first."""
    figures: list[int] = field(default_factory=list)
    """Wide tables: the columns holding a figure each."""

    @property
    def long(self) -> bool:
        return self.value is not None or (self.low is not None and self.high is not None)


def find(columns: list[Column], *patterns: str) -> int | None:
    for pattern in patterns:
        index: int | None = TagPattern.parse(pattern).find_column_index(columns)
        if index is not None:
            return index
    return None


def find_columns(columns: list[Column]) -> Sheet:
    sheet = Sheet(columns=columns)
    for field_name, patterns in IMPORT_LONG.items():
        setattr(sheet, field_name, find(columns, *patterns))
    for level in AREA_LEVELS:
        code, name = find(columns, f"#{level}+code", f"#{level}_id"), find(columns, f"#{level}-code")
        if code is not None or name is not None:
            sheet.areas.append((code, name, level))
    if not sheet.long:
        sheet.figures = [
            index
            for index, column in enumerate(columns)
            if column.tag and (column.tag in PEOPLE_TAGS or column.tag.endswith("_num"))
        ]
    return sheet


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Latin-1, which reads any byte: the two encodings HXL files use."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


class _Collect(logging.Handler):
    """Keeps what libhxl logs (malformed hashtags it skips) so it is reported as a warning, not printed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "hxl.model":
            self.messages.append(record.getMessage())


@contextlib.contextmanager
def libhxl_log() -> Iterator[_Collect]:
    logger = logging.getLogger("hxl")
    collect, propagate = _Collect(), logger.propagate
    logger.addHandler(collect)
    logger.propagate = False
    try:
        yield collect
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate


def dataset(text: str) -> HXLReader:
    """libhxl's reader over CSV text (never a URL, never Excel or JSON sniffed from the bytes)."""
    stream = io.BufferedReader(io.BytesIO(text.encode("utf-8")))
    return HXLReader(CSVInput(stream, InputOptions(encoding="utf-8")))


def rows(dataset: HXLReader) -> Iterator[Row]:
    """libhxl's row iterator has `__next__` but no `__iter__`, so a for loop cannot take it as it is."""
    rows = iter(dataset)
    while True:
        try:
            yield next(rows)
        except StopIteration:
            return
