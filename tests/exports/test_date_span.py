"""The widest span of dates a file may hold (1900 to 2100) draws as briefly as a month does (issue 25, finding 5: a
chart stepping a tick a month drew 2,400 ticks over two centuries, and the briefing took 50 s and five times the size)."""

from __future__ import annotations

from situation.exports.briefing import briefing_figures
from situation.load.loader import load_situation
from situation.views.figures import event_timeline
from situation.views.tables import event_table
from tests.paths import CASES, SEED

TWO_CENTURIES = CASES / "generated" / "two-centuries.yaml"
MOST_TICKS = 10


def test_every_date_axis_of_two_centuries_has_a_few_ticks() -> None:
    situation = load_situation(TWO_CENTURIES).situation
    assert situation is not None
    figures = {**briefing_figures(situation), "events": event_timeline(event_table(situation))}
    assert {"access", "events"} <= set(figures)
    for name, figure in figures.items():
        axis = figure.layout.xaxis
        if axis.type == "date":  # plotly picks the years, at most MOST_TICKS of them (the briefing draws these figures)
            assert axis.dtick is None and axis.nticks <= MOST_TICKS and axis.tickformat == "%Y", (name, axis)


def test_the_seed_keeps_its_ticks_of_days() -> None:
    situation = load_situation(SEED).situation
    assert situation is not None
    assert event_timeline(event_table(situation)).layout.xaxis.tickformat == "%-d %b"
