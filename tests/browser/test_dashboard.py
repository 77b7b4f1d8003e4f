"""The dashboard in a real browser, checked the way its users check it.

What a user relies on, and what each test proves:
- Opening the dashboard shows the overview's cards (people under siege, shortages, the corridor, a contested claim), and
  every page (charts, map, sources and claims) opens from the sidebar, without the page reaching beyond 127.0.0.1.
- Saving the situation file updates the open page by itself, within seconds, however the editor saves: in place, by
  renaming a temporary file over it, or by deleting and recreating it.
- A save caught half-written is never shown: the page goes from the old version straight to the whole new one.
- A broken save does not blank the page: the last good values stay, under a banner naming FILE:LINE:COL and the
  problem; fixing the file removes the banner.
- A shared link (page, situation and area in the URL) opens that view, and the URL keeps it.
- Text from the file is shown as written: markup in a title is neither rendered nor run.

Every test starts `streamlit run dashboard.py -- --situations COPY` on its own copy of the seed in tmp_path.
Text is looked for inside the card it belongs to (`<div class="card card-…" data-card="KEY">`), because the seed's summary
also says "About 250,000".
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from situation.load.loader import parse_situation
from situation.ui.style import card_class
from tests.browser.conftest import ROOT, RecordedPage
from tests.browser.servers import SEED, seed_text

if TYPE_CHECKING:  # the fixtures' types, for readers and type checkers only
    from playwright.sync_api import Page

    from tests.browser.conftest import OpenPage, StartStreamlit

DASHBOARD = ROOT / "dashboard.py"
SITUATION_ID = "aleppo-2016-08"
PEOPLE = "indicator:people-under-siege"
CORRIDOR = "route:east-aleppo-corridor"
VIEWPORT = {"width": 1400, "height": 1000}
TALL = {"width": 1400, "height": 2400}
"""For screenshots: Streamlit scrolls inside its main area, so a full-page screenshot is only as tall as the window."""

APPEAR_TIMEOUT_MS = 10_000
"""How long anything may take to appear before the test gives up."""


# --- The situation file ----------------------------------------------------------------------------------------


def seed_with(*replacements: tuple[str, str]) -> str:
    """The seed with each `old` text, which must occur exactly once, replaced by `new`."""
    text = seed_text()
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the seed"
        text = text.replace(old, new)
    return text


def people(value: int) -> tuple[str, str]:
    """The replacement that sets the people-under-siege figure."""
    return ("value: 250000", f"value: {value}")


def write_in_place(path: Path, text: str) -> None:
    """Overwrite the file itself (same inode), as most editors do."""
    path.write_text(text, encoding="utf-8")


def save_by_rename(path: Path, text: str) -> None:
    """Write a temporary file beside it and rename it over the original, as vim, git and atomic savers do."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # os.replace


def save_by_recreate(path: Path, text: str) -> None:
    """Delete the file, then create it again."""
    path.unlink()
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def situation_file(tmp_path: Path) -> Path:
    """A copy of the seed in its own folder, under the seed's own name."""
    folder = tmp_path / "situations"
    folder.mkdir()
    path = folder / SEED.name
    write_in_place(path, seed_text())
    return path


# --- The page --------------------------------------------------------------------------------------------------


def card_text(page: Page, card_key: str) -> str:
    """What a card says now ('' when it is not on the page)."""
    return page.evaluate("(cls) => document.querySelector('.' + cls)?.innerText ?? ''", card_class(card_key))


def wait_for_card(page: Page, card_key: str, text: str, timeout_ms: float = APPEAR_TIMEOUT_MS) -> None:
    """Wait until the card shows `text`."""
    page.wait_for_function(
        "([cls, text]) => (document.querySelector('.' + cls)?.innerText ?? '').includes(text)",
        arg=[card_class(card_key), text],
        polling=20,
        timeout=timeout_ms,
    )


def main_text(page: Page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


OpenDashboard = Callable[..., RecordedPage]


@pytest.fixture
def open_dashboard(start_streamlit: StartStreamlit, page_recorder: OpenPage) -> OpenDashboard:
    """Factory: `open_dashboard(situations, path="", viewport=VIEWPORT)` starts the dashboard and opens `path` in a
    recording page."""

    def open_page(situations: Path, path: str = "", viewport: dict[str, int] = VIEWPORT) -> RecordedPage:
        server = start_streamlit(DASHBOARD, situations)
        recorded = page_recorder(viewport=viewport)
        recorded.page.goto(server.url + path)
        return recorded

    return open_page


def open_page_from_sidebar(page: Page, title: str, as_of: str = "as of 8 August 2016") -> None:
    """Click the page's link in the sidebar and wait for its header (the seed's date unless told)."""
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).click()
    page.get_by_text(f"{title} · {as_of}").wait_for(timeout=APPEAR_TIMEOUT_MS)


# --- The tests -------------------------------------------------------------------------------------------------


def test_first_visit_shows_the_overview(situation_file: Path, open_dashboard: OpenDashboard) -> None:
    """The very first person to open a freshly started dashboard sees the cards, not an empty page.

    Every test opens a fresh server, but this one says plainly what went wrong: at one time a run_every fragment drawn
    before st.navigation left the main area blank on most first visits.
    """
    recorded = open_dashboard(situation_file)
    try:
        wait_for_card(recorded.page, PEOPLE, "about 250,000")
    except Exception as error:  # a Playwright TimeoutError: say what the page showed instead
        raise AssertionError(
            f"the first visit did not show the people-under-siege card within {APPEAR_TIMEOUT_MS / 1000:.0f} s; "
            f"the main area showed {main_text(recorded.page)!r}"
        ) from error


def test_overview_and_every_page(situation_file: Path, open_dashboard: OpenDashboard, screenshot_dir: Path) -> None:
    recorded = open_dashboard(situation_file, viewport=TALL)
    page = recorded.page

    wait_for_card(page, PEOPLE, "about 250,000")
    assert "People under siege" in card_text(page, PEOPLE)
    assert "contested" in card_text(page, PEOPLE)
    wait_for_card(page, CORRIDOR, "fragile — convoys cannot pass")
    assert "contested" in card_text(page, CORRIDOR)
    for commodity in ("food", "fuel", "medicine"):
        assert "4 Severe" in card_text(page, f"shortage:east-aleppo:{commodity}")
    for commodity in ("food", "cooking_gas"):
        assert "Insufficient evidence" in card_text(page, f"shortage:west-aleppo:{commodity}")
    page.screenshot(path=screenshot_dir / "overview.png", full_page=True)

    open_page_from_sidebar(page, "Charts")
    page.locator(".js-plotly-plot").first.wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= 4", timeout=APPEAR_TIMEOUT_MS)
    page.screenshot(path=screenshot_dir / "charts.png", full_page=True)

    open_page_from_sidebar(page, "Map")
    page.locator(".js-plotly-plot").first.wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.get_by_text("dashed outlines are approximate").first.wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.screenshot(path=screenshot_dir / "map.png", full_page=True)

    open_page_from_sidebar(page, "Sources & claims")
    page.get_by_text("Contested claims").wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.get_by_text("Rebel forces have broken the government siege of eastern Aleppo.").first.wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.screenshot(path=screenshot_dir / "sources.png", full_page=True)

    assert recorded.foreign_requests() == [], "the dashboard reached beyond 127.0.0.1"


def test_saved_edits_appear_by_themselves(situation_file: Path, open_dashboard: OpenDashboard) -> None:
    page = open_dashboard(situation_file).page
    wait_for_card(page, PEOPLE, "about 250,000")
    page.evaluate("window.stillTheSamePage = true")  # gone if the page reloads

    for save, value in ((write_in_place, 260_000), (save_by_rename, 270_000), (save_by_recreate, 280_000)):
        save(situation_file, seed_with(people(value)))
        wait_for_card(page, PEOPLE, f"about {value:,}")  # how fast is the benchmarks' question, not this test's

    assert page.evaluate("window.stillTheSamePage === true"), "the page reloaded instead of updating"
    assert "problem(s)" not in main_text(page)


HALF_WRITE_PAUSE_S = 0.3
"""The pause between the two writes of a save, as the issue states it (300 ms): inside the watcher's quiet period
(0.4 s), as an editor or a slow disk writing a file in pieces would leave it."""
LAST_EVENT = "  - id: manbij-safe-passage-offer\n"
MARKER = "Marker, the whole file was saved."


def test_a_half_written_save_is_never_shown(situation_file: Path, open_dashboard: OpenDashboard) -> None:
    # The new version: a new figure near the top, and at the very end the last event made Manbij's headline
    # (a battle outranks a strategic development) with a marker as its summary.
    new_text = seed_with(
        people(290_000),
        ("    type: strategic_developments\n    sub_type: other\n", "    type: battles\n    sub_type: armed_clash\n"),
        (
            "summary: The SDF's Manbij Military Council offered ISIS fighters safe passage",
            f"summary: {MARKER} The SDF's Manbij Military Council offered ISIS fighters safe passage",
        ),
    )
    # The first part: everything before the last event. It has the new figure and is a valid situation on its own,
    # so only the watcher's waiting for the file to settle keeps it off the screen.
    new_bytes = new_text.encode()
    first_part = new_bytes[: new_bytes.index(LAST_EVENT.encode())]
    assert parse_situation(first_part, "first-part.yaml").ok, "the first part must be valid, or this test proves nothing"
    assert b"value: 290000" in first_part and MARKER.encode() not in first_part
    assert parse_situation(new_bytes, "new.yaml").ok

    page = open_dashboard(situation_file).page
    wait_for_card(page, PEOPLE, "about 250,000")
    wait_for_card(page, "headline:manbij", "The SDF has taken about 90% of Manbij")

    def save_in_two_writes() -> None:  # one save, in place, written in two pieces
        with situation_file.open("wb") as file:
            file.write(first_part)
            file.flush()
            os.fsync(file.fileno())
            time.sleep(HALF_WRITE_PAUSE_S)
            file.write(new_bytes[len(first_part) :])

    # Watch the page every 50 ms for 2 s from the first write on. A look counts only when both cards come from the
    # same run: while Streamlit sends a run, the groups of cards it has not re-sent yet still show the previous run,
    # their element marked stale.
    snapshot = """([people, manbij]) => {
        const card = (cls) => document.querySelector('.' + cls);
        const stale = (cls) => card(cls)?.closest('[data-stale="true"]') != null;
        return {
            people: card(people)?.innerText ?? '', manbij: card(manbij)?.innerText ?? '',
            same_run: !stale(people) && !stale(manbij),
        };
    }"""
    classes = [card_class(PEOPLE), card_class("headline:manbij")]
    writer = threading.Thread(target=save_in_two_writes)
    writer.start()
    half_shown = []
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        seen = page.evaluate(snapshot, classes)
        if seen["same_run"] and "about 290,000" in seen["people"] and MARKER not in seen["manbij"]:
            half_shown.append(seen)
        page.wait_for_timeout(50)
    writer.join()
    assert half_shown == [], "the page showed the half-written file: the new figure without the end of the file"

    wait_for_card(page, PEOPLE, "about 290,000")
    wait_for_card(page, "headline:manbij", MARKER)


def test_a_broken_save_keeps_the_last_good_version(
    situation_file: Path, open_dashboard: OpenDashboard, screenshot_dir: Path
) -> None:
    page = open_dashboard(situation_file).page
    wait_for_card(page, PEOPLE, "about 250,000")

    # A new figure, but a credibility off the 1-6 scale on the same observation.
    bad_line = "        credibility: 3             # CNN cites unnamed"
    broken = seed_with(people(265_000), (bad_line, bad_line.replace("3", "9", 1)))
    line_number = next(n for n, line in enumerate(broken.splitlines(), 1) if "credibility: 9" in line)
    column = broken.splitlines()[line_number - 1].index("9") + 1
    problems = parse_situation(broken.encode(), str(situation_file)).problems
    assert problems, "the broken version must be invalid"
    message = problems[0].message
    write_in_place(situation_file, broken)

    banner = page.locator("[data-testid='stCode']", has_text=f"{situation_file.name}:{line_number}:{column}:")
    banner.first.wait_for(timeout=APPEAR_TIMEOUT_MS)
    assert message in banner.first.inner_text()
    page.get_by_text(f"{situation_file.name} has 1 problem(s)").wait_for(timeout=APPEAR_TIMEOUT_MS)
    assert "about 250,000" in card_text(page, PEOPLE), "the last good value must stay on show"
    assert "about 265,000" not in card_text(page, PEOPLE)
    page.screenshot(path=screenshot_dir / "broken.png", full_page=True)

    write_in_place(situation_file, seed_with(people(265_000)))
    wait_for_card(page, PEOPLE, "about 265,000")
    page.get_by_text("problem(s)").wait_for(state="detached", timeout=APPEAR_TIMEOUT_MS)
    # The problem lines are gone (the change notice may list what changed, in a code block of its own).
    assert page.locator("[data-testid='stCode']", has_text=f"{situation_file.name}:").count() == 0


def test_a_shared_link_opens_that_view(situation_file: Path, open_dashboard: OpenDashboard) -> None:
    query = f"situation={SITUATION_ID}&area=manbij"
    page = open_dashboard(situation_file, f"sources?{query}").page
    page.get_by_text("Sources & claims · as of 8 August 2016 · Manbij").wait_for(timeout=APPEAR_TIMEOUT_MS)
    view = page.get_by_role("button", name="Manbij · as of 8 Aug 2016")  # the sidebar's view choices, named for the view
    view.wait_for(timeout=APPEAR_TIMEOUT_MS)
    page.wait_for_timeout(1_000)  # let any later run rewrite the URL, if it were going to
    assert page.url.endswith(f"/sources?{query}"), page.url
    view.click()
    assert page.locator("input[aria-label='Area']").input_value() == "Manbij"


def test_markup_in_the_file_is_shown_as_text(situation_file: Path, open_dashboard: OpenDashboard) -> None:
    title = "<img src=x onerror=alert(1)> **bold**"
    write_in_place(situation_file, seed_with(("title: Siege of eastern Aleppo", f'title: "{title}"')))
    recorded = open_dashboard(situation_file)
    page = recorded.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    wait_for_card(page, PEOPLE, "about 250,000")
    heading = page.locator("[data-testid='stMain'] h1")
    assert heading.inner_text().strip() == title
    assert page.locator("[data-testid='stMain'] h1 strong, [data-testid='stMain'] h1 b").count() == 0
    page.wait_for_timeout(500)  # give an injected image's onerror the time to fire
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("[data-testid='stMain'] img").count() == 0
    assert dialogs == []


MANBIJ_CLAIM = "ISIS is holding civilians in Manbij as human shields."


def test_an_edit_keeps_each_viewer_on_their_page_and_area(situation_file: Path, open_dashboard: OpenDashboard) -> None:
    """The server wakes open pages itself on a change; each must stay on the page and area its viewer chose."""
    page = open_dashboard(situation_file).page
    wait_for_card(page, PEOPLE, "about 250,000")
    page.get_by_role("button", name="All areas · as of 8 Aug 2016").click()  # the sidebar's view choices
    page.locator("input[aria-label='Area']").click()
    page.get_by_role("option", name="Manbij").click()
    page.get_by_text("Overview · as of 8 August 2016 · Manbij").wait_for(timeout=APPEAR_TIMEOUT_MS)
    open_page_from_sidebar(page, "Sources & claims")
    page.get_by_text("Sources & claims · as of 8 August 2016 · Manbij").wait_for(timeout=APPEAR_TIMEOUT_MS)
    url = page.url

    # The claims table is a canvas grid; its cells are also in the page, hidden, for screen readers.
    page.get_by_text(MANBIJ_CLAIM).first.wait_for(state="attached", timeout=APPEAR_TIMEOUT_MS)  # the table, and its quote
    write_in_place(situation_file, seed_with((MANBIJ_CLAIM, MANBIJ_CLAIM.replace("civilians", "many civilians"))))
    page.get_by_text(MANBIJ_CLAIM.replace("civilians", "many civilians")).first.wait_for(
        state="attached", timeout=APPEAR_TIMEOUT_MS
    )
    assert page.get_by_text("Sources & claims · as of 8 August 2016 · Manbij").is_visible()
    assert page.get_by_role("button", name="Manbij · as of 8 Aug 2016").is_visible()
    assert page.url == url
