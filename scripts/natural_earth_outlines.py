"""Writes the seed's context outlines (Syria and its neighbours) as small GeoJSON from Natural Earth's countries.

Natural Earth is public domain; the npm package world-atlas (ISC licence) carries it as TopoJSON. Get the package
with `npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz` (it is not kept in this repository), then:

    python scripts/natural_earth_outlines.py package/countries-10m.json > seeds/boundaries/syria-and-neighbours.geojson

Shared borders are simplified once, on the topology's arcs, so neighbours still meet without slivers; points are
rounded to 0.001° (about 100 m), far finer than the simplification.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from situation.load.boundaries import topology_features

COUNTRIES = {"760": "SY", "792": "TR", "368": "IQ", "400": "JO", "422": "LB", "376": "IL", "275": "PS"}
"""ISO 3166 numeric (Natural Earth's ids) -> the two-letter code COD-AB uses as a country's admin-0 p-code."""
TOLERANCE = 0.005
"""Degrees a simplified border may stray from Natural Earth's (about half a kilometre)."""


def simplified(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker: the fewest points within `tolerance` of the line; both ends kept (arcs meet there)."""
    if len(points) < 3:
        return points
    (x0, y0), (x1, y1) = points[0], points[-1]
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5
    distances = [
        abs(dy * x - dx * y + x1 * y0 - y1 * x0) / length if length else ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
        for x, y in points[1:-1]
    ]
    farthest = max(range(len(distances)), key=distances.__getitem__)
    if distances[farthest] <= tolerance:
        return [points[0], points[-1]]
    split = farthest + 1
    return simplified(points[: split + 1], tolerance)[:-1] + simplified(points[split:], tolerance)


def outlines(topology: dict[str, Any]) -> dict[str, Any]:
    """The chosen countries as a FeatureCollection with `pcode`, `admin_level` and `name`."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + translate[0], 3), round(y * scale[1] + translate[1], 3)])
        arcs.append(simplified(points, TOLERANCE))
    chosen = {
        "type": "GeometryCollection",
        "geometries": [g for g in topology["objects"]["countries"]["geometries"] if g.get("id") in COUNTRIES],
    }
    features = []
    for properties, geometry in topology_features({"type": "Topology", "arcs": arcs, "objects": {"countries": chosen}}):
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        kept = [polygon for polygon in polygons if len(polygon[0]) >= 4]  # islands simplified to a line are dropped
        features.append(
            {
                "type": "Feature",
                "properties": {"pcode": COUNTRIES[properties["id"]], "admin_level": 0, "name": properties["name"]},
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            }
        )
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(outlines(json.loads(Path(sys.argv[1]).read_text())), separators=(",", ":")) + "\n")
