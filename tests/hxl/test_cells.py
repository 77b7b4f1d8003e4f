"""Cells read without guessing (dates in the forms real HXL files use, numbers with separators, 'no figure' marks), and
written so no spreadsheet runs them."""

from __future__ import annotations

import pytest

from situation.hxl.cells import neutralised, parse_number, read_date, slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-08-06", "2016-08-06"),
        ("2016-07", "2016-07"),
        ("2016", "2016"),
        ("1 March 2015", "2015-03-01"),
        ("March 2015", "2015-03"),
    ],
)
def test_dates_are_read_without_guessing(text: str, expected: str) -> None:
    assert read_date(text).text == expected


@pytest.mark.parametrize("text", ["03/04/2015", "Septembre 2012", "2016-13", "soon"])
def test_unclear_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"2016|YYYY"):
        read_date(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234", 1234), ("250 000", 250000), ("2.5", 2.5), ("-3", -3), ("1,234.5", 1234.5)],
)
def test_numbers_are_read_with_their_separators(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,23", "nan", "inf", "12 people"])
def test_what_is_not_a_finite_number_is_none_not_zero(text: str) -> None:
    assert parse_number(text) is None


def test_ids_are_made_from_names_in_any_script() -> None:
    assert slug("Chocó", "x") == "choco"
    assert slug("GN08", "x") == "gn08"
    assert slug("حلب", "area-1") == "area-1"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_neutralised_prefixes_a_single_quote(text: str) -> None:
    assert neutralised(text) == "'" + text
    assert neutralised("250,000 people") == "250,000 people"
