"""The Map page in Chromium with every request off the machine blocked: areas drawn filled on their outlines, a legend,
labels that do not overlap, the view zoomed to a chosen area, and an area recoloured when the as-of date changes.

Screenshots go to test-artifacts/screenshots/; those kept in docs/screenshots/ are taken by scripts/screenshots.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import ROOT, is_local
from tests.paths import SEED, copy_seed

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

    from tests.browser.conftest import OpenPage, Server, StartStreamlit

_FILL_OF = """area => {
    const plot = document.querySelector('.js-plotly-plot');
    const index = plot._fullData.findIndex(t => t.fill === 'toself' && [].concat(t.meta).includes(area));
    return document.querySelectorAll('.scatterlayer .trace')[index].querySelector('path.js-fill').style.fill;
}"""


@pytest.fixture
def server(start_streamlit: StartStreamlit, tmp_path: Path) -> Server:
    return start_streamlit(ROOT / "dashboard.py", copy_seed(tmp_path / SEED.name))


def open_map(page: Page, url: str, blocked: list[str]) -> None:
    """The Map page at `url`, with every request that would leave 127.0.0.1 refused and noted."""

    def refuse_foreign(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", refuse_foreign)
    page.goto(url)
    page.locator(".js-plotly-plot .annotation-text").first.wait_for(timeout=30_000)


def label_boxes(page: Page) -> list[dict[str, float]]:
    return [box for label in page.locator(".js-plotly-plot .annotation-text").all() if (box := label.bounding_box())]


def overlapping(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    def meets(a: dict[str, float], b: dict[str, float]) -> bool:
        return (
            a["x"] < b["x"] + b["width"]
            and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"]
            and b["y"] < a["y"] + a["height"]
        )

    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if meets(boxes[i], boxes[j])]


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_draws_filled_areas_a_legend_and_labels_apart_offline(
    server: Server, page_recorder: OpenPage, screenshot_dir: Path, width: int, height: int, scheme: str
) -> None:
    recorded = page_recorder(viewport={"width": width, "height": height}, color_scheme=scheme)
    page, blocked = recorded.page, []
    open_map(page, f"{server.url}map?situation=aleppo-2016-08", blocked)
    fills = page.locator(".js-plotly-plot path.js-fill")
    assert fills.count() >= 6 + 1  # the seed's six areas on their outlines, and the country around them
    legend = " ".join(page.locator(".js-plotly-plot .legend .legendtext").all_text_contents())
    assert "besieged" in legend and "contested" in legend and "approximate outline" in legend and "route: fragile" in legend
    boxes = label_boxes(page)
    names = page.locator(".js-plotly-plot .annotation-text").all_text_contents()
    assert {"Aleppo city", "Manbij", "Idlib city"} <= set(names)  # districts are named once zoomed in
    assert overlapping(boxes) == [], names
    page.get_by_text("Natural Earth (public domain)").first.wait_for()  # the outlines' attribution under the map
    page.locator(".js-plotly-plot").scroll_into_view_if_needed()
    page.screenshot(path=screenshot_dir / f"map-{width}-{scheme}.png")
    assert blocked == [] and recorded.foreign_requests() == []


def test_choosing_an_area_zooms_to_it_and_the_as_of_date_recolours_it(server: Server, page_recorder: OpenPage) -> None:
    recorded = page_recorder(viewport={"width": 1440, "height": 900})
    page, blocked = recorded.page, []
    open_map(page, f"{server.url}map?situation=aleppo-2016-08", blocked)
    whole = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")
    contested = page.evaluate(_FILL_OF, "ramouseh")

    open_map(page, f"{server.url}map?situation=aleppo-2016-08&area=ramouseh", blocked)
    west, east = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")
    assert west < 37.14 < east and (east - west) < (whole[1] - whole[0]) / 4  # Ramouseh (37.14 E) fills the view
    labels = page.locator(".js-plotly-plot .annotation-text").all_text_contents()
    assert "Ramouseh (southwest Aleppo)" in labels and "Manbij" not in labels
    assert overlapping(label_boxes(page)) == []

    # On 5 August the rebels had not yet taken Ramouseh: no status yet, so not the contested colour.
    open_map(page, f"{server.url}map?situation=aleppo-2016-08&as_of=2016-08-05", blocked)
    before = page.evaluate(_FILL_OF, "ramouseh")
    assert before != contested and contested.startswith("rgb")
    assert blocked == [] and recorded.foreign_requests() == []
