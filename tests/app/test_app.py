"""The real app in AppTest: every page, with the seed's real values, the URL state, and bad files."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.app.apptest import all_text, go_to, metrics, open_app, open_downloads, page_heading, shown, wait_until
from tests.paths import CASES, ROOT, SEED, copy_seed


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / SEED.name
    copy_seed(copy)
    return copy


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


def test_a_shared_link_opens_the_same_area(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(SEED, monkeypatch, situation="aleppo-2016-08", area="manbij")
    assert set(metrics(app)) == {"Share of Manbij taken by the SDF", "Manbij"}  # its figure and its latest event
    assert app.selectbox(key="area").value == "manbij"
    assert app.query_params["area"] == "manbij" and app.query_params["situation"] == "aleppo-2016-08"


def test_several_situations_get_a_picker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seed(tmp_path / "aleppo.yaml")
    shutil.copy(CASES / "valid" / "minimal.yaml", tmp_path / "minimal.yaml")
    app = open_app(tmp_path, monkeypatch)
    picker = app.selectbox(key="situation")
    assert set(picker.options) == {"Siege of eastern Aleppo", "A situation with nothing known yet"}
    picker.select("minimal").run()
    assert page_heading(app)[0] == "A situation with nothing known yet"
    assert app.query_params["situation"] == "minimal"


def test_a_broken_file_says_where_and_shows_nothing_false(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.yaml"
    shutil.copy(CASES / "invalid" / "wrong-types.yaml", broken)
    app = open_app(broken, monkeypatch)
    assert not app.exception and not app.metric
    assert "broken.yaml has 4 problem(s)" in shown(app.error[0].value)
    assert f"{broken}:21:16: indicators[people].observations[0].value: expected a number" in app.code[0].value


def test_a_broken_save_keeps_the_last_good_version_until_fixed(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, monkeypatch)
    good = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(good.replace("credibility: 3  ", "credibility: 9  ", 1), encoding="utf-8")
    wait_until(app, lambda a: bool(a.error))
    assert "1 problem(s); the last good version" in shown(app.error[0].value)
    assert re.search(
        rf"{re.escape(str(seed_copy))}:\d+:\d+: "
        r"indicators\[people-under-siege\]\.observations\[0\]\.credibility: expected one of",
        app.code[0].value,
    )
    assert metrics(app)["People under siege"] == "about 250,000"
    seed_copy.write_text(good.replace("value: 250000", "value: 260000"), encoding="utf-8")
    wait_until(app, lambda a: not a.error)
    assert metrics(app)["People under siege"] == "about 260,000"


def test_a_deleted_file_is_said_plainly(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, monkeypatch)
    seed_copy.unlink()
    wait_until(app, lambda a: bool(a.error))
    assert "deleted, moved or renamed" in app.code[0].value
    assert metrics(app)["People under siege"] == "about 250,000"


def test_text_from_the_yaml_is_shown_literally(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) :red[x]"
    text = seed_copy.read_text(encoding="utf-8").replace("title: Siege of eastern Aleppo", f"title: '{hostile}'")
    seed_copy.write_text(text, encoding="utf-8")
    app = open_app(seed_copy, monkeypatch)
    assert page_heading(app)[0] == hostile
    assert "<img" not in "".join(e.proto.body for e in app.get("html"))  # it was escaped, not passed through as HTML


def test_no_module_ever_allows_html() -> None:
    # That only situation/ui imports Streamlit is import-linter's contract in pyproject.toml (it sees `from` imports too).
    for module in (ROOT / "situation").rglob("*.py"):
        assert "unsafe_allow_html" not in module.read_text(encoding="utf-8"), module


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


def test_a_viewer_on_the_latest_day_moves_with_the_file_and_one_on_an_earlier_day_stays(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    latest, earlier = open_app(seed_copy, monkeypatch), open_app(seed_copy, monkeypatch, as_of="2016-08-06")
    assert latest.date_input(key="as_of").value == date(2016, 8, 8)
    seed_copy.write_text(
        seed_copy.read_text(encoding="utf-8").replace("as_of: 2016-08-08", "as_of: 2016-08-20"), encoding="utf-8"
    )
    wait_until(latest, lambda a: a.date_input(key="as_of").max == date(2016, 8, 20))
    assert latest.date_input(key="as_of").value == date(2016, 8, 20)  # still "the latest", not a view of the past
    assert "as_of" not in latest.query_params
    wait_until(earlier, lambda a: a.date_input(key="as_of").max == date(2016, 8, 20))
    assert earlier.date_input(key="as_of").value == date(2016, 8, 6)


def test_two_files_with_one_id_are_not_silently_merged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_seed(tmp_path / "aleppo.yaml")
    copy_seed(tmp_path / "aleppo-copy.yaml")
    app = open_app(tmp_path, monkeypatch)
    assert [shown(w.value) for w in app.warning] == [
        "Not shown: aleppo-copy.yaml (the same `id` as another file). Give each situation its own id."
    ]
    assert metrics(app)["People under siege"] == "about 250,000"


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
