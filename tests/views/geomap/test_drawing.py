"""The map drawn: outlines filled by status or severity, parents under their districts, events at their areas, the view
on the chosen area, and a map of thousands of events or areas that stays a few traces."""

from __future__ import annotations

from situation.load.loader import load_situation
from situation.model.facts import Situation
from situation.views import figures, tables
from situation.views.geomap.drawing import geo_map
from tests.loaded import loaded_seed
from tests.paths import CASES
from tests.scaled import scaled_seed


def drawn(situation: Situation, **options: object) -> object:
    return geo_map(
        situation, tables.area_table(situation), tables.event_table(situation), tables.access_table(situation), **options
    )  # type: ignore[arg-type]


def test_areas_are_filled_by_status_cities_under_their_districts_and_the_country_behind_them() -> None:
    figure = drawn(loaded_seed())
    fills = [t for t in figure.data if t.fill == "toself"]
    assert fills[0].name == "boundaries (context)"  # Syria and its neighbours first, under everything
    areas = {area: t for t in fills if t.meta for area in t.meta}
    assert set(areas) == {"aleppo", "east-aleppo", "west-aleppo", "ramouseh", "idlib-city", "manbij"}
    assert areas["east-aleppo"].name == "besieged" and areas["east-aleppo"].fillcolor == "rgba(213,94,0,0.55)"
    assert areas["ramouseh"].name == "contested" and areas["aleppo"].name == "status unknown"
    assert fills.index(areas["aleppo"]) < fills.index(areas["east-aleppo"])  # the city is drawn under its districts
    assert areas["manbij"].line.dash == "dash"  # hand-drawn: the legend says dashed is approximate
    assert "approximate outline (hand-drawn)" in [t.name for t in figure.data]
    route = next(t for t in figure.data if t.name == "route: fragile")
    assert route.line.dash == "dash" and len([x for x in route.x if x is not None]) == 4
    hovers = [h for t in figure.data if str(t.mode).startswith("markers") and t.hovertext for h in t.hovertext]
    east = next(h for h in hovers if h.startswith("<b>Eastern Aleppo</b>"))
    assert "controlled by Opposition groups" in east and "United Nations [B]" in east and "outline approximate" in east


def test_a_chosen_commodity_fills_areas_by_its_latest_severity() -> None:
    situation = loaded_seed()
    shortages = tables.shortage_table(situation)
    figure = drawn(situation, shortages=shortages, commodity="food")
    food = shortages[shortages["commodity"] == "food"].sort_values("start").groupby("area").last()
    fills = {area: t for t in figure.data if t.fill == "toself" and t.meta for area in t.meta}
    for area, row in food.iterrows():
        assert fills[area].name == row["severity_label"]
    assert fills["manbij"].name == "no data"
    assert figure.layout.title.text == "Food shortage by area"


def test_the_view_is_the_chosen_area_and_what_lies_inside_it() -> None:
    situation = loaded_seed()
    whole = drawn(situation).layout.xaxis.range
    city = drawn(situation, focus="aleppo").layout.xaxis.range
    assert whole[0] < 36.63 and whole[1] > 37.95  # Idlib to Manbij
    assert 37.0 < city[0] < 37.08 and 37.24 < city[1] < 37.4
    names = [a.text for a in drawn(situation, focus="aleppo").layout.annotations]
    assert "Eastern Aleppo" in names and "Manbij" not in names


def test_an_area_on_the_teams_boundaries_and_one_of_its_own_are_both_drawn() -> None:
    situation = load_situation(CASES / "valid" / "boundaries.yaml").situation
    assert situation is not None
    figure = drawn(situation)
    drawn_areas = {area for t in figure.data if t.fill == "toself" and t.meta for area in t.meta}
    assert drawn_areas == {"testland", "north", "south", "old-town"}


def test_thousands_of_events_and_areas_stay_a_few_traces() -> None:
    situation = scaled_seed(150)  # 1,050 events in 900 areas
    events = tables.event_table(situation)
    assert len(events) > figures.MAX_MARKERS
    figure = drawn(situation)
    counted = [t for t in figure.data if t.name == "events (count)"]
    assert len(counted) == 1 and len(counted[0].x) == events["area"].nunique() < len(events)  # a marker per area
    assert len(figure.data) < 40 and not figure.layout.annotations  # past MAX_LABELLED_AREAS, names only on hover
