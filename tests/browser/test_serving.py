"""Serving a team: the dashboard through Debian's nginx with deploy/nginx.conf, on one app server and on two.

What a team relies on, and what each test proves:
- Through nginx the dashboard loads and stays live: the page, its websocket and /_stcore/health all pass through the
  proxy (nothing reaches beyond 127.0.0.1), and Streamlit's metrics stay private.
- With two app servers, viewers are spread over both (each fresh browser gets its own sticky cookie), a browser stays on
  its server (a second tab lands where the first is), and a `git pull` into the situations folder reaches the viewers
  of both servers, as any saved edit does.

Every address is 127.0.0.1 on a free port; nginx runs in the foreground with its files in tmp_path.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tests.browser.conftest import ROOT, RecordedPage, free_port
from tests.browser.servers import active_sessions, get, nginx, people, seed_text, wait_for_people

if TYPE_CHECKING:
    from tests.browser.conftest import OpenPage, StartStreamlit

DASHBOARD = ROOT / "dashboard.py"
SITUATION = "aleppo-2016-08.yaml"
VIEWPORT = {"width": 1400, "height": 1000}
MAX_BROWSERS = 16
"""Fresh browsers opened until both servers have one: each lands on either at random, so 16 all on one is 1 in 32,768."""
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, env={**os.environ, **GIT_ENV}, check=True, capture_output=True)


def team_repository(tmp_path: Path) -> tuple[Path, Path]:
    """A team's situations repository: an editor's clone with the seed committed and pushed, and the server's clone."""
    remote, editor, served = tmp_path / "team.git", tmp_path / "editor", tmp_path / "served"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    git(tmp_path, "clone", "--quiet", str(remote), str(editor))
    (editor / SITUATION).write_text(seed_text(), encoding="utf-8")
    git(editor, "add", SITUATION)
    git(editor, "commit", "--quiet", "-m", "The seed")
    git(editor, "push", "--quiet", "origin", "HEAD:main")
    git(tmp_path, "clone", "--quiet", "--branch=main", str(remote), str(served))
    return editor, served


def sessions_become(expected: dict[int, int], timeout_s: float = 10) -> None:
    """Wait until each server has the expected number of sessions (a closed page's session ends a moment later)."""
    deadline = time.monotonic() + timeout_s
    while (now := {port: active_sessions(port) for port in expected}) != expected:
        assert time.monotonic() < deadline, f"sessions per server: expected {expected}, found {now}"
        time.sleep(0.1)


def test_one_server_behind_nginx(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage, screenshot_dir: Path
) -> None:
    situations = tmp_path / "situations"
    situations.mkdir()
    (situations / SITUATION).write_text(seed_text(), encoding="utf-8")
    app = start_streamlit(DASHBOARD, situations)
    with nginx(tmp_path / "nginx", free_port(), [app.port]) as proxy:
        status, _, body = get(proxy.url + "_stcore/health")
        assert (status, body) == (200, "ok")
        assert get(proxy.url + "_stcore/metrics")[0] == 404

        recorded = page_recorder(viewport=VIEWPORT)
        recorded.page.goto(proxy.url)
        wait_for_people(recorded.page, "about 250,000")
        recorded.page.screenshot(path=screenshot_dir / "through-nginx.png", full_page=True)

        assert any(url.startswith(f"ws://127.0.0.1:{proxy.port}/_stcore/stream") for url in recorded.websockets)
        assert recorded.foreign_requests() == []
        assert all(f":{app.port}/" not in url for url in recorded.requests + recorded.websockets)  # all via nginx
        (situations / SITUATION).write_text(people(seed_text(), 260_000), encoding="utf-8")
        wait_for_people(recorded.page, "about 260,000")  # live reload through the proxy's websocket


def test_two_servers_behind_nginx_share_viewers_and_both_show_a_git_pull(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage
) -> None:
    editor, served = team_repository(tmp_path)
    apps = [start_streamlit(DASHBOARD, served), start_streamlit(DASHBOARD, served)]
    ports = [app.port for app in apps]
    with nginx(tmp_path / "nginx", free_port(), ports) as proxy:
        # Fresh browsers (no cookie yet) until each server has a viewer: which server a browser got is read from the
        # servers' own session counts.
        home: dict[int, RecordedPage] = {}
        for _ in range(MAX_BROWSERS):
            before = {port: active_sessions(port) for port in ports}
            recorded = page_recorder(viewport=VIEWPORT)
            recorded.page.goto(proxy.url)
            wait_for_people(recorded.page, "about 250,000")
            grown = [port for port in ports if active_sessions(port) > before[port]]
            assert len(grown) == 1, f"a new browser should add one session on one server: {before} -> {grown}"
            home.setdefault(grown[0], recorded)
            if len(home) == len(ports):
                break
        assert set(home) == set(ports), f"{MAX_BROWSERS} fresh browsers all landed on one server"

        # Sticky: a second tab of a browser (same cookie) lands on that browser's server, its websocket included.
        for port, recorded in home.items():
            before = {p: active_sessions(p) for p in ports}
            tab = recorded.page.context.new_page()
            tab.goto(proxy.url)
            wait_for_people(tab, "about 250,000")
            assert {p: active_sessions(p) - before[p] for p in ports} == {p: int(p == port) for p in ports}
            tab.close()
            sessions_become(before)  # the closed tab's session is gone before the next count

        # The team's way of editing: commit and push elsewhere, `git pull` into the served folder.
        (editor / SITUATION).write_text(people(seed_text(), 260_000), encoding="utf-8")
        git(editor, "commit", "--quiet", "-am", "More people under siege")
        git(editor, "push", "--quiet", "origin", "HEAD:main")
        git(served, "pull", "--quiet", "--ff-only")
        for recorded in home.values():
            wait_for_people(recorded.page, "about 260,000")


PAGES = ("", "charts", "map", "sources", "changes")
"""Every page of the dashboard, by its URL path."""


def test_security_headers_and_a_csp_streamlit_works_under(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage
) -> None:
    """Through deploy/nginx.conf: the headers are sent, nginx hides its version, and under the CSP every page draws,
    every download still downloads, and the console reports no violation."""
    situations = tmp_path / "situations"
    situations.mkdir()
    (situations / SITUATION).write_text(seed_text(), encoding="utf-8")
    app = start_streamlit(DASHBOARD, situations)
    with nginx(tmp_path / "nginx", free_port(), [app.port]) as proxy:
        for path in ("", "static/does-not-exist.js"):
            status, headers, _ = get(proxy.url + path)
            assert status in (200, 404)
            csp = headers["Content-Security-Policy"]
            assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp and "'unsafe-eval'" not in csp
            assert "script-src 'self' 'sha256-" in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
            assert headers["X-Frame-Options"] == "DENY"
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Referrer-Policy"] == "same-origin"
            assert headers["Server"] == "nginx"  # no version
        recorded = page_recorder(viewport=VIEWPORT, accept_downloads=True)
        page = recorded.page
        complaints: list[str] = []
        page.on("console", lambda message: complaints.append(message.text) if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: complaints.append(f"page error: {error}"))
        for path in PAGES:
            page.goto(proxy.url + path)
            page.get_by_text("Siege of eastern Aleppo").first.wait_for(timeout=30_000)
            page.wait_for_timeout(1_500)  # charts and tables draw after the title
        page.goto(proxy.url)
        wait_for_people(page, "about 250,000")
        page.get_by_text("Download").first.click()
        for label in ("Tables (JSON)", "Tables (CSV, zip)", "Tables (HXL, zip)", "Briefing (HTML, offline)"):
            with page.expect_download(timeout=60_000) as download:
                page.get_by_role("button", name=label).click()
            assert Path(download.value.path()).stat().st_size > 1000, label
        violations = [c for c in complaints if "Content Security Policy" in c or "Refused to" in c]
        assert violations == [], violations
        assert not [c for c in complaints if c.startswith("page error")], complaints
