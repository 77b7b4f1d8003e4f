"""The dashboard's charts, resized and relabelled for a printed A4 page, without changing what they show.

The figures come from `situation.views.figures` as the dashboard draws them (wide, titled, with hover text); a page
of paper has no hover, a section heading already names the chart, and its width is 18 cm. So for print each chart
loses its title, takes the height its rows need, and places its text so no two labels overprint:

- map: area names on leader lines pointing away from their neighbours (districts of one city sit a few pixels
  apart), events left to their own chart;
- shortages: "Insufficient evidence" on two lines in a smaller type, so it stays inside its column;
- claims: each source by its short name (the part before a parenthesis) on a few lines, with the top margin
  those lines need;
- access, events: the legend over the chart, clear of the date axis, so the plot keeps the page's width.

Each override works on the figure the views return (`update_layout`, `update_traces`), so the views stay the one
place that decides colours and data.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable

import plotly.graph_objects as go

FONT = {"size": 11}
_PLAIN = {"title": None, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}, "font": FONT}
_LEGEND_ABOVE = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": {"side": "left"}}
_LEGEND_UNDER_MAP = {"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "title": None}
_LEGEND_TOP_MARGIN = {"l": 10, "r": 10, "t": 34, "b": 10}
NEIGHBOUR_SHARE = 0.12
"""Areas closer than this share of the map's extent push each other's labels apart."""
LEADER_PX = 44
MAP_SIZE = (400, 260)
"""The map shares its row with the areas' list: drawn at the width it prints at, so its names print at 11 px."""


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def _unwrapped(label: str) -> str:
    return re.sub(r"<br>", " ", label)


def _push(x: float, y: float, points: list[tuple[float, float, str]], near: float) -> tuple[float, float]:
    """The way a label should point: the sum of unit vectors away from every neighbour nearer than `near`."""
    push_x = push_y = 0.0
    for other_x, other_y, _ in points:
        distance = math.hypot(x - other_x, y - other_y)
        if 0 < distance < near:
            push_x, push_y = push_x + (x - other_x) / distance, push_y + (y - other_y) / distance
    return push_x, push_y


def _area_map(figure: go.Figure) -> go.Figure:
    """Names as annotations: alone, just above the dot; among neighbours, on a leader line pointing away from them."""
    areas = [t for t in figure.data if t.mode == "markers+text"]
    points = [(x, y, text) for trace in areas for x, y, text in zip(trace.x, trace.y, trace.text, strict=True)]
    figure.data = tuple(areas)  # events have their own chart and table; on the map their marks would cover the dots
    figure.update_xaxes(showticklabels=False, title=None)
    figure.update_yaxes(showticklabels=False, title=None)
    if not points:
        return figure.update_layout(**_PLAIN, width=MAP_SIZE[0], height=MAP_SIZE[1])
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    extent = max(max(xs) - min(xs), max(ys) - min(ys), 0.01)
    pushes = {(x, y): _push(x, y, points, NEIGHBOUR_SHARE * extent) for x, y, _ in points}
    # A dot among neighbours is drawn smaller, so the districts of one city stay apart.
    for trace in areas:
        sizes = [10 if any(pushes[(x, y)]) else 14 for x, y in zip(trace.x, trace.y, strict=True)]
        trace.update(mode="markers", marker_size=sizes)
    for x, y, text in points:
        push_x, push_y = pushes[(x, y)]
        length = math.hypot(push_x, push_y)
        if length == 0:
            figure.add_annotation(x=x, y=y, text=text, showarrow=False, yshift=16, font=FONT)
        else:  # pixels grow downwards, latitude upwards
            figure.add_annotation(
                x=x,
                y=y,
                text=text,
                ax=LEADER_PX * push_x / length,
                ay=-LEADER_PX * push_y / length,
                arrowhead=0,
                arrowwidth=1,
                arrowcolor="#777",
                standoff=8,
                font=FONT,
            )
    pad = 0.12 * extent
    figure.update_xaxes(range=[min(xs) - pad, max(xs) + pad])
    figure.update_yaxes(range=[min(ys) - pad, max(ys) + pad])
    return figure.update_layout(**_PLAIN, width=MAP_SIZE[0], height=MAP_SIZE[1], legend=_LEGEND_UNDER_MAP)


def _shortages(figure: go.Figure) -> go.Figure:
    rows = len(figure.data[0].y) if figure.data else 1
    figure.update_traces(
        text=[[_wrap(str(cell), 12) if "Insufficient" in str(cell) else cell for cell in row] for row in figure.data[0].text],
        textfont_size=12,
        colorbar={"thickness": 12, "title": {"text": "Severity", "side": "top"}, "tickfont": {"size": 10}},
    )
    return figure.update_layout(**_PLAIN, height=60 + 42 * rows)


def _access(figure: go.Figure) -> go.Figure:
    routes = {name for trace in figure.data for name in trace.y}
    figure.update_yaxes(tickfont_size=10)
    return figure.update_layout(**_PLAIN | {"margin": _LEGEND_TOP_MARGIN}, height=90 + 26 * len(routes), legend=_LEGEND_ABOVE)


def _claims(figure: go.Figure) -> go.Figure:
    """Short source names over the columns, claims wrapped beside the rows, margins sized to the lines they take."""
    if not figure.data:
        return figure.update_layout(**_PLAIN, height=120)
    heatmap = figure.data[0]
    sources = [_wrap(_unwrapped(name).split(" (")[0], 11) for name in heatmap.x]
    claims = len(heatmap.y)
    lines = max(source.count("<br>") + 1 for source in sources)
    figure.update_traces(x=sources, textfont_size=11, selector={"type": "heatmap"})
    figure.update_xaxes(tickfont_size=10)
    figure.update_yaxes(tickfont_size=10)
    top = 16 + 14 * lines
    return figure.update_layout(**_PLAIN | {"margin": {"l": 10, "r": 10, "t": top, "b": 10}}, height=top + 62 * claims + 10)


def _events(figure: go.Figure) -> go.Figure:
    areas = {area for trace in figure.data for area in trace.y}
    figure.update_traces(marker_size=11)
    return figure.update_layout(**_PLAIN | {"margin": _LEGEND_TOP_MARGIN}, height=90 + 22 * len(areas), legend=_LEGEND_ABOVE)


PRINT_LAYOUT: dict[str, Callable[[go.Figure], go.Figure]] = {
    "map": _area_map,
    "shortages": _shortages,
    "access": _access,
    "claims": _claims,
    "events": _events,
}
"""Per chart slot of the briefing, how its figure is laid out for the page."""


def print_figures(figures: dict[str, go.Figure]) -> dict[str, go.Figure]:
    """Each figure laid out for print (in place: the briefing's figures are made for it alone)."""
    return {name: PRINT_LAYOUT[name](figure) for name, figure in figures.items()}
