"""Loading: one function turns a situation file into the validated model, or into every located problem.

The CLI, the dashboard and the tests all call `load_situation`. The common case, a valid file, takes the
fast path (no positions kept); only when something is wrong is the text read again with positions, to
point each problem at its line and column.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from situation.load.boundaries import read_geography
from situation.load.codes import Code
from situation.load.confine import Refused, Roots, read_confined
from situation.load.entries import Entries
from situation.load.locate import Located, locate
from situation.load.messages import describe, word_error
from situation.load.problems import Finding, Problem, format_path
from situation.load.quotes import check_quotes
from situation.load.reader import Mark, read_yaml
from situation.load.references import check_references
from situation.load.sanity import check_sanity
from situation.model.facts import Situation

SITUATION_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 32 * 1024 * 1024
"""A situation file larger than this is refused before it is read (the 1000x benchmark file is ~19 MiB)."""
MAX_PROBLEMS = 100
"""Problems listed for one file, the first in the file; the rest are counted in one last line ("and 19,900 more").
Placing and naming each costs time, and nobody reads the ten-thousandth: 20,000 unknown keys took 32 s to report."""
MAX_WORDED = 10 * MAX_PROBLEMS
"""The model's errors put in words for one file (a 'did you mean' each); past them, they are only counted."""


@dataclass(frozen=True)
class LoadResult:
    """The model when the file is valid (warnings allowed), and every problem found, in file order."""

    file: str
    situation: Situation | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.situation is not None


def situation_files_in(folder: Path) -> list[Path]:
    """The .yaml/.yml files under a folder, sorted, hidden folders (.git, .venv) skipped."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix in SITUATION_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    )


def load_situation(path: str | Path, *, roots: Roots | None = None, max_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    """Read, parse, validate and check one file. Never raises for anything wrong with the file.

    Only a regular file inside `roots.situations` is read (by default the file's own folder), and its source texts
    only from there or `roots.documents` (see `situation.load.confine`).
    """
    path = Path(path)
    file = str(path)
    roots = roots or Roots.around(path)
    try:
        raw = read_confined(path, [roots.situations], max_bytes, "the file")
    except Refused as refusal:
        return _refused(file, refusal.code, refusal.message)
    return parse_situation(raw, file, base_dir=path.parent, roots=roots, max_bytes=max_bytes)


def parse_situation(
    raw: bytes,
    file: str,
    *,
    base_dir: Path | None = None,
    roots: Roots | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    entries: Entries | None = None,
) -> LoadResult:
    """The same as `load_situation` for bytes already in hand; quotes are checked only when `base_dir` is given,
    against texts inside `roots` (by default `base_dir` alone). Given the `entries` of this file's last read, only the
    entries that changed are read again (the live reload's case)."""
    if len(raw) > max_bytes:
        return _refused(
            file,
            Code.FILE_TOO_LARGE,
            f"the file is {len(raw) / 2**20:.1f} MiB; situation files are limited to {max_bytes / 2**20:.0f} MiB",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return LoadResult(file, None, [_not_utf8(file, raw, error)])
    cut = entries.read(text, file) if entries is not None else None
    if cut is not None:
        data, ready = cut
        with contextlib.suppress(ValidationError):  # a problem of the whole (a missing field): the ordinary path says it
            return _checked(file, text, data, Situation.model_validate(ready), [], [], base_dir, roots, entries)
    read = read_yaml(text, file, keep_marks=False)
    problems = list(read.problems)
    if read.fatal:
        return LoadResult(file, None, problems)
    data = read.data
    if not isinstance(data, dict):
        found = describe(data)
        problems.append(
            Problem(
                file,
                read.root_mark.line,
                read.root_mark.column,
                "",
                Code.NOT_A_MAPPING,
                f"the top level must be a mapping of fields (id:, title:, sources:, …), found {found}",
            )
        )
        return LoadResult(file, None, problems)

    findings: list[Finding] = []
    situation: Situation | None = None
    unworded = 0
    try:
        situation = Situation.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        for detail in details[:MAX_WORDED]:
            wording = word_error(detail, Situation)
            findings.append(Finding(tuple(detail["loc"]), wording.code, wording.message, about_key=wording.about_key))
        unworded = max(0, len(details) - MAX_WORDED)  # every one an error of the model
    return _checked(file, text, data, situation, _one_error_per_typo(findings), problems, base_dir, roots, None, unworded)


def _checked(
    file: str,
    text: str,
    data: dict[str, Any],
    situation: Situation | None,
    findings: list[Finding],
    problems: list[Problem],
    base_dir: Path | None,
    roots: Roots | None,
    entries: Entries | None,
    unworded: int = 0,
) -> LoadResult:
    """The checks beyond the model's own (references, sanity, quotes, boundaries), every finding placed in the text;
    the first MAX_PROBLEMS listed, and `unworded` more errors of the model counted with the rest."""
    findings.extend(check_references(data, entries.cited if entries is not None else None))
    if situation is not None and not any(f.code.level == "error" for f in findings):
        findings.extend(check_sanity(situation))
    if situation is not None and base_dir is not None:
        findings.extend(check_quotes(situation, data, base_dir, roots or Roots(base_dir.resolve())))
        geography, not_joined = read_geography(situation, base_dir, roots or Roots(base_dir.resolve()))
        findings.extend(not_joined)
        situation = situation.with_geography(geography)
    places: list[Located] = []
    if findings:
        # A file read by entries finds each place in its entry's piece (a file with a standing warning is common);
        # anything else reads the same text again, this time keeping positions.
        found = [entries.locate(finding.path) for finding in findings] if entries is not None else [None]
        places = [place for place in found if place is not None]
        if len(places) < len(findings):
            marked = read_yaml(text, file, keep_marks=True)
            assert marked.positions is not None
            places = [locate(marked.data, marked.positions, finding.path) for finding in findings]
    # One problem per spot: where the reader refused a number unread, the model's view of what stood there adds nothing.
    unread = {(p.line, p.column) for p in problems if p.code is Code.NUMBER_TOO_LONG}
    spotted: list[tuple[tuple[int, int], Problem | tuple[Located, Finding]]] = [
        ((p.line or 0, p.column or 0), p) for p in problems if p.code is Code.NUMBER_TOO_LONG or (p.line, p.column) not in unread
    ]
    for place, finding in zip(places, findings, strict=True):
        mark = _mark(place, finding)
        if (mark.line, mark.column) not in unread:
            spotted.append(((mark.line, mark.column), (place, finding)))
    spotted.sort(key=lambda spot: spot[0])
    invalid = unworded > 0 or any(_level(item) == "error" for _, item in spotted)
    # Only the problems listed are placed and named (a field path names list items by id, a search through the list).
    listed = [item if isinstance(item, Problem) else _place(file, data, *item) for _, item in spotted[:MAX_PROBLEMS]]
    rest = [_level(item) for _, item in spotted[MAX_PROBLEMS:]] + ["error"] * unworded
    if rest:
        listed.append(_more(file, spotted[MAX_PROBLEMS][0] if len(spotted) > MAX_PROBLEMS else None, rest))
    return LoadResult(file, None if invalid else situation, listed)


def _level(item: Problem | tuple[Located, Finding]) -> str:
    return item.severity if isinstance(item, Problem) else item[1].code.level


def _more(file: str, at: tuple[int, int] | None, levels: list[str]) -> Problem:
    """'and 19,900 more problems (19,850 errors, 50 warnings) not listed': the one line for all past MAX_PROBLEMS."""
    counted = {level: levels.count(level) for level in ("error", "warning", "note")}
    counts = ", ".join(f"{n:,} {level}{'s' if n != 1 else ''}" for level, n in counted.items() if n)
    code = Code.MORE_ERRORS if counted["error"] else Code.MORE_WARNINGS
    message = f"and {len(levels):,} more problem{'s' if len(levels) != 1 else ''} ({counts}) not listed: fix those above first"
    line, column = at if at is not None else (None, None)
    return Problem(file, line, column, "", code, message)


def _one_error_per_typo(findings: list[Finding]) -> list[Finding]:
    """A misspelt required key is one mistake: drop 'required field X is missing' when an unknown key beside it
    is suggested as X, and say on that key that X is required."""
    typos: dict[tuple[tuple[str | int, ...], str], Finding] = {}
    for finding in findings:
        if finding.code == Code.UNKNOWN_FIELD:
            match = re.search(r"did you mean '([^']+)'", finding.message)
            if match:
                typos[(finding.path[:-1], match[1])] = finding
    merged: list[Finding] = []
    for finding in findings:
        if finding.code == Code.MISSING_FIELD and (finding.path[:-1], finding.path[-1]) in typos:
            continue
        if finding.code == Code.UNKNOWN_FIELD and any(t is finding for t in typos.values()):
            wanted = next(name for (parent, name), t in typos.items() if t is finding)
            if any(f.code == Code.MISSING_FIELD and f.path == (*finding.path[:-1], wanted) for f in findings):
                message = f"unknown field '{finding.path[-1]}' (did you mean '{wanted}'? it is required)"
                finding = Finding(finding.path, finding.code, message, finding.about_key)
        merged.append(finding)
    return merged


def _mark(located: Located, finding: Finding) -> Mark:
    """Where a finding is shown: at its key for an unknown key, else at its value."""
    return located.key_mark if finding.about_key and located.key_mark else located.value_mark


def _place(file: str, data: dict[str, Any], located: Located, finding: Finding) -> Problem:
    """Give a finding its line and column, and its path as the YAML's reader sees it."""
    mark = _mark(located, finding)
    path = located.path
    if not located.reached_end and finding.code == Code.MISSING_FIELD:
        path = (*path, finding.path[-1])
    return Problem(file, mark.line, mark.column, format_path(path, data), finding.code, finding.message)


def _refused(file: str, code: Code, message: str) -> LoadResult:
    return LoadResult(file, None, [Problem.about_file(file, code, message)])


def _not_utf8(file: str, raw: bytes, error: UnicodeDecodeError) -> Problem:
    """Point at the first byte that is not UTF-8, counting columns in characters as an editor does."""
    start = error.start
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw.count(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    byte = raw[start]
    return Problem(
        file, line, column, "", Code.NOT_UTF8, f"the file is not valid UTF-8 (byte 0x{byte:02x} here); save it as UTF-8"
    )
