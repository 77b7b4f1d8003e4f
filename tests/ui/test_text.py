"""Text from the YAML is shown literally: never Markdown, never HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import ROOT
from tests.ui.apptest import open_app, page_heading


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
