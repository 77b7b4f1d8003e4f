"""The sign-in gate in the real app (AppTest): nothing of a situation before signing in, and only allowed situations after.

The browser tests (tests/browser/test_signin.py) prove the same through a real server and Chromium; these are quick and
cover the cases a browser test would make slow: expiry, a broken secrets table, the allow-list's corners.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import argon2
import pytest
from streamlit.testing.v1 import AppTest

from situation.serve.state import SERVER
from situation.ui.signin import SESSION_KEY
from tests.paths import ROOT, SEED
from tests.ui.apptest import TIMEOUT, all_text, metrics, page_heading, shown

PASSWORD = "correct horse battery"
HASH = argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(PASSWORD)
SEED_FIGURE = "250,000"


@pytest.fixture
def two_situations(tmp_path: Path) -> Path:
    """The seed and a copy of it under another id and title, in one folder."""
    folder = tmp_path / "situations"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (folder / SEED.name).write_text(text, encoding="utf-8")
    other = text.replace("id: aleppo-2016-08\n", "id: other-place\n").replace(
        "title: Siege of eastern Aleppo\n", "title: Another place\n"
    )
    (folder / "other-place.yaml").write_text(other, encoding="utf-8")
    return folder


def open_app(situations: Path, secrets: dict[str, Any], monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    monkeypatch.setenv("SITUATIONS_PATH", str(situations))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.secrets.update(secrets)
    app.query_params.update(query)
    return app.run()


def sign_in(app: AppTest, name: str, password: str) -> AppTest:
    app.text_input[0].input(name)
    app.text_input[1].input(password)
    app.button[0].click()
    return app.run()


def everything_shown(app: AppTest) -> str:
    return "\n".join([all_text(app), *(shown(t.value) for t in app.title), *(str(i.value) for i in app.info)])


def users(**access: list[str]) -> dict[str, Any]:
    secrets: dict[str, Any] = {"signin": {"users": {"amina": HASH, "jo": HASH}}}
    if access:
        secrets["access"] = access
    return secrets


def test_before_signing_in_nothing_of_the_situation_is_shown(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, users(), monkeypatch)
    assert not app.exception
    assert not metrics(app)
    assert SEED_FIGURE not in everything_shown(app)
    assert "Siege of eastern Aleppo" not in everything_shown(app)
    assert [t.label for t in app.text_input] == ["User name", "Password"]
    assert dict(app.query_params) == {}  # not even the situation's id in the URL


def test_a_wrong_password_is_refused_and_the_right_one_shows_the_cards(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sign_in(open_app(seed_copy, users(), monkeypatch), "amina", "not the password")
    assert [e.value.split(".")[0] for e in app.error] == ["Wrong user name or password"]
    assert not metrics(app)
    app = sign_in(app, "amina", PASSWORD)
    assert not app.exception
    assert metrics(app)["People under siege"] == "about 250,000"
    assert "Signed in as `amina`" in [c.value for c in app.sidebar.caption]


def test_sign_out_hides_the_situation_again(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sign_in(open_app(seed_copy, users(), monkeypatch), "amina", PASSWORD)
    assert metrics(app)
    app.sidebar.button(key="sign-out").click()
    app.run()
    assert not metrics(app)
    assert "You have signed out." in [i.value for i in app.info]


def test_a_sign_in_ends_after_session_hours(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sign_in(open_app(seed_copy, users(), monkeypatch), "amina", PASSWORD)
    assert metrics(app)
    monkeypatch.setattr(SERVER.sign_ins, "clock", lambda: time.time() + 12 * 3600 + 1)  # the server's clock, 12 h on
    app.run()
    assert not metrics(app)
    assert "Your sign-in has ended. Sign in again to go on." in [i.value for i in app.info]


def test_a_sign_in_lives_in_the_server_not_in_what_the_page_holds(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page holds a token; the sign-in is the server's. A token made up, or kept after signing out, opens nothing."""
    app = open_app(seed_copy, users(), monkeypatch)
    app.session_state[SESSION_KEY] = "a token nobody was given"
    app.run()
    assert not metrics(app) and [t.label for t in app.text_input] == ["User name", "Password"]

    app = sign_in(open_app(seed_copy, users(), monkeypatch), "amina", PASSWORD)
    token = app.session_state[SESSION_KEY]
    assert SERVER.sign_ins.get(token) is not None and metrics(app)
    app.sidebar.button(key="sign-out").click()
    app.run()
    assert SERVER.sign_ins.get(token) is None
    app.session_state[SESSION_KEY] = token  # the old token put back
    app.run()
    assert not metrics(app)


def test_the_picker_offers_only_allowed_situations(two_situations: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = users(amina=["aleppo-*"], jo=["*"])
    app = sign_in(open_app(two_situations, secrets, monkeypatch, situation="other-place"), "amina", PASSWORD)
    assert not app.exception
    assert page_heading(app)[0] == "Siege of eastern Aleppo"  # the link asked for the other one; not allowed
    assert "Situation" not in [s.label for s in app.sidebar.selectbox]  # one allowed situation: no picker at all
    assert "Another place" not in everything_shown(app)

    app = sign_in(open_app(two_situations, secrets, monkeypatch), "jo", PASSWORD)
    picker = next(s for s in app.sidebar.selectbox if s.label == "Situation")
    assert sorted(picker.options) == ["Another place", "Siege of eastern Aleppo"]


def test_a_user_allowed_nothing_sees_a_plain_message(two_situations: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sign_in(open_app(two_situations, users(amina=["aleppo-*"]), monkeypatch), "jo", PASSWORD)
    assert not app.exception
    assert not metrics(app)
    assert [i.value for i in app.info] == [
        "No situation is shared with jo yet. Ask whoever runs this dashboard to add you to its allow-list, then reload this page."
    ]


def test_broken_settings_show_nothing_and_say_so(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, {"signin": {"users": {"amina": "a plain password"}}}, monkeypatch)
    assert not app.exception
    assert not metrics(app) and not app.text_input
    assert [e.value for e in app.error] == [
        "Sign-in is not set up correctly, so nothing can be shown. The server's log says why."
    ]
    assert "a plain password" not in everything_shown(app)


def test_without_sign_in_settings_a_local_run_shows_everything(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, {}, monkeypatch)
    assert metrics(app)["People under siege"] == "about 250,000"
    assert not app.text_input
