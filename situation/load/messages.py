"""Pydantic's validation errors, said in plain words: "expected X, found Y", and "did you mean …" for a typo.

Each error gets a stable code (`unknown-field`, `wrong-type`, …, declared in `situation.load.codes`) that tests
and machines can rely on; the sentence is for people and may improve without breaking them.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from situation.load.codes import Code
from situation.load.problems import one_line
from situation.model.places import PCODE_PATTERN
from situation.model.tracked import HXL_TAG_PATTERN

_CODES: dict[str, Code] = {
    "missing": Code.MISSING_FIELD,
    "extra_forbidden": Code.UNKNOWN_FIELD,
    "enum": Code.NOT_ALLOWED,
    "literal_error": Code.NOT_ALLOWED,
    "severity_kind": Code.NOT_ALLOWED,
    "too_short": Code.TOO_FEW_ITEMS,
    "date_value": Code.INVALID_DATE,
    "date_format": Code.INVALID_DATE,
    "date_precision": Code.INVALID_DATE,
    "date_type": Code.INVALID_DATE,
    "date_range": Code.DATE_OUT_OF_RANGE,
}
_WRONG_TYPE = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "number_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a mapping (lines of 'key: value')",
    "model_attributes_type": "a mapping (lines of 'key: value')",
    "dict_type": "a mapping (lines of 'key: value')",
    "value_kind": "a number, a range such as {low: 250000, high: 275000}, a bound such as {over: 2000000} or {high: 40000}, "
    "or null for unknown",
    "summary_kind": "text, or a list of dated summaries (- {date: 2016-09-05, text: …})",
    "grade_type": "a grade number",
}


@dataclass(frozen=True)
class Wording:
    """What a validation error says, and whether it is about a key (unknown field) rather than a value."""

    code: Code
    message: str
    about_key: bool = False


def describe(value: Any) -> str:
    """How a found value reads in a message: the text 'abc', the number 12, true, null, a list."""
    if value is None:
        return "null (nothing)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and value.bit_length() > 128:  # str() of a 4,300-digit int raises; nobody reads it anyway
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    if isinstance(value, (int, float)):
        return f"the number {one_line(str(value), 40)}"
    if isinstance(value, str):
        return f"the text '{one_line(value, 40)}'" if value else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def expected(what: str, found: Any) -> str:
    """'expected a number, found the text 'abc'': the one voice of every wrong-value message, model or HXL."""
    return f"expected {what}, found {describe(found)}"


MAX_CANDIDATES = 100
"""'Did you mean' compares a word with at most this many names: half those next to it in sorted order (a typo late in
a p-code or an id keeps its start), half those next to it sorted by their ends (a typo early on keeps the rest).
1,000 p-codes missing from 5,000 features took 28 s compared with every one."""
MAX_SUGGESTED = 100
"""Words one check of one file looks up for 'did you mean'; past them, a finding says what is wrong without a guess
(a report lists only the first `situation.load.loader.MAX_PROBLEMS` anyway)."""


def did_you_mean(word: str, options: typing.Iterable[str]) -> str:
    """' (did you mean 'sources'?)' when a close option exists, else ''."""
    names = list(options)
    return _closest(word, names if len(names) <= MAX_CANDIDATES else Suggestions(names).near(word))


def _closest(word: str, names: list[str]) -> str:
    if len(word) > 200:  # difflib is quadratic: a megabyte-long key is surely no typo of a field name
        return ""
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    close = close or [o for o in sorted(names) if word and o.startswith(word)][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


class Suggestions:
    """'Did you mean' for one check of one file: its names sorted once (by their starts and by their ends), and at most
    MAX_SUGGESTED words looked up."""

    def __init__(self, names: typing.Iterable[str]) -> None:
        self._names = sorted(set(names))
        self._ends = sorted(name[::-1] for name in self._names)
        self._left = MAX_SUGGESTED

    def near(self, word: str) -> list[str]:
        """The names a word is compared with: all of them when few, else those nearest by start and by end."""
        if len(self._names) <= MAX_CANDIDATES:
            return self._names
        half = MAX_CANDIDATES // 2
        by_start = _around(self._names, word, half)
        by_end = [name[::-1] for name in _around(self._ends, word[::-1], half)]
        return list(dict.fromkeys(by_start + by_end))

    def __call__(self, word: str) -> str:
        if self._left <= 0:
            return ""
        self._left -= 1
        return _closest(word, self.near(word))


def _around(names: list[str], word: str, count: int) -> list[str]:
    """The `count` names around where `word` would sort among `names` (sorted)."""
    start = min(max(0, bisect.bisect_left(names, word) - count // 2), max(0, len(names) - count))
    return names[start : start + count]


def word_error(error: ErrorDetails, root_model: type[BaseModel]) -> Wording:
    """Plain words for one pydantic error."""
    kind, loc, found = error["type"], error["loc"], error.get("input")
    ctx = error.get("ctx") or {}
    code = _CODES.get(kind, Code.WRONG_TYPE if kind in _WRONG_TYPE else Code.INVALID_VALUE)
    if kind == "missing":
        return Wording(code, f"required field '{loc[-1]}' is missing")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        fields = fields_at(root_model, loc[:-1])
        hint = did_you_mean(name, fields) or _belongs_elsewhere(root_model, loc, name)
        return Wording(code, f"unknown field '{one_line(name)}'{hint}", about_key=True)
    if kind in ("enum", "literal_error"):
        options = re.findall(r"'([^']*)'", ctx.get("expected", "")) or re.findall(r"\d+", ctx.get("expected", ""))
        hint = did_you_mean(str(found), options) if isinstance(found, str) else ""
        return Wording(code, f"expected one of {ctx.get('expected')}, found {describe(found)}{hint}")
    if kind in _WRONG_TYPE:
        return Wording(code, expected(_WRONG_TYPE[kind], found) + _type_hint(kind, found))
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == PCODE_PATTERN:
        return Wording(code, f"{describe(found)} is not a p-code: the country's ISO code in capitals, then digits (SY02, SY0200)")
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == HXL_TAG_PATTERN:
        return Wording(
            code, f"{describe(found)} is not an HXL hashtag: '#', lower-case letters, then +attributes (#affected+idps)"
        )
    if kind == "string_pattern_mismatch":
        return Wording(code, f"{describe(found)} is not a valid id: use lower-case letters, digits, '-' and '_'")
    if kind == "string_too_short":
        return Wording(code, "must not be empty")
    if kind == "string_too_long":
        return Wording(code, f"is too long: {len(str(found))} characters, at most {ctx.get('max_length')}")
    if kind == "too_short":
        return Wording(code, f"needs at least {ctx.get('min_length')} item(s), found {ctx.get('actual_length')}")
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = "at least" if kind == "greater_than_equal" else "at most"
        limit = ctx.get("ge", ctx.get("le"))
        return Wording(code, f"must be {bound} {limit}, found {describe(found)}")
    message = error["msg"].removeprefix("Value error, ")
    if kind in ("severity_kind", "number_range"):
        message += f", found {describe(found)}"
    return Wording(code, message[:1].lower() + message[1:])


def _belongs_elsewhere(root_model: type[BaseModel], loc: typing.Sequence[str | int], name: str) -> str:
    """' (it belongs one level up, beside 'value')' or ' (the model has it in events[*].injured)': where it goes."""
    parent = [p for p in loc[:-1] if not (isinstance(p, str) and p in _UNION_TAGS)]
    if len(parent) >= 1 and name in fields_at(root_model, parent[:-1]):
        return f" (it belongs one level up, beside '{parent[-1]}')"
    places = dict.fromkeys(".".join(pattern).replace(".*", "[]") for pattern in _field_places(root_model).get(name, []))
    return f" (the model has '{name}' in {', '.join(list(places)[:3])})" if places else ""


_UNION_TAGS = {"number", "range", "unknown", "count", "text", "dated", "level", "no-level"}
"""Tags of the model's unions that pydantic puts in an error's `loc`; they are not in the data."""


@functools.cache
def _field_places(model: type[BaseModel]) -> dict[str, list[tuple[str, ...]]]:
    """Every field name of the model, with the paths where it lives (`events.*.injured`); worked out once per model
    (walking the model for each unknown key cost 1.6 ms a key: 20,000 unknown keys took 32 s)."""
    from situation.load.paths import model_paths

    places: dict[str, list[tuple[str, ...]]] = {}
    for pattern, _ in model_paths(model, lambda annotation, _m: True if not _is_model(annotation) else None):
        if pattern and pattern[-1] != "*":
            places.setdefault(pattern[-1], []).append(pattern)
    return places


def _is_model(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list or origin in (typing.Union, types.UnionType):
        return True  # look inside
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _type_hint(kind: str, found: Any) -> str:
    if kind == "string_type" and isinstance(found, (int, float, bool)):
        return " (put it in quotes to keep it as text)"
    if kind == "bool_type" and isinstance(found, str) and found.lower() in ("yes", "no", "on", "off", "y", "n"):
        return " (YAML 1.2 reads yes/no/on/off as text: write true or false)"
    if kind in ("number_type", "value_kind") and isinstance(found, str) and re.fullmatch(r"[\d,. ]+", found):
        return " (write numbers without separators or quotes, e.g. 250000)"
    return ""


def fields_at(model: type[BaseModel], loc: typing.Sequence[str | int]) -> list[str]:
    """The field names allowed in the mapping at `loc`, for 'did you mean'."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, want_list=isinstance(part, int))
        if isinstance(part, int) and typing.get_origin(current) is list:
            current = typing.get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[str(part)].annotation
    current = _unwrap(current, want_list=False)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _unwrap(annotation: Any, *, want_list: bool) -> Any:
    """Strip Annotated and Optional/Union down to the model (or list) inside."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [_unwrap(m, want_list=want_list) for m in typing.get_args(annotation)]
            wanted = [m for m in members if (typing.get_origin(m) is list) == want_list and m is not type(None)]
            return wanted[0] if wanted else annotation
        else:
            return annotation
