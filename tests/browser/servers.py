"""What the serving tests run beside the dashboard: Debian's nginx with deploy/nginx.conf, and a local OpenID provider.

Why it is built this way:
- nginx runs the project's own example file, changed only where a test must: its listen lines and upstream servers get
  free 127.0.0.1 ports. A small main config around it keeps the pid, logs and temp files in the test's tmp folder, and
  nginx runs in the foreground (`daemon off`) as the test's child, so it never touches the machine's own nginx.
- The OpenID provider is the PyPI package oidc-provider-mock, served by werkzeug on 127.0.0.1 in its own process: the
  full authorization-code flow, with a form where the test types who signs in, and nothing from the internet.
- Situations are copies of the seed; a second situation is the seed under another id and title.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from situation.ui.style import card_class
from tests.browser.conftest import ROOT, Server, answers, free_port, running

if TYPE_CHECKING:
    from playwright.sync_api import Page

NGINX = Path("/usr/sbin/nginx")
NGINX_SITE = ROOT / "deploy" / "nginx.conf"
SEED = ROOT / "seeds" / "aleppo-2016-08.yaml"
ARTICLE_LINE = "document: ../../shared/seed/000_8651377567f7f68b.txt"
ARTICLE = ROOT.parent / "shared" / "seed" / "000_8651377567f7f68b.txt"
UPSTREAM_SERVER = re.compile(r"^(?P<indent>\s*)server 127\.0\.0\.1:\d+(?P<rest>.*)$", re.MULTILINE)


# --- Situations ----------------------------------------------------------------------------------------------------


def seed_text() -> str:
    """The seed, citing its article by absolute path when the article is there (a copy elsewhere would miss it)."""
    text = SEED.read_text(encoding="utf-8")
    return text.replace(ARTICLE_LINE, f"document: {ARTICLE}") if ARTICLE.is_file() else text


def other_situation_text() -> str:
    """The seed as another situation: another id and title, the same figures."""
    text = seed_text()
    renames = (("id: aleppo-2016-08\n", "id: other-place\n"), ("title: Siege of eastern Aleppo\n", "title: Another place\n"))
    for old, new in renames:
        assert text.count(old) == 1
        text = text.replace(old, new)
    return text


def people(text: str, value: int) -> str:
    """The situation with its people-under-siege figure set to `value`."""
    assert text.count("value: 250000") == 1
    return text.replace("value: 250000", f"value: {value}")


# --- nginx ---------------------------------------------------------------------------------------------------------


def nginx_site(listen_port: int, app_ports: Sequence[int]) -> str:
    """deploy/nginx.conf with its listen lines on 127.0.0.1:`listen_port` and one upstream server line per app port."""
    text = NGINX_SITE.read_text(encoding="utf-8")
    for old, new in (("    listen 80;\n", f"    listen 127.0.0.1:{listen_port};\n"), ("    listen [::]:80;\n", "")):
        assert text.count(old) == 1, f"{NGINX_SITE} no longer has {old.strip()!r}; update the serving test"
        text = text.replace(old, new)
    servers = list(UPSTREAM_SERVER.finditer(text))
    assert servers, f"{NGINX_SITE} has no upstream `server 127.0.0.1:PORT` lines"
    indent, rest = servers[0]["indent"], servers[0]["rest"].split("#")[0].rstrip()
    lines = "\n".join(f"{indent}server 127.0.0.1:{port}{rest}" for port in app_ports)
    return text[: servers[0].start()] + lines + text[servers[-1].end() :]


def nginx_main_config(folder: Path, site: Path) -> str:
    """The main config around the site: everything nginx writes goes to `folder`."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, nginx would hand its workers to 'nobody'
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} info;\n"
        "events { worker_connections 512; }\n"
        f"http {{\n    access_log {folder / 'access.log'};\n{temp}\n    include {site};\n}}\n"
    )


def get(url: str, cookie: str | None = None, timeout: float = 5) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of a GET (an HTTP error status is returned, not raised)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


@contextmanager
def nginx(folder: Path, listen_port: int, app_ports: Sequence[int]) -> Iterator[Server]:
    """Debian's nginx in the foreground with deploy/nginx.conf in front of `app_ports`, until the block ends."""
    if not NGINX.exists():
        pytest.skip(f"{NGINX} not found (install Debian's nginx: apt-get install nginx; .ci/run does)")
    folder.mkdir(parents=True, exist_ok=True)
    site = folder / "site.conf"
    site.write_text(nginx_site(listen_port, app_ports), encoding="utf-8")
    config = folder / "nginx.conf"
    config.write_text(nginx_main_config(folder, site), encoding="utf-8")
    command = [str(NGINX), "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log"), "-g", "daemon off;"]
    health = f"http://127.0.0.1:{listen_port}/_stcore/health"
    with running("nginx", command, folder / "output.log", lambda: answers(health)) as process:
        yield Server(process, listen_port)


def active_sessions(app_port: int) -> int:
    """Browser sessions connected to one dashboard server now, from Streamlit's own metrics (asked directly, not via nginx)."""
    _, _, text = get(f"http://127.0.0.1:{app_port}/_stcore/metrics?families=active_sessions")
    found = re.search(r"^active_sessions\S*\s+(\d+)", text, re.MULTILINE)
    assert found, f"no active_sessions in Streamlit's metrics:\n{text}"
    return int(found.group(1))


# --- A local OpenID provider ---------------------------------------------------------------------------------------

PROVIDER = """\
import sys

import oidc_provider_mock
import werkzeug.serving

werkzeug.serving.run_simple("127.0.0.1", int(sys.argv[1]), oidc_provider_mock.app(require_nonce=True), threaded=True)
"""
"""A process of its own: the package warns of deprecations inside Authlib, which pytest (warnings are errors) would raise."""


@contextmanager
def oidc_provider(log_dir: Path) -> Iterator[str]:
    """oidc-provider-mock on 127.0.0.1, plain HTTP allowed for it alone, until the block ends; yields its issuer URL."""
    if importlib.util.find_spec("oidc_provider_mock") is None:
        pytest.skip("oidc-provider-mock is not installed (pip install -r requirements-dev.txt)")
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    env = {**os.environ, "AUTHLIB_INSECURE_TRANSPORT": "1", "PYTHONWARNINGS": "ignore::DeprecationWarning"}
    log = log_dir / f"oidc-provider-{port}.log"
    command = [sys.executable, "-c", PROVIDER, str(port)]
    with running("the OpenID provider", command, log, lambda: answers(f"{issuer}/.well-known/openid-configuration"), env=env):
        yield issuer


# --- The page ------------------------------------------------------------------------------------------------------

PEOPLE_CARD = card_class("indicator:people-under-siege")
"""The CSS class of the people-under-siege card (`<div class="card card-indicator-people-under-siege" …>`)."""


def wait_for_people(page: Page, text: str, timeout_ms: float = 15_000) -> None:
    """Wait until the people-under-siege card says `text` (the summary also says "About 250,000", so look in the card)."""
    page.wait_for_function(
        "([cls, text]) => (document.querySelector('.' + cls)?.innerText ?? '').includes(text)",
        arg=[PEOPLE_CARD, text],
        polling=50,
        timeout=timeout_ms,
    )


def page_text(page: Page) -> str:
    """Everything the page shows, as text."""
    return page.locator("body").inner_text()
