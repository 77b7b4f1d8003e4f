"""Columns made from codes: each the column pandas makes of the same values given a row at a time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from situation.views.columns import factorize, firsts, heads, spread, text


@pytest.mark.parametrize(
    "rows",
    [
        ["SANA [D]", "CNN [B]", "SANA [D]"],
        ["lower", None, None, "lower"],  # words and gaps: pandas' `str`, a gap missing
        [None, None],  # nothing but gaps: objects, as pandas keeps them
        ["only"],
    ],
)
def test_a_text_column_is_what_pandas_makes_of_its_rows(rows: list[str | None]) -> None:
    codes, distinct = factorize(rows)
    assert [distinct[code] for code in codes] == rows
    pd.testing.assert_series_equal(pd.Series(text(distinct, codes)), pd.Series(rows), check_exact=True)


def test_each_value_is_coded_in_the_order_first_met_and_a_gap_last() -> None:
    codes, distinct = factorize([None, "b", "a", "b"])
    assert (list(codes), distinct) == ([2, 0, 1, 0], ["b", "a", None])
    assert list(firsts(codes, len(distinct))) == [1, 2, 0]


def test_rows_headed_by_their_parents_take_the_parents_values() -> None:
    """Two indicators of 2 and 1 observations, one with no area: its rows have no coordinates (NaN, never 0)."""
    rows = heads([2, 1])
    assert list(rows) == [0, 0, 1]
    pd.testing.assert_series_equal(pd.Series(text(["siege", "water"], rows)), pd.Series(["siege", "siege", "water"]))
    lat = spread([36.2, None], rows, "float64")
    assert lat.dtype == np.float64 and list(lat[:2]) == [36.2, 36.2] and np.isnan(lat[2])
