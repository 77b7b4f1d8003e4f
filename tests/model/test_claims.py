"""A claim's status follows from who asserts and who denies it, or from how it was settled; it is never written by hand."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from situation.model.claims import Claim, ClaimStatus


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


def test_a_resolved_claim_takes_its_outcome_and_keeps_its_open_status() -> None:
    settled = Claim.model_validate(
        {
            "id": "c",
            "statement": "s",
            "credibility": 3,
            "positions": [
                {"source": "a", "stance": "asserts", "date": "2016-08-08"},
                {"source": "b", "stance": "denies", "date": "2016-08-08"},
            ],
            "resolution": {"outcome": "superseded", "date": "2016-09-04", "note": "The corridor closed again."},
        }
    )
    assert (settled.status, settled.open_status) == (ClaimStatus.SUPERSEDED, ClaimStatus.CONTESTED)
