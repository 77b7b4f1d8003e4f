"""The revision flattened: a bound keeps its value empty and its open side empty; windows, people hurt, statements."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from situation.load.loader import load_situation
from situation.model.facts import Situation
from situation.views import tables
from tests.paths import REVISION


@pytest.fixture(scope="module")
def revision() -> Situation:
    situation = load_situation(REVISION).situation
    assert situation is not None
    return situation


def test_a_bound_is_not_a_value(revision: Situation) -> None:
    frame = tables.indicator_table(revision).set_index("indicator")
    water = frame.loc["people-without-water"]
    assert (water["kind"], water["low"], water["bound"], water["value_text"]) == ("bound", 2000000, "lower", "over 2,000,000")
    assert math.isnan(water["value"]) and math.isnan(water["high"])
    displaced = frame.loc["people-displaced-southwest-aleppo"]
    assert (displaced["high"], displaced["bound"]) == (40000, "upper") and math.isnan(displaced["low"])


def test_access_windows_end_the_bar_and_say_ended(revision: Situation) -> None:
    frame = tables.access_table(revision).set_index("route")
    night = frame.loc["east-aleppo-night-passage"]
    assert (night["window"], str(night["end"])) == ("ended", "2016-09-03 00:00:00")
    assert str(night["window_start"]) == "2016-08-29 00:00:00"
    assert (night["hours"], night["open_to"]) == ("19:00–07:00", "civilians")


def test_people_hurt_keep_low_and_high_apart(revision: Situation) -> None:
    events = tables.event_table(revision).set_index("event")
    strike = events.loc["east-aleppo-market-strike"]
    assert (strike["fatalities_low"], strike["injured_low"], strike["injured_high"]) == (12, 30, 30)
    assert pd.isna(strike["fatalities_high"])
    assert pd.isna(strike["fatalities"])  # a bound is not an exact count
    totals = tables.people_hurt_totals(revision)
    assert list(totals["killed"]) == ["at least 12", "up to 100"]


def test_statements_reports_and_resolutions(revision: Situation) -> None:
    statements = tables.statement_table(revision)
    assert list(statements["kind"]) == ["warning", "announcement", "call"]  # by date
    reports = tables.report_table(revision).set_index("report")
    assert reports.loc["ocha-aleppo-2016-09", "facts"] == 4
    claims = tables.claim_positions(revision)
    settled = claims[claims["claim"] == "siege-broken"].iloc[0]
    assert (settled["status"], settled["resolution"], settled["resolved_on"]) == ("superseded", "superseded", "2016-09-04")
    areas = tables.area_table(revision).set_index("area")
    assert (areas.loc["aleppo-governorate", "pcode"], areas.loc["aleppo-governorate", "admin_level"]) == ("SY02", 1)
