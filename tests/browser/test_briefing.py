"""The offline briefing in real Chromium, opened from disk with every network request refused: values, charts, print,
labels that never overprint, a phone's width; and the PDF from the dashboard's Download box."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from situation.exports.briefing.page import build_briefing
from situation.load.loader import load_situation
from situation.views.derived import Derived
from tests.browser.conftest import ROOT
from tests.browser.servers import seed_text
from tests.paths import REVISION, SEED

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

    from tests.browser.conftest import OpenPage, StartStreamlit

HOSTILE = "<img src=x onerror=alert(1)>"


def write_briefing(path: Path, source: Path = SEED) -> Path:
    situation = load_situation(source).situation
    assert situation is not None
    briefing = build_briefing(Derived(situation))
    assert briefing.chart_problem is None
    path.write_text(briefing.html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def briefing_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_briefing(tmp_path_factory.mktemp("briefing") / "briefing.html")


def open_offline(page: Page, path: Path) -> list[str]:
    """Open the file with every request but the file itself refused; return every URL the page asked for."""
    url = path.as_uri()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    def only_the_file(route: Route) -> None:
        route.continue_() if route.request.url == url else route.abort()

    page.route("**/*", only_the_file)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return requested


def test_the_briefing_opens_offline_and_asks_for_nothing(
    briefing_file: Path, page_recorder: OpenPage, screenshot_dir: Path
) -> None:
    recorded = page_recorder(viewport={"width": 1000, "height": 1400})
    requested = open_offline(recorded.page, briefing_file)
    assert requested == [briefing_file.as_uri()]

    text = recorded.page.inner_text("body")
    for shown in (
        "Siege of eastern Aleppo",
        "Situation as of 8 August 2016",
        "about 250,000",
        "People under siege",
        "about 90%",
        "unknown",
        "4 Severe",
        "Insufficient evidence",
        "fragile — convoys cannot pass",
        "Rebel forces have broken the government siege of eastern Aleppo.",
        "SANA (Syrian Arab News Agency) [D]",
        "credibility 3 possibly true",
    ):
        assert shown in text, shown
    charts = recorded.page.locator("figure svg")
    assert charts.count() == 5
    for index in range(5):
        box = charts.nth(index).bounding_box()
        wide = 380 if index == 0 else 500  # the map shares its row with the areas' list
        assert box is not None and box["width"] >= wide and box["height"] > 120  # sized to their rows for print
    assert "Eastern Aleppo" in charts.nth(1).inner_html()  # the shortage heatmap's own labels
    recorded.page.screenshot(path=screenshot_dir / "briefing.png", full_page=True)


# Each chart's text labels, as the browser lays them out, and every pair whose boxes overlap by more than a pixel.
OVERLAPPING_LABELS = """
() => [...document.querySelectorAll('figure svg')].map(svg => {
  const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  }).filter(b => b.right > b.left && b.bottom > b.top);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
      overlaps.push([a.text, b.text]);
  }
  return {labels: boxes.length, overlaps};
})
"""


@pytest.mark.parametrize("source", [SEED, REVISION], ids=["seed", "revision"])
def test_no_two_labels_of_a_chart_overprint(source: Path, tmp_path: Path, page_recorder: OpenPage) -> None:
    path = write_briefing(tmp_path / "briefing.html", source)
    recorded = page_recorder(viewport={"width": 1000, "height": 1400})
    open_offline(recorded.page, path)
    charts = recorded.page.evaluate(OVERLAPPING_LABELS)
    assert len(charts) == 5 and all(chart["labels"] >= 5 for chart in charts)
    assert [chart["overlaps"] for chart in charts] == [[]] * 5


@pytest.mark.parametrize("source", [SEED, REVISION], ids=["seed", "revision"])
def test_on_a_phone_the_briefing_does_not_scroll_sideways(
    source: Path, tmp_path: Path, page_recorder: OpenPage, screenshot_dir: Path
) -> None:
    path = write_briefing(tmp_path / "briefing.html", source)
    recorded = page_recorder(viewport={"width": 390, "height": 844})
    open_offline(recorded.page, path)
    assert recorded.page.evaluate("document.documentElement.scrollWidth") <= 390
    band = recorded.page.locator("#headline").bounding_box()
    assert band is not None and band["y"] < 844 and band["x"] + band["width"] <= 390  # the headline in the first screen
    recorded.page.screenshot(path=screenshot_dir / f"briefing-390-{source.stem}.png", full_page=True)


def test_the_briefing_prints_to_a4_without_cutting_a_chart(
    briefing_file: Path, page_recorder: OpenPage, screenshot_dir: Path
) -> None:
    recorded = page_recorder()
    open_offline(recorded.page, briefing_file)
    recorded.page.emulate_media(media="print")
    figures = recorded.page.locator("figure")
    styles = [figures.nth(i).evaluate("f => getComputedStyle(f).breakInside") for i in range(figures.count())]
    assert styles == ["avoid"] * 5
    pdf = recorded.page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    (screenshot_dir / "briefing.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and 1 <= pages <= 3


def test_text_from_the_yaml_is_shown_literally_never_run(tmp_path: Path, page_recorder: OpenPage) -> None:
    text = SEED.read_text(encoding="utf-8").replace("document: ../../shared/seed/000_8651377567f7f68b.txt", "")
    text = text.replace("title: Siege of eastern Aleppo", f"title: {HOSTILE}", 1)
    text = text.replace("name: Manbij\n", "name: <script>alert(2)</script>\n", 1)
    source = tmp_path / "hostile.yaml"
    source.write_text(text, encoding="utf-8")
    path = write_briefing(tmp_path / "hostile.html", source)

    recorded = page_recorder()
    dialogs: list[str] = []
    recorded.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    requested = open_offline(recorded.page, path)
    assert requested == [path.as_uri()]
    assert dialogs == []
    assert recorded.page.locator("h1").inner_text() == HOSTILE
    assert "<script>alert(2)</script>" in recorded.page.inner_text("body")
    assert recorded.page.locator("img, script, body svg script").count() == 0


def test_the_dashboards_download_box_gives_the_pdf_briefing(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage
) -> None:
    situations = tmp_path / "situations"
    situations.mkdir()
    (situations / "aleppo-2016-08.yaml").write_text(seed_text(), encoding="utf-8")
    server = start_streamlit(ROOT / "dashboard.py", situations)
    recorded = page_recorder(viewport={"width": 1400, "height": 1000})
    recorded.page.goto(server.url)
    recorded.page.get_by_text("Download", exact=True).click()
    with recorded.page.expect_download(timeout=120_000) as started:
        recorded.page.get_by_role("button", name="Briefing (PDF, A4)").click()
    download = started.value
    assert download.suggested_filename == "aleppo-2016-08-2016-08-08-briefing.pdf"
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 3
    assert recorded.foreign_requests() == []
