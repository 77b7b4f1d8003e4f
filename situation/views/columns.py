"""Columns of the derived tables made once per distinct value and spread over the rows by a code per row, in C.

A large file repeats itself: 44,000 observations of 60 indicators carry 60 names and areas, 730 dates and a few
thousand lists of sources. A column of those as a Python list per row made each row cost a Python look-up, a label
joined again, a string read and converted (into pandas' Arrow-backed `str`); here each distinct value is worked out
and converted once and `take` lays them out from an array of codes. The columns come out exactly as pandas infers
them from the lists. A column whose rows seldom repeat (ids, summaries, a value in words) gains nothing from codes
and is handed to pandas as a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

Codes = npt.NDArray[np.intp]
"""Per row, the index of its value among the distinct ones."""


def heads(counts: Sequence[int]) -> Codes:
    """Per row, which of its parents heads it: [2, 1] -> [0, 0, 1] (an indicator's observations, in order)."""
    return np.repeat(np.arange(len(counts), dtype=np.intp), counts)


def factorize(values: Sequence[str | None]) -> tuple[Codes, list[str | None]]:
    """Each value's code and the distinct values, in the order first met (None last); hashed in C (a `str` keeps
    its hash)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    found, uniques = pd.factorize(array)  # None is code -1 here: its own value, after the others
    codes = found.astype(np.intp, copy=False)
    distinct: list[str | None] = list(uniques)
    if (codes < 0).any():
        codes[codes < 0] = len(distinct)
        distinct.append(None)
    return codes, distinct


def firsts(codes: Codes, distinct: int) -> Codes:
    """Per distinct value, the first row that has it: where to read what follows from the value (a date's first day)."""
    rows = np.empty(distinct, dtype=np.intp)
    rows[codes[::-1]] = np.arange(len(codes) - 1, -1, -1, dtype=np.intp)  # the last write wins: the first row
    return rows


def text(distinct: Sequence[object], codes: Codes) -> Any:
    """The column pandas infers from `[distinct[code] for code in codes]`: its `str` (None read as missing), or
    objects when every row is None."""
    column = pd.array(list(distinct), dtype="str").take(codes)
    if len(column) and column.isna().all():
        return [None] * len(column)
    return column


def spread(distinct: Sequence[object], codes: Codes, dtype: str) -> Any:
    """A column of numbers or days from its distinct values (None read as missing)."""
    return np.array(distinct, dtype=dtype)[codes] if len(distinct) else np.array([], dtype=dtype)
