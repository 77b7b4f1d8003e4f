"""HXL import: an HXL-tagged CSV read into indicator observations of a new situation, which the team reviews.

The flow, a module per step (this one builds the draft):

    bytes ─ read (decode, libhxl finds the hashtag row and the columns) ─▶ rows + Sheet
    rows ─ _RowReader (cells read by cells) ─▶ observations + Problems (row, column, reason)
         ─ situation_data ─▶ plain data ─▶ YAML (a draft for the team to review)

- HXL is read as HXL defines it, by libhxl (the field's reference library): the hashtag row may sit below any number
  of header rows, attributes come in any order, columns in any order, untagged and unknown columns are ignored.
- Two shapes of file are understood. A long table with `#indicator+code` and `#indicator+value` (what
  `python -m situation export --format hxl` writes) gives one observation per row. A wide table gives one
  observation per figure column (`#affected`, `#population`, `#inneed`, `#targeted`, `#reached`, or a beta-style
  `#…_num`), per row, with the indicator named after the column and the row's place.
- Nothing is guessed: a date written 03/04/2015 (day or month first?) is refused, a missing credibility is 6
  ("cannot be judged"), a source the file does not name is the file itself, graded F. Every refused row and every
  ignored cell is reported as a `Problem` (the row number counts CSV records from 1, as a spreadsheet does).
- No traceback for any input: what libhxl or the CSV reader raise becomes a Problem about the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hxl
import yaml
from hxl.model import Row
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from situation.hxl import read
from situation.hxl.cells import GRADED_NAME, MISSING, UNKNOWN, cell, parse_number, read_date, slug
from situation.hxl.read import Sheet
from situation.hxl.tags import BETA_PEOPLE, PEOPLE_TAGS
from situation.load.codes import Code
from situation.load.messages import expected
from situation.load.problems import Problem, errors_in
from situation.model.dates import PartialDate
from situation.model.facts import Situation
from situation.model.places import PCODE_PATTERN, Area
from situation.model.sections import AREAS, INDICATORS, SOURCES


@dataclass
class HxlImport:
    """What an import found: the situation as plain data (None when nothing could be read) and every problem."""

    file: str
    data: dict[str, Any] | None
    problems: list[Problem]
    rows: int = 0
    """Data rows below the hashtag row (blank rows not counted)."""
    refused_rows: int = 0
    observations: int = 0

    @property
    def ok(self) -> bool:
        """True when every row was read (warnings about single cells allowed)."""
        return self.data is not None and not errors_in(self.problems)

    def yaml_text(self) -> str:
        """The situation as YAML, headed by a note that it is a draft to review."""
        if self.data is None:
            return ""
        header = (
            f"# Imported from {Path(self.file).name} by `python -m situation import-hxl`: a draft to review before committing.\n"
            "# Check each source's kind and reliability, each figure's credibility, and the area names.\n"
        )
        return header + yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True, width=120)


def import_hxl(path: str | Path, default_date: str | None = None, areas: Sequence[Area] = ()) -> HxlImport:
    """Read an HXL CSV file into a draft situation; problems are returned, never raised. A row whose `#adm1+code` (or
    another level's) is the p-code of one of `areas` is about that area: its id and name, as the team's file has them."""
    file = str(path)
    try:
        text = read.decode(Path(path).read_bytes())
    except OSError as error:
        return HxlImport(
            file, None, [Problem.about_file(file, Code.HXL_UNREADABLE, f"cannot read the file: {error.strerror or error}")]
        )
    return import_hxl_text(text, file, default_date, areas)


def import_hxl_text(text: str, file: str, default_date: str | None = None, areas: Sequence[Area] = ()) -> HxlImport:
    """`import_hxl` on text already decoded; `file` names it in problems and in the situation's id."""
    fallback: PartialDate | None = None
    if default_date is not None:
        try:
            fallback = PartialDate.parse(default_date)
        except PydanticCustomError as error:
            return HxlImport(file, None, [Problem.about_file(file, Code.HXL_DATE, f"--date: {error}")])
    if "\x00" in text:
        return HxlImport(
            file, None, [Problem.about_file(file, Code.HXL_NOT_CSV, "this is not a CSV text file (it holds NUL bytes)")]
        )
    with read.libhxl_log() as log:
        try:
            dataset = read.dataset(text)
            rows = read.rows(dataset)
            sheet = read.find_columns(dataset.columns)
            reader = _RowReader(file, sheet, fallback, {a.pcode: a for a in areas if a.pcode is not None})
            if sheet.long or sheet.figures:
                for row in rows:
                    reader.read(row)
            else:
                first = next(rows, None)
                reader.hashtag_row = first.source_row_number - first.row_number if first is not None else None
        except hxl.input.HXLTagsNotFoundException:
            return HxlImport(file, None, [Problem.about_file(file, Code.HXL_NO_HASHTAGS, _NO_HASHTAGS)])
        # libhxl and the csv module raise many types on malformed input; each is a fact about the file, not a crash.
        except Exception as error:
            return HxlImport(
                file, None, [Problem.about_file(file, Code.HXL_UNREADABLE, f"cannot read this file as HXL CSV: {error}")]
            )
    warnings = [Problem(file, reader.hashtag_row, None, "", Code.HXL_HASHTAG, message) for message in dict.fromkeys(log.messages)]
    if not sheet.long and not sheet.figures:
        tags = ", ".join(c.display_tag for c in sheet.columns if c.tag) or "none"
        problem = Problem(file, reader.hashtag_row, None, "", Code.HXL_NO_FIGURES, f"{_NO_FIGURES}; the hashtag row has: {tags}")
        return HxlImport(file, None, [*warnings, problem])
    data = situation_data(reader, file)
    problems = [*warnings, *reader.problems, *_validate(data, file)]
    if not reader.indicators:
        problems.append(Problem.about_file(file, Code.HXL_EMPTY, "no row could be read: nothing to write"))
    return HxlImport(
        file,
        data if reader.indicators else None,
        problems,
        rows=reader.rows,
        refused_rows=reader.refused,
        observations=sum(len(i["observations"]) for i in reader.indicators.values()),
    )


_NO_HASHTAGS = (
    "no HXL hashtag row found in the first 25 rows: an HXL file has a row of hashtags such as #adm1, #affected, "
    "#date under its headers (see hxlstandard.org)"
)
_NO_FIGURES = (
    "no column holds a figure to import: expected #indicator+code with #indicator+value, "
    "or a figure column (#affected, #population, #inneed, #targeted, #reached)"
)


def _validate(data: dict[str, Any], file: str) -> list[Problem]:
    """The draft must load as a situation; a failure here is a gap in this module, reported rather than written."""
    try:
        Situation.model_validate(data)
    except ValidationError as error:
        return [
            Problem.about_file(file, Code.HXL_INVALID_RESULT, f"{'.'.join(map(str, e['loc']))}: {e['msg']}")
            for e in error.errors()
        ]
    return []


class _RowReader:
    """Reads rows one at a time into indicators, sources and areas, recording why a row or a cell was refused."""

    def __init__(self, file: str, sheet: Sheet, default_date: PartialDate | None, known: dict[str, Area]) -> None:
        self.file, self.sheet, self.default_date, self.known = file, sheet, default_date, known
        self.problems: list[Problem] = []
        self.indicators: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self.areas: dict[str, dict[str, Any]] = {}
        self.dates: list[PartialDate] = []
        self.rows = self.refused = 0
        self.hashtag_row: int | None = None
        self._reasons: list[Problem] = []
        self._line = 0

    def _problem(self, index: int | None, code: Code, message: str) -> None:
        """An error refuses the row (kept as a reason); a warning only leaves a cell out."""
        tag = self.sheet.columns[index].display_tag if index is not None else ""
        column = index + 1 if index is not None else None
        problem = Problem(self.file, self._line, column, tag, code, message)
        (self._reasons if problem.severity == "error" else self.problems).append(problem)

    def read(self, row: Row) -> None:
        """One data row: its observations are kept, or the row is refused with every reason found."""
        self._line = row.source_row_number + 1
        if self.hashtag_row is None:
            self.hashtag_row = self._line - row.row_number - 1
        if all(not str(v or "").strip() for v in row.values):
            return
        self.rows += 1
        self._reasons = []
        date = self._date(row)
        sources = self._sources(row)
        credibility = self._credibility(row)
        area = self._area(row)
        values = self._long_value(row) if self.sheet.long else self._figures(row, area)
        if self._reasons or date is None or credibility is None or not values:
            self.refused += 1
            self.problems.extend(self._reasons)
            return
        self.dates.append(date)
        for indicator, observation in values:
            entry = self.indicators.setdefault(indicator["id"], {**indicator, "area": area, "observations": []})
            if any(o["date"] == date.text for o in entry["observations"]):
                self._problem(
                    None,
                    Code.HXL_REPEATED_ROW,
                    f"{entry['name']} on {date.text} is already given by an earlier row (the file breaks it down by a "
                    "column not imported, such as #origin); only the first row is kept",
                )
                continue
            entry["observations"].append({"date": date.text, **observation, "sources": list(sources), "credibility": credibility})

    def _date(self, row: Row) -> PartialDate | None:
        text = cell(row, self.sheet.date)
        if not text:
            if self.default_date is not None:
                return self.default_date
            where = "this row has no date" if self.sheet.date is not None else "the file has no #date column"
            self._problem(self.sheet.date, Code.HXL_DATE, f"{where}; give one with --date")
            return None
        try:
            return read_date(text)
        except ValueError as error:
            self._problem(self.sheet.date, Code.HXL_DATE, str(error))
            return None

    def _credibility(self, row: Row) -> int | None:
        text = cell(row, self.sheet.credibility)
        if not text:
            return 6  # "truth cannot be judged": nobody graded it
        if text in {"1", "2", "3", "4", "5", "6"}:
            return int(text)
        self._problem(self.sheet.credibility, Code.HXL_CREDIBILITY, expected("a credibility grade from 1 to 6", text))
        return None

    def _sources(self, row: Row) -> list[str]:
        codes = [c.strip() for c in cell(row, self.sheet.source_code).split(";") if c.strip()]
        label = cell(row, self.sheet.source_name)
        graded = GRADED_NAME.findall(label)
        names = [name for name, _ in graded] if graded else ([label] if label else [])
        grades = [g.strip() for g in cell(row, self.sheet.reliability).split(";") if g.strip()] or [g for _, g in graded]
        if not codes:
            codes = [slug(name, "source") for name in names]
        if not codes:
            file_source = slug(Path(self.file).stem, "hxl-file")
            self.sources.setdefault(
                file_source, _source(file_source, Path(self.file).name, "F", "The HXL file itself: it names no source.")
            )
            return [file_source]
        ids = []
        for index, code in enumerate(codes):
            source_id = slug(code, f"source-{index + 1}")
            grade = grades[index] if index < len(grades) and grades[index] in "ABCDEF" and len(grades[index]) == 1 else "F"
            name = names[index] if len(names) == len(codes) else code
            self.sources.setdefault(source_id, _source(source_id, name, grade, f"Imported from {Path(self.file).name}."))
            ids.append(source_id)
        return list(dict.fromkeys(ids))

    def _area(self, row: Row) -> str | None:
        for code_index, name_index, level in self.sheet.areas:
            code, name = cell(row, code_index), cell(row, name_index)
            if not (code or name):
                continue
            admin = re.fullmatch(r"adm(\d)", level)
            if admin and code and re.fullmatch(PCODE_PATTERN, code):  # a p-code: the team's area of that code, or a new one
                known = self.known.get(code)
                area_id = known.id if known else slug(code, f"area-{len(self.areas) + 1}")
                entry = {"id": area_id, "name": known.name if known else name or code, "pcode": code}
                level_number = known.admin_level if known and known.admin_level is not None else int(admin[1])
                area = self.areas.setdefault(area_id, {**entry, "admin_level": level_number})
            else:
                area_id = slug(code or name, f"area-{len(self.areas) + 1}")
                area = self.areas.setdefault(area_id, {"id": area_id, "name": name or code})
            self._coordinates(row, area)
            return area_id
        return None

    def _coordinates(self, row: Row, area: dict[str, Any]) -> None:
        for key, index, limit in (("lat", self.sheet.lat, 90), ("lon", self.sheet.lon, 180)):
            text = cell(row, index)
            if not text or text.lower() in MISSING or key in area:
                continue
            value = parse_number(text)
            if value is None or not -limit <= value <= limit:
                self._problem(index, Code.HXL_COORDINATE, f"'{text}' is not a {key}itude (-{limit} to {limit}); left out")
            else:
                area[key] = float(value)

    def _long_value(self, row: Row) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        sheet = self.sheet
        code, name = cell(row, sheet.code), cell(row, sheet.name)
        if not code and not name:
            self._problem(sheet.code, Code.HXL_INDICATOR, "no indicator: #indicator+code and #indicator+name are empty")
            return []
        indicator = {"id": slug(code or name, "indicator"), "name": name or code, "unit": cell(row, sheet.unit) or "count"}
        observation: dict[str, Any] = {}
        text, low, high = cell(row, sheet.value), cell(row, sheet.low), cell(row, sheet.high)
        if text.lower() == UNKNOWN:
            observation["value"] = None
        elif text and text.lower() not in MISSING:
            observation["value"] = self._number(sheet.value, text)
        elif low or high:
            bounds = self._number(sheet.low, low), self._number(sheet.high, high)
            if None not in bounds and bounds[1] < bounds[0]:  # type: ignore[operator]
                self._problem(sheet.high, Code.HXL_RANGE, f"the range's high ({high}) is below its low ({low})")
            observation["value"] = {"low": bounds[0], "high": bounds[1]}
        else:
            self._problem(sheet.value, Code.HXL_VALUE, "no value: write a number, a low and a high, or 'unknown'")
            return []
        approximate = cell(row, sheet.approximate).lower()
        if approximate in {"true", "yes", "y", "1"}:
            observation["approximate"] = True
        elif approximate not in {"", "false", "no", "n", "0"}:
            self._problem(sheet.approximate, Code.HXL_APPROXIMATE, expected("true or false", approximate))
        return [(indicator, observation)]

    def _number(self, index: int | None, text: str) -> int | float | None:
        value = parse_number(text)
        if value is None:
            self._problem(index, Code.HXL_NUMBER, expected("a number", text))
        return value

    def _figures(self, row: Row, area: str | None) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        found = []
        area_name = self.areas[area]["name"] if area else None
        for index in self.sheet.figures:
            text = cell(row, index)
            if text.lower() in MISSING:
                continue
            value = None if text.lower() == UNKNOWN else parse_number(text)
            if value is None and text.lower() != UNKNOWN:
                self._problem(index, Code.HXL_CELL_LEFT_OUT, expected("a number", text) + "; cell left out")
                continue
            column = self.sheet.columns[index]
            tag = column.display_tag
            people = column.tag in PEOPLE_TAGS or column.tag.lstrip("#") in BETA_PEOPLE
            title = f"{column.header.strip()} ({tag})" if column.header and column.header.strip() else tag
            indicator = {
                "id": slug(f"{tag.lstrip('#')}-{area}" if area else tag.lstrip("#"), "indicator")[:80],
                "name": f"{title} · {area_name}" if area_name else title,
                "unit": "people" if people else "count",
            }
            found.append((indicator, {"value": value}))
        if not found and not self._reasons:
            self._problem(
                None,
                Code.HXL_NO_VALUE,
                "no figure in any figure column: " + ", ".join(self.sheet.columns[i].display_tag for i in self.sheet.figures),
            )
        return found


def _source(source_id: str, name: str, reliability: str, note: str) -> dict[str, Any]:
    return {"id": source_id, "name": name, "kind": "other", "reliability": reliability, "note": note}


def situation_data(reader: _RowReader, file: str) -> dict[str, Any]:
    """The draft situation as plain data, in the model's order: what the YAML file will say."""
    indicators = []
    for indicator in reader.indicators.values():
        observations = sorted(indicator["observations"], key=lambda o: PartialDate.parse(o["date"]))
        entry = {k: v for k, v in indicator.items() if k != "observations" and v is not None}
        indicators.append({**entry, "observations": observations})
    name = Path(file).name
    count = sum(len(i["observations"]) for i in indicators)
    as_of = max((d.end for d in reader.dates), default=None)
    return {
        "id": slug(Path(file).stem, "imported"),
        "title": f"Imported from {name}",
        "as_of": as_of.isoformat() if as_of else "1970-01-01",
        "summary": (
            f"{count} observation(s) of {len(indicators)} indicator(s) read from the HXL file {name}. "
            "A draft: review every figure, its sources and grades before committing."
        ),
        SOURCES.name: list(reader.sources.values()),
        AREAS.name: list(reader.areas.values()),
        INDICATORS.name: indicators,
    }
