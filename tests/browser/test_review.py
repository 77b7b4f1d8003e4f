"""Review before publishing, through deploy/nginx.conf, with two people signed in with passwords in Chromium.

A partner (no role) and an editor who is also a reviewer open the same server through nginx while the team's
repository holds a draft in its working tree (260,000 people where 250,000 are published). What the test proves:
- the partner never sees the draft value: not on any page, not in any download, not in any websocket message;
- the editor switches to the draft and sees it, under the draft banner, and its downloads say they are a draft;
- the editor publishes it from the page, git records the reviewer, and the partner's open page shows the new value
  without anyone touching it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import argon2

from tests.browser.conftest import ROOT, free_port
from tests.browser.servers import nginx, page_text, wait_for_people
from tests.browser.test_signin import secrets_file, sign_in
from tests.serve.review.repository import Repository

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import OpenPage, StartStreamlit

DASHBOARD = ROOT / "dashboard.py"
VIEWPORT = {"width": 1400, "height": 1000}
PASSWORD = "correct horse battery"
DRAFT_VALUES = (b"260,000", b"260000")
PAGES = ("Charts", "Map", "Sources & claims", "Changes", "History", "Overview")
DOWNLOADS = ("Tables (JSON)", "Tables (CSV, zip)", "Tables (HXL, zip)", "Briefing (HTML, offline)")
TIMEOUT_MS = 30_000


def secrets(tmp_path: Path) -> dict[str, str]:
    hashed = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)
    return secrets_file(
        tmp_path,
        f'[roles]\neditors = ["jo"]\nreviewers = ["jo"]\n\n[signin.users]\npartner = "{hashed}"\njo = "{hashed}"\n',
    )


def listen(page: Page, frames: list[bytes]) -> None:
    """Keep every websocket message the server sends this page."""
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda data: frames.append(data if isinstance(data, bytes) else data.encode())),
    )


def go(page: Page, name: str) -> None:
    """To a page through the sidebar, as a person does (a new address would start a new session, signed out)."""
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=name, exact=True).click()
    page.get_by_text(f"{name} · " if name != "History" else "History · every version").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_timeout(500)  # charts and tables draw after the title


def downloaded(page: Page, label: str) -> bytes:
    box = page.get_by_text("Download", exact=True).first
    if not page.get_by_role("button", name=label).is_visible():
        box.click()
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name=label).click()
    content = Path(download.value.path()).read_bytes()
    if content[:2] == b"PK":  # a zip: what a person opens is its files
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return b"\n".join(archive.read(name) for name in archive.namelist())
    return content


def test_a_partner_never_sees_the_draft_and_follows_its_publication(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage, screenshot_dir: Path
) -> None:
    repository = Repository(tmp_path / "team")
    repository.set_people(260000)  # the draft: saved in the working tree, not published
    app = start_streamlit(DASHBOARD, repository.situations, extra_env=secrets(tmp_path))
    with nginx(tmp_path / "nginx", free_port(), [app.port]) as proxy:
        partner = page_recorder(viewport=VIEWPORT, accept_downloads=True).page
        frames: list[bytes] = []
        listen(partner, frames)
        partner.goto(proxy.url)
        sign_in(partner, "partner", PASSWORD)
        wait_for_people(partner, "about 250,000")

        editor = page_recorder(viewport=VIEWPORT, accept_downloads=True).page
        editor.goto(proxy.url)
        sign_in(editor, "jo", PASSWORD)
        wait_for_people(editor, "about 250,000")  # an editor, too, opens on what partners see
        editor.get_by_role("combobox", name="Version on show").click()  # Streamlit's selectbox, then its option
        editor.get_by_role("option", name="Working tree (live on save)").click()
        wait_for_people(editor, "about 260,000")
        editor.get_by_text("Draft — not published: 1 change.").first.wait_for(timeout=TIMEOUT_MS)
        assert b'"not_published": "Draft \xe2\x80\x94 not published: 1 change"' in downloaded(editor, "Tables (JSON)")

        for name in PAGES:  # every page, and every download, while the draft is open beside
            go(partner, name)
            text = page_text(partner)
            assert "260,000" not in text and "Draft" not in text, name
        assert "Version on show" not in page_text(partner)
        for label in DOWNLOADS:
            content = downloaded(partner, label)
            assert len(content) > 1000 and not any(value in content for value in DRAFT_VALUES), label
        partner.screenshot(path=screenshot_dir / "review-partner-before.png")
        seen = len(frames)
        assert seen > 10 and not [f for f in frames if any(value in f for value in DRAFT_VALUES)]

        editor.get_by_role("button", name="Review and publish").click()
        editor.get_by_role("button", name="Publish", exact=True).click()
        editor.get_by_text("Published: main now at").first.wait_for(timeout=TIMEOUT_MS)
        assert repository.git("log", "-1", "--format=%(trailers:key=Reviewed-by,valueonly)", "main") == "jo"

        wait_for_people(partner, "about 260,000")  # nobody touched the partner's page
        partner.screenshot(path=screenshot_dir / "review-partner-after.png")
        assert any(b"260,000" in f for f in frames[seen:])
