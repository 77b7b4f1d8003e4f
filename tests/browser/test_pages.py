"""Every page as a viewer sees it, on a laptop and a phone, in light and dark: what issue 13 found wrong, checked.

On the seed and on the second revision (open bounds, windows, statements, settled claims), at 1440×900 and 390×844:
- the Overview's headline band is within the first screen (all of it on the laptop, its start on the phone);
- no page says "nan", "None", "undefined", "Jan 2000" or "−1" (the marks of unfilled cells and blank axes);
- no page is wider than the screen (`document.documentElement.scrollWidth` ≤ the viewport's width);
- no two text labels of a chart overlap (their bounding boxes, from the browser);
- the Overview's cards are bordered boxes, three side by side on the laptop and one under another on the phone;
and, apart: an event type keeps its colour on two views with different areas, and on a phone the sidebar closes
once a page is chosen from it. One server per situation for the whole module, so the run stays short.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from situation.ui.style import PHONE
from tests.browser.conftest import ROOT, Server, streamlit_server
from tests.browser.pages import PAGES, SIZES, THEMES, open_view, wait_until_drawn
from tests.paths import REVISION, SEED

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

DASHBOARD = ROOT / "dashboard.py"
FORBIDDEN = re.compile(r"\bnan\b|\bNone\b(?! or minor)|\bundefined\b|Jan 2000|−1\b")
"""'None or minor' is severity level 1's own name."""

_OVERLAPS = """() => {
    const found = [];
    for (const plot of document.querySelectorAll('.js-plotly-plot')) {
        const labels = [...plot.querySelectorAll('svg text')]
            .filter((t) => t.textContent.trim() && t.getBoundingClientRect().width > 0)
            .map((t) => ({text: t.textContent.trim(), box: t.getBoundingClientRect()}));
        for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
                const a = labels[i].box, b = labels[j].box, s = 1;
                if (a.left < b.right - s && b.left < a.right - s && a.top < b.bottom - s && b.top < a.bottom - s) {
                    found.push(`${labels[i].text} / ${labels[j].text}`);
                }
            }
        }
    }
    return found;
}"""


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Server]]:
    """The dashboard on the seeds folder (in git, for the Changes page) and on a folder holding the revision."""
    logs = ROOT / "test-artifacts" / "screenshots"
    logs.mkdir(parents=True, exist_ok=True)
    revision = tmp_path_factory.mktemp("revision")
    shutil.copy(REVISION, revision / REVISION.name)
    with streamlit_server(DASHBOARD, SEED.parent, logs) as seed, streamlit_server(DASHBOARD, revision, logs) as second:
        yield {"seed": seed, "revision": second}


def main_text(page: Page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("situation", ["seed", "revision"])
def test_every_page_fits_the_screen_and_reads_cleanly(
    servers: dict[str, Server], browser: Browser, screenshot_dir: Path, situation: str, size: str, theme: str
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=theme)
    page = context.new_page()
    try:
        for name in PAGES:
            open_view(page, servers[situation].url, name)
            where = f"{name} on the {situation} at {size} px, {theme}"
            if name == "overview":
                band = page.locator("[data-testid='headline-band']").bounding_box()
                assert band is not None, f"no headline band: {where}"
                assert band["y"] < height * 0.5, f"the headline band starts below the middle of the first screen: {where}"
                if width >= 1000:
                    assert band["y"] + band["height"] <= height, f"the headline band runs below the first screen: {where}"
                assert_cards_laid_out(page, width, where)
            text = main_text(page)
            assert not FORBIDDEN.findall(text), f"{FORBIDDEN.findall(text)} on {where}"
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"the page is {scroll_width} px wide on a {width} px screen: {where}"
            assert page.evaluate(_OVERLAPS) == [], f"chart labels overlap: {where}"
            page.screenshot(path=screenshot_dir / f"page-{name}-{situation}-{size}-{theme}.png")
    finally:
        context.close()


_FIRST_CARDS = """() => [...(document.querySelector('.cards')?.querySelectorAll('.card') ?? [])].slice(0, 3).map((card) => ({
    box: card.getBoundingClientRect().toJSON(), border: parseFloat(getComputedStyle(card).borderTopWidth),
}))"""
"""The first three cards of the first group: where the browser put them, and their border."""


def assert_cards_laid_out(page: Page, width: int, where: str) -> None:
    cards = page.evaluate(_FIRST_CARDS)
    assert len(cards) == 3, f"the seed's first group has at least three cards: {where}"
    assert all(card["border"] > 0 for card in cards), f"a card without a border: {where}"
    boxes = [card["box"] for card in cards]
    for one, next_one in itertools.pairwise(boxes):
        if width >= PHONE:
            assert one["top"] == next_one["top"] and one["right"] <= next_one["left"], f"cards not side by side: {where}"
        else:
            assert one["left"] == next_one["left"] and one["bottom"] <= next_one["top"], f"cards not one under another: {where}"


_EVENTS_PLOT = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .find((p) => (p.layout?.title?.text ?? '').includes('Events by area') && p.querySelector('.main-svg'))"""
"""The events chart once plotly has drawn it (Streamlit wraps the title in <b>)."""


def event_colours(page: Page) -> dict[str, str]:
    """Event type → marker colour, as plotly drew the events chart in the page."""
    page.wait_for_function(f"() => Boolean(({_EVENTS_PLOT})())")
    return page.evaluate(
        f"() => Object.fromEntries((({_EVENTS_PLOT})()?.data ?? []).map((trace) => [trace.name, trace.marker.color]))"
    )


def test_an_event_type_has_the_same_colour_on_views_of_different_areas(servers: dict[str, Server], browser: Browser) -> None:
    seen = {}
    for area in ("", "manbij"):  # each view in its own browser context: a session of its own, as two viewers
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        try:
            open_view(page, servers["seed"].url, "charts", f"situation=aleppo-2016-08&area={area}" if area else "")
            if area:
                page.get_by_text("Charts · as of 8 August 2016 · Manbij").wait_for()
            seen[area or "all"] = event_colours(page)
        finally:
            context.close()
    everywhere, manbij = seen["all"], seen["manbij"]
    shared = set(everywhere) & set(manbij)
    assert len(shared) >= 2 and set(manbij) < set(everywhere), (everywhere, manbij)  # Manbij has fewer types than all
    assert {name: manbij[name] for name in shared} == {name: everywhere[name] for name in shared}


def test_on_a_phone_the_sidebar_closes_after_choosing_a_page(servers: dict[str, Server], browser: Browser) -> None:
    width, height = SIZES["390"]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    is_open = "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right > 10"
    try:
        open_view(page, servers["seed"].url, "overview")
        assert not page.evaluate(is_open), "the sidebar starts closed on a phone"
        page.locator("[data-testid='stExpandSidebarButton']").click()
        page.wait_for_function(is_open, timeout=5_000)
        page.locator("[data-testid='stSidebarNav'] a", has_text="Charts").click()
        wait_until_drawn(page, "Charts")
        page.wait_for_function(f"() => !({is_open})()", timeout=5_000)  # raises, saying so, if it stays open
    finally:
        context.close()
