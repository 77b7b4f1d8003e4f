"""The field types every entry is built from: a bound is one-sided and a range the right way up."""

from __future__ import annotations

import pytest
from pydantic import ValidationError


def test_a_bound_is_one_sided_and_a_range_the_right_way_up() -> None:
    from situation.model.fields import ValueRange

    assert ValueRange.model_validate({"over": 2000000}).is_bound
    assert ValueRange.model_validate({"high": 40000}).lower is None
    assert not ValueRange.model_validate({"low": 1, "high": 2}).is_bound
    for wrong in ({}, {"low": 1, "over": 2}, {"over": 5, "high": 4}):
        with pytest.raises(ValidationError):
            ValueRange.model_validate(wrong)
