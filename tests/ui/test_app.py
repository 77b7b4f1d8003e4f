"""The real app in AppTest: which situation, day and area (kept in the URL), live reload, and bad files."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.paths import CASES, SEED, copy_seed
from tests.ui.apptest import metrics, open_app, page_heading, shown, wait_until


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


# A boundary file that cannot be used, in the dashboard: the banner names it and the place inside it (issue 25,
# finding 3: a malformed TopoJSON raised inside the loader and the banner said only 'load-failed', naming no file).
BOUNDARY = "boundaries/syria-and-neighbours.geojson"
BROKEN = b'{"type": "Topology", "arcs": [[[0, 0], [1, 1]]], "objects": {"countries": {"type": "MultiPolygon", "arcs": [5]}}}'
"""A MultiPolygon whose polygon is a number, not a list of rings: a TypeError inside the loader before."""


def test_a_broken_boundary_file_is_named_in_the_banner_and_the_last_good_version_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = copy_seed(tmp_path / SEED.name)
    app = open_app(seed, monkeypatch)
    assert metrics(app)["People under siege"] == "about 250,000"
    (tmp_path / BOUNDARY).write_bytes(BROKEN)
    seed.write_text(seed.read_text(encoding="utf-8").replace("value: 250000", "value: 260000"), encoding="utf-8")
    wait_until(app, lambda a: bool(a.code))
    assert not app.exception
    banner = app.code[0].value
    assert f"{seed}:29:11: boundaries[0].file: the boundary file {BOUNDARY} is not valid TopoJSON: " in banner
    assert "objects.countries.arcs[0]: a polygon must be a list of rings" in banner
    assert "load" not in banner.lower()
    assert metrics(app)["People under siege"] == "about 250,000"
