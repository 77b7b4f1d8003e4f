"""Where a figure is drawn: on a screen, or on a printed page. Each figure takes a medium and draws once for it.

A screen has hover, the host's theme (Streamlit's, light or dark), a width that follows the window, and each chart
titled; a printed A4 page has none of those: a section's heading names its chart, text is set small and the same
whatever imported plotly first, and a chart's height is what its rows need on paper. What a medium changes is said
here and in the drawing that reads it (`situation.views.figures`, the map's `situation.views.geomap`), never done
afterwards to a figure drawn for the other medium.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Medium:
    """What a figure drawn for this medium looks like before any chart's own choices."""

    name: str
    titled: bool
    """The chart carries its own title (on paper, its section's heading names it)."""
    font: int | None = None
    """The text size in pixels, or None for the host's theme."""
    template: str | None = None
    """The plotly template, or None for the host's: importing Streamlit makes its own the default, so a page printed
    from the dashboard would otherwise differ from one printed from the command line."""
    margin: int = 10
    """The margin on every side, in pixels (a screen's chart keeps room for its title at the top)."""

    @property
    def printed(self) -> bool:
        return not self.titled

    def tick_font(self, size: int) -> dict[str, Any]:
        """The size of an axis' labels: `size` on paper, the theme's on a screen."""
        return {"tickfont_size": size} if self.printed else {}


SCREEN = Medium("screen", titled=True)
PRINT = Medium("print", titled=False, font=11, template="plotly")
