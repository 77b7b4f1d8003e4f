"""What a user reads on the second revision: bounds in words, access windows, people hurt, statements, settled claims."""

from __future__ import annotations

import pytest

from tests.app.apptest import all_text, go_to, metrics, open_app
from tests.paths import REVISION


def test_overview_says_bounds_and_windows_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(REVISION, monkeypatch)
    assert not app.exception and not app.error
    cards = metrics(app)
    assert cards["People in Aleppo without running water"] == "over 2,000,000"
    assert cards["People displaced by the fighting in southwest Aleppo"] == "up to 40,000"
    assert cards["People under siege"] == "250,000–275,000"
    assert cards["Daily humanitarian pause in Aleppo"] == "open 10:00–13:00 to aid convoys, civilians"
    # The passage's window ended on 2 September; the file, dated 5 September, was not edited to say so.
    assert cards["Night passage out of eastern Aleppo"] == "ended 2 Sep 2016 (was open 19:00–07:00 to civilians)"
    text = all_text(app)
    assert "(summary of 5 Sep 2016)" in text and "Government forces retook Ramouseh on 4 September" in text


def test_an_earlier_day_shows_the_window_open_the_claim_open_and_its_own_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(REVISION, monkeypatch, as_of="2016-09-01")
    assert not app.exception
    cards = metrics(app)
    assert cards["Night passage out of eastern Aleppo"] == "open 19:00–07:00 to civilians until 2 Sep 2016"
    assert cards["People under siege"] == "about 250,000"  # OCHA's range dates from 4 September
    text = all_text(app)
    assert "(summary of 8 Aug 2016)" in text and "Government forces retook" not in text
    assert "contested" in text  # siege-broken is settled only on 4 September
    claims = go_to(app, "Sources & claims")
    assert "Settled claims" not in [s.value for s in claims.subheader]


def test_sources_page_lists_statements_settled_claims_and_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(REVISION, monkeypatch), "Sources & claims")
    assert not app.exception
    text = all_text(app)
    assert "superseded on 2016-09-04: Government forces retook Ramouseh" in text
    assert "Russian Ministry of Defence** [D] (announcement)" in text
    assert "(call): The UN called for a weekly 48-hour humanitarian pause" in text
    assert "“faced a humanitarian disaster under the government siege”" in text
    reports = next(d.value for d in app.dataframe if "title" in d.value.columns)
    assert "Announcement of daily humanitarian pauses in Aleppo" in list(reports["title"])


def test_map_page_lists_people_hurt_and_totals_that_keep_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(REVISION, monkeypatch), "Map")
    assert not app.exception
    frames = [d.value for d in app.dataframe]
    events = next(f for f in frames if "people hurt" in f.columns or "hurt" in f.columns)
    hurt = events["hurt"] if "hurt" in events.columns else events["people hurt"]
    assert "at least 12 killed, about 30 injured, missing unknown" in list(hurt)
    totals = next(f for f in frames if "killed" in f.columns)
    assert list(totals["killed"]) == ["at least 12", "up to 100"]
    pcodes = next(f for f in frames if "pcode" in f.columns)
    assert {"SY02", "SY07"} <= set(pcodes["pcode"].dropna())
