"""The project's one error type, and the two ways it is written out (text for people, JSON for machines).

Errors are values: the reader, the validator and the checks return lists of `Problem`, and only the edge
(CLI, dashboard) turns them into text. Each carries its location as fields, not only inside the sentence,
so tests compare `(line, column, code)` and the app can sort, count and show them. Its code is one of
`situation.load.codes.Code`, which also decides whether it is an error or a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from situation.load.codes import Code, Level
from situation.load.paths import child
from situation.model.fields import ID_PATTERN

_ID = re.compile(ID_PATTERN)

MAX_MESSAGE_CHARS = 400
"""A message longer than this is cut: a file must not fill a terminal or a banner by its own text (a 1 MB key)."""
MAX_QUOTED_CHARS = 60
"""How much of one value or key a message quotes."""
_INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
"""Bidirectional controls and other invisible format characters: a right-to-left override (U+202E) in a key makes a
terminal show the rest of the line backwards, so a message could read as something else."""
_CONTROL = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029{_INVISIBLE}]")
_UNPRINTABLE = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_INVISIBLE}]")
"""As `_CONTROL`, less the tab and the newline that a report's own lines are made of."""


def one_line(text: str, limit: int = MAX_QUOTED_CHARS) -> str:
    """Text from a file as a message may show it: control characters and newlines escaped (`\\n`), cut at `limit`.

    A key holding a newline must not start a line of output that reads like another error, and a huge value must not
    be echoed whole: every value, key and path a message quotes goes through here, and `Problem` applies it again
    to its own fields.
    """
    escaped = _CONTROL.sub(_escaped, text[: limit * 4 + 8])
    return escaped if len(escaped) <= limit else escaped[: max(limit - 1, 1)] + "…"


def printable(text: str, *, json_document: bool = False) -> str:
    """A report as a terminal may print it: control, bidirectional and invisible characters escaped (`\\u202e`), its
    lines and tabs kept. The CLI passes everything it says through here, file names and titles included. A JSON
    document gets JSON's own escapes (the same document once parsed; JSON escapes the rest itself)."""
    return _UNPRINTABLE.sub(_json_escaped if json_document else _escaped, text)


def _escaped(character: re.Match[str]) -> str:
    return character.group().encode("unicode_escape").decode("ascii")


def _json_escaped(character: re.Match[str]) -> str:
    return f"\\u{ord(character.group()):04x}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located at the YAML node it is about (1-based line and column)."""

    file: str
    line: int | None
    column: int | None
    path: str
    code: Code
    message: str

    def __post_init__(self) -> None:
        # Once here, for every problem from every check: whatever a file put in a path or message stays one short line.
        for name, limit in (("file", MAX_MESSAGE_CHARS), ("path", MAX_MESSAGE_CHARS), ("message", MAX_MESSAGE_CHARS)):
            value = getattr(self, name)
            cleaned = one_line(value, limit)
            if cleaned != value:
                object.__setattr__(self, name, cleaned)

    @classmethod
    def about_file(cls, file: str, code: Code, message: str) -> Problem:
        """A problem with the file as a whole (missing, unreadable, too large): no line, column or field."""
        return cls(file, None, None, "", code, message)

    @property
    def severity(self) -> Level:
        return self.code.level

    def as_dict(self) -> dict[str, Any]:
        """The fields as JSON writes them; `code` as its text, `severity` spelled out for machines."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code.value,
            "message": self.message,
            "severity": self.severity,
        }

    def as_text(self) -> str:
        """`FILE:LINE:COL: field.path: message`, the form editors and CI logs make clickable."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        label = "" if self.severity == "error" else f"{self.severity}: "
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {label}{self.message}"


def format_path(path: tuple[str | int, ...], data: Any = None) -> str:
    """`indicators[people-under-siege].observations[1].value`: the field path as a reader of the YAML thinks of it.

    A list item is named by its `id` when `data` (the file's data the path runs through) gives it one that no other
    item of its list has: a writer finds `[people-under-siege]` in the file at a glance, and it does not shift
    when an item is added above. Items without an id keep their index.
    """
    text, node = "", data
    for part in path:
        if isinstance(part, int):
            text += f"[{_item_name(node, part)}]"
        else:
            key = one_line(str(part))
            text += f".{key}" if text else key
        node = child(node, part)
    return text


def _item_name(items: Any, index: int) -> str:
    if not isinstance(items, list) or not 0 <= index < len(items) or not isinstance(items[index], dict):
        return str(index)
    name = items[index].get("id")
    if not isinstance(name, str) or not _ID.match(name):
        return str(index)
    if sum(isinstance(item, dict) and item.get("id") == name for item in items) > 1:
        return str(index)  # a duplicate id names no one item
    return name


def errors_in(problems: list[Problem]) -> list[Problem]:
    """The problems that make a file invalid (warnings do not)."""
    return [p for p in problems if p.severity == "error"]


@dataclass(frozen=True)
class Finding:
    """A problem found in the data, before it is located: the field path it is about (pydantic's `loc` or ours)."""

    path: tuple[str | int, ...]
    code: Code
    message: str
    about_key: bool = False
    """Point at the key rather than its value (for an unknown field)."""
