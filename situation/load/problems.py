"""The project's one error type, and the two ways it is written out (text for people, JSON for machines).

Errors are values: the reader, the validator and the checks return lists of `Problem`, and only the edge
(CLI, dashboard) turns them into text. Each carries its location as fields, not only inside the sentence,
so tests compare `(line, column, code)` and the app can sort, count and show them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located at the YAML node it is about (1-based line and column)."""

    file: str
    line: int | None
    column: int | None
    path: str
    code: str
    message: str
    severity: Severity = "error"

    def as_text(self) -> str:
        """`FILE:LINE:COL: field.path: message`, the form editors and CI logs make clickable."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        label = "" if self.severity == "error" else f"{self.severity}: "
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {label}{self.message}"


def format_path(path: tuple[str | int, ...]) -> str:
    """`indicators[0].observations[1].value`: the field path as a reader of the YAML thinks of it."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def errors_in(problems: list[Problem]) -> list[Problem]:
    """The problems that make a file invalid (warnings do not)."""
    return [p for p in problems if p.severity == "error"]


def to_json(problems: list[Problem]) -> str:
    """All problems as a JSON array, one object per problem, fields as in `Problem`."""
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class Finding:
    """A problem found in the data, before it is located: the field path it is about (pydantic's `loc` or ours)."""

    path: tuple[str | int, ...]
    code: str
    message: str
    severity: Severity = "error"
    about_key: bool = False
    """Point at the key rather than its value (for an unknown field)."""
