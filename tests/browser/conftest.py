"""Browser-test harness: a real Streamlit server driven by a real headless Chromium.

Why it is built this way:
- The dashboard is judged by what a person sees, so tests load it in a browser rather than only calling Python.
- Playwright's own browser download cannot run on a machine that reaches only package registries, so the Python
  package drives Debian's chromium (`/usr/bin/chromium`). The extra flags stop chromium's background services
  (updates, sync, safe browsing) from dialling out on a closed network.
- Streamlit runs as a subprocess on a free loopback port, exactly as a user would start it, and its output goes to a
  log file beside the screenshots, so a failure in CI can be read afterwards.
- Every request a page makes is recorded, so a test can prove the dashboard works offline (no CDN, no fonts, no
  telemetry): anything not served from 127.0.0.1 is a foreign request.
- On a bare machine without chromium or playwright the browser tests skip with the reason; CI installs both.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
STARTUP_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 5.0
LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """test-artifacts/screenshots/ under the repository root (git-ignored); screenshots and server logs go here."""
    folder = ROOT / "test-artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian chromium driven by Playwright, or a skip naming what is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found (install Debian's chromium: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -r requirements-dev.txt)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# --- Streamlit server -------------------------------------------------------------------------------------------


@dataclass
class Server:
    """A server the test started on 127.0.0.1 (the dashboard, nginx): its process and port."""

    process: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@contextmanager
def running(
    what: str, command: list[str], log: Path, ready: Callable[[], bool], **popen: Any
) -> Iterator[subprocess.Popen[bytes]]:
    """A server as this test's child, its output in `log`: yielded once `ready()`, stopped when the block ends.

    Fails the test, with the server's output, when it exits or is not ready within STARTUP_TIMEOUT_S.
    """
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, **popen)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not ready():
            if process.poll() is not None:
                pytest.fail(f"{what} exited with {process.returncode} before it was ready; its output:\n{_text(log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"{what} was not ready within {STARTUP_TIMEOUT_S:.0f} s; its output:\n{_text(log)}")
            time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _text(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")


class StartStreamlit(Protocol):
    def __call__(
        self, app: Path, situations: Path, port: int | None = None, extra_env: dict[str, str] | None = None
    ) -> Server: ...


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(url: str) -> bool:
    """True once `url` answers 200 (a server still starting refuses the connection, or errs)."""
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:  # URLError and HTTPError are OSErrors
        return False


@contextmanager
def streamlit_server(
    app: Path, situations: Path, log_dir: Path, port: int | None = None, extra_env: dict[str, str] | None = None
) -> Iterator[Server]:
    """Run `streamlit run APP -- --situations SITUATIONS` from the repository root until the block ends."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--", "--situations", str(situations),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    log = log_dir / f"streamlit-{app.stem}-{port}.log"
    with running(
        "streamlit", command, log, lambda: answers(f"http://127.0.0.1:{port}/_stcore/health"), cwd=ROOT, env=env
    ) as process:
        yield Server(process, port)


@pytest.fixture
def start_streamlit(screenshot_dir: Path) -> Iterator[StartStreamlit]:
    """Factory: `start_streamlit(app, situations)` starts a server that is stopped when the test ends."""
    with ExitStack() as stack:

        def start(app: Path, situations: Path, port: int | None = None, extra_env: dict[str, str] | None = None) -> Server:
            return stack.enter_context(streamlit_server(app, situations, screenshot_dir, port, extra_env))

        yield start


# --- Pages that record their traffic ----------------------------------------------------------------------------


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1"


def wait_for_text(page: Page, text: str, timeout_ms: float = 30_000) -> None:
    """Wait until `text` is shown somewhere on the page (Playwright raises a TimeoutError otherwise)."""
    page.get_by_text(text).first.wait_for(state="visible", timeout=timeout_ms)


@dataclass
class RecordedPage:
    """A page in its own browser context, with every request and websocket URL it opened."""

    page: Page
    requests: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests and websockets that left 127.0.0.1 (data:, blob: and about: count as local)."""
        return [url for url in self.requests + self.websockets if not is_local(url)]

    def wait_for_text(self, text: str, timeout_ms: float = 30_000) -> None:
        wait_for_text(self.page, text, timeout_ms)


class OpenPage(Protocol):
    def __call__(self, **context_options: Any) -> RecordedPage: ...


@pytest.fixture
def page_recorder(browser: Browser) -> Iterator[OpenPage]:
    """Factory: `page_recorder(viewport=...)` opens a recording page in a fresh context, closed when the test ends."""
    contexts: list[BrowserContext] = []

    def open_page(**context_options: Any) -> RecordedPage:
        context = browser.new_context(**context_options)
        contexts.append(context)
        recorded = RecordedPage(context.new_page())
        recorded.page.on("request", lambda request: recorded.requests.append(request.url))
        recorded.page.on("websocket", lambda websocket: recorded.websockets.append(websocket.url))
        return recorded

    yield open_page
    for context in contexts:
        context.close()
