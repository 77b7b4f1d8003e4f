"""Names on the map, placed so that no two overprint and none covers a marker: one way of placing them, for the screen
and for paper.

Each name, in the order given, takes the first free spot of a few round its place: beside it on a screen, where a name
with no free spot is left to the hover and the table; beside it or, when its neighbours crowd it, at the end of a
leader line pointing away from them on paper, where there is no hover and every place is named. Boxes are estimated in
pixels on the smallest map the medium draws (`Lettering`), and each name is pinned by its near edge to a point in
degrees: on a larger map every gap grows while the text keeps its size, so names apart there stay apart everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from situation.model.geography import Point
from situation.views.geomap.geometry import SMALLEST_PLOT, Bounds, Placed, pixels_per_degree, scale_ratio
from situation.views.medium import PRINT, SCREEN, Medium

Box = tuple[float, float, float, float]
"""left, bottom, right, top, in pixels of the plot (y grows upwards, as latitude does)."""
Direction = tuple[float, float]
"""Where a name goes from its place: a unit step right (x) and up (y)."""
BESIDE: tuple[Direction, ...] = ((1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0))
"""Right, left, above, below: a screen's spots, nearest the place that a reader's eye finds first."""
ALL_ROUND: tuple[Direction, ...] = (
    (0.0, 1.0),
    (0.0, -1.0),
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.7, 0.7),
    (-0.7, 0.7),
    (0.7, -0.7),
    (-0.7, -0.7),
)
"""Above, below, right, left, then the corners: paper's spots beside a place, and its leaders' when nothing crowds it."""
TURNS = (0, 35, -35, 70, -70, 105, -105)
"""Degrees a leader line turns from straight away from the neighbours when that way is taken."""
SPREAD = 8.0
"""Pixels, on the smallest screen map, between an area's point and the ring its events are spread on."""
SMALLEST_NAMED = 30.0
"""Pixels wide, on the smallest screen map, an outline inside a drawn parent must be to carry its own name."""


@dataclass(frozen=True)
class Lettering:
    """How names are set in one medium: the smallest plot they must fit, their size, and where they may go."""

    plot: tuple[float, float]
    """Width and height in pixels of the smallest plot the names are placed for."""
    font: int
    char_px: float
    """Pixels per character, generous, so an estimated box holds the drawn text."""
    line_px: float
    marker_room: float
    """Pixels a marker takes: names keep clear of it."""
    beside: tuple[Direction, ...]
    gap: float
    """Pixels between a place and a name beside it."""
    leaders: tuple[float, ...] = ()
    """Lengths in pixels of the leader lines a crowded name may take, shortest first; none: names stay beside."""
    crowd: float = 0.12
    """Places nearer each other than this share of the names' extent crowd each other's names."""
    clearance: float = 0.0
    """Pixels a name keeps from any marker but its own place's, so that it never reads as the name of another place."""
    every_name: bool = False
    """A name with no free spot is still set (paper has no hover to find it); else it is left out."""

    def spots(self, push: Direction) -> list[tuple[Direction, float, bool]]:
        """(direction, distance, on a leader line) to try in order for a name whose neighbours push it by `push`."""
        length = math.hypot(*push)
        crowded = bool(self.leaders) and length > 0
        found = [] if crowded else [(d, self.gap, False) for d in self.beside]
        ways = [_turned((push[0] / length, push[1] / length), t) for t in TURNS] if crowded else list(self.beside)
        return found + [(d, reach, True) for reach in self.leaders for d in ways]


LETTERING: dict[Medium, Lettering] = {
    SCREEN: Lettering(SMALLEST_PLOT, 12, 7.0, 16.0, 12.0, BESIDE, gap=SPREAD + 6.0 + 2.0),  # clear of its events' ring
    PRINT: Lettering(
        (380.0, 168.0), 11, 6.4, 15.0, 14.0, ALL_ROUND, gap=10.0, leaders=(44.0, 75.0), clearance=10.0, every_name=True
    ),
}
"""A screen places names for a phone's map and leaves a crowded one to the hover; paper's map is a fixed 400 × 260
beside the list of areas (less its margins and legend), and names every place, crowded ones on leader lines."""


@dataclass(frozen=True)
class Label:
    """A name set on the map: the place it names, the point its near edge is pinned to, and which edge that is."""

    text: str
    place: Point
    at: Point
    xanchor: str
    yanchor: str
    leader: bool = False
    """Drawn at the end of a line from its place."""


def place_labels(
    labels: Sequence[tuple[str, Point]], bounds: Bounds, obstacles: Sequence[Point] = (), lettering: Lettering | None = None
) -> list[Label]:
    """Greedy placement: each label, in order, takes the first spot of `Lettering.spots` that lies inside the view and
    clear of the names already set and of the markers at `obstacles`; with none free it is left out, or on paper set at
    its first spot anyway."""
    lettering = lettering or LETTERING[SCREEN]
    west, south, east, north = bounds
    ratio, per_degree = scale_ratio(bounds), pixels_per_degree(bounds, lettering.plot)

    def pixel(point: Point) -> tuple[float, float]:
        return ((point[0] - west) * per_degree, (point[1] - south) * per_degree * ratio)

    def degrees(x: float, y: float) -> Point:
        return (west + x / per_degree, south + y / (per_degree * ratio))

    half = lettering.marker_room / 2
    markers = [(point, pixel(point)) for point in obstacles]
    taken: list[Box] = []
    view_width, view_height = (east - west) * per_degree, (north - south) * per_degree * ratio
    pushes = _pushes([anchor for _, anchor in labels], lettering.crowd) if lettering.leaders else {}
    chosen = []
    for text, anchor in labels:
        x, y = pixel(anchor)
        width, height = len(text) * lettering.char_px + 4, lettering.line_px
        spots = lettering.spots(pushes.get(anchor, (0.0, 0.0)))
        placed = [_spot(x, y, width, height, *spot) for spot in spots]
        clear = taken + [
            (mx - room, my - room, mx + room, my + room)
            for point, (mx, my) in markers
            for room in [half if point == anchor else half + lettering.clearance]
        ]
        free = next((p for p in placed if _inside(p[0], view_width, view_height) and not _hits(p[0], clear)), None)
        if free is None and lettering.every_name and placed:
            free = placed[0]
        if free is None:
            continue
        box, pin, xanchor, yanchor, leader = free
        taken.append(box)
        chosen.append(Label(text, anchor, degrees(*pin), xanchor, yanchor, leader))
    return chosen


def _spot(
    x: float, y: float, width: float, height: float, direction: Direction, reach: float, leader: bool
) -> tuple[Box, Point, str, str, bool]:
    """The box of a name `reach` pixels from (x, y) in `direction`, the point its facing edge is pinned to, and plotly's
    anchors for that point: a name to the right is anchored by its left edge, one above by its bottom, and so on."""
    dx, dy = direction
    pin = (x + reach * dx, y + reach * dy)
    xanchor = "left" if dx > 0.38 else "right" if dx < -0.38 else "center"
    yanchor = "bottom" if dy > 0.38 else "top" if dy < -0.38 else "middle"
    left = pin[0] if xanchor == "left" else pin[0] - width if xanchor == "right" else pin[0] - width / 2
    bottom = pin[1] if yanchor == "bottom" else pin[1] - height if yanchor == "top" else pin[1] - height / 2
    return (left, bottom, left + width, bottom + height), pin, xanchor, yanchor, leader


def _pushes(anchors: Sequence[Point], share: float) -> dict[Point, Direction]:
    """For each place, the sum of unit steps away from every place nearer than `share` of the places' extent."""
    if not anchors:
        return {}
    xs, ys = [p[0] for p in anchors], [p[1] for p in anchors]
    near = share * max(max(xs) - min(xs), max(ys) - min(ys), 0.01)
    pushes = {}
    for x, y in anchors:
        push_x = push_y = 0.0
        for other_x, other_y in anchors:
            distance = math.hypot(x - other_x, y - other_y)
            if 0 < distance < near:
                push_x, push_y = push_x + (x - other_x) / distance, push_y + (y - other_y) / distance
        pushes[(x, y)] = (push_x, push_y)
    return pushes


def _turned(direction: Direction, degrees: float) -> Direction:
    turn = math.radians(degrees)
    dx, dy = direction
    return dx * math.cos(turn) - dy * math.sin(turn), dx * math.sin(turn) + dy * math.cos(turn)


def _inside(box: Box, width: float, height: float) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height


def _hits(box: Box, taken: list[Box]) -> bool:
    return any(box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3] for other in taken)


def too_small_to_name(p: Placed, per_degree: float, drawn: set[str]) -> bool:
    """A district a few pixels wide inside a drawn city: at this scale the city's name says where it is, and the
    district's own name, pushed aside, would point at the wrong place. Zoomed in, it has room and is named."""
    if p.outline is None or p.parent not in drawn:
        return False
    west, _, east, _ = p.outline.bounds
    return (east - west) * per_degree < SMALLEST_NAMED
