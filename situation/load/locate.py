"""Find the YAML node a field path points at, so an error can name its line and column.

Pydantic's `loc` is almost a path into the data, but it also holds union tags (`value.range.high`) and names
of keys that are missing. We walk the data along it, skip what is not in the data, and stop at the deepest
node that exists: the missing key's mapping, or the key itself for an unknown key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from situation.load.reader import Mark, Positions


@dataclass(frozen=True)
class Located:
    """Where a path ends in the data: the mark of the value and, when reached through a mapping, of its key."""

    path: tuple[str | int, ...]
    value_mark: Mark
    key_mark: Mark | None
    reached_end: bool
    """False when the last part of the path is not in the data (a missing key)."""


def locate(data: Any, positions: Positions, loc: Sequence[str | int]) -> Located:
    """Follow `loc` through the data as far as it goes."""
    node, path = data, []
    value_mark, key_mark = positions.root, None
    reached = True
    for part in loc:
        marks = positions.children.get(id(node))
        if isinstance(node, dict) and isinstance(part, str) and part in node and isinstance(marks, dict):
            key_mark, value_mark = marks[part]
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node) and isinstance(marks, list):
            key_mark, value_mark = None, marks[part]
            node = node[part]
        else:
            reached = False
            continue  # a union tag, or a key that is not there
        path.append(part)
        reached = True
    return Located(tuple(path), value_mark, key_mark, reached)
