"""Dates and values the fields alone allow but a situation cannot hold, read from real files."""

from __future__ import annotations

from situation.load.loader import parse_situation

CLAIM = """
id: claim
title: A claim settled
as_of: 2016-09-05
summary: x
sources: [{{id: un, name: UN, kind: un, reliability: B}}]
claims:
  - id: pause-held
    statement: The pause held.
    credibility: 3
    positions:
{positions}
    resolution: {{outcome: refuted, date: {settled}, note: Fighting resumed.}}
"""


def codes(positions: list[str], settled: str) -> list[str]:
    lines = "\n".join(f"      - {{source: un, stance: asserts, date: {when}}}" for when in positions)
    result = parse_situation(CLAIM.format(positions=lines, settled=settled).encode(), "claim.yaml")
    return [p.code.value for p in result.problems]


def test_a_claim_settled_before_anyone_made_it_is_refused() -> None:
    assert codes(["2016-03-01"], "2016-02") == ["resolved-before-claimed"]
    assert codes(["2016-03-01", "2016-spring"], "2016-02-28") == ["resolved-before-claimed"]


def test_a_claim_dated_to_a_year_may_be_settled_early_in_that_year() -> None:
    """'Said in 2016' may be January: a resolution in February can follow it, whatever a later position's day."""
    assert codes(["2016", "2016-03-01"], "2016-02") == []
    assert codes(["2016-03-01", "2016"], "2016-01-15") == []
    assert codes(["2016"], "2016-01") == []
