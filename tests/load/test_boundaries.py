"""Boundary files joined to areas: COD-AB style GeoJSON, TopoJSON, an area's own shape, and the seed's outlines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from situation.load.boundaries import InvalidBoundary, parse_boundaries
from situation.load.codes import Code
from situation.load.loader import load_situation
from tests.paths import CASES, ROOT, SEED


def test_areas_join_the_teams_boundaries_by_pcode_and_keep_their_own_shapes() -> None:
    situation = load_situation(CASES / "valid" / "boundaries.yaml").situation
    assert situation is not None
    outlines = {area.id: situation.outline_of(area) for area in situation.areas}
    north, south, country, old_town = outlines["north"], outlines["south"], outlines["testland"], outlines["old-town"]
    assert north is not None and (north.name, north.admin_level, north.approximate) == ("North", 1, False)
    assert north.bounds == (10, 11, 12, 12)
    assert south is not None and len(south.polygons) == 2  # a MultiPolygon: the mainland and an island
    # The TopoJSON outline: arcs delta-decoded, scaled and stitched into one closed ring.
    assert country is not None and country.pcode == "XY" and country.bounds == (9, 9, 13, 13)
    assert country.polygons[0][0][0] == country.polygons[0][0][-1]
    assert old_town is not None and old_town.approximate and old_town.file is None
    assert old_town.polygons[0][0][-1] == (10.5, 11.2)  # the ring as written, closed
    assert outlines["camp"] is None  # no p-code, no shape: a point
    assert situation.geography.attributions == ("Synthetic test boundaries",)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (b'{"type": "FeatureCollection"}', 'a FeatureCollection needs a "features" list'),
        (b"[1, 2]", 'expected a JSON object with a "type"'),
        (
            b'{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], ["a", 0]]]}}',
            'feature 1: a position must be [longitude, latitude] in numbers, found ["a", 0]',
        ),
        (
            b'{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 100], [0, 0]]]}}',
            "the position [1, 100] is not a longitude and latitude",
        ),
        (b'{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]}}', "holds no Polygon or MultiPolygon"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_what_is_wrong_in_a_boundary_file_is_said(text: bytes, words: str) -> None:
    with pytest.raises(InvalidBoundary, match=".*".join(map(_escaped, words.split("*")))):
        parse_boundaries(text, "x.geojson")


def _escaped(words: str) -> str:
    import re

    return re.escape(words)


def test_the_seed_draws_syria_and_its_neighbours_from_natural_earth_and_its_districts_by_hand() -> None:
    result = load_situation(SEED)
    situation = result.situation
    assert situation is not None
    assert not [p for p in result.problems if p.code.startswith(("boundary", "pcode"))]
    countries = {o.pcode: o for o in situation.geography.outlines}
    assert set(countries) == {"SY", "TR", "IQ", "JO", "LB", "IL", "PS"}
    west, south, east, north = countries["SY"].bounds
    assert 35.5 < west < 36 and 32 < south < 32.5 and 42 < east < 42.5 and 37 < north < 37.5  # Syria, as atlases have it
    assert "Natural Earth" in situation.geography.attributions[0]
    for area in situation.areas:
        outline = situation.outline_of(area)
        assert outline is not None and outline.approximate, area.id
        if area.lat is not None and area.lon is not None:  # the hand-drawn outline lies round the area's own point
            w, s, e, n = outline.bounds
            assert w <= area.lon <= e and s <= area.lat <= n, area.id
    assert (SEED.parent / "boundaries" / "syria-and-neighbours.geojson").stat().st_size <= 300_000


# Boundary files as a hostile or careless committer writes them (issue 25, findings 2 and 3): every budget is kept
# before the work, and whatever is wrong is one located `boundary-invalid` naming the file, never a traceback.

VALID = CASES / "valid" / "boundaries"
GEOJSON = json.loads((VALID / "testland-adm1.geojson").read_text(encoding="utf-8"))
TOPOJSON = json.loads((VALID / "testland-adm0.topojson").read_text(encoding="utf-8"))
SITUATION = """id: s
title: S
as_of: 2016-09-05
summary: x
boundaries:
  - file: {file}
sources:
  - {{id: team, name: The team, kind: other, reliability: F}}
areas:
  - {{id: a, name: A, pcode: XY, admin_level: 0}}
"""
LOCATED = re.compile(r"^(line \d+, column \d+: |feature \d+: |objects[.\[:]|arcs[:\[]|transform: )")
"""Where a message says the mistake is: a line and column of the JSON, a feature, or a path into the topology."""
WHOLE_FILE = re.compile(
    r'^(expected a JSON object with a "type"|a FeatureCollection needs|it holds no Polygon'
    r"|it holds about [\d,]+ values|it holds [\d,]+ positions|its rings name arcs)"
)
"""What is said of the file as a whole (it is named in the problem)."""


def topology(**changes: Any) -> bytes:
    return json.dumps({**TOPOJSON, **changes}).encode()


def polygon(arcs: Any) -> dict[str, Any]:
    return {"p": {"type": "Polygon", "arcs": arcs}}


BROKEN = {
    # Each raised a traceback before (RecursionError, ValueError, TypeError, IndexError).
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep in a feature": b'{"type": "FeatureCollection", "features": ' + b"[" * 5_000 + b"]" * 5_000 + b"}",
    "a 5,000-digit number": b'{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[' + b"1" * 5000 + b", 0]]]}}",
    "a 4,000-digit delta": topology(arcs=[[[int("9" * 4000), 0], [1, 1]]]),
    "arcs not a list of rings": topology(objects=polygon(5)),
    "a position of text": topology(arcs=[[["a", 0], [1, 1]]]),
    "a scale that is one number": topology(transform={"scale": 5, "translate": [0, 0]}),
    "a position of one number": topology(arcs=[[[0], [1, 1]]]),
    "geometries not a list": topology(objects={"c": {"type": "GeometryCollection", "geometries": 5}}),
    "properties a list": topology(objects={"p": {"type": "Polygon", "arcs": [[0]], "properties": [1]}}),
    "a multipolygon of numbers": topology(objects={"p": {"type": "MultiPolygon", "arcs": [5]}}),
    "an arc index of text": topology(objects=polygon([["0"]])),
    "an arc index out of range": topology(objects=polygon([[0, 7]])),
    "an empty arc": topology(arcs=[[]]),
    "a geometry that is a list": topology(objects={"p": [1]}),
    "an unknown geometry type": topology(objects={"p": {"type": "Polyline", "arcs": [[0]]}}),
    "a scale that overflows": topology(transform={"scale": [1e308, 1e308], "translate": [0, 0]}),
    "arcs an object": topology(arcs={"0": 1}),
}


@pytest.mark.parametrize("raw", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_boundary_file_is_one_located_error_naming_it(raw: bytes, tmp_path: Path) -> None:
    (tmp_path / "b.topojson").write_bytes(raw)
    (tmp_path / "s.yaml").write_text(SITUATION.format(file="b.topojson"), encoding="utf-8")
    result = load_situation(tmp_path / "s.yaml")
    assert [(p.line, p.column, p.path, p.code) for p in result.problems] == [(6, 11, "boundaries[0].file", Code.BOUNDARY_INVALID)]
    message = result.problems[0].message
    assert message.startswith("the boundary file b.topojson is "), message
    assert LOCATED.match(message.split(": ", 1)[1]), message


def test_nesting_and_long_numbers_are_refused_at_their_line_and_column() -> None:
    nested = b'{"type": "Feature",\n  "properties": {"x": ' + b"[" * 40 + b"]" * 40 + b"}}"
    with pytest.raises(InvalidBoundary, match=r"^line 2, column 53: lists and objects nest deeper than 32 levels$"):
        parse_boundaries(nested, "x.geojson")
    number = b'{"type": "Feature",\n\n "id": ' + b"7" * 41 + b"}"
    with pytest.raises(InvalidBoundary, match=r"^line 3, column 8: a number of more than 40 characters is not read$"):
        parse_boundaries(number, "x.geojson")
    # The same inside a text is only text: ids of many digits and brackets in names are read.
    quoted = json.dumps({**GEOJSON, "name": "[" * 40 + '\\"' + "7" * 60}).encode()
    assert len(parse_boundaries(quoted, "x.geojson")) == 2


def amplified_topojson(size: int = 50_000) -> bytes:
    """A ring that names one 1,000-position arc over and over: ~50 KB of text, 16 million positions once stitched."""
    arc = [[0, 0]] + [[1, 0]] * 999
    start = {"type": "Topology", "transform": {"scale": [1e-5, 1e-5], "translate": [0, 0]}, "arcs": [arc]}
    text = json.dumps({**start, "objects": {"a": {"type": "Polygon", "arcs": [[]]}}}, separators=(",", ":"))
    references = ",".join(["0,-1"] * ((size - len(text)) // 5))
    return text.replace("[[]]", f"[[{references}]]").encode()


MEASURED = """
import io, json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))
from situation.cli.main import main
out, err = io.StringIO(), io.StringIO()
started = time.perf_counter()
code = main(["validate", sys.argv[1]], out, err)
seconds = time.perf_counter() - started
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "seconds": seconds, "peak": peak, "out": out.getvalue(), "err": err.getvalue()}))
"""
"""`validate` in a child process under a 2 GiB address-space cap, timed from after its imports; the peak resident
memory of the whole process (imports included) as the kernel counts it. VmHWM, not getrusage's ru_maxrss: Linux carries
ru_maxrss over fork and exec, so a child of a 300 MB pytest reports 300 MB before it has done anything."""


def test_validate_refuses_a_50_kb_amplified_topojson_in_under_2_s_and_200_mb(tmp_path: Path) -> None:
    raw = amplified_topojson()
    assert 49_000 < len(raw) <= 50_000
    (tmp_path / "b.topojson").write_bytes(raw)
    (tmp_path / "s.yaml").write_text(SITUATION.format(file="b.topojson"), encoding="utf-8")
    child = subprocess.run(
        [sys.executable, "-c", MEASURED, str(tmp_path / "s.yaml")], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert child.returncode == 0, child.stderr[-2000:]
    run = json.loads(child.stdout)
    assert run["code"] == 1 and "Traceback" not in run["out"] + run["err"]
    assert "the boundary file b.topojson is too large to draw" in run["out"]
    assert run["seconds"] < 2, run
    assert run["peak"] < 200 * 2**20, run


# --- Generated: any JSON put anywhere in a valid file, and any bytes cut or inserted ------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**45), 10**45)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e308, -1e308, 0.5, -1, 180.5, 91])
    | st.text(max_size=8),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)
"""Any JSON value: numbers too long or too large for a coordinate, texts, lists, objects."""


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> Any:
    """`document` with one value somewhere in it (or one key's value) replaced by any JSON."""
    path: list[Any] = []
    node = document
    while isinstance(node, (dict, list)) and node and draw(st.integers(0, 4)):
        key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    replacement = draw(JSON | st.sampled_from(["Polygon", "MultiPolygon", "GeometryCollection", "Feature", "Topology"]))
    if not path:
        return replacement
    copy = json.loads(json.dumps(document))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = replacement
    return copy


@st.composite
def spliced(draw: st.DrawFn, document: Any) -> bytes:
    """`document`'s text with a piece cut out or bytes put in: a save cut short, brackets, digits, a stray quote."""
    text = json.dumps(document).encode()
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        return text[:at] + text[at + draw(st.integers(0, 40)) :]
    piece = draw(st.sampled_from([b"[" * 40, b"]", b"9" * 50, b'"', b"\\", b"{", b"NaN", b"\xff", b",", b"1e999"]))
    return text[:at] + piece + text[at:]


DOCUMENTS = st.sampled_from([GEOJSON, TOPOJSON])
MALFORMED = DOCUMENTS.flatmap(lambda d: mutated(d).map(lambda m: json.dumps(m).encode())) | DOCUMENTS.flatmap(spliced)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=MALFORMED)
def test_a_malformed_boundary_file_reads_or_is_refused_in_located_words(raw: bytes) -> None:
    try:
        outlines = parse_boundaries(raw, "x.geojson")
    except InvalidBoundary as error:
        message = str(error)
        assert LOCATED.match(message) or WHOLE_FILE.match(message), message
        assert "Traceback" not in message and len(message) < 400
    else:
        for outline in outlines:
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for p in outline.polygons for r in p for x, y in r)
            west, south, east, north = outline.bounds
            assert west <= east and south <= north
