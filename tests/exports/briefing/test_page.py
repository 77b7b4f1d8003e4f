"""The briefing's HTML without a browser: every section, escaped text, nothing that would be fetched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from situation.exports.briefing.page import build_briefing, css_string
from situation.load.loader import load_situation
from situation.model.facts import Situation
from situation.views.derived import Derived
from tests.paths import REVISION, SEED


def html_of(path: Path = SEED) -> str:
    situation = load_situation(path).situation
    assert situation is not None
    return build_briefing(Derived(situation), charts=False).html


def test_every_section_of_a_sitrep_in_order() -> None:
    html = html_of()
    ids = re.findall(r'<section id="([a-z-]+)"', html)
    assert ids == ["headline", "key-figures", "highlights", "shortages", "access", "claims", "events", "statements", "sources"]
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
    briefing = build_briefing(Derived(situation))
    assert briefing.charts == 0 and briefing.chart_problem is None
    assert "No figures recorded." in briefing.html and "No claim is contested." in briefing.html


def visible_text(html: str) -> str:
    """The page's words as a reader sees them: no styles, no tags."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL))


# "None or minor" is the name of severity 1 (situation.model.scales); a Python None printed as text never has it after.
NOT_A_VALUE = re.compile(r"\bnan\b|\bNone\b(?! or minor)|\bunknown unknown\b|\bNaT\b|\bundefined\b")


@pytest.mark.parametrize("path", [SEED, REVISION], ids=["seed", "revision"])
def test_no_gap_is_printed_as_nan_none_or_unknown_unknown(path: Path) -> None:
    text = visible_text(html_of(path))
    assert NOT_A_VALUE.findall(text) == []
    assert "Source [reliability]" in text and "CNN [B]" in text  # the Sources table is there, with its gaps left blank


def test_page_one_has_the_headline_band_then_key_figures_and_the_key_to_the_grades() -> None:
    text = visible_text(html_of())
    band, key_figures, grades, areas = (
        text.index("Worst shortages"),
        text.index("Key figures"),
        text.index("Key to the grades"),
        text.index("Areas"),
    )
    assert band < key_figures < grades < areas
    assert re.search(r"A\s+Completely reliable.*F\s+Reliability cannot be judged", text, re.DOTALL)
    assert re.search(r"1\s+Confirmed.*6\s+Truth cannot be judged", text, re.DOTALL)


def test_shortages_that_say_the_same_are_one_row() -> None:
    text = visible_text(html_of())
    assert "Food, fuel and medicine shortage · Eastern Aleppo" in text
    assert "Food and cooking gas shortage · Western Aleppo" in text


def test_contacts_and_disclaimer_from_the_file_are_on_the_briefing(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("document: ../../shared/seed/000_8651377567f7f68b.txt", "")
    text += (
        "contacts:\n"
        "  - {name: Information management officer, organisation: Aleppo response team, email: im@example.org,"
        " phone: '+90 342 000 0000'}\n"
        "  - {name: Duty desk}\n"
        "disclaimer: Not an official position of any agency; figures are as reported, graded by the team.\n"
    )
    path = tmp_path / "with-contacts.yaml"
    path.write_text(text, encoding="utf-8")
    page = visible_text(html_of(path))
    assert re.search(r"Information management officer\s*, Aleppo response team\s*· im@example.org\s*· \+90 342 000 0000", page)
    assert "Duty desk" in page
    assert "Not an official position of any agency; figures are as reported, graded by the team." in page


def test_the_printed_header_and_footer_cannot_be_broken_out_of() -> None:
    """A title goes into a CSS string in the page's <style>: a quote, a brace or </style> must stay text."""
    hostile = 'x"; } body { display: none } </style><script>alert(1)</script>'
    quoted = css_string(hostile + " — Ünïcode")
    assert re.fullmatch(r'"[A-Za-z0-9 \\]*"', quoted)  # nothing but letters, digits, spaces and escapes inside the quotes
    decoded = re.sub(r"\\([0-9a-f]{6})", lambda m: chr(int(m.group(1), 16)), quoted[1:-1])
    assert decoded == hostile + " — Ünïcode"
    situation = load_situation(SEED).situation
    assert situation is not None
    html = build_briefing(Derived(situation.model_copy(update={"title": hostile})), charts=False, revision="1a2b3c4d").html
    style = html[html.index("<style>") : html.index("</style>")]
    assert "</style" not in style.lower() and "<script" not in style and '"Made from commit 1a2b3c4d"' in style
