"""Boundary files joined to areas: COD-AB style GeoJSON, TopoJSON, an area's own shape, and the seed's outlines."""

from __future__ import annotations

import pytest

from situation.load.boundaries import InvalidBoundary, parse_boundaries
from situation.load.loader import load_situation
from tests.paths import CASES, SEED


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
