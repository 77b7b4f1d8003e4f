"""Each new version the open page takes is said, with what changed; a save that drops many facts is a warning."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from tests.paths import SEED
from tests.ui.apptest import metrics, open_app, shown, wait_until

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_a_new_version_is_said_with_what_changed(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, monkeypatch)
    assert not app.info or "was updated" not in app.info[0].value  # the first version is no news
    seed_copy.write_text(SEED_TEXT.replace("value: 250000", "value: 260000"), encoding="utf-8")
    wait_until(app, lambda a: metrics(a).get("People under siege") == "about 260,000")
    notice = next(shown(i.value) for i in app.info if "was updated" in i.value)
    assert "aleppo-2016-08.yaml was updated at" in notice and notice.endswith(": 1 fact changed.")
    assert not app.warning
    changes = next(e.proto.body for e in app.get("html") if "<summary>What changed</summary>" in e.proto.body)
    assert "People under siege, 2016-08-08: value about 250,000 → about 260,000" in html.unescape(changes)


def test_a_save_cut_short_is_a_warning_naming_what_vanished(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(seed_copy, monkeypatch)
    seed_copy.write_text("".join(SEED_TEXT.splitlines(keepends=True)[:219]), encoding="utf-8")  # still valid
    wait_until(app, lambda a: bool(a.warning))
    warning = shown(app.warning[0].value)
    assert "1 fact changed, 37 removed" in warning
    assert "This save removed 37 of 63 facts (more than 20%): Share of Manbij taken by the SDF" in warning
    assert "and 25 more" in warning
