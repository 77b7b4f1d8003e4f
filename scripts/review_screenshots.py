"""Screenshots of review before publishing: the draft banner, the editor's version switcher, the publish control and the
History page, light and dark, on a laptop (1440×900) and a phone (390×844), into docs/screenshots/review-*.png.

`python scripts/review_screenshots.py [--out docs/screenshots]`

It makes a team's repository in a temporary folder (the seed committed on `main`, one publication reviewed by jo, a
draft branch, and a draft saved in the working tree), starts the dashboard on it with password sign-in and the roles
(jo is an editor and a reviewer), and signs in as jo in Debian's chromium, as the browser tests do (the same harness).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the browser tests' harness, run from anywhere

from scripts.screenshots import LOGS, chromium  # noqa: E402
from tests.browser.conftest import streamlit_server  # noqa: E402
from tests.browser.pages import SIZES, THEMES, wait_until_drawn  # noqa: E402
from tests.paths import copy_seed  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page

DASHBOARD = ROOT / "dashboard.py"
PASSWORD = "correct horse battery"
GIT = {"GIT_AUTHOR_NAME": "Amina", "GIT_AUTHOR_EMAIL": "amina@example.org", "GIT_COMMITTER_NAME": "Amina"}
TIMEOUT_MS = 30_000


def git(top: Path, *args: str) -> str:
    env = {**os.environ, **GIT, "GIT_COMMITTER_EMAIL": "amina@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True, text=True).stdout.strip()


def people(file: Path, old: int, new: int) -> None:
    file.write_text(file.read_text(encoding="utf-8").replace(f"value: {old}\n", f"value: {new}\n", 1), encoding="utf-8")


def team_repository(top: Path) -> Path:
    """The seed on main, a publication reviewed by jo, a branch, and a draft saved in the working tree."""
    from situation.serve.review.commits import Place
    from situation.serve.review.git import Git
    from situation.serve.review.publish import WORKING_TREE, publish, working_tree_tree

    situations = top / "situations"
    situations.mkdir(parents=True)
    file = situations / "aleppo-2016-08.yaml"
    copy_seed(file)
    git(top, "init", "--quiet", "--initial-branch=main")
    git(top, "add", "--all")
    git(top, "commit", "--quiet", "-m", "The seed, as the article tells it")
    place = Place.of(Git(top), situations)
    first = git(top, "rev-parse", "main")
    people(file, 250000, 255000)
    publish(place, "refs/heads/main", WORKING_TREE, "jo", first, working_tree_tree(place, first))
    git(top, "checkout", "--quiet", "-b", "corridor-update")
    git(top, "commit", "--quiet", "--allow-empty", "-m", "Corridor: waiting for the OCHA flash update")
    git(top, "checkout", "--quiet", "main")
    people(file, 255000, 260000)  # the draft: saved, not published
    return situations


def sign_in(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_label("User name").fill("jo")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wait_until_drawn(page, "Overview")


def open_sidebar(page: Page) -> None:
    """On a phone the sidebar starts closed."""
    opener = page.locator("[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl'] button").first
    if opener.is_visible():
        opener.click()
        page.wait_for_timeout(600)


def close_sidebar(page: Page) -> None:
    closer = page.locator("[data-testid='stSidebarCollapseButton'] button, button[aria-label='Collapse sidebar']").first
    if page.viewport_size and page.viewport_size["width"] < 640 and closer.is_visible():
        closer.click()
        page.wait_for_timeout(600)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    import argon2

    with tempfile.TemporaryDirectory() as scratch:
        situations = team_repository(Path(scratch) / "team")
        hashed = argon2.PasswordHasher().hash(PASSWORD)
        secrets = Path(scratch) / "secrets.toml"
        secrets.write_text(f'[roles]\nreviewers = ["jo"]\n\n[signin.users]\njo = "{hashed}"\n', encoding="utf-8")
        env = {"STREAMLIT_SECRETS_FILES": str(secrets)}
        with streamlit_server(DASHBOARD, situations, LOGS, extra_env=env) as server, chromium() as browser:
            for theme in THEMES:
                for size, (width, height) in SIZES.items():
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=theme)
                    page = context.new_page()
                    sign_in(page, server.url)
                    shots(page, arguments.out, f"{size}-{theme}")
                    context.close()
    return 0


def shots(page: Page, out: Path, suffix: str) -> None:
    open_sidebar(page)
    page.get_by_role("combobox", name="Version on show").click()
    page.wait_for_timeout(500)
    save(page, out / f"review-switcher-{suffix}.png")
    page.get_by_role("option", name="Working tree (live on save)").click()
    page.get_by_text("Draft — not published: 1 change.").first.wait_for(timeout=TIMEOUT_MS)
    close_sidebar(page)
    wait_until_drawn(page, "Overview")
    page.get_by_text("What this draft changes from the published version").first.click()
    page.wait_for_timeout(400)
    save(page, out / f"review-draft-banner-{suffix}.png")
    page.get_by_role("button", name="Review and publish").click()
    page.get_by_role("button", name="Publish", exact=True).wait_for(timeout=TIMEOUT_MS)
    page.wait_for_timeout(400)
    save(page, out / f"review-publish-{suffix}.png")
    page.keyboard.press("Escape")
    open_sidebar(page)
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="History", exact=True).click()
    page.get_by_text("History · every version").first.wait_for(timeout=TIMEOUT_MS)
    close_sidebar(page)
    page.wait_for_timeout(1200)
    save(page, out / f"review-history-{suffix}.png")


def save(page: Page, path: Path) -> None:
    page.screenshot(path=path)
    print(path)


if __name__ == "__main__":
    raise SystemExit(main())
