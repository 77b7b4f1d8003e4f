"""The derived tables of the seed: one row per observation, each carrying its sources as labels, ids and grades."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from types import FrameType

import pandas as pd
import pytest

from situation.load.loader import load_situation
from situation.model.facts import Situation
from situation.model.fields import ValueRange
from situation.views import tables
from situation.views.attribution import quotes
from situation.views.cards import overview_cards
from situation.views.history import ages
from tests.loaded import loaded_seed
from tests.paths import REVISION
from tests.scaled import scaled_seed


def with_range(situation: Situation, value: ValueRange | None = None) -> Situation:
    """The seed with people under siege given as a range, as sitreps often do."""
    siege = situation.indicators[0]
    observation = siege.observations[-1].model_copy(update={"value": value or ValueRange(low=250000, high=275000)})
    return situation.model_copy(update={"indicators": [siege.model_copy(update={"observations": [observation]})]})


def test_every_observation_is_one_row_in_the_models_order() -> None:
    situation = loaded_seed()
    indicators = tables.indicator_table(situation)
    assert list(indicators["indicator"]) == [i.id for i in situation.indicators for _ in i.observations]
    assert len(tables.shortage_table(situation)) == sum(len(s.observations) for s in situation.shortages) == 5
    assert list(tables.event_table(situation)["event"]) == [e.id for e in situation.events]
    assert len(tables.claim_positions(situation)) == sum(len(c.positions) for c in situation.claims)


def test_a_row_carries_who_says_so_as_a_label_as_ids_and_as_grades() -> None:
    events = tables.event_table(loaded_seed()).set_index("event")
    phosphorus = events.loc["idlib-phosphorus"]
    assert phosphorus["sources"] == "Idlib Civil Defence (White Helmets) [C]; Sputnik [D]"
    assert (phosphorus["source_ids"], phosphorus["reliability"]) == ("idlib-civil-defence; sputnik", "C; D")
    assert (phosphorus["area_name"], phosphorus["lat"], phosphorus["lon"]) == ("Idlib city", 35.93, 36.63)


def test_an_unknown_value_is_empty_never_zero() -> None:
    indicators = tables.indicator_table(loaded_seed()).set_index("indicator")
    trucks = indicators.loc["supply-trucks-west-aleppo"]
    assert (trucks["kind"], trucks["value_text"]) == ("unknown", "unknown")
    assert trucks[["value", "low", "high"]].isna().all()
    siege = indicators.loc["people-under-siege"]
    assert (siege["kind"], siege["value"], siege["value_text"], siege["approximate"]) == ("number", 250000, "about 250,000", True)


def test_a_range_is_plotted_at_its_midpoint_with_its_ends() -> None:
    row = tables.indicator_table(with_range(loaded_seed())).iloc[0]
    assert (row["kind"], row["low"], row["high"], row["value"]) == ("range", 250000, 275000, 262500)
    assert row["value_text"] == "about 250,000–275,000"


def test_over_one_figure_and_up_to_another_is_a_range_from_its_floor() -> None:
    row = tables.indicator_table(with_range(loaded_seed(), ValueRange(over=2_000_000, high=3_000_000))).iloc[0]
    assert (row["kind"], row["low"], row["high"], row["value"]) == ("range", 2_000_000, 3_000_000, 2_500_000)
    assert row["value_text"] == "over about 2,000,000, up to about 3,000,000"


def test_insufficient_evidence_has_no_severity_but_says_so() -> None:
    shortages = tables.shortage_table(loaded_seed())
    west_food = shortages[(shortages["area"] == "west-aleppo") & (shortages["commodity"] == "food")].iloc[0]
    assert west_food["severity"] is pd.NA
    assert west_food["severity_label"] == "Insufficient evidence"


def test_a_route_status_lasts_until_the_next_one_or_the_day_after_the_situation() -> None:
    access = tables.access_table(loaded_seed())
    corridor = access[access["route"] == "east-aleppo-corridor"]
    assert list(corridor["status"]) == ["closed", "fragile", "fragile"]
    assert [str(d.date()) for d in corridor["end"]] == ["2016-08-06", "2016-08-08", "2016-08-09"]
    assert set(corridor["to_area_name"]) == {"Eastern Aleppo"}


def test_areas_show_their_latest_status_and_sources_counts_what_rests_on_each() -> None:
    situation = loaded_seed()
    areas = tables.area_table(situation).set_index("area")
    assert (areas.loc["east-aleppo", "status"], areas.loc["east-aleppo", "date"]) == ("besieged", "2016-08-08")
    assert areas.loc["idlib-city"][["status", "date", "sources"]].isna().all()  # no history recorded: nothing is guessed
    sources = tables.source_table(situation).set_index("source")
    assert sources.loc["cnn", "facts"] == sum("cnn" in fact.sources for fact in situation.facts())
    assert (sources.loc["sana", "claim_positions"], sources.loc["sana", "via"]) == (2, "CNN")


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


def lines_run(action: Callable[[], object]) -> int:
    """How many lines of Python `action` runs (each turn of a loop counts again): work, counted, not timed."""
    count = 0

    def tracer(frame: FrameType, event: str, argument: object) -> Callable[..., object] | None:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        action()
    finally:
        sys.settrace(None)
    return count


def build_everything(situation: Situation) -> None:
    """What the dashboard derives from a version: every table, the cards, the ages and the quotes."""
    for build in (tables.indicator_table, tables.shortage_table, tables.access_table, tables.event_table):
        build(situation)
    for build in (tables.claim_positions, tables.area_table, tables.source_table, overview_cards, ages, quotes):
        build(situation)


def test_building_every_table_and_card_grows_linearly_with_the_file() -> None:
    """Twice the file, twice the work: a look-up that scans a list per row (n rows × n entries) would quadruple it."""
    build_everything(scaled_seed(2))  # first-use work (pandas' lazy set-up) is not growth
    lines = {times: lines_run(lambda times=times: build_everything(scaled_seed(times))) for times in (4, 8, 16)}
    # f(n) = a + b·n + c·n²: the growth from 8 to 16 copies is twice that from 4 to 8 when c = 0, four times when b = 0.
    growth = (lines[16] - lines[8]) / (lines[8] - lines[4])
    assert 1.8 < growth < 2.3, (growth, lines)
