"""A figure drawn for paper is drawn for paper from the start: untitled where the briefing's heading names it, its text
at 11 px in plotly's own template whatever imported plotly first, and sized to its rows; the same figure for a screen
keeps its title and the host's theme."""

from __future__ import annotations

import plotly.io as pio
import pytest

from situation.views import figures
from situation.views.derived import Derived
from situation.views.geomap.drawing import PRINTED_SIZE, geo_map
from situation.views.medium import PRINT, SCREEN
from tests.loaded import loaded_seed


def drawn(medium: object) -> dict[str, object]:
    derived = Derived(loaded_seed())
    return {
        "shortages": figures.severity_heatmap(derived.shortages, medium),  # type: ignore[arg-type]
        "access": figures.access_timeline(derived.access, medium),  # type: ignore[arg-type]
        "events": figures.event_timeline(derived.events, medium),  # type: ignore[arg-type]
        "claims": figures.claims_matrix(derived.claims, medium),  # type: ignore[arg-type]
        "map": geo_map(derived.situation, derived.areas, derived.events, derived.access, medium=medium),  # type: ignore[arg-type]
    }


def test_on_paper_only_the_shortages_keep_a_title_and_every_chart_is_set_small() -> None:
    printed = drawn(PRINT)
    titled = {name for name, figure in printed.items() if figure.layout.title.text}  # type: ignore[attr-defined]
    assert titled == {"shortages"}
    assert all(figure.layout.font.size == 11 for figure in printed.values())  # type: ignore[attr-defined]
    assert (printed["map"].layout.width, printed["map"].layout.height) == PRINTED_SIZE  # type: ignore[attr-defined]
    assert not [t for t in printed["map"].data if str(t.name).startswith("event")]  # type: ignore[attr-defined]
    assert all(a.showarrow is not False for a in printed["map"].layout.annotations if a.ax is not None)  # type: ignore[attr-defined]


def test_on_a_screen_every_chart_is_titled_and_keeps_the_hosts_theme() -> None:
    shown = drawn(SCREEN)
    assert all(figure.layout.title.text for figure in shown.values())  # type: ignore[attr-defined]
    assert all(figure.layout.template == pio.templates[pio.templates.default] for figure in shown.values())  # type: ignore[attr-defined]
    assert [t for t in shown["map"].data if str(t.name).startswith("event")]  # type: ignore[attr-defined]


@pytest.mark.parametrize("default", ["plotly", "ggplot2"])
def test_paper_is_drawn_alike_whatever_template_the_process_set(default: str) -> None:
    """Importing Streamlit changes plotly's default template; the briefing's charts must not change with it."""
    before = pio.templates.default
    try:
        pio.templates.default = "plotly"
        plain = {name: figure.layout.to_plotly_json() for name, figure in drawn(PRINT).items()}  # type: ignore[attr-defined]
        pio.templates.default = default
        again = {name: figure.layout.to_plotly_json() for name, figure in drawn(PRINT).items()}  # type: ignore[attr-defined]
    finally:
        pio.templates.default = before
    assert plain == again
