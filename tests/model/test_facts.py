"""What the model derives (claim status, fact keys and titles) and how it reads dates, on hand-made values and the seed."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from situation.model.claims import Claim, ClaimStatus
from situation.model.dates import PartialDate
from situation.model.tracked import Shortage
from tests.loaded import loaded_seed


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


def test_every_fact_of_the_seed_has_a_key_of_its_own() -> None:
    situation = loaded_seed()
    facts = [*situation.sources, *situation.areas, *situation.indicators, *situation.shortages, *situation.access]
    keys = [fact.key for fact in [*facts, *situation.claims, *situation.events]]
    assert len(keys) == len(set(keys)) == 10 + 6 + 4 + 5 + 3 + 4 + 7
    assert "indicator:people-under-siege" in keys and "route:east-aleppo-supply-lines" in keys
    assert "shortage:east-aleppo:food" in keys and "shortage:west-aleppo:food" in keys  # one commodity, two areas


def test_titles_read_as_on_the_cards() -> None:
    situation = loaded_seed()
    by_key = {fact.key: fact for fact in [*situation.areas, *situation.indicators, *situation.shortages, *situation.access]}
    assert situation.title_of(by_key["indicator:people-under-siege"]) == "People under siege"
    assert situation.title_of(by_key["shortage:east-aleppo:food"]) == "Food shortage · Eastern Aleppo"
    assert situation.title_of(by_key["shortage:west-aleppo:cooking_gas"]) == "Cooking gas shortage · Western Aleppo"
    assert situation.title_of(by_key["route:east-aleppo-supply-lines"]) == "Supply lines into eastern Aleppo"
    assert situation.title_of(by_key["area:east-aleppo"]) == "Eastern Aleppo"
    assert by_key["area:east-aleppo"].status_title == "Eastern Aleppo status"


def test_a_shortage_is_keyed_by_its_area_and_commodity() -> None:
    shortage = Shortage.model_validate(
        {
            "area": "idlib-city",
            "commodity": "cooking_gas",
            "observations": [{"date": "2016-08", "severity": 3, "sources": ["un"], "credibility": 2}],
        }
    )
    assert (shortage.key, shortage.title) == ("shortage:idlib-city:cooking_gas", "Cooking gas shortage")


def test_a_bound_is_one_sided_and_a_range_the_right_way_up() -> None:
    from situation.model.fields import ValueRange

    assert ValueRange.model_validate({"over": 2000000}).is_bound
    assert ValueRange.model_validate({"high": 40000}).lower is None
    assert not ValueRange.model_validate({"low": 1, "high": 2}).is_bound
    for wrong in ({}, {"low": 1, "over": 2}, {"over": 5, "high": 4}):
        with pytest.raises(ValidationError):
            ValueRange.model_validate(wrong)


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


def test_people_hurt_take_every_value_shape() -> None:
    from situation.model.events import Event
    from situation.model.fields import Count, ValueRange

    base = {"id": "e", "date": "2016-08-27", "area": "a", "type": "battles", "sub_type": "armed_clash", "summary": "s"}
    event = Event.model_validate(
        {
            **base,
            "sources": ["x"],
            "credibility": 3,
            "fatalities": {"low": 12},
            "injured": {"value": 30, "approximate": True},
            "missing": None,
        }
    )
    assert isinstance(event.fatalities, ValueRange) and event.fatalities.low == 12
    assert event.injured == Count(value=30, approximate=True)
    assert list(event.hurt()) == ["fatalities", "injured", "missing"]  # missing given as null: unknown, not absent
    assert Event.model_validate({**base, "sources": ["x"], "credibility": 3}).hurt() == {}
