"""A boundary file that cannot be used, in the dashboard: the banner names it and the place inside it (issue 25,
finding 3: a malformed TopoJSON raised inside the loader and the banner said only 'load-failed', naming no file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.apptest import metrics, open_app, wait_until
from tests.paths import SEED, copy_seed

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
