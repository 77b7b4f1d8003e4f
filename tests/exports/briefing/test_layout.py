"""The briefing's charts: one per section that has something, each in its slot, drawn by the views for paper."""

from __future__ import annotations

import plotly.io as pio

from situation.exports.briefing.layout import CHARTS, charts
from situation.load.loader import load_situation
from situation.views.derived import Derived
from situation.views.medium import PRINT
from tests.loaded import loaded_seed
from tests.paths import CASES


def test_the_seed_has_a_chart_in_every_slot_each_drawn_for_paper() -> None:
    drawn = charts(Derived(loaded_seed()))
    assert tuple(drawn) == CHARTS
    assert all(figure.layout.font.size == 11 for figure in drawn.values())
    assert all(figure.layout.template == pio.templates[PRINT.template] for figure in drawn.values())


def test_a_section_with_nothing_gets_no_chart() -> None:
    minimal = load_situation(CASES / "valid" / "minimal.yaml").situation
    assert minimal is not None
    assert charts(Derived(minimal)) == {}
