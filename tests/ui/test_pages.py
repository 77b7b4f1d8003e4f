"""Every page in AppTest, read as a user reads it: the seed's real values with their sources, and on the second
revision bounds in words, access windows, people hurt, statements and settled claims."""

from __future__ import annotations

import json

import pytest

from tests.paths import REVISION, SEED
from tests.ui.apptest import all_text, go_to, metrics, open_app, page_heading, shown


def test_overview_cards_show_the_seeds_figures_with_their_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(SEED, monkeypatch)
    assert not app.exception and not app.error
    assert page_heading(app)[0] == "Siege of eastern Aleppo"
    cards = metrics(app)
    assert cards["People under siege"] == "about 250,000"
    assert cards["Corridor into eastern Aleppo via Ramouseh"] == "fragile — convoys cannot pass"
    assert cards["Supply into western Aleppo"] == "open"
    assert cards["Food shortage · Eastern Aleppo"] == cards["Medicine shortage · Eastern Aleppo"] == "4 Severe"
    assert cards["Food shortage · Western Aleppo"] == "Insufficient evidence"
    assert cards["Trucks of food and gas into western Aleppo"] == "not known"  # never 0
    text = all_text(app)
    assert "people · 8 Aug 2016 · CNN [B] · credibility 3 possibly true" in text
    assert "contested" in text
    assert "Change: was fragile on 6 Aug 2016" in text
    assert "The SDF has taken about 90% of Manbij from ISIS" in text


def test_charts_page_draws_every_chart_with_its_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(SEED, monkeypatch), "Charts")
    assert not app.exception
    assert len(app.get("plotly_chart")) == 4  # severity, access, events, claims: no indicator has two observations yet
    captions = [shown(c.value) for c in app.caption]
    assert sum(c.startswith("Sources: ") for c in captions) == 4
    assert any("No indicator has two or more observations yet" in c for c in captions)


def test_map_page_places_the_areas(monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(SEED, monkeypatch), "Map")
    assert not app.exception
    assert len(app.get("plotly_chart")) == 1
    table = app.dataframe[0].value
    assert list(table["name"]) == [
        "Aleppo city",
        "Eastern Aleppo",
        "Western Aleppo",
        "Ramouseh (southwest Aleppo)",
        "Idlib city",
        "Manbij",
    ]
    assert table.set_index("name").loc["Western Aleppo", "status"] == "not known"


def test_sources_and_claims_page_puts_contested_claims_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(SEED, monkeypatch), "Sources & claims")
    assert not app.exception
    text = all_text(app)
    assert "Rebel forces have broken the government siege of eastern Aleppo." in text
    assert "Denies it" in text and "SANA (Syrian Arab News Agency) [D], 2016-08-08" in text
    assert "“to break the siege”" in text
    sources = app.dataframe[1].value
    assert len(sources) == 10 and set(sources["reliability"]) == {"B", "C", "D", "F"}
    assert "**Phosphorus bombs reported on Idlib city, 7 Aug 2016" in text  # the fact, then its quote and speaker
    assert "> “four phosphorus bombs were dropped” — Idlib Civil Defence" in text


def test_the_map_colours_areas_by_a_chosen_commoditys_severity(monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(SEED, monkeypatch), "Map")
    chosen = app.selectbox(key="map_colour")
    assert chosen.value == "status" and "food shortage severity" in chosen.options
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["title"]["text"] == "Areas and events"
    chosen.select("food").run()
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["title"]["text"] == "Food shortage by area"
    filled = {trace["name"] for trace in figure["data"] if trace.get("fill") == "toself" and trace.get("meta")}
    assert filled >= {"no data"} and filled & {"4 Severe", "5 Extreme", "3 Moderate"}  # the seed's food severities


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
