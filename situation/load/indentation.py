"""Indentation mistakes in a writer's words: which line is off, how deep it is, and how deep it should be.

libyaml reports a key or a '-' one space out of line as "did not find expected '-' indicator (while parsing a
block collection at line 119)" or "mapping values are not allowed in this context", at a mark that may be the
colon of the line. What a writer needs is the line, its indentation, and the indentation of the list items or
keys above it that it was meant to line up with. We read those off the text above the line, as a reader's eye
does: each line that is less indented than everything below it opens a level (a list at its '-', a mapping at
its first key). When the line's indentation is one of those levels of its own kind, indentation is not the
mistake, and the caller keeps libyaml's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"""(?:"[^"]*"|'[^']*'|[^\s#'"{\[][^#]*?):(?:\s|$)""")
"""A line that starts with a key: plain or quoted text, then ': ' or ':' at the end of the line."""


@dataclass(frozen=True)
class Level:
    """A list or a mapping open above a line: where its items or keys start (0-based) and the line that shows it."""

    column: int
    line: int
    is_list: bool


def explain_indentation(text: str, line: int) -> tuple[int, str] | None:
    """For a syntax error on `line` (1-based): the column of the line's first character (1-based) and what is wrong
    with its indentation, or None when its indentation is not the mistake."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    indent, rest = _split(lines[line - 1])
    if rest.startswith("\t"):
        return indent + 1, "this line is indented with a tab; YAML indents with spaces only — replace the tab with spaces"
    if not rest or rest.startswith("#"):
        return None
    is_item = _is_item(rest)
    levels = levels_above(lines, line)
    if rest[0] == "-" and not is_item and any(lvl.is_list and lvl.column == indent for lvl in levels):
        return indent + 1, f"'-' starts a list item only when a space follows it: write '- {rest[1:]}'"
    if not is_item and not _KEY.match(rest):
        return None
    same_kind = [lvl for lvl in levels if lvl.is_list == is_item]
    if not same_kind or any(lvl.column == indent for lvl in same_kind):
        return None
    nearest = min(same_kind, key=lambda lvl: (abs(lvl.column - indent), -lvl.column))
    said = f"this line is indented {_spaces(indent)}; "
    if is_item:
        said += f"the items of the list above (line {nearest.line}) are indented {nearest.column} — line up '-' with them"
    else:
        said += f"the keys of the mapping above (line {nearest.line}) are indented {nearest.column} — line it up with them"
    return indent + 1, said


def levels_above(lines: list[str], line: int) -> list[Level]:
    """The lists and mappings still open just above `line` (1-based), innermost first."""
    levels: dict[int, Level] = {}
    limit: int | None = None
    for number in range(line - 1, 0, -1):
        indent, rest = _split(lines[number - 1])
        if not rest or rest.startswith("#") or (limit is not None and indent >= limit):
            continue
        column = indent
        while _is_item(rest):  # '- - key: x' opens a list at each '-', then a mapping at the key
            if column not in levels and (limit is None or column < limit):
                levels[column] = Level(column, number, is_list=True)
            after = rest[1:]
            column += 1 + len(after) - len(after.lstrip(" "))
            rest = after.lstrip(" ")
        if _KEY.match(rest) and column not in levels and (limit is None or column < limit):
            levels[column] = Level(column, number, is_list=False)
        limit = indent
        if indent == 0:
            break
    return sorted(levels.values(), key=lambda lvl: -lvl.column)


def _split(text: str) -> tuple[int, str]:
    rest = text.lstrip(" ")
    return len(text) - len(rest), rest.rstrip()


def _is_item(rest: str) -> bool:
    return rest == "-" or rest.startswith(("- ", "-\t"))


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"
