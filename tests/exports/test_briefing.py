"""The briefing's HTML without a browser: every section, escaped text, nothing that would be fetched."""

from __future__ import annotations

import re
from pathlib import Path

from situation.exports.briefing import build_briefing
from situation.load.loader import load_situation
from situation.model.facts import Situation
from tests.paths import REVISION, SEED


def html_of(path: Path = SEED) -> str:
    situation = load_situation(path).situation
    assert situation is not None
    return build_briefing(situation, charts=False).html


def test_every_section_of_a_sitrep_in_order() -> None:
    html = html_of()
    ids = re.findall(r'<section id="([a-z-]+)"', html)
    assert ids == ["highlights", "key-figures", "shortages", "access", "claims", "events", "statements", "sources"]
    assert "<title>Siege of eastern Aleppo — briefing as of 8 August 2016</title>" in html


def test_nothing_in_the_page_points_elsewhere() -> None:
    html = html_of()
    assert not re.search(r"(src|href)\s*=", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html and "<script" not in html
    assert "default-src 'none'" in html


def test_yaml_text_is_escaped(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("document: ../../shared/seed/000_8651377567f7f68b.txt", "")
    text = text.replace("title: Siege of eastern Aleppo", "title: <img src=x onerror=alert(1)>", 1)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    html = html_of(path)
    assert "<h1>&lt;img src=x onerror=alert(1)&gt;</h1>" in html and "<img" not in html


def test_a_situation_with_only_sources_still_makes_a_briefing() -> None:
    situation = Situation.model_validate(
        {"id": "empty", "title": "Nothing yet", "as_of": "2024-01-02", "summary": "First notes.",
         "sources": [{"id": "un", "name": "UN", "kind": "un", "reliability": "B"}]}
    )  # fmt: skip
    briefing = build_briefing(situation)
    assert briefing.charts == 0 and briefing.chart_problem is None
    assert "No figures recorded." in briefing.html and "No claim is contested." in briefing.html


def test_a_gap_in_a_table_is_an_empty_cell_never_nan() -> None:
    """pandas reads a text column with gaps as NaN; the page must say nothing there (a source relayed by no one)."""
    for path in (SEED, REVISION):
        html = html_of(path)
        assert not re.search(r"\bnan\b", html, re.IGNORECASE), path.name
    cnn = re.search(r"<tr><td>CNN</td><td>news media</td><td>B — Usually reliable</td>\s*<td>([^<]*)</td>", html_of(REVISION))
    assert cnn is not None and cnn[1] == ""
