"""Sign-in in a real browser: nothing of a situation before it, only allowed situations after it.

What a team relies on, and what each test proves:
- With named users and passwords set up, the page asks for a sign-in and shows none of the seed's figures; a wrong
  password is refused; after five wrong ones even the right password must wait; the right one, in time, shows the
  cards; signing out hides them again.
- With an OpenID Connect provider (oidc-provider-mock on 127.0.0.1, the full authorization-code flow through
  Streamlit's st.login), a person signs in at the provider and sees the cards of the situations the allow-list gives
  them, and not the other one; a person the allow-list gives nothing sees a plain message.

Each test writes its own secrets.toml in tmp_path and points Streamlit at it (STREAMLIT_SECRETS_FILES).
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import TYPE_CHECKING

import argon2

from tests.browser.conftest import ROOT, free_port, is_local
from tests.browser.servers import oidc_provider, other_situation_text, page_text, seed_text, wait_for_people

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

    from tests.browser.conftest import OpenPage, StartStreamlit

DASHBOARD = ROOT / "dashboard.py"
VIEWPORT = {"width": 1400, "height": 1000}
PASSWORD = "correct horse battery"
FIRST_WAIT_S = 3
TIMEOUT_MS = 15_000


def situations(tmp_path: Path, *, other: bool = False) -> Path:
    folder = tmp_path / "situations"
    folder.mkdir()
    (folder / "aleppo-2016-08.yaml").write_text(seed_text(), encoding="utf-8")
    if other:
        (folder / "other-place.yaml").write_text(other_situation_text(), encoding="utf-8")
    return folder


def secrets_file(tmp_path: Path, text: str) -> dict[str, str]:
    """Write a secrets.toml outside the repository; the environment that makes Streamlit read it."""
    path = tmp_path / "secrets.toml"
    path.write_text(text, encoding="utf-8")
    return {"STREAMLIT_SECRETS_FILES": str(path)}


def shows_no_situation(page: Page) -> None:
    text = page_text(page).casefold()
    assert "250,000" not in text and "siege of eastern aleppo" not in text, text


def sign_in(page: Page, name: str, password: str, expect: str | None = None) -> None:
    """Fill the form and send it; with `expect`, wait until the page says it (each try has its own message)."""
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    if expect is not None:
        page.locator("[data-testid='stAlert']").filter(has_text=expect).wait_for(timeout=TIMEOUT_MS)


def alerts(page: Page) -> list[str]:
    return [text.strip() for text in page.locator("[data-testid='stAlert']").all_inner_texts()]


def test_password_sign_in(tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage, screenshot_dir: Path) -> None:
    hashed = argon2.PasswordHasher().hash(PASSWORD)
    env = secrets_file(
        tmp_path,
        f'[signin]\nfirst_wait_seconds = {FIRST_WAIT_S}\n\n[signin.users]\namina = "{hashed}"\n',
    )
    server = start_streamlit(DASHBOARD, situations(tmp_path), extra_env=env)
    recorded = page_recorder(viewport=VIEWPORT)
    page = recorded.page
    page.goto(server.url)
    page.get_by_label("User name").wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=screenshot_dir / "signin.png", full_page=True)
    shows_no_situation(page)

    for tries_left in ("4 more tries", "3 more tries", "2 more tries", "1 more try"):
        sign_in(page, "amina", "not the password", expect=f"Wrong user name or password. {tries_left} before a wait.")
        assert len(alerts(page)) == 1
        shows_no_situation(page)
    sign_in(page, "amina", "still not the password", expect="The next try must wait a little.")
    sign_in(page, "amina", PASSWORD, expect="Too many wrong passwords for this user name. Wait")  # right, but too soon
    assert len(alerts(page)) == 1
    shows_no_situation(page)

    time.sleep(FIRST_WAIT_S)
    sign_in(page, "amina", PASSWORD)
    wait_for_people(page, "about 250,000")
    assert "Signed in as amina" in page_text(page)
    page.screenshot(path=screenshot_dir / "signed-in.png", full_page=True)

    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You have signed out.").wait_for(timeout=TIMEOUT_MS)
    shows_no_situation(page)
    assert recorded.foreign_requests() == []


def oidc_secrets(app_port: int, issuer: str, access: str) -> str:
    return (
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        'client_id = "situation-dashboard"\n'
        f'client_secret = "{secrets.token_urlsafe(16)}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n\n'
        f"[access]\n{access}"
    )


def sign_in_at_provider(page: Page, app_url: str, email: str) -> None:
    """The whole flow: the dashboard's button, the provider's form (who signs in), back to the dashboard."""
    page.goto(app_url)
    page.get_by_role("button", name="Sign in with your organisation's account").click()
    page.locator("input[name='sub']").fill(email)  # oidc-provider-mock: the person signing in, and their e-mail
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app_url}**", timeout=TIMEOUT_MS)


def only_local(route: Route) -> None:
    """The provider's form links a stylesheet from a CDN: refuse it rather than wait for a network there is not."""
    if is_local(route.request.url):
        route.continue_()
    else:
        route.abort()


def test_openid_connect_sign_in_and_the_allow_list(
    tmp_path: Path,
    start_streamlit: StartStreamlit,
    page_recorder: OpenPage,
    screenshot_dir: Path,
) -> None:
    with oidc_provider(screenshot_dir) as issuer:
        port = free_port()
        access = '"amina@example.org" = ["aleppo-*"]\n"jo@example.org" = ["other-place"]\n'
        env = secrets_file(tmp_path, oidc_secrets(port, issuer, access))
        server = start_streamlit(DASHBOARD, situations(tmp_path, other=True), port=port, extra_env=env)

        amina = page_recorder(viewport=VIEWPORT).page
        amina.route("**/*", only_local)
        amina.goto(server.url)
        amina.get_by_role("button", name="Sign in with your organisation's account").wait_for(timeout=TIMEOUT_MS)
        shows_no_situation(amina)

        sign_in_at_provider(amina, server.url, "amina@example.org")
        wait_for_people(amina, "about 250,000")
        text = page_text(amina)
        assert "Signed in as amina@example.org" in text
        assert "Another place" not in text  # not on amina's list: not in the picker, not anywhere
        amina.screenshot(path=screenshot_dir / "signed-in-oidc.png", full_page=True)
        amina.goto(server.url + "?situation=other-place")  # a link to a situation she may not see
        wait_for_people(amina, "about 250,000")
        assert "Another place" not in page_text(amina)

        nobody = page_recorder(viewport=VIEWPORT).page
        nobody.route("**/*", only_local)
        sign_in_at_provider(nobody, server.url, "nobody@example.org")
        nobody.get_by_text("No situation is shared with nobody@example.org yet.").wait_for(timeout=TIMEOUT_MS)
        shows_no_situation(nobody)
