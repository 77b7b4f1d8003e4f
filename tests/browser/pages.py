"""The dashboard's pages, the screens and themes they are judged at, and how to open one and wait until it is drawn.

Shared by the browser tests of the pages (test_pages.py) and the screenshot script (scripts/screenshots.py), so the
documentation shows exactly what the tests check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

PAGES = {"overview": "Overview", "charts": "Charts", "map": "Map", "sources": "Sources & claims", "changes": "Changes"}
"""URL path → the title in the page's header caption ("Charts · as of 8 August 2016")."""
SIZES = {"1440": (1440, 900), "390": (390, 844)}
"""A laptop and a phone (an iPhone 12-14 in portrait), as the issue names them."""
THEMES = ("light", "dark")
DRAWN_TIMEOUT_MS = 30_000
SETTLE_MS = 700
"""After the last change on the page: plotly lays out labels and legends after its first paint."""

_SETTLED = """() => {
    const running = document.querySelector('[data-testid="stStatusWidget"]')?.innerText?.includes('Running');
    const stale = document.querySelector('[data-stale="true"]');
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    return !running && !stale && plots.every((p) => p.querySelector('.main-svg'));
}"""


CHARTED = {"charts", "map"}
"""Pages that draw at least one chart on the seed and the revision: wait for it, or a check of its labels finds none."""


def open_view(page: Page, base_url: str, name: str, query: str = "") -> None:
    """Go to page `name` (a key of PAGES) with `query` in its URL, and return once it is drawn and has settled."""
    path = "" if name == "overview" else name  # the default page lives at the root; /overview is "Page not found"
    page.goto(f"{base_url}{path}" + (f"?{query}" if query else ""))
    if name in CHARTED:
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=DRAWN_TIMEOUT_MS)
    wait_until_drawn(page, PAGES[name])


def wait_until_drawn(page: Page, title: str) -> None:
    page.get_by_text(f"{title} · as of").first.wait_for(timeout=DRAWN_TIMEOUT_MS)
    page.wait_for_function(_SETTLED, timeout=DRAWN_TIMEOUT_MS, polling=100)
    page.wait_for_timeout(SETTLE_MS)
    page.wait_for_function(_SETTLED, timeout=DRAWN_TIMEOUT_MS, polling=100)
