"""The map's geometry: an outline cut to the view stays closed, and the view covers the places it should."""

from __future__ import annotations

from situation.load.loader import load_situation
from situation.views.geomap.geometry import clipped, placed_areas, view_bounds
from tests.paths import CASES


def test_an_outline_is_cut_to_the_view_and_stays_a_closed_shape() -> None:
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    assert sorted(set(clipped(square, (1.0, 1.0, 2.0, 2.0)))) == [(1.0, 1.0), (1.0, 2.0), (2.0, 1.0), (2.0, 2.0)]
    assert clipped(square, (10.0, 10.0, 11.0, 11.0)) == []


def test_a_country_on_the_teams_boundaries_is_placed_first_and_the_view_holds_all_of_it() -> None:
    situation = load_situation(CASES / "valid" / "boundaries.yaml").situation
    assert situation is not None
    assert next(p.area for p in placed_areas(situation)) == "testland"  # the country, under its governorates
    west, _south, east, _north = view_bounds(situation, placed_areas(situation), None)
    assert west < 9 and east > 13  # the whole country
