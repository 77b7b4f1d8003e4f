"""Streamlit's client-sent 'clear caches' resets nothing a server's safety rests on, sent as a hostile script would.

The test runs the real dashboard (`streamlit run`) on 127.0.0.1 and talks to it over Streamlit's own websocket, as a
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
from tests.ui.websocket_client import Run, StreamlitClient, pressed, streamlit_client, text

DASHBOARD = ROOT / "dashboard.py"
PASSWORD = "correct horse battery"
HASH = argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(PASSWORD)
CYCLES = 20


def threads(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


def sign_in(client: StreamlitClient, form: Run, name: str, password: str) -> Run:
    fields = form.widget("text_input", "User name"), form.widget("text_input", "Password")
    return client.run([text(fields[0], name), text(fields[1], password), pressed(form.widget("button", "Sign in"))])


def test_a_client_clearing_the_caches_resets_neither_the_wrong_password_count_nor_the_watcher(tmp_path: Path) -> None:
    (tmp_path / "situations").mkdir()
    copy_seed(tmp_path / "situations" / "aleppo-2016-08.yaml")
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        f'[signin]\nfirst_wait_seconds = 60\n\n[signin.users]\namina = "{HASH}"\njo = "{HASH}"\n', encoding="utf-8"
    )
    env = {"STREAMLIT_SECRETS_FILES": str(secrets)}
    with (
        streamlit_server(DASHBOARD, tmp_path / "situations", tmp_path, extra_env=env) as server,
        streamlit_client(server.url) as client,
    ):
        form, told = client.run(), []
        for _ in range(6):  # a session that never signed in: wrong passwords, and a clear after each
            form = sign_in(client, form, "amina", "not the password")
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

        shown = sign_in(client, form, "jo", PASSWORD)  # signed in: the pages, and the watcher behind them
        assert not shown.alerts() and client.run().elements
        before = threads(server.process.pid)
        for _ in range(CYCLES):
            client.clear_cache()
            client.run()
        after = threads(server.process.pid)
    assert after <= before + 1, f"{before} threads before {CYCLES} clear-and-rerun cycles, {after} after"
