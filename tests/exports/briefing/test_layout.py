"""The briefing's charts: one per section that has something, each in its slot, drawn by the views for paper."""

from __future__ import annotations

import plotly.io as pio

from situation.exports.briefing.layout import CHARTS, charts
from situation.load.loader import load_situation
from situation.views.derived import Derived
from situation.views.figures import event_timeline
from situation.views.medium import PRINT
from situation.views.tables import event_table
from tests.loaded import loaded_seed
from tests.paths import CASES, SEED


def test_the_seed_has_a_chart_in_every_slot_each_drawn_for_paper() -> None:
    drawn = charts(Derived(loaded_seed()))
    assert tuple(drawn) == CHARTS
    assert all(figure.layout.font.size == 11 for figure in drawn.values())
    assert all(figure.layout.template == pio.templates[PRINT.template] for figure in drawn.values())


def test_a_section_with_nothing_gets_no_chart() -> None:
    minimal = load_situation(CASES / "valid" / "minimal.yaml").situation
    assert minimal is not None
    assert charts(Derived(minimal)) == {}


# The widest span of dates a file may hold (1900 to 2100) draws as briefly as a month does (issue 25, finding 5: a
# chart stepping a tick a month drew 2,400 ticks over two centuries, and the briefing took 50 s and five times the size).
TWO_CENTURIES = CASES / "generated" / "two-centuries.yaml"
MOST_TICKS = 10


def test_every_date_axis_of_two_centuries_has_a_few_ticks() -> None:
    situation = load_situation(TWO_CENTURIES).situation
    assert situation is not None
    figures = {**charts(Derived(situation)), "events (screen)": event_timeline(event_table(situation))}
    assert {"access_timeline", "event_timeline"} <= set(figures)
    for name, figure in figures.items():
        axis = figure.layout.xaxis
        if axis.type == "date":  # plotly picks the years, at most MOST_TICKS of them (the briefing draws these figures)
            assert axis.dtick is None and axis.nticks <= MOST_TICKS and axis.tickformat == "%Y", (name, axis)


def test_the_seed_keeps_its_ticks_of_days() -> None:
    situation = load_situation(SEED).situation
    assert situation is not None
    assert event_timeline(event_table(situation)).layout.xaxis.tickformat == "%-d %b"
