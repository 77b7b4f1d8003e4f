"""The security headers on everything nginx answers, and a CSP with no door left open (issue 25, finding 7).

Before: `/_stcore/health` and nginx's own error pages (a 404 it returns, a URI too long, the 502 of a stopped server)
carried none of the headers, since a location with no add_header of its own inherited none; and the CSP let the page
connect to any host by websocket (`connect-src ws: wss:`) and frame any `data:` document. Through deploy/nginx.conf,
in Chromium: the headers on every answer, the CSP without those sources, and the dashboard still live under it (its
websocket is 'self').
"""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from tests.browser.conftest import ROOT, free_port
from tests.browser.servers import get, nginx, seed_text, wait_for_people

if TYPE_CHECKING:
    from tests.browser.conftest import OpenPage, StartStreamlit

DASHBOARD = ROOT / "dashboard.py"
HEADERS = {"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}


def directives(csp: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in csp.split(";") if part.strip())}


def assert_headed(status: int, headers: dict[str, str], expected_status: int, what: str) -> None:
    assert status == expected_status, (what, status)
    assert "frame-ancestors 'none'" in headers.get("Content-Security-Policy", ""), (what, headers)
    for name, value in HEADERS.items():
        assert headers.get(name) == value, (what, name, headers)


def raw_request(port: int, request: bytes) -> tuple[int, dict[str, str]]:
    """Send bytes no HTTP client would, and read nginx's answer: its status and headers."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer and (chunk := connection.recv(4096)):
            answer += chunk
    head = answer.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    return int(head[0].split()[1]), headers


def test_every_answer_carries_the_headers_and_the_csp_opens_no_other_host(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage
) -> None:
    situations = tmp_path / "situations"
    situations.mkdir()
    (situations / "aleppo-2016-08.yaml").write_text(seed_text(), encoding="utf-8")
    app = start_streamlit(DASHBOARD, situations)
    with nginx(tmp_path / "nginx", free_port(), [app.port]) as proxy:
        status, headers, body = get(proxy.url + "_stcore/health")
        assert body == "ok"
        assert_headed(status, headers, 200, "health")
        assert_headed(*get(proxy.url + "_stcore/metrics")[:2], 404, "nginx's 404")
        assert_headed(*get(proxy.url + "x" * 20_000)[:2], 414, "a URI too long")
        assert_headed(*raw_request(proxy.port, b"GET / HTTP/1.1\r\nHost: \x01\r\n\r\n"), 400, "a bad request")

        csp = directives(headers["Content-Security-Policy"])
        assert csp["connect-src"] == ["'self'"], csp["connect-src"]  # no ws: or wss: to any host
        assert "data:" not in csp["frame-src"], csp["frame-src"]

        page = page_recorder(viewport={"width": 1400, "height": 1000}).page
        complaints: list[str] = []
        page.on("console", lambda message: complaints.append(message.text) if message.type in ("error", "warning") else None)
        page.goto(proxy.url)
        wait_for_people(page, "about 250,000")
        page.locator("[data-testid='stSidebarNav'] a", has_text="Charts").click()  # a rerun over the websocket
        page.get_by_text("Charts · as of 8 August 2016").wait_for(timeout=30_000)
        page.wait_for_timeout(1_500)
        assert [c for c in complaints if re.search("Content Security Policy|Refused to", c)] == []

        app.process.terminate()
        app.process.wait(10)
        assert_headed(*get(proxy.url)[:2], 502, "nginx's 502 with the dashboard stopped")
