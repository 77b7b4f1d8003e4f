"""Driving the real app in AppTest, and reading its pages as a user reads them."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.paths import ROOT

TIMEOUT = 30


def open_app(path: Path, monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    monkeypatch.setenv("SITUATIONS_PATH", str(path))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.query_params.update(query)
    return app.run()


def open_downloads(app: AppTest) -> AppTest:
    """The sidebar's Download box opened, as a click on it does: its buttons are drawn only while it is open."""
    app.session_state["downloads"] = True
    return app.run()


def go_to(app: AppTest, page_name: str) -> AppTest:
    """AppTest.switch_page only knows file pages; ours are st.navigation pages, found by name after a run."""
    app._page_hash = next(h for h, info in app._registered_pages.items() if info["page_name"] == page_name)
    return app.run()


def shown(text: str) -> str:
    """Text as the page shows it: the app backslash-escapes Markdown in what comes from the YAML."""
    return re.sub(r"\\(.)", r"\1", text)


CARD = re.compile(
    r'<div class="card [^"]*" data-card="[^"]*"><div class="card-title">(.*?)</div><div class="card-value[^"]*">(.*?)</div>', re.S
)


def metrics(app: AppTest) -> dict[str, str]:
    """Card title -> value, of every card on the page: a group of cards is one st.html element, each card opening with
    its title and value (one type scale)."""
    cards: dict[str, str] = {}
    for element in app.get("html"):
        cards.update((html.unescape(title), html.unescape(value)) for title, value in CARD.findall(element.proto.body))
    return cards


HEADING = re.compile(r'<h1 class="page-title"[^>]*>(.*?)</h1><p class="page-caption">(.*?)</p>', re.S)


def page_heading(app: AppTest) -> tuple[str, str]:
    """The page's title and the line under it, as a viewer reads them: the Overview's own (in its first st.html), or
    Streamlit's st.title and st.caption on the other pages."""
    for element in app.get("html"):
        if found := HEADING.search(element.proto.body):
            return html.unescape(found[1]), html.unescape(found[2])
    return shown(app.title[0].value), shown(app.caption[0].value)


def all_text(app: AppTest) -> str:
    """The words on the page: Markdown, captions, errors and headings, and the text of the page's own HTML (cards, band)."""
    parts = [*(m.value for m in app.markdown), *(c.value for c in app.caption), *(e.value for e in app.error)]
    parts += [h.value for h in app.subheader]
    bodies = [e.proto.body for e in app.get("html") if not e.proto.body.lstrip().startswith(("<style", "<script"))]
    return shown("\n".join(parts)) + "\n" + "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", body)) for body in bodies)


def wait_until(app: AppTest, condition: Callable[[AppTest], bool], seconds: float = 5.0) -> AppTest:
    """Rerun until the watcher has swapped the file in (it waits for a save to settle)."""
    deadline = time.monotonic() + seconds
    while not condition(app.run()):
        assert time.monotonic() < deadline, "the page never showed the change"
        time.sleep(0.1)
    return app
