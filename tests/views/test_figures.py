"""The plotly figures of the seed, checked for what a reader sees: cells, bars, markers and captions."""

from __future__ import annotations

import math

import pandas as pd

from situation.views import figures, tables
from situation.views.palette import ROUTE_STATUS_COLOURS
from tests.loaded import loaded_seed
from tests.scaled import scaled_seed


def test_the_shortage_heatmap_has_one_cell_per_area_and_commodity() -> None:
    layers = figures.severity_heatmap(tables.shortage_table(loaded_seed())).data
    heatmap = layers[0]
    assert list(heatmap.x) == ["Eastern Aleppo", "Western Aleppo"]  # areas across, commodities down: wide cells on a phone
    assert list(heatmap.y) == ["cooking gas", "food", "fuel", "medicine"]
    assert len(heatmap.z) == 4 and all(len(row) == 2 for row in heatmap.z)
    cells = {
        (area, commodity): text
        for commodity, row in zip(heatmap.y, heatmap.text, strict=True)
        for area, text in zip(heatmap.x, row, strict=True)
        if text
    } | {  # the cells with no level are written on a neutral layer above
        (area, commodity): text
        for commodity, row in zip(layers[1].y, layers[1].text, strict=True)
        for area, text in zip(layers[1].x, row, strict=True)
        if text
    }
    assert cells[("Eastern Aleppo", "food")] == "4 Severe"
    assert cells[("Western Aleppo", "food")] == "Insufficient<br>evidence"  # written, and not given a severity colour:
    assert math.isnan(heatmap.z[1][1])
    assert ("Eastern Aleppo", "cooking gas") not in cells  # nothing recorded: left blank


def test_the_access_timeline_has_a_bar_per_status_period_coloured_by_status() -> None:
    bars = {bar.name: bar for bar in figures.access_timeline(tables.access_table(loaded_seed())).data}
    assert set(bars) == {"closed", "fragile", "open"}
    assert bars["closed"].marker.color == ROUTE_STATUS_COLOURS["closed"]
    assert len(bars["fragile"].y) == 2 and "convoys cannot pass" in bars["fragile"].hovertext[-1]
    assert "convoys" not in bars["open"].hovertext[0]  # the sources do not say: nothing is claimed


def test_an_event_known_only_to_the_month_has_an_open_marker() -> None:
    markers = [
        (text, symbol)
        for trace in figures.event_timeline(tables.event_table(loaded_seed())).data
        for text, symbol in zip(trace.hovertext, trace.marker.symbol, strict=True)
    ]
    assert len(markers) == len(loaded_seed().events)
    open_markers = [text for text, symbol in markers if symbol.endswith("-open")]
    assert len(open_markers) == 1 and " · 2016-08<br>" in open_markers[0]


def test_the_claims_matrix_says_who_asserts_and_who_denies() -> None:
    matrix = figures.claims_matrix(tables.claim_positions(loaded_seed())).data[0]
    words = [cell[1] for row in matrix.customdata for cell in row if cell[1]]  # in the hover
    assert words.count("denies") >= 1 and "asserts" in words
    marks = [mark for row in matrix.text for mark in row if mark]  # on the cell, explained in the title
    assert sorted(set(marks)) == ["✓", "✗"] and len(marks) == len(words)
    assert len(matrix.y) == len(loaded_seed().claims)


def test_an_event_type_has_one_colour_and_symbol_whatever_else_is_shown() -> None:
    events = tables.event_table(loaded_seed())

    def looks(frame):
        return {t.name: (t.marker.color, t.marker.symbol[0].removesuffix("-open")) for t in figures.event_timeline(frame).data}

    everything, manbij = looks(events), looks(events[events["area"] == "manbij"])
    assert set(manbij) < set(everything)
    assert all(manbij[name] == everything[name] for name in manbij)


def test_daily_data_gets_day_ticks_and_one_day_alone_a_day_wide_range() -> None:
    events = tables.event_table(loaded_seed())
    one_day = events[events["date"] == "2016-08-06"]
    axis = figures.event_timeline(one_day).layout.xaxis
    assert axis.dtick == figures.DAY_MS and axis.tickformat == "%-d %b"
    first, last = (str(x) for x in axis.range)
    assert first.startswith("2016-08-05 12:00") and last.startswith("2016-08-06 12:00")


def test_a_caption_names_each_source_once_and_the_dates_it_spans() -> None:
    caption = figures.caption(tables.access_table(loaded_seed()))
    assert caption == (
        "Sources: CNN [B]; Aid agencies (unnamed) [F]; SANA (Syrian Arab News Agency) [D]; "
        "Syrian Observatory for Human Rights [C] · 2016-07 to 2016-08-08"
    )
    assert figures.caption(tables.access_table(loaded_seed()).iloc[0:0]) == "No data."


def test_thousands_of_events_are_counted_per_week_and_area_not_drawn_one_by_one() -> None:
    situation = scaled_seed(150)  # 1,050 events
    events = tables.event_table(situation)
    assert len(events) > figures.MAX_MARKERS
    timeline = figures.event_timeline(events)
    assert all(trace.type == "bar" for trace in timeline.data)
    assert sum(sum(trace.y) for trace in timeline.data) == len(events)  # every event counted once
    assert sum(len(trace.x) for trace in timeline.data) < 100  # a bar per week and type, not a marker per event


def test_the_claims_matrix_shows_the_latest_claims_and_says_how_many_there_are() -> None:
    positions = tables.claim_positions(scaled_seed(20))
    positions = positions.assign(statement=positions["statement"] + " (" + positions["claim"] + ")")  # one row each
    matrix = figures.claims_matrix(positions)
    assert len(matrix.data[0].y) == figures.MAX_CLAIMS
    assert f"the {figures.MAX_CLAIMS} latest of {positions['claim'].nunique()}" in matrix.layout.title.text


def test_a_long_access_timeline_joins_periods_of_one_status_and_covers_the_same_days() -> None:
    access = tables.access_table(scaled_seed(150))
    assert len(access) > figures.MAX_BARS
    bars = figures.access_timeline(access).data
    drawn = sum(len(bar.y) for bar in bars)
    assert drawn < len(access)
    days = sum(sum(bar.x) for bar in bars) / 86_400_000  # each bar's length, in days
    assert days == ((access["end"] - access["start"]).dt.total_seconds().sum() / 86_400)


def test_a_trend_of_many_days_is_a_line_and_a_band_with_its_unknown_days_marked() -> None:
    indicators = tables.indicator_table(loaded_seed())
    row = indicators[indicators["indicator"] == "people-under-siege"].iloc[[0]]
    days = pd.date_range("2016-01-01", periods=figures.MAX_TREND_POINTS + 50)
    frame = pd.concat([row] * len(days), ignore_index=True).assign(start=days, date=[d.date().isoformat() for d in days])
    frame.loc[5, ["kind", "value", "low", "high"]] = ["unknown", None, None, None]
    figure = figures.indicator_trend(frame)
    assert all(trace.mode in ("lines", "markers") for trace in figure.data)  # no marker and error bar per day
    assert [trace.name for trace in figure.data if trace.mode == "markers"] == ["unknown"]
    assert len(figure.data[-1].x) == 1  # the one unknown day, marked, never plotted as 0 on the line
    line = next(trace for trace in figure.data if trace.name == "People under siege")
    assert len(line.x) == len(days) - 1
