"""In the browser, an analyst picks an earlier as-of date and the cards show the situation as it stood then."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import OpenPage, StartStreamlit
from tests.paths import ROOT, SEED, copy_seed


def test_picking_an_as_of_date_rebuilds_the_cards(
    start_streamlit: StartStreamlit, page_recorder: OpenPage, screenshot_dir: Path, tmp_path: Path
) -> None:
    situation = tmp_path / SEED.name
    copy_seed(situation)
    server = start_streamlit(ROOT / "dashboard.py", situation)
    recorded = page_recorder(viewport={"width": 1400, "height": 1000})
    page = recorded.page
    page.goto(server.url)
    page.locator(".card-value", has_text="about 250,000").wait_for()
    recorded.wait_for_text("fragile — convoys cannot pass")

    # The day and the area are in the sidebar's popover, named for the view on show.
    page.get_by_role("button", name="All areas · as of 8 Aug 2016").click()
    # The date field is a react-aria DateField: open its calendar from the keyboard and pick the day.
    page.get_by_role("spinbutton", name="day, As of").focus()
    page.keyboard.press("Alt+ArrowDown")
    page.get_by_role("button", name="Friday, August 5, 2016").click()

    recorded.wait_for_text("closed — convoys cannot pass", timeout_ms=10_000)
    card_value = page.locator(".card-value", has_text="about 250,000")
    card_value.wait_for(state="detached", timeout=10_000)  # not yet reported on 5 August
    page.wait_for_url("**as_of=2016-08-05**", timeout=10_000)  # the link now opens this view
    page.get_by_role("button", name="All areas · as of 5 Aug 2016").wait_for(timeout=10_000)  # and the popover says so
    page.screenshot(path=screenshot_dir / "as-of-2016-08-05.png")
    assert recorded.foreign_requests() == []
