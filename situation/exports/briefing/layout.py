"""The dashboard's charts, resized and relabelled for a printed A4 page, without changing what they show.

The figures come from `situation.views.figures` as the dashboard draws them (wide, titled, with hover text); a page
of paper has no hover, a section heading already names the chart, and its width is 18 cm. So for print each chart
loses its title (but one), takes the height its rows need, and places its text so no two labels overprint:

- map: area names on leader lines pointing away from their neighbours (districts of one city sit a few pixels
  apart), events left to their own chart;
- shortages: "Insufficient evidence" on two lines in a smaller type, so it stays inside its column; a short title
  of its own, as it may start a page;
- claims: each source by its short name (the part before a parenthesis) on a few lines, with the top margin
  those lines need;
- access, events: the legend over the chart, clear of the date axis, so the plot keeps the page's width.

Each override works on the figure the views return (`update_layout`, `update_traces`), so the views stay the one
place that decides colours and data.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Callable

import plotly.graph_objects as go

FONT = {"size": 11}
PRINT_TEMPLATE = "plotly"
"""The template the print layouts are made for, whatever the process's default is."""
_PLAIN = {"title": None, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}, "font": FONT}
_LEGEND_ABOVE = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": {"side": "left"}}
_LEGEND_UNDER_MAP = {"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "title": None}
_LEGEND_TOP_MARGIN = {"l": 10, "r": 10, "t": 34, "b": 10}
NEIGHBOUR_SHARE = 0.12
"""Areas closer than this share of the map's extent push each other's labels apart."""
LEADER_PX = 44
MAP_SIZE = (400, 260)
PAD_SHARE = 0.15
"""Room round the outermost dots, as a share of the map's span, for the names beside them."""
"""The map shares its row with the areas' list: drawn at the width it prints at, so its names print at 11 px."""


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _unwrapped(label: str) -> str:
    return re.sub(r"<br>", " ", label)


Box = tuple[float, float, float, float]
"""left, top, right, bottom, in pixels of the plot area (y grows downwards)."""
CHAR_PX, LINE_PX, DOT_PX = 6.4, 15.0, 7.0
"""Roughly: the width of a character and the height of a line of 11 px text, and a dot's radius."""
_ISOLATED = [(0.0, -1.0), (0.0, 1.0), (1.0, 0.0), (-1.0, 0.0), (0.7, -0.7), (-0.7, -0.7), (0.7, 0.7), (-0.7, 0.7)]
"""Where a lone area's name may go, in order of preference: above, below, right, left, then the corners."""


def _push(x: float, y: float, points: list[tuple[float, float, str]], near: float) -> tuple[float, float]:
    """The way a label should point: the sum of unit vectors away from every neighbour nearer than `near`."""
    push_x = push_y = 0.0
    for other_x, other_y, _ in points:
        distance = math.hypot(x - other_x, y - other_y)
        if 0 < distance < near:
            push_x, push_y = push_x + (x - other_x) / distance, push_y + (y - other_y) / distance
    return push_x, push_y


def _anchors(dx: float, dy: float) -> tuple[str, str]:
    """The side of the label that faces its dot: a label to the right is anchored by its left edge, and so on."""
    xanchor = "left" if dx > 0.38 else "right" if dx < -0.38 else "center"
    yanchor = "top" if dy > 0.38 else "bottom" if dy < -0.38 else "middle"
    return xanchor, yanchor


def _box(at: tuple[float, float], dx: float, dy: float, gap: float, text: str) -> Box:
    """The label's box when its facing side is `gap` pixels from the dot at `at`, in the direction (dx, dy)."""
    width, height = CHAR_PX * len(html.unescape(text)) + 4, LINE_PX
    x, y = at[0] + gap * dx, at[1] + gap * dy
    xanchor, yanchor = _anchors(dx, dy)
    left = x if xanchor == "left" else x - width if xanchor == "right" else x - width / 2
    top = y if yanchor == "top" else y - height if yanchor == "bottom" else y - height / 2
    return left, top, left + width, top + height


def _clear(box: Box, taken: list[Box], bounds: Box) -> bool:
    inside = box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
    return inside and all(box[2] <= t[0] or t[2] <= box[0] or box[3] <= t[1] or t[3] <= box[1] for t in taken)


def _rotated(dx: float, dy: float, degrees: float) -> tuple[float, float]:
    turn = math.radians(degrees)
    return dx * math.cos(turn) - dy * math.sin(turn), dx * math.sin(turn) + dy * math.cos(turn)


def _place_labels(
    figure: go.Figure, points: list[tuple[float, float, str]], pushes: dict[tuple[float, float], tuple[float, float]]
) -> None:
    """Each name where it covers no other name and no dot: a lone area's beside its dot, a crowded one's on a leader
    line pointing away from its neighbours (turned, then lengthened, until it is clear)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width = MAP_SIZE[0] - 20
    height = MAP_SIZE[1] - 20 - 24 * math.ceil(len(figure.data) / 3)  # the legend under the map: three items a row
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min(width / (span_x * (1 + 2 * PAD_SHARE) or 1), height / (span_y * (1 + 2 * PAD_SHARE) or 1))
    centre = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    pixels = {(x, y): (width / 2 + (x - centre[0]) * scale, height / 2 - (y - centre[1]) * scale) for x, y, _ in points}
    taken: list[Box] = [(px - DOT_PX, py - DOT_PX, px + DOT_PX, py + DOT_PX) for px, py in pixels.values()]
    bounds = (0.0, 0.0, float(width), float(height))
    crowded_first = sorted(points, key=lambda p: not any(pushes[(p[0], p[1])]))
    for x, y, text in crowded_first:
        push_x, push_y = pushes[(x, y)]
        length = math.hypot(push_x, push_y)
        if length == 0:
            tries = [(dx, dy, DOT_PX + 3) for dx, dy in _ISOLATED]
        else:  # screen y grows downwards, latitude upwards
            ahead = (push_x / length, -push_y / length)
            turns = [_rotated(*ahead, degrees) for degrees in (0, 35, -35, 70, -70, 105, -105)]
            tries = [(dx, dy, gap) for gap in (LEADER_PX, 1.7 * LEADER_PX) for dx, dy in turns]
        clear = [t for t in tries if _clear(_box(pixels[(x, y)], *t, text), taken, bounds)]
        dx, dy, gap = (clear or tries)[0]
        taken.append(_box(pixels[(x, y)], dx, dy, gap, text))
        xanchor, yanchor = _anchors(dx, dy)
        common = {"x": x, "y": y, "text": text, "font": FONT, "xanchor": xanchor, "yanchor": yanchor}
        if length == 0:
            figure.add_annotation(**common, showarrow=False, xshift=gap * dx, yshift=-gap * dy)
        else:
            figure.add_annotation(**common, ax=gap * dx, ay=gap * dy, arrowhead=0, arrowwidth=1, arrowcolor="#777", standoff=6)


def _area_map(figure: go.Figure) -> go.Figure:
    """Names as annotations placed clear of each other and of the dots; the districts of one city drawn smaller."""
    areas = [t for t in figure.data if t.mode == "markers+text"]
    # Every name (the screen names only places apart, `meta` has them all): here each gets a leader line of its own.
    points = [
        (x, y, text)
        for trace in areas
        for x, y, text in zip(trace.x, trace.y, trace.meta if trace.meta is not None else trace.text, strict=True)
    ]
    # Events have their own chart and table: on the map their marks would cover the dots. Outlines and routes stay.
    figure.data = tuple(t for t in figure.data if not str(t.name).startswith("event"))
    figure.layout.annotations = ()  # the screen's names, placed for a phone; here each gets a leader line of its own
    figure.update_xaxes(showticklabels=False, title=None)
    figure.update_yaxes(showticklabels=False, title=None)
    if not points:
        return figure.update_layout(**_PLAIN, width=MAP_SIZE[0], height=MAP_SIZE[1])
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    extent = max(max(xs) - min(xs), max(ys) - min(ys), 0.01)
    pushes = {(x, y): _push(x, y, points, NEIGHBOUR_SHARE * extent) for x, y, _ in points}
    for trace in areas:
        sizes = [10 if any(pushes[(x, y)]) else 14 for x, y in zip(trace.x, trace.y, strict=True)]
        trace.update(mode="markers", marker_size=sizes)
    _place_labels(figure, points, pushes)
    pad_x, pad_y = PAD_SHARE * (max(xs) - min(xs) or 1), PAD_SHARE * (max(ys) - min(ys) or 1)
    figure.update_xaxes(range=[min(xs) - pad_x, max(xs) + pad_x])
    figure.update_yaxes(range=[min(ys) - pad_y, max(ys) + pad_y])
    return figure.update_layout(**_PLAIN, width=MAP_SIZE[0], height=MAP_SIZE[1], legend=_LEGEND_UNDER_MAP)


def _shortages(figure: go.Figure) -> go.Figure:
    """Titled, unlike the others: on paper it may start a page, away from its section's heading."""
    if not figure.data:
        return figure.update_layout(**_PLAIN, height=120)
    heatmap = figure.data[0]
    # Areas run across, so each cell is wide enough for its words on one line: no wrapping, rows stay one line tall.
    figure.update_traces(
        textfont_size=12,
        colorbar={"thickness": 12, "title": {"text": "Severity", "side": "top"}, "tickfont": {"size": 10}},
    )
    title = {"text": "Shortages: latest severity by area and commodity", "x": 0, "font": {"size": 12}}
    return figure.update_layout(**_PLAIN | {"title": title, "margin": _LEGEND_TOP_MARGIN}, height=84 + 28 * len(heatmap.y))


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
    lines = max(source.count("<br>") + 1 for source in sources)
    figure.update_traces(x=sources, textfont_size=11, selector={"type": "heatmap"})
    figure.update_xaxes(tickfont_size=10)
    figure.update_yaxes(tickfont_size=10)
    top = 16 + 14 * lines
    # Each row is as tall as its claim's label: the statement wrapped to a few lines, then its status.
    rows = sum(max(62, 16 * (str(label).count("<br>") + 1) + 12) for label in heatmap.y)
    return figure.update_layout(**_PLAIN | {"margin": {"l": 10, "r": 10, "t": top, "b": 10}}, height=top + rows + 10)


def _events(figure: go.Figure) -> go.Figure:
    areas = {area for trace in figure.data for area in trace.y}
    figure.update_traces(marker_size=11)
    return figure.update_layout(**_PLAIN | {"margin": _LEGEND_TOP_MARGIN}, height=90 + 22 * len(areas), legend=_LEGEND_ABOVE)


PRINT_LAYOUT: dict[str, Callable[[go.Figure], go.Figure]] = {
    "map": _area_map,
    "severity_heatmap": _shortages,
    "access_timeline": _access,
    "claims_matrix": _claims,
    "event_timeline": _events,
}
"""Per chart slot of the briefing, how its figure is laid out for the page."""


def print_figures(figures: dict[str, go.Figure]) -> dict[str, go.Figure]:
    """Each figure laid out for print (in place: the briefing's figures are made for it alone).

    Plotly's own template first: importing Streamlit makes its template the default, so a briefing downloaded from
    the dashboard would otherwise print with other margins and title places than one exported from the CLI."""
    return {name: PRINT_LAYOUT[name](figure.update_layout(template=PRINT_TEMPLATE)) for name, figure in figures.items()}
