"""JSON text read within budgets, and every refusal located: a boundary file is text anyone who commits may write.

Python's `json` builds whatever a text holds, recurses once per level of nesting (a file of 100,000 `[` ends in
RecursionError) and hands a 5,000-digit integer to `int`, which refuses it with a ValueError. So before `json.loads`
runs: the values the text can hold are counted (every value but the first in a list or object follows a comma), which
bounds what the parse builds; and one pass over the bytes, outside strings, measures nesting and the length of each
number, so the parse can neither recurse deeply nor meet a number Python will not read. The pass uses numpy, 1 MiB
at a time, so a 64 MiB file is checked in a fraction of a second and a few MiB of memory.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

MAX_DEPTH = 32
"""Deepest nesting of lists and objects read; GeoJSON needs 8 (collection, feature, geometry, polygon, ring, position)."""
MAX_NUMBER_CHARS = 40
"""Longest number read, in characters; a coordinate needs about 20 (`-179.123456789012345`)."""
MAX_VALUES = 2_000_000
"""Most values (numbers, texts, lists, objects) read from one text, which bounds what the parse builds (~100 bytes a
value): a boundary file at the position budget (`situation.load.boundaries.MAX_BOUNDARY_POSITIONS`, half a million
positions, each a list of two numbers) holds about 1.5 million."""

_CHUNK = 1 << 20
_MARKS = bytes(1 if c in b"[{" else 2 if c in b"]}" else 3 if c == ord('"') else 0 for c in range(256))
"""bytes.translate table: an opening bracket 1, a closing one 2, a quote 3, anything else 0."""
_DIGITS = bytes(ord("1") if c in b"0123456789+-.eE" else ord("0") for c in range(256))
"""bytes.translate table: a byte a JSON number may hold becomes '1', any other '0' (runs found with bytes.find)."""
_LONG = b"1" * (MAX_NUMBER_CHARS + 1)


class JsonRefused(ValueError):
    """Text that is not read as JSON: what is wrong, and where (1-based line and column; None for the text as a whole)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}" if self.line is not None else self.message


def read_json(raw: bytes) -> Any:
    """The JSON value of `raw` (UTF-8, a byte-order mark allowed), or `JsonRefused` saying where and why."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _located(raw, error.start, "it is not UTF-8 text (save it as UTF-8)") from None
    values = raw.count(b",") + raw.count(b"[") + raw.count(b"{") + 1
    if values > MAX_VALUES:
        raise JsonRefused(f"it holds about {values:,} values (numbers, texts, lists); at most {MAX_VALUES:,} are read")
    _check_depth_and_numbers(raw)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonRefused(error.msg.lower(), error.lineno, error.colno) from None


def _check_depth_and_numbers(raw: bytes) -> None:
    """Refuse, at its place, the first bracket that nests deeper than MAX_DEPTH and the first number longer than
    MAX_NUMBER_CHARS, looking only outside strings.

    Measured on a 44 MB file of positions: 0.25 s (a regular expression for long numbers alone took 0.8 s).
    """
    # An escaped backslash or quote cannot start or end a string; with both made two plain bytes (the length kept),
    # every quote left opens or closes one, so a byte is inside a string when an odd number of quotes come before it.
    text = raw.replace(b"\\\\", b"__").replace(b'\\"', b"__")
    depth, in_string, run = 0, 0, 0
    for start in range(0, len(text), _CHUNK):
        piece = text[start : start + _CHUNK]
        codes = np.frombuffer(piece.translate(_MARKS), dtype=np.uint8)
        marks = np.flatnonzero(codes)
        kinds = codes[marks]
        is_quote = kinds == 3
        quote_at = marks[is_quote]
        quotes_so_far = np.cumsum(is_quote) + in_string
        outside = ~is_quote & (quotes_so_far & 1 == 0)
        digits = piece.translate(_DIGITS)
        leading = digits.find(b"0") if b"0" in digits else len(digits)
        if run and leading and run + leading > MAX_NUMBER_CHARS:  # a number across the chunks' border (no quote in it)
            raise _located(raw, start - run, _TOO_LONG)
        refusals = []
        brackets = marks[outside]
        if brackets.size:
            levels = depth + np.cumsum(np.where(kinds[outside] == 1, 1, -1))
            deep = np.flatnonzero(levels > MAX_DEPTH)
            if deep.size:
                refusals.append((int(brackets[deep[0]]), f"lists and objects nest deeper than {MAX_DEPTH} levels"))
            depth = int(levels[-1])
        found = _long_number_outside(digits, quote_at, in_string)
        if found is not None:
            refusals.append((found, _TOO_LONG))
        if refusals:
            at, message = min(refusals)
            raise _located(raw, start + at, message)
        in_string = int(quotes_so_far[-1] & 1) if marks.size else in_string
        trailing = 0 if in_string else len(digits) - (digits.rfind(b"0") + 1)  # a run holds no quote: one parity
        run = run + trailing if trailing == len(digits) else trailing


_TOO_LONG = f"a number of more than {MAX_NUMBER_CHARS} characters is not read"


def _long_number_outside(digits: bytes, quote_at: np.ndarray, in_string: int) -> int | None:
    """Where the first run of number bytes longer than MAX_NUMBER_CHARS starts outside strings in a chunk, or None."""
    at = digits.find(_LONG)
    if at == -1 or (np.searchsorted(quote_at, at) + in_string) % 2 == 0:
        return None if at == -1 else at
    # The run is inside a string (an id of many digits): blank every string of the chunk and look again.
    toggles = np.zeros(len(digits), dtype=np.uint8)
    toggles[quote_at] = 1
    inside = ((np.cumsum(toggles, dtype=np.uint8) + in_string) & 1).astype(bool)
    blanked = np.frombuffer(digits, dtype=np.uint8).copy()
    blanked[inside] = ord("0")
    at = blanked.tobytes().find(_LONG)
    return None if at == -1 else at


def _located(raw: bytes, offset: int, message: str) -> JsonRefused:
    """`message` at byte `offset` of `raw`, as line and column (columns in characters, as an editor counts them)."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace").lstrip("\ufeff")) + 1
    return JsonRefused(message, raw.count(b"\n", 0, offset) + 1, column)
