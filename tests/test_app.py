"""The real app in AppTest: every page, with the seed's real values, the URL state, and bad files."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.paths import CASES, ROOT, SEED

TIMEOUT = 30


def open_app(path: Path, monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    monkeypatch.setenv("SITUATIONS_PATH", str(path))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.query_params.update(query)
    return app.run()


def go_to(app: AppTest, page_name: str) -> AppTest:
    """AppTest.switch_page only knows file pages; ours are st.navigation pages, found by name after a run."""
    app._page_hash = next(h for h, info in app._registered_pages.items() if info["page_name"] == page_name)
    return app.run()


def shown(text: str) -> str:
    """Text as the page shows it: the app backslash-escapes Markdown in what comes from the YAML."""
    return re.sub(r"\\(.)", r"\1", text)


def metrics(app: AppTest) -> dict[str, str]:
    """Card title -> value: a card is a block that opens with an st.metric, or (long values) a caption and a subheader."""
    cards: dict[str, str] = {}
    blocks = [app.main]
    while blocks:
        block = blocks.pop()
        children = list(getattr(block, "children", {}).values())
        blocks.extend(children)
        if children and children[0].type == "metric":
            cards[shown(children[0].label)] = shown(children[0].value)
        elif len(children) > 1 and children[0].type == "caption" and children[1].type == "subheader":
            cards[shown(children[0].value)] = shown(children[1].value)
    return cards


def all_text(app: AppTest) -> str:
    parts = [*(m.value for m in app.markdown), *(c.value for c in app.caption), *(e.value for e in app.error)]
    return shown("\n".join(parts))


def wait_until(app: AppTest, condition: Callable[[AppTest], bool], seconds: float = 5.0) -> AppTest:
    """Rerun until the watcher has swapped the file in (it waits for a save to settle)."""
    deadline = time.monotonic() + seconds
    while not condition(app.run()):
        assert time.monotonic() < deadline, "the page never showed the change"
        time.sleep(0.1)
    return app


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / SEED.name
    shutil.copy(SEED, copy)
    return copy


def test_overview_cards_show_the_seeds_figures_with_their_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(SEED, monkeypatch)
    assert not app.exception and not app.error
    assert shown(app.title[0].value) == "Siege of eastern Aleppo"
    cards = metrics(app)
    assert cards["People under siege"] == "about 250,000"
    assert cards["Corridor into eastern Aleppo via Ramouseh"] == "fragile — convoys cannot pass"
    assert cards["Supply into western Aleppo"] == "open"
    assert cards["Food shortage · Eastern Aleppo"] == cards["Medicine shortage · Eastern Aleppo"] == "4 Severe"
    assert cards["Food shortage · Western Aleppo"] == "Insufficient evidence"
    assert cards["Trucks of food and gas into western Aleppo"] == "unknown"  # never 0
    text = all_text(app)
    assert "people · 8 Aug 2016 (same day) · CNN [B] · credibility 3 possibly true" in text
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
    assert table.set_index("name").loc["Western Aleppo", "status"] == "unknown"


def test_sources_and_claims_page_puts_contested_claims_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(SEED, monkeypatch), "Sources & claims")
    assert not app.exception
    text = all_text(app)
    assert "Rebel forces have broken the government siege of eastern Aleppo." in text
    assert "Denies it" in text and "SANA (Syrian Arab News Agency) [D], 2016-08-08" in text
    assert "“to break the siege”" in text
    sources = app.dataframe[1].value
    assert len(sources) == 10 and set(sources["reliability"]) == {"B", "C", "D", "F"}
    assert "> four phosphorus bombs were dropped" in text


def test_a_shared_link_opens_the_same_area(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(SEED, monkeypatch, situation="aleppo-2016-08", area="manbij")
    assert set(metrics(app)) == {"Share of Manbij taken by the SDF"}
    assert app.selectbox(key="area").value == "manbij"
    assert app.query_params["area"] == "manbij" and app.query_params["situation"] == "aleppo-2016-08"


def test_several_situations_get_a_picker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SEED, tmp_path / "aleppo.yaml")
    shutil.copy(CASES / "valid" / "minimal.yaml", tmp_path / "minimal.yaml")
    app = open_app(tmp_path, monkeypatch)
    picker = app.selectbox(key="situation")
    assert set(picker.options) == {"Siege of eastern Aleppo", "A situation with nothing known yet"}
    picker.select("minimal").run()
    assert shown(app.title[0].value) == "A situation with nothing known yet"
    assert app.query_params["situation"] == "minimal"


def test_a_broken_file_says_where_and_shows_nothing_false(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.yaml"
    shutil.copy(CASES / "invalid" / "wrong-types.yaml", broken)
    app = open_app(broken, monkeypatch)
    assert not app.exception and not app.metric
    assert "broken.yaml has 4 problem(s)" in shown(app.error[0].value)
    assert f"{broken}:21:16: indicators[0].observations[0].value: expected a number" in app.code[0].value


def test_a_broken_save_keeps_the_last_good_version_until_fixed(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, monkeypatch)
    good = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(good.replace("credibility: 3  ", "credibility: 9  ", 1), encoding="utf-8")
    wait_until(app, lambda a: bool(a.error))
    assert "1 problem(s); the last good version" in shown(app.error[0].value)
    assert re.search(
        rf"{re.escape(str(seed_copy))}:\d+:\d+: indicators\[0\]\.observations\[0\]\.credibility: expected one of",
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
    assert shown(app.title[0].value) == hostile
    assert app.title[0].value != hostile  # it was escaped, not passed through as Markdown


def test_only_the_ui_layer_imports_streamlit_and_it_never_allows_html() -> None:
    package = ROOT / "situation"
    for module in package.rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        if "ui" not in module.relative_to(package).parts:
            assert "import streamlit" not in source, module
        assert "unsafe_allow_html" not in source, module
