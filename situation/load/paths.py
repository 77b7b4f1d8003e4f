"""Field paths: where in the model a kind of field lives, and where those fields are in a file's data.

The model declares what a field is (a reference to a source, a quote); checks ask for "every path where such
a field can be" instead of keeping their own lists, so a new field is checked the day it is added.
Patterns use `*` for "every item of a list".
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

Pattern = tuple[str, ...]
DataPath = tuple[str | int, ...]


def model_paths(model: type[BaseModel], wanted: Callable[[Any, list[Any]], Any]) -> list[tuple[Pattern, Any]]:
    """Every field path under `model` whose annotation `wanted(annotation, metadata)` picks, with what it returned."""
    found: list[tuple[Pattern, Any]] = []
    _collect(model, (), wanted, found, seen=set())
    return found


def _collect(
    annotation: Any, prefix: Pattern, wanted: Callable[[Any, list[Any]], Any], found: list[tuple[Pattern, Any]], seen: set[Any]
) -> None:
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata.extend(extra)
    picked = wanted(annotation, metadata)
    if picked is not None:
        found.append((prefix, picked))
        return
    origin = typing.get_origin(annotation)
    if origin is list:
        _collect(typing.get_args(annotation)[0], (*prefix, "*"), wanted, found, seen)
    elif origin is not None:  # a union: look into every member
        for member in typing.get_args(annotation):
            _collect(member, prefix, wanted, found, seen)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and (annotation, prefix) not in seen:
        seen.add((annotation, prefix))
        for name, info in annotation.model_fields.items():
            _collect(
                typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation,
                (*prefix, name),
                wanted,
                found,
                seen,
            )


def data_at(data: Any, pattern: Pattern, path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """The values at `pattern` in raw YAML data, with their paths; parts of the wrong shape are passed over."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from data_at(item, rest, (*path, index))
    elif isinstance(data, dict) and head in data:
        yield from data_at(data[head], rest, (*path, head))


def values_at(data: Any, pattern: Pattern) -> list[Any]:
    """The values `data_at` finds, without their paths, one step of the pattern at a time: months of observations
    hold a few hundred thousand references, nearly always fine, and a path is only worth making for one that is not."""
    level = [data]
    for head in pattern:
        if head == "*":
            level = [item for node in level if isinstance(node, list) for item in node]
        else:
            level = [node[head] for node in level if isinstance(node, dict) and head in node]
    return level


def child(node: Any, part: str | int) -> Any:
    """One step along a data path: a mapping's value or a list's item, None where the data has no such part."""
    if isinstance(part, int):
        return node[part] if isinstance(node, list) and 0 <= part < len(node) else None
    return node.get(part) if isinstance(node, dict) else None


def value_at(data: Any, path: DataPath) -> Any:
    """The value at a path found by `data_at`, or None where the data has no such path."""
    for part in path:
        data = child(data, part)
    return data
