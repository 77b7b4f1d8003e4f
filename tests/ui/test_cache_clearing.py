"""Streamlit's client-sent 'clear caches' resets nothing a server's safety rests on, sent as a hostile script would.

Each test runs the real dashboard (`streamlit run`) on 127.0.0.1 and talks to it over Streamlit's own websocket, as a
browser does but sending what no button of the page offers. Before the guard state moved out of Streamlit's caches, a
clear after each wrong password let every password through to the hash check, and each clear followed by a rerun
started another file watcher (9 -> 93 threads after 20 cycles).
"""

from __future__ import annotations

import re
from pathlib import Path

import argon2

from tests.browser.conftest import ROOT, streamlit_server
from tests.paths import copy_seed
from tests.ui.websocket_client import pressed, streamlit_client, text

DASHBOARD = ROOT / "dashboard.py"
PASSWORD = "correct horse battery"
CYCLES = 20


def threads(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


def test_a_client_that_never_signed_in_cannot_reset_the_wrong_password_count(tmp_path: Path) -> None:
    (tmp_path / "situations").mkdir()
    copy_seed(tmp_path / "situations" / "aleppo-2016-08.yaml")
    hashed = argon2.PasswordHasher().hash(PASSWORD)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[signin]\nfirst_wait_seconds = 60\n\n[signin.users]\namina = "{hashed}"\n', encoding="utf-8")
    env = {"STREAMLIT_SECRETS_FILES": str(secrets)}
    with (
        streamlit_server(DASHBOARD, tmp_path / "situations", tmp_path, extra_env=env) as server,
        streamlit_client(server.url) as client,
    ):
        form = client.run()
        told = []
        for _ in range(6):
            name, password = form.widget("text_input", "User name"), form.widget("text_input", "Password")
            submit = form.widget("button", "Sign in")
            form = client.run([text(name, "amina"), text(password, "not the password"), pressed(submit)])
            told += form.alerts()
            client.clear_cache()  # what reset the count: every cache of the server, emptied by anyone
        assert told[:5] == [
            "Wrong user name or password. 4 more tries before a wait.",
            "Wrong user name or password. 3 more tries before a wait.",
            "Wrong user name or password. 2 more tries before a wait.",
            "Wrong user name or password. 1 more try before a wait.",
            "Wrong user name or password. The next try must wait a little.",
        ]
        waited = re.fullmatch(r"Too many wrong passwords for this user name\. Wait (\d+) s, then try again\.", told[5])
        assert waited and 50 <= int(waited[1]) <= 60, told[5]  # the 60 s wait, less the seconds the tries took


def test_clearing_and_rerunning_twenty_times_starts_no_thread(tmp_path: Path) -> None:
    situations = tmp_path / "situations"
    situations.mkdir()
    copy_seed(situations / "aleppo-2016-08.yaml")
    with streamlit_server(DASHBOARD, situations, tmp_path) as server, streamlit_client(server.url) as client:
        client.run()
        client.run()  # the first runs start what a server keeps (the watcher, its file events)
        before = threads(server.process.pid)
        for _ in range(CYCLES):
            client.clear_cache()
            client.run()
        after = threads(server.process.pid)
    assert after <= before + 1, f"{before} threads before {CYCLES} clear-and-rerun cycles, {after} after"
