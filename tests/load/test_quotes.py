"""A quote is checked against the text it was taken from: the report a fact cites, where that report has a copy,
else the source that said it."""

from __future__ import annotations

from pathlib import Path

from situation.load.loader import load_situation
from tests.paths import CASES

SOURCE_TEXT = "Trucks of food and gas had been brought into the city on Monday, the agency said."
REPORTS = {
    "flash-3": "Two convoys of 40 trucks reached the eastern districts on 30 January.",
    "flash-5": "The road was closed again on 31 January after shelling.",
}


def situation(folder: Path, cites: list[str], quote: str, missing: str | None = None) -> Path:
    """A file whose one observation cites `cites` and quotes `quote`; each report but `missing` has its copy."""
    (folder / "agency.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    reports = ""
    for report, text in REPORTS.items():
        if report != missing:
            (folder / f"{report}.txt").write_text(text, encoding="utf-8")
        reports += f"  - {{id: {report}, source: agency, title: {report}, date: 2024-01-31, document: {report}.txt}}\n"
    reports += "  - {id: bulletin, source: agency, title: Bulletin with no copy, date: 2024-01-31}\n"
    path = folder / "s.yaml"
    path.write_text(
        "id: s\ntitle: S\nas_of: 2024-01-31\nsummary: x\n"
        "sources:\n  - {id: agency, name: Agency, kind: un, reliability: B, document: agency.txt}\n"
        f"reports:\n{reports}"
        "indicators:\n  - id: trucks\n    name: Trucks\n    unit: trucks\n    observations:\n"
        f"      - {{date: 2024-01-31, value: 40, sources: [agency], reports: [{', '.join(cites)}], credibility: 2,\n"
        f'         quote: {{text: "{quote}", by: agency}}}}\n',
        encoding="utf-8",
    )
    return path


def said(path: Path) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in load_situation(path).problems]


def test_a_quote_in_any_report_the_fact_cites_is_found(tmp_path: Path) -> None:
    assert said(situation(tmp_path, ["flash-3", "flash-5"], "closed again on 31 January")) == []


def test_a_quote_only_in_the_sources_other_text_is_not_in_the_reports_cited(tmp_path: Path) -> None:
    assert said(situation(tmp_path, ["flash-3", "flash-5"], "Trucks of food and gas")) == [
        (
            "indicators[trucks].observations[0].quote.text",
            "this quote is not in the text of the report flash-3 or flash-5; copy the words exactly as the report has them",
        )
    ]


def test_a_fact_citing_only_reports_without_a_copy_is_checked_against_its_source(tmp_path: Path) -> None:
    assert said(situation(tmp_path, ["bulletin"], "Trucks of food and gas")) == []
    assert said(situation(tmp_path, ["bulletin"], "Two convoys of 40 trucks")) == [
        (
            "indicators[trucks].observations[0].quote.text",
            "this quote is not in the text of agency; copy the words exactly as the source has them",
        )
    ]


def test_a_report_copy_that_cannot_be_read_is_a_warning_and_its_facts_quotes_are_not_guessed_at(tmp_path: Path) -> None:
    problems = said(situation(tmp_path, ["flash-3", "flash-5"], "closed again on 31 January", missing="flash-5"))
    assert problems == [
        (
            "reports[flash-5].document",
            "the document does not exist; quotes of facts citing flash-5 are not checked",
        )
    ]
    assert load_situation(tmp_path / "s.yaml").ok


def test_a_quote_is_matched_whatever_its_quote_marks_and_spacing() -> None:
    problems = load_situation(CASES / "invalid" / "quote-not-found.yaml").problems
    # The first quote differs from its source only in spacing and added curly quotes: not reported.
    assert [p.path for p in problems] == ["indicators[trucks].observations[1].quote.text"]
