"""Static SVG of plotly figures, for the offline briefing: every chart drawn by kaleido in one headless Chromium.

Why SVG and why this way:
- A briefing must cross a poor connection and open with no network. Interactive plotly needs plotly.js inlined
  (about 4.8 MB); a static SVG chart is 10–20 KB, needs no script, and prints sharp at any size.
- Kaleido (plotly's own exporter) starts a browser for each call, about 2 s; one `Kaleido` session draws all of a
  briefing's charts, so the browser starts once.
- Nothing is fetched: kaleido loads plotly.js from the installed plotly package, and it is told not to load
  MathJax, which it would otherwise take from a CDN. It drives the Chromium found on PATH (Debian's
  /usr/bin/chromium) or named by BROWSER_PATH; it never downloads a browser of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import kaleido
import plotly.graph_objects as go

WIDTH = 760
"""Pixels: an A4 page's printable width at 96 dpi, so the text in a chart prints at the size it was drawn; a figure
with its own `layout.width` (one that shares the width of the page with text) is drawn at that."""
DEFAULT_HEIGHT = 380
TIMEOUT_S = 60


class ChartError(Exception):
    """The charts could not be drawn (no Chromium, a timeout); the briefing goes out without them and says why."""


async def _draw(figures: Sequence[go.Figure]) -> list[bytes]:
    async with kaleido.Kaleido(n=1, timeout=TIMEOUT_S, mathjax=False) as session:
        return [
            await session.calc_fig(
                figure,
                opts={"format": "svg", "width": figure.layout.width or WIDTH, "height": figure.layout.height or DEFAULT_HEIGHT},
            )
            for figure in figures
        ]


def svg_charts(figures: Sequence[go.Figure]) -> list[str]:
    """Each figure as SVG text, in order, drawn in one browser session; raises ChartError when that cannot be done."""
    if not figures:
        return []
    # A worker thread has no event loop of its own, so this works from a script, a test or a Streamlit page alike.
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            drawn = pool.submit(asyncio.run, _draw(figures)).result()
        # kaleido and choreographer raise their own types (browser not found, page errors, timeouts): all mean "no charts".
        except Exception as error:
            raise ChartError(f"{type(error).__name__}: {error}".strip()) from error
    return [svg.decode("utf-8") for svg in drawn]
