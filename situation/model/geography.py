"""Outlines on the map: the admin boundaries a team keeps beside its file, joined to areas by p-code.

Plain values, read by `situation.load.boundaries` and drawn by `situation.views.geomap`. Points are (longitude,
latitude) in degrees, as GeoJSON writes them; a polygon is its rings, the outer one first and holes after it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]


@dataclass(frozen=True)
class Outline:
    """One feature of a boundary file, or an area's own hand-drawn polygon."""

    name: str
    polygons: tuple[Polygon, ...]
    pcode: str | None = None
    admin_level: int | None = None
    file: str | None = None
    """The boundary file it came from, as the situation names it; None for an area's own `shape:`."""
    approximate: bool = False
    """Drawn by hand, not surveyed: the map says so (a dashed edge, 'approximate' in the legend and hover)."""

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of its outer rings."""
        points = [p for polygon in self.polygons for p in polygon[0]]
        return (min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points))

    @property
    def centre(self) -> Point:
        """The centre of its largest polygon's bounding box: where its label and its events go."""
        largest = max(self.polygons, key=lambda polygon: _area(polygon[0]))
        xs, ys = [p[0] for p in largest[0]], [p[1] for p in largest[0]]
        return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def _area(ring: Ring) -> float:
    """The ring's area in square degrees (the shoelace formula), to pick an outline's main polygon."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))) / 2


@dataclass(frozen=True)
class Geography:
    """Every outline of the situation's boundary files, and the attribution each file asks for."""

    outlines: tuple[Outline, ...] = ()
    attributions: tuple[str, ...] = ()
    by_pcode: dict[str, Outline] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, outlines: tuple[Outline, ...], attributions: tuple[str, ...]) -> Geography:
        return cls(outlines, attributions, {o.pcode: o for o in reversed(outlines) if o.pcode is not None})

    @property
    def levels(self) -> set[int]:
        """The admin levels the files hold: a p-code of another level is not looked for in them."""
        return {o.admin_level for o in self.outlines if o.admin_level is not None}


NO_GEOGRAPHY = Geography()
