"""The sidebar's Download box: every export, made only when clicked, and a plain word where no PDF can be made."""

from __future__ import annotations

import pytest

from tests.paths import SEED
from tests.ui.apptest import open_app, open_downloads


def test_the_sidebar_offers_every_download_made_only_when_clicked(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(SEED, monkeypatch, as_of="2016-08-06")
    assert [e.label for e in app.sidebar.expander] == ["Download"]
    assert not app.get("download_button")  # the box is closed: its buttons are sent only once it is opened
    app = open_downloads(app)
    buttons = {b.proto.label: b.proto for b in app.get("download_button")}
    assert set(buttons) == {
        "Briefing (HTML, offline)",
        "Briefing (PDF, A4)",
        "Tables (CSV, zip)",
        "Tables (JSON)",
        "Tables (HXL, zip)",
    }
    assert all(b.deferred_file_id and not b.url for b in buttons.values())  # nothing is built until someone clicks


def test_without_chromium_the_sidebar_says_why_there_is_no_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    app = open_downloads(open_app(SEED, monkeypatch))
    labels = {b.proto.label for b in app.get("download_button")}
    assert "Briefing (PDF, A4)" not in labels and "Briefing (HTML, offline)" in labels
    said = [c.value for c in app.caption if "Briefing (PDF)" in c.value]
    assert said == [
        "Briefing (PDF): no Chromium to print the PDF: BROWSER_PATH names /nonexistent/chromium, which is not a program to run. "
        "The HTML briefing prints from any browser."
    ]
    assert not app.exception
