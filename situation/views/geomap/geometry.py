"""The map's geometry: where each area is, what the view covers, and how degrees become pixels on the smallest map.

Plain arithmetic on the situation's places and outlines, apart from the drawing (`situation.views.geomap.drawing`)
and the placing of names (`situation.views.geomap.placement`). Points are (longitude, latitude) in degrees.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from situation.model.facts import Situation
from situation.model.geography import Outline, Point

Bounds = tuple[float, float, float, float]
"""(west, south, east, north) in degrees."""

HEIGHT = 560
"""The map's height in pixels; its width follows the page."""
NARROWEST_PLOT = 320
"""The narrowest plot width labels are placed for (a phone): wider, every label has more room, never less."""
MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}
LEGEND_ROOM = 170
"""Pixels the legend below the map may take from its height (plotly grows the bottom margin to hold it)."""
SMALLEST_PLOT = (NARROWEST_PLOT, HEIGHT - MARGIN["t"] - MARGIN["b"] - LEGEND_ROOM)
"""The plot of the smallest map a screen draws, in pixels: a phone's width, the map's height less its legend."""


@dataclass(frozen=True)
class Placed:
    """An area on the map: where its label and events go, and its outline if it has one."""

    area: str
    name: str
    anchor: Point
    outline: Outline | None
    depth: int
    parent: str | None


def _depth(situation: Situation, area_id: str) -> int:
    depth, parent = 0, situation.area(area_id).parent
    while parent is not None and depth < 50:
        depth, parent = depth + 1, situation.area(parent).parent
    return depth


def placed_areas(situation: Situation) -> list[Placed]:
    """The areas that can be drawn (an outline or a position), parents first."""
    found = []
    for area in situation.areas:
        outline = situation.outline_of(area)
        if outline is not None:
            anchor = (area.lon, area.lat) if area.lon is not None and area.lat is not None else outline.centre
        elif area.lon is not None and area.lat is not None:
            anchor = (area.lon, area.lat)
        else:
            continue
        found.append(Placed(area.id, area.name, anchor, outline, _depth(situation, area.id), area.parent))
    return sorted(found, key=lambda p: p.depth)


def rings_xy(outlines: Sequence[Outline], clip: Bounds) -> tuple[list[float | None], list[float | None]]:
    """Every ring of the outlines, cut to `clip`, as one line broken by gaps: one trace fills them all, and a
    neighbouring country's thousands of points far off the view are not drawn (nor carried into the briefing's SVG)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for outline in outlines:
        for polygon in outline.polygons:
            for ring in polygon:
                kept = clipped(ring, clip)
                if len(kept) >= 3:
                    xs += [p[0] for p in kept] + [kept[0][0], None]
                    ys += [p[1] for p in kept] + [kept[0][1], None]
    return xs, ys


def clipped(ring: Sequence[Point], bounds: Bounds) -> list[Point]:
    """The part of a ring inside a rectangle (Sutherland–Hodgman: cut by each edge in turn); a filled ring stays filled."""
    west, south, east, north = bounds
    points = list(ring)
    for axis, limit, below in ((0, west, False), (0, east, True), (1, south, False), (1, north, True)):
        cut: list[Point] = []
        for previous, current in zip([*points[-1:], *points[:-1]], points, strict=True):
            current_in = current[axis] <= limit if below else current[axis] >= limit
            previous_in = previous[axis] <= limit if below else previous[axis] >= limit
            if current_in != previous_in:
                cut.append(_crossing(previous, current, axis, limit))
            if current_in:
                cut.append(current)
        points = cut
    return points


def _crossing(a: Point, b: Point, axis: int, limit: float) -> Point:
    """Where the segment a–b crosses the line where coordinate `axis` equals `limit`."""
    share = (limit - a[axis]) / (b[axis] - a[axis])
    return (limit, a[1] + (b[1] - a[1]) * share) if axis == 0 else (a[0] + (b[0] - a[0]) * share, limit)


def view_bounds(
    situation: Situation, placed: Sequence[Placed], focus: str | None, paths: Sequence[Sequence[Point]] = ()
) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the chosen area and all inside it (all areas when none is chosen), padded."""
    wanted = situation.areas_within(focus) if focus else {p.area for p in placed}
    points: list[Point] = []
    for p in placed:
        if p.area in wanted:
            points.append(p.anchor)
            if p.outline is not None:
                west, south, east, north = p.outline.bounds
                points += [(west, south), (east, north)]
    if not focus:
        points += [point for path in paths for point in path]
    if not points:
        return (-180.0, -60.0, 180.0, 80.0)
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    pad_x, pad_y = max((east - west) * 0.15, 0.02), max((north - south) * 0.15, 0.02)
    return (west - pad_x, south - pad_y, east + pad_x, north + pad_y)


def scale_ratio(bounds: tuple[float, float, float, float]) -> float:
    """Pixels per degree of latitude over those per degree of longitude: a degree of longitude shrinks with cos(lat)."""
    middle = (bounds[1] + bounds[3]) / 2
    return 1 / max(math.cos(math.radians(middle)), 0.1)


def filled(bounds: Bounds, plot: tuple[float, float]) -> Bounds:
    """The view widened on one axis to fill a plot of `plot` pixels at the scale the view fits it: what a fixed-size
    map shows (plotly widens the range itself to keep degrees square), so its names can use the whole plot."""
    west, south, east, north = bounds
    per_degree = pixels_per_degree(bounds, plot)
    extra_x = (plot[0] / per_degree - (east - west)) / 2
    extra_y = (plot[1] / (per_degree * scale_ratio(bounds)) - (north - south)) / 2
    return (west - extra_x, south - extra_y, east + extra_x, north + extra_y)


def pixels_per_degree(bounds: tuple[float, float, float, float], plot: tuple[float, float] = SMALLEST_PLOT) -> float:
    """Pixels per degree of longitude on a plot of `plot` pixels (by default the smallest a screen draws, a phone's):
    any larger plot shows the view larger."""
    west, south, east, north = bounds
    width, height = plot
    return min(width / (east - west), height / ((north - south) * scale_ratio(bounds)))
