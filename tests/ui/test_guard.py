"""A page that fails to draw: the viewer keeps the last good view under a plain banner, never Streamlit's error page."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from situation.ui import pages
from tests.ui.apptest import all_text, metrics, open_app, page_heading, shown, wait_until


@pytest.fixture
def fails_on_boom(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Overview raises for a version titled "Boom", as a reason nobody foresaw would."""
    real_overview = pages.overview

    def overview(context: pages.PageContext) -> None:
        real_overview(context)
        if context.derived.situation.title == "Boom":
            raise ZeroDivisionError("a reason nobody foresaw")

    monkeypatch.setattr(pages, "overview", overview)


def test_a_page_that_raises_keeps_the_last_good_view_and_logs_why(
    seed_copy: Path, fails_on_boom: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    app = open_app(seed_copy, monkeypatch)
    assert metrics(app)["People under siege"] == "about 250,000"
    good = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(good.replace("title: Siege of eastern Aleppo", "title: Boom").replace("value: 250000", "value: 1"))
    with caplog.at_level(logging.ERROR, logger="situation.ui.guard"):
        wait_until(app, lambda a: bool(a.warning) and "could not be drawn" in a.warning[0].value)
    assert not app.exception
    assert "The newest version of aleppo-2016-08.yaml could not be drawn" in shown(app.warning[0].value)
    assert page_heading(app)[0] == "Siege of eastern Aleppo"
    assert metrics(app)["People under siege"] == "about 250,000"
    assert "ZeroDivisionError: a reason nobody foresaw" in caplog.text
    seed_copy.write_text(good.replace("value: 250000", "value: 260000"), encoding="utf-8")
    wait_until(app, lambda a: metrics(a).get("People under siege") == "about 260,000")
    assert not app.exception and "could not be drawn" not in all_text(app)


def test_a_page_that_cannot_draw_any_version_says_so_plainly(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def overview(context: pages.PageContext) -> None:
        raise ZeroDivisionError("a reason nobody foresaw")

    monkeypatch.setattr(pages, "overview", overview)
    app = open_app(seed_copy, monkeypatch)
    assert not app.exception
    assert "aleppo-2016-08.yaml could not be drawn" in shown(app.error[0].value)


def test_as_of_before_its_facts_is_refused_and_the_last_good_version_stays(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_app(seed_copy, monkeypatch)
    seed_copy.write_text(seed_copy.read_text(encoding="utf-8").replace("as_of: 2016-08-08", "as_of: 2006-08-08"))
    wait_until(app, lambda a: bool(a.error))
    assert not app.exception
    assert "after the file's as_of (2006-08-08)" in app.code[0].value
    assert metrics(app)["People under siege"] == "about 250,000"


def test_a_page_that_raises_keeps_the_viewers_area_and_day(
    seed_copy: Path, fails_on_boom: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sidebar's widgets are drawn after the page: a page that raises must not lose what the viewer chose.
    app = open_app(seed_copy, monkeypatch, area="east-aleppo", as_of="2016-08-06")
    seed_copy.write_text(seed_copy.read_text(encoding="utf-8").replace("title: Siege of eastern Aleppo", "title: Boom"))
    wait_until(app, lambda a: bool(a.warning) and "could not be drawn" in a.warning[0].value)
    assert app.sidebar.selectbox[0].value == "east-aleppo"
    assert str(app.sidebar.date_input[0].value) == "2016-08-06"
    assert page_heading(app)[1] == "Overview · as of 6 August 2016 · Eastern Aleppo"
