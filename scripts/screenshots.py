"""Regenerate docs/screenshots/: every page of the dashboard, light and dark, on a wide screen and on a phone.

`python scripts/screenshots.py [--situations seeds/] [--pages overview charts] [--out docs/screenshots]`
`python scripts/screenshots.py --full --themes light`  (adds each whole page, as docs/screenshots/ keeps them)

The screenshots are documentation: the README shows the Overview from here, and a reviewer sees at a glance what a
change did to every page. It starts `streamlit run dashboard.py` on a free 127.0.0.1 port, as the browser tests do
(the same harness), and drives Debian's chromium with Playwright. Streamlit follows the browser's colour scheme when
the app sets no theme, so dark is the browser context's `color_scheme`. Each shot is the first screen, what a viewer
sees on opening the page; with --full, also the whole page (Streamlit scrolls inside its main area, so the window is
made as tall as the page).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the browser tests' harness, run from anywhere

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from tests.browser.pages import PAGES, SIZES, THEMES, open_view, wait_until_drawn  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

DASHBOARD = ROOT / "dashboard.py"
LOGS = ROOT / "test-artifacts" / "screenshots"


@contextmanager
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--situations", type=Path, default=ROOT / "seeds")
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--sizes", nargs="*", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--themes", nargs="*", default=list(THEMES), choices=list(THEMES))
    parser.add_argument("--query", default="", help="extra URL query, e.g. area=east-aleppo")
    parser.add_argument("--prefix", default="", help="put before each file name, e.g. before-")
    parser.add_argument("--full", action="store_true", help="also the whole page (NAME-SIZE-THEME-full.png)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(DASHBOARD, arguments.situations, LOGS) as server, chromium() as browser:
        for theme in arguments.themes:
            for size in arguments.sizes:
                width, height = SIZES[size]
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=theme)
                page = context.new_page()
                for name in arguments.pages:
                    open_view(page, server.url, name, arguments.query)
                    stem = f"{arguments.prefix}{name}-{size}-{theme}"
                    page.screenshot(path=arguments.out / f"{stem}.png")
                    if arguments.full:
                        tall = page.evaluate(
                            "() => document.querySelector('[data-testid=stMain]')?.scrollHeight ?? document.body.scrollHeight"
                        )
                        page.set_viewport_size({"width": width, "height": max(height, int(tall))})
                        wait_until_drawn(page, PAGES[name])  # Streamlit and plotly redraw for the new size
                        page.screenshot(path=arguments.out / f"{stem}-full.png")
                        page.set_viewport_size({"width": width, "height": height})
                    print(arguments.out / f"{stem}.png")
                context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
