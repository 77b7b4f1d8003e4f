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

from situation.load.bounded_json import JsonRefused, read_json
from situation.load.codes import Code
from situation.load.confine import Refused, Roots, not_allowed, read_confined
from situation.load.messages import Suggestions
from situation.load.problems import Finding, one_line
from situation.model.facts import Situation
from situation.model.geography import NO_GEOGRAPHY, Geography, Outline, Point, Polygon, Ring

MAX_BOUNDARY_BYTES = 64 * 1024 * 1024
"""A boundary file larger than this is not read (a country's COD-AB at admin 3 is a few tens of MiB unsimplified)."""
MAX_BOUNDARY_POSITIONS = 500_000
"""Positions the boundary files of one situation may hold in all, TopoJSON's arcs counted as often as its rings use
them, counted before any is built. Measured: a GeoJSON of a million positions (21 MB) took 4.3 s and 300 MB to
validate, 107 MB of it kept as outlines, and the map sends every position to each browser. A ring may name one arc
thousands of times, so without this a 46 KB TopoJSON stood for 16 million positions (35 s, 1.3 GB)."""
MAX_ARC_REFERENCES = MAX_BOUNDARY_POSITIONS
"""Arc indexes the rings of one TopoJSON file may hold, counted before they are looked up: each stands for at least
one position, so no file within the position budget needs more."""
_PCODE_KEY = re.compile(r"^(?:ADM(\d)_PCODE|admin(\d)Pcode)$", re.IGNORECASE)
_NAME_KEYS = ("ADM{n}_EN", "ADM{n}_NAME", "admin{n}Name_en", "admin{n}Name")


class InvalidBoundary(ValueError):
    """What is wrong inside a boundary file, in words: where (a JSON line, a feature, a TopoJSON path) and what, and
    the verdict the message leads with ("is not valid GeoJSON", "is too large to draw")."""

    def __init__(self, message: str, verdict: str = "is not valid GeoJSON") -> None:
        super().__init__(message)
        self.verdict = verdict


def _too_large(message: str) -> InvalidBoundary:
    return InvalidBoundary(message, "is too large to draw (simplify it, e.g. with mapshaper's -simplify)")


def read_geography(situation: Situation, base_dir: Path, roots: Roots) -> tuple[Geography, list[Finding]]:
    """Every outline of the situation's boundary files, and a finding for each file not read and each p-code not found."""
    if not situation.boundaries:
        return NO_GEOGRAPHY, []
    findings: list[Finding] = []
    outlines: list[Outline] = []
    attributions: list[str] = []
    positions = MAX_BOUNDARY_POSITIONS  # left for the files still to read
    for index, boundary in enumerate(situation.boundaries):
        where = ("boundaries", index, "file")
        name = one_line(boundary.file)
        why = not_allowed(boundary.file, base_dir / boundary.file, [roots.situations])
        if why is not None:
            findings.append(Finding(where, Code.BOUNDARY_UNREADABLE, f"the boundary file {name} {why}; it is not read"))
            continue
        try:
            raw = read_confined(base_dir / boundary.file, [roots.situations], MAX_BOUNDARY_BYTES, f"the boundary file {name}")
        except Refused as refusal:
            findings.append(Finding(where, Code.BOUNDARY_UNREADABLE, refusal.message))
            continue
        try:
            read = parse_boundaries(raw, boundary.file, positions)
        except InvalidBoundary as error:
            findings.append(Finding(where, Code.BOUNDARY_INVALID, f"the boundary file {name} {error.verdict}: {error}"))
            continue
        outlines.extend(read)
        positions -= _positions_in(read)
        if boundary.attribution:
            attributions.append(boundary.attribution)
    geography = Geography.of(tuple(outlines), tuple(attributions))
    if not findings:  # a file not read would make every p-code in it look wrong
        findings.extend(_pcodes_not_found(situation, geography))
    return geography, findings


def _pcodes_not_found(situation: Situation, geography: Geography) -> Iterator[Finding]:
    """An area's p-code must be in the files when they hold its admin level (a file of governorates says nothing of
    districts); a p-code of no stated level must be in them whatever levels they hold."""
    files = one_line(", ".join(dict.fromkeys(b.file for b in situation.boundaries)))
    levels = geography.levels
    suggestions: dict[int | None, Suggestions] = {}  # per admin level: the p-codes of that level (of any, for None)
    for index, area in enumerate(situation.areas):
        if area.pcode is None or area.pcode in geography.by_pcode:
            continue
        if area.admin_level is not None and area.admin_level not in levels:
            continue
        level = area.admin_level
        if level not in suggestions:
            suggestions[level] = Suggestions(o.pcode for o in geography.outlines if o.pcode and level in (None, o.admin_level))
        message = f"the p-code '{area.pcode}' is not in {files}{suggestions[level](area.pcode)}"
        yield Finding(("areas", index, "pcode"), Code.PCODE_NOT_IN_BOUNDARIES, message)


def parse_boundaries(raw: bytes, file: str, max_positions: int = MAX_BOUNDARY_POSITIONS) -> list[Outline]:
    """The polygon features of a GeoJSON or TopoJSON text; `InvalidBoundary` saying where and what when it is neither,
    or when it holds more than `max_positions` positions (counted before any is built)."""
    try:
        data = read_json(raw)
    except JsonRefused as error:
        raise (_too_large(str(error)) if error.line is None else InvalidBoundary(str(error))) from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise InvalidBoundary('expected a JSON object with a "type" (FeatureCollection, Feature or Topology)')
    topology = data["type"] == "Topology"
    if topology:
        features = list(topology_features(data, max_positions))
    else:
        features = list(_features(data))
        total = sum(_count_positions(geometry) for _, geometry in features)
        if total > max_positions:
            raise _too_large(_over_budget(total, max_positions))
    outlines = []
    for number, (properties, geometry) in enumerate(features, start=1):
        try:
            polygons = _polygons(geometry)
        except InvalidBoundary as error:
            raise InvalidBoundary(f"feature {number}: {error}", _TOPOJSON if topology else error.verdict) from None
        if polygons:  # points and lines are not boundaries; they are passed over
            outlines.append(_outline(properties, polygons, file, number))
    if not outlines:
        raise InvalidBoundary("it holds no Polygon or MultiPolygon feature")
    return outlines


def _over_budget(total: int, budget: int) -> str:
    if budget == MAX_BOUNDARY_POSITIONS:
        return f"it holds {total:,} positions; at most {budget:,} are read"
    return f"it holds {total:,} positions; the files before it leave room for {budget:,} ({MAX_BOUNDARY_POSITIONS:,} in all)"


def _positions_in(outlines: list[Outline]) -> int:
    return sum(len(ring) for outline in outlines for polygon in outline.polygons for ring in polygon)


def _count_positions(geometry: Any) -> int:
    """How many positions a GeoJSON geometry's polygons would build, counted per ring (whatever else is wrong in it)."""
    if not isinstance(geometry, dict):
        return 0
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else None
    if kind == "GeometryCollection" and isinstance(geometry.get("geometries"), list):
        return sum(_count_positions(member) for member in geometry["geometries"])  # nesting is bounded by MAX_DEPTH
    if not isinstance(polygons, list):
        return 0
    return sum(len(ring) for rings in polygons if isinstance(rings, list) for ring in rings if isinstance(ring, list))


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


def topology_features(
    topology: dict[str, Any], max_positions: int = MAX_BOUNDARY_POSITIONS
) -> Iterator[tuple[dict[str, Any], Any]]:
    """TopoJSON's objects as GeoJSON geometries: arcs delta-decoded and scaled by the transform, shared edges stitched.

    Every part is checked where it is (`objects.districts.geometries[3].arcs[0][2]`), and the arc references and the
    positions they stand for are counted against their budgets before any ring is stitched.
    The format: https://github.com/topojson/topojson-specification (an arc index ~i is arc i reversed).
    """
    arcs, objects = topology.get("arcs"), topology.get("objects")
    if not isinstance(arcs, list):
        raise InvalidBoundary('arcs: a Topology needs "arcs", a list of arcs', _TOPOJSON)
    if not isinstance(objects, dict):
        raise InvalidBoundary('objects: a Topology needs "objects", an object of named geometries', _TOPOJSON)
    transform = _transform(topology.get("transform"))
    decoded = [_decode_arc(arc, transform, f"arcs[{i}]") for i, arc in enumerate(arcs)]
    shapes = [shape for name, value in objects.items() for shape in _topology_shapes(value, f"objects{_member(name)}")]
    rings = [ring for _, _, polygons in shapes for polygon in polygons for ring in polygon]
    references = sum(len(ring) for _, ring in rings)
    if references > MAX_ARC_REFERENCES:
        raise _too_large(f"its rings name arcs {references:,} times; at most {MAX_ARC_REFERENCES:,} are read")
    total = sum(_stitched_length(ring, decoded, path) for path, ring in rings)
    if total > max_positions:
        raise _too_large(_over_budget(total, max_positions))
    for _, properties, polygons in shapes:
        stitched = [[_stitch(ring, decoded) for _, ring in polygon] for polygon in polygons]
        geometry = {"type": "MultiPolygon", "coordinates": stitched} if stitched else None
        yield properties, geometry


_TOPOJSON = "is not valid TopoJSON"
_NOT_BOUNDARIES = ("Point", "MultiPoint", "LineString", "MultiLineString", None)
"""TopoJSON geometry types that are no boundary (None: a feature with no geometry); passed over as GeoJSON's are."""
TopologyRing = tuple[str, list[int]]
"""A ring's path in the file and its arc indexes."""


def _topology_shapes(shape: Any, path: str) -> Iterator[tuple[str, dict[str, Any], list[list[TopologyRing]]]]:
    """Each geometry object under `shape`, with its path, its properties (its `id` among them) and its polygons' rings."""
    if not isinstance(shape, dict):
        raise InvalidBoundary(f"{path}: a TopoJSON geometry must be a JSON object", _TOPOJSON)
    kind = shape.get("type")
    if kind == "GeometryCollection":
        members = shape.get("geometries", [])
        if not isinstance(members, list):
            raise InvalidBoundary(f'{path}: a GeometryCollection\'s "geometries" must be a list', _TOPOJSON)
        for i, member in enumerate(members):
            yield from _topology_shapes(member, f"{path}.geometries[{i}]")  # as deep as MAX_DEPTH lets a file nest
        return
    properties = shape.get("properties")
    properties = dict(properties) if isinstance(properties, dict) else {}
    if "id" in shape:
        properties.setdefault("id", shape["id"])
    if kind in _NOT_BOUNDARIES:
        yield path, properties, []
    elif kind == "Polygon":
        yield path, properties, [_arc_rings(shape.get("arcs"), f"{path}.arcs")]
    elif kind == "MultiPolygon":
        polygons = shape.get("arcs")
        if not isinstance(polygons, list):
            raise InvalidBoundary(f"{path}.arcs: a MultiPolygon's arcs must be a list of polygons", _TOPOJSON)
        yield path, properties, [_arc_rings(polygon, f"{path}.arcs[{i}]") for i, polygon in enumerate(polygons)]
    else:
        raise InvalidBoundary(f"{path}: unknown geometry type {one_line(json.dumps(kind))}", _TOPOJSON)


def _member(name: str) -> str:
    """`.districts`, or `["two words"]`: an object's name as a JSON path writes it, quoted when it is not a plain word."""
    return f".{name}" if re.fullmatch(r"[A-Za-z_][\w-]{0,40}", name) else f"[{one_line(json.dumps(name, ensure_ascii=False))}]"


def _arc_rings(rings: Any, path: str) -> list[TopologyRing]:
    """A polygon's rings as lists of arc indexes, each checked to be a list of whole numbers."""
    if not isinstance(rings, list) or not rings:
        raise InvalidBoundary(f"{path}: a polygon must be a list of rings, each a list of arc indexes", _TOPOJSON)
    for i, ring in enumerate(rings):
        if not isinstance(ring, list) or not ring or not all(type(index) is int for index in ring):
            raise InvalidBoundary(f"{path}[{i}]: a ring must be a list of arc indexes (whole numbers)", _TOPOJSON)
    return [(f"{path}[{i}]", ring) for i, ring in enumerate(rings)]


def _stitched_length(ring: list[int], decoded: list[list[list[float]]], path: str) -> int:
    """The positions the ring stitches to (each arc after the first starts where the one before ends), every index checked."""
    total = 0
    for index in ring:
        if not -len(decoded) <= index < len(decoded):
            raise InvalidBoundary(f"{path}: arc index {index} is not among the {len(decoded)} arcs", _TOPOJSON)
        total += len(decoded[index if index >= 0 else ~index]) - 1
    return total + 1


def _stitch(ring: list[int], decoded: list[list[list[float]]]) -> list[list[float]]:
    points: list[list[float]] = []
    for index in ring:
        arc = decoded[index] if index >= 0 else decoded[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


Transform = tuple[float, float, float, float]
"""A quantized topology's scale and translate: (sx, sy, tx, ty)."""


def _transform(transform: Any) -> Transform | None:
    if transform is None:
        return None
    pairs = [transform.get(key) if isinstance(transform, dict) else None for key in ("scale", "translate")]
    if not all(isinstance(pair, list) and len(pair) == 2 and all(map(_is_number, pair)) for pair in pairs):
        raise InvalidBoundary('transform: expected "scale" and "translate", each two numbers', _TOPOJSON)
    (sx, sy), (tx, ty) = pairs  # type: ignore[misc]  # each checked above to be a list of two numbers
    return float(sx), float(sy), float(tx), float(ty)


def _decode_arc(arc: Any, transform: Transform | None, path: str) -> list[list[float]]:
    """An arc's positions in degrees; a quantized arc's are deltas from the position before, scaled and translated."""
    if not isinstance(arc, list) or len(arc) < 2:
        raise InvalidBoundary(f"{path}: an arc must be a list of two or more positions", _TOPOJSON)
    for i, position in enumerate(arc):
        if not isinstance(position, list) or len(position) < 2 or not (_is_number(position[0]) and _is_number(position[1])):
            found = one_line(json.dumps(position))
            raise InvalidBoundary(f"{path}[{i}]: a position must be two numbers, found {found}", _TOPOJSON)
    if transform is None:
        return [[float(p[0]), float(p[1])] for p in arc]
    sx, sy, tx, ty = transform
    x = y = 0.0
    points = []
    for dx, dy, *_ in arc:
        x, y = x + dx, y + dy  # floats: a 40-digit delta is a large float, never an OverflowError
        points.append([x * sx + tx, y * sy + ty])
    return points


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
