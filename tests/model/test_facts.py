"""What the model derives and how it reads dates, checked on small hand-made values."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from situation.model.dates import PartialDate
from situation.model.facts import Claim, ClaimStatus


def claim(*positions: tuple[str, str]) -> Claim:
    return Claim.model_validate(
        {
            "id": "c",
            "statement": "Something happened.",
            "credibility": 6,
            "positions": [{"source": s, "stance": stance, "date": "2016-08-08"} for s, stance in positions],
        }
    )


def test_claim_status_follows_from_who_says_what() -> None:
    assert claim(("a", "asserts")).status is ClaimStatus.REPORTED
    assert claim(("a", "asserts"), ("a", "asserts")).status is ClaimStatus.REPORTED  # the same source twice
    assert claim(("a", "asserts"), ("b", "asserts")).status is ClaimStatus.CORROBORATED
    assert claim(("a", "asserts"), ("b", "asserts"), ("c", "denies")).status is ClaimStatus.CONTESTED


def test_a_claim_status_cannot_be_written_by_hand() -> None:
    with pytest.raises(ValidationError, match="status"):
        Claim.model_validate({"id": "c", "statement": "s", "credibility": 6, "status": "corroborated", "positions": []})


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2016-08-06", date(2016, 8, 6), date(2016, 8, 6), "6 Aug 2016"),
        ("2016-07", date(2016, 7, 1), date(2016, 7, 31), "Jul 2016"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "Feb 2016"),
        ("2016-spring", date(2016, 3, 1), date(2016, 5, 31), "spring 2016"),
        ("2016-winter", date(2016, 12, 1), date(2017, 2, 28), "winter 2016"),
        (2016, date(2016, 1, 1), date(2016, 12, 31), "2016"),
    ],
)
def test_partial_dates_keep_their_precision(text: str | int, start: date, end: date, label: str) -> None:
    parsed = PartialDate.parse(text)
    assert (parsed.start, parsed.end, parsed.label()) == (start, end, label)
