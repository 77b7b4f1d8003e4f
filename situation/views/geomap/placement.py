"""Names on the map, placed so that no two overprint and none covers a marker, on the smallest map drawn.

Each label tries a few spots round its area and is left to the hover and the table when none is free; boxes are
estimated in pixels (`situation.views.geomap.geometry`) and pinned in degrees, so labels apart on a phone stay
apart on any wider screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from situation.model.geography import Point
from situation.views.geomap.geometry import Placed, pixels_per_degree, scale_ratio

LABEL_FONT = 12
_CHAR_WIDTH = 7.0
"""Pixels per character of a 12 px label, generous, so an estimated box holds the drawn text."""
_LABEL_HEIGHT = 16.0
MARKER_ROOM = 12.0
"""Pixels an event or area marker takes on the smallest map: labels keep clear of it."""
SMALLEST_NAMED = 30.0
"""Pixels wide, on the smallest map, an outline inside a drawn parent must be to carry its own name."""
SPREAD = 8.0
"""Pixels, on the smallest map, between an area's point and the ring its events are spread on."""


def place_labels(
    labels: Sequence[tuple[str, Point]], bounds: tuple[float, float, float, float], obstacles: Sequence[Point] = ()
) -> list[tuple[str, Point, str, str]]:
    """Greedy placement: each label, in order, takes the first free spot right, left, above or below its anchor, clear
    of other labels and of the markers at `obstacles`; a label with no free spot inside the view is left out (its name
    stays in the hover and the table).

    Boxes are estimated in pixels on the smallest map drawn, and each label is pinned by its near edge to a point in
    degrees: on a larger map every gap grows while the text keeps its size, so labels apart here stay apart there.
    Returns (text, where, xanchor, yanchor) for plotly's annotations.
    """
    west, south, east, north = bounds
    ratio, per_degree = scale_ratio(bounds), pixels_per_degree(bounds)

    def pixel(point: Point) -> tuple[float, float]:
        return ((point[0] - west) * per_degree, (point[1] - south) * per_degree * ratio)

    def degrees(x: float, y: float) -> Point:
        return (west + x / per_degree, south + y / (per_degree * ratio))

    half = MARKER_ROOM / 2
    taken = [(x - half, y - half, x + half, y + half) for x, y in (pixel(point) for point in obstacles)]
    chosen = []
    view_width, view_height = (east - west) * per_degree, (north - south) * per_degree * ratio
    for text, anchor in labels:
        x, y = pixel(anchor)
        w, h, gap = len(text) * _CHAR_WIDTH + 4, _LABEL_HEIGHT, SPREAD + half + 2  # clear of its events' ring
        spots = [  # (left, bottom) of the box, the point it is pinned by, and plotly's anchors for that point
            ((x + gap, y - h / 2), (x + gap, y), "left", "middle"),
            ((x - gap - w, y - h / 2), (x - gap, y), "right", "middle"),
            ((x - w / 2, y + gap), (x, y + gap), "center", "bottom"),
            ((x - w / 2, y - gap - h), (x, y - gap), "center", "top"),
        ]
        for (left, bottom), pin, xanchor, yanchor in spots:
            box = (left, bottom, left + w, bottom + h)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= view_width and box[3] <= view_height
            if inside and not any(_overlap(box, other) for other in taken):
                taken.append(box)
                chosen.append((text, degrees(*pin), xanchor, yanchor))
                break
    return chosen


def too_small_to_name(p: Placed, per_degree: float, drawn: set[str]) -> bool:
    """A district a few pixels wide inside a drawn city: at this scale the city's name says where it is, and the
    district's own name, pushed aside, would point at the wrong place. Zoomed in, it has room and is named."""
    if p.outline is None or p.parent not in drawn:
        return False
    west, _, east, _ = p.outline.bounds
    return (east - west) * per_degree < SMALLEST_NAMED


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
