"""The second revision in a real browser: what a user reads of the shapes updates brought (issue 12).

One server on the revision as it is in the repository (read, never edited), four views of it: the overview on the
file's date and on an earlier day (by link), the Sources & claims page and the Map page. The texts asserted are the
words a user reads; the tables are canvas grids whose cells are in the page, hidden, for screen readers, so those
are waited for as attached rather than visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.browser.test_dashboard import APPEAR_TIMEOUT_MS, DASHBOARD, TALL, card_text, open_page_from_sidebar, wait_for_card
from tests.paths import REVISION

if TYPE_CHECKING:  # the fixtures' types, for readers and type checkers only
    from pathlib import Path

    from tests.browser.conftest import OpenPage, StartStreamlit

GRID_ROWS = """(column) => {
    const grid = [...document.querySelectorAll('canvas table')].find(
        (table) => [...table.querySelectorAll('th')].some((cell) => cell.textContent === column));
    return grid ? [...grid.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => cell.textContent)) : [];
}"""
"""The rows of the table with a column named so, header first, as its cells read (a canvas grid keeps them, hidden,
for screen readers)."""
WATER = "indicator:people-without-water"
PASSAGE = "route:east-aleppo-night-passage"


def test_the_revision_reads_as_its_reports_say(
    start_streamlit: StartStreamlit, page_recorder: OpenPage, screenshot_dir: Path
) -> None:
    server = start_streamlit(DASHBOARD, REVISION)
    recorded = page_recorder(viewport=TALL)
    page = recorded.page

    # As of the file's date (5 September): an open bound in words, and the night passage, whose window ended on
    # 2 September, shown as ended though no one edited the file to say so.
    page.goto(server.url)
    wait_for_card(page, WATER, "over 2,000,000")
    wait_for_card(page, PASSAGE, "ended 2 Sep 2016 (was open 19:00–07:00 to civilians)")
    page.screenshot(path=screenshot_dir / "revision-overview.png", full_page=True)

    # A link to an earlier day: the same passage open, with the day its window ends.
    page.goto(server.url + "?as_of=2016-09-01")
    wait_for_card(page, PASSAGE, "open 19:00–07:00 to civilians until 2 Sep 2016")
    assert "ended" not in card_text(page, PASSAGE)
    page.goto(server.url)
    wait_for_card(page, PASSAGE, "ended 2 Sep 2016")

    open_page_from_sidebar(page, "Sources & claims", "as of 5 September 2016")
    for said in (
        "Settled claims",
        "superseded on 2016-09-04: Government forces retook Ramouseh",
        "(call): The UN called for a weekly 48-hour humanitarian pause",
    ):
        page.get_by_text(said).first.wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.screenshot(path=screenshot_dir / "revision-sources.png", full_page=True)

    open_page_from_sidebar(page, "Map", "as of 5 September 2016")
    page.get_by_text("People hurt, by area and month").wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.wait_for_function(f"(column) => ({GRID_ROWS})(column).length > 1", arg="killed", timeout=APPEAR_TIMEOUT_MS)
    header, *rows = page.evaluate(GRID_ROWS, "killed")
    totals = {row[header.index("area")]: dict(zip(header, row, strict=True)) for row in rows}
    east, ramouseh = totals["Eastern Aleppo"], totals["Ramouseh (southwest Aleppo)"]
    assert (east["killed"], east["injured"], east["missing"]) == ("at least 12", "about 30", "unknown")
    assert ramouseh["killed"] == "up to 100"
    page.screenshot(path=screenshot_dir / "revision-map.png", full_page=True)

    assert recorded.foreign_requests() == [], "the dashboard reached beyond 127.0.0.1"
