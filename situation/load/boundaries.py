"""Boundary files: the admin outlines a team keeps beside its situation file, read inside the roots and joined by p-code.

Teams download the common operational datasets of administrative boundaries (COD-AB) from HDX as GeoJSON, whose
features name their p-code `ADM1_PCODE`, `ADM2_PCODE`, … (older files `admin1Pcode`); a file of our own may say
`pcode` and `admin_level`. TopoJSON is read too (its arcs decoded here), so a file can stay small. A file is read
only as `situation.load.confine` allows, and anything wrong with it is one located problem on its `boundaries:`
entry, naming the file; an area whose p-code the files should hold but do not is one on its `pcode:`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from situation.load.codes import Code
from situation.load.confine import Refused, Roots, read_confined
from situation.load.messages import did_you_mean
from situation.load.problems import Finding, one_line
from situation.model.facts import Situation
from situation.model.geography import NO_GEOGRAPHY, Geography, Outline, Point, Polygon, Ring

MAX_BOUNDARY_BYTES = 64 * 1024 * 1024
"""A boundary file larger than this is not read (a country's COD-AB at admin 3 is a few tens of MiB unsimplified)."""
_PCODE_KEY = re.compile(r"^(?:ADM(\d)_PCODE|admin(\d)Pcode)$", re.IGNORECASE)
_NAME_KEYS = ("ADM{n}_EN", "ADM{n}_NAME", "admin{n}Name_en", "admin{n}Name")


class InvalidBoundary(ValueError):
    """What is wrong inside a boundary file, in words: where (a JSON line, a feature) and what."""


def read_geography(situation: Situation, base_dir: Path, roots: Roots) -> tuple[Geography, list[Finding]]:
    """Every outline of the situation's boundary files, and a finding for each file not read and each p-code not found."""
    if not situation.boundaries:
        return NO_GEOGRAPHY, []
    findings: list[Finding] = []
    outlines: list[Outline] = []
    attributions: list[str] = []
    for index, boundary in enumerate(situation.boundaries):
        where = ("boundaries", index, "file")
        name = one_line(boundary.file)
        try:
            raw = read_confined(base_dir / boundary.file, [roots.situations], MAX_BOUNDARY_BYTES, f"the boundary file {name}")
        except Refused as refusal:
            findings.append(Finding(where, Code.BOUNDARY_UNREADABLE, refusal.message))
            continue
        try:
            outlines.extend(parse_boundaries(raw, boundary.file))
        except InvalidBoundary as error:
            findings.append(Finding(where, Code.BOUNDARY_INVALID, f"the boundary file {name} is not valid GeoJSON: {error}"))
            continue
        if boundary.attribution:
            attributions.append(boundary.attribution)
    geography = Geography.of(tuple(outlines), tuple(attributions))
    if not findings:  # a file not read would make every p-code in it look wrong
        findings.extend(_pcodes_not_found(situation, geography))
    return geography, findings


def _pcodes_not_found(situation: Situation, geography: Geography) -> Iterator[Finding]:
    """An area's p-code must be in the files when they hold its admin level (a file of governorates says nothing of
    districts); a p-code of no stated level must be in them whatever levels they hold."""
    for index, area in enumerate(situation.areas):
        if area.pcode is None or area.pcode in geography.by_pcode:
            continue
        if area.admin_level is not None and area.admin_level not in geography.levels:
            continue
        candidates = [o.pcode for o in geography.outlines if o.pcode and area.admin_level in (None, o.admin_level)]
        files = ", ".join(dict.fromkeys(b.file for b in situation.boundaries))
        message = f"the p-code '{area.pcode}' is not in {one_line(files)}{did_you_mean(area.pcode, candidates)}"
        yield Finding(("areas", index, "pcode"), Code.PCODE_NOT_IN_BOUNDARIES, message)


def parse_boundaries(raw: bytes, file: str) -> list[Outline]:
    """The polygon features of a GeoJSON or TopoJSON text; `InvalidBoundary` saying where and what when it is neither."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidBoundary("it is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InvalidBoundary(f"line {error.lineno}, column {error.colno}: {error.msg.lower()}") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise InvalidBoundary('expected a JSON object with a "type" (FeatureCollection, Feature or Topology)')
    features = list(topology_features(data)) if data["type"] == "Topology" else list(_features(data))
    outlines = []
    for number, (properties, geometry) in enumerate(features, start=1):
        try:
            polygons = _polygons(geometry)
        except InvalidBoundary as error:
            raise InvalidBoundary(f"feature {number}: {error}") from None
        if polygons:  # points and lines are not boundaries; they are passed over
            outlines.append(_outline(properties, polygons, file, number))
    if not outlines:
        raise InvalidBoundary("it holds no Polygon or MultiPolygon feature")
    return outlines


def _features(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], Any]]:
    kind = data["type"]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise InvalidBoundary('a FeatureCollection needs a "features" list')
        for number, feature in enumerate(features, start=1):
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise InvalidBoundary(f'feature {number}: expected an object of "type": "Feature"')
            yield from _features(feature)
    elif kind == "Feature":
        properties = data.get("properties")
        yield (properties if isinstance(properties, dict) else {}), data.get("geometry")
    else:
        yield {}, data


def _polygons(geometry: Any) -> tuple[Polygon, ...]:
    if geometry is None:
        return ()
    if not isinstance(geometry, dict) or not isinstance(geometry.get("type"), str):
        raise InvalidBoundary('its geometry is not an object with a "type"')
    kind, coordinates = geometry["type"], geometry.get("coordinates")
    if kind == "Polygon":
        return (_polygon(coordinates),)
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list):
            raise InvalidBoundary("a MultiPolygon's coordinates must be a list of polygons")
        return tuple(_polygon(polygon) for polygon in coordinates)
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list):
            raise InvalidBoundary('a GeometryCollection needs a "geometries" list')
        return tuple(p for member in members for p in _polygons(member))
    if kind in ("Point", "MultiPoint", "LineString", "MultiLineString"):
        return ()
    raise InvalidBoundary(f"unknown geometry type '{one_line(kind)}'")


def _polygon(rings: Any) -> Polygon:
    if not isinstance(rings, list) or not rings:
        raise InvalidBoundary("a polygon must be a list of rings of [longitude, latitude] positions")
    return tuple(_ring(ring) for ring in rings)


def _ring(ring: Any) -> Ring:
    if not isinstance(ring, list) or len(ring) < 4:
        raise InvalidBoundary("a ring needs four or more positions, the last the same as the first")
    return tuple(_position(position) for position in ring)


def _position(position: Any) -> Point:
    if (
        not isinstance(position, list)
        or len(position) < 2
        or not all(isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) for n in position[:2])
    ):
        raise InvalidBoundary(f"a position must be [longitude, latitude] in numbers, found {one_line(json.dumps(position))}")
    lon, lat = float(position[0]), float(position[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise InvalidBoundary(f"the position [{lon:g}, {lat:g}] is not a longitude and latitude in degrees")
    return (lon, lat)


def _outline(properties: dict[str, Any], polygons: tuple[Polygon, ...], file: str, number: int) -> Outline:
    """A feature's p-code, level and name, from our own keys (`pcode`, `admin_level`, `name`) or COD-AB's."""
    pcode, level = properties.get("pcode"), properties.get("admin_level")
    cod_levels = sorted(
        (int(m[1] or m[2]), key) for key in properties if (m := _PCODE_KEY.match(key)) and isinstance(properties[key], str)
    )
    if pcode is None and cod_levels:
        level, key = cod_levels[-1]  # the finest level the feature names is its own
        pcode = properties[key]
    name = properties.get("name")
    if name is None and cod_levels:
        name = next((properties[k.format(n=level)] for k in _NAME_KEYS if k.format(n=level) in properties), None)
    return Outline(
        name=str(name) if name is not None else (str(pcode) if pcode else f"feature {number}"),
        polygons=polygons,
        pcode=str(pcode) if pcode is not None else None,
        admin_level=level if isinstance(level, int) and not isinstance(level, bool) else None,
        file=file,
    )


def topology_features(topology: dict[str, Any]) -> Iterator[tuple[dict[str, Any], Any]]:
    """TopoJSON's objects as GeoJSON geometries: arcs delta-decoded and scaled by the transform, shared edges stitched.

    The format: https://github.com/topojson/topojson-specification (an arc index ~i is arc i reversed).
    """
    arcs = topology.get("arcs")
    objects = topology.get("objects")
    if not isinstance(arcs, list) or not isinstance(objects, dict):
        raise InvalidBoundary('a Topology needs "arcs" and "objects"')
    transform = topology.get("transform")
    decoded = [_decode_arc(arc, transform) for arc in arcs]

    def ring(indexes: Any) -> list[list[float]]:
        if not isinstance(indexes, list):
            raise InvalidBoundary("a TopoJSON ring must be a list of arc indexes")
        points: list[list[float]] = []
        for index in indexes:
            if not isinstance(index, int) or not -len(decoded) <= index < len(decoded):
                raise InvalidBoundary(f"arc index {one_line(str(index))} is not among the {len(decoded)} arcs")
            arc = decoded[index] if index >= 0 else decoded[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    def geometry(shape: dict[str, Any]) -> dict[str, Any] | None:
        kind = shape.get("type")
        if kind == "Polygon":
            return {"type": "Polygon", "coordinates": [ring(r) for r in shape.get("arcs", [])]}
        if kind == "MultiPolygon":
            return {"type": "MultiPolygon", "coordinates": [[ring(r) for r in p] for p in shape.get("arcs", [])]}
        return None

    def walk(shape: Any) -> Iterator[tuple[dict[str, Any], Any]]:
        if not isinstance(shape, dict):
            raise InvalidBoundary("a TopoJSON object must be a JSON object")
        if shape.get("type") == "GeometryCollection":
            for member in shape.get("geometries", []):
                yield from walk(member)
            return
        properties = dict(shape.get("properties") or {})
        if "id" in shape:
            properties.setdefault("id", shape["id"])
        yield properties, geometry(shape)

    for shape in objects.values():
        yield from walk(shape)


def _decode_arc(arc: Any, transform: Any) -> list[list[float]]:
    if not isinstance(arc, list):
        raise InvalidBoundary("a TopoJSON arc must be a list of positions")
    if not isinstance(transform, dict):
        return [[float(p[0]), float(p[1])] for p in arc]
    (sx, sy), (tx, ty) = transform.get("scale", (1, 1)), transform.get("translate", (0, 0))
    x = y = 0
    points = []
    for position in arc:
        x, y = x + position[0], y + position[1]
        points.append([x * sx + tx, y * sy + ty])
    return points
