"""Fixture folders: each file in cases/invalid/ says, in `# expect: LINE:COL code` lines, every problem it must get
(errors, or only warnings where a file is still used)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from situation.load.loader import load_situation, parse_situation
from tests.paths import CASES

INVALID = sorted((CASES / "invalid").glob("*.yaml"))
VALID = sorted((CASES / "valid").glob("*.yaml"))


def expected_problems(path: Path) -> list[tuple[int, int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(int(line), int(col), code) for line, col, code in re.findall(r"^# expect: (\d+):(\d+) (\S+)$", text, re.M)]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_every_mistake_is_reported_at_its_line_and_column(path: Path) -> None:
    expected = expected_problems(path)
    assert expected, f"{path.name} declares no '# expect:' lines"
    result = load_situation(path)
    assert [(p.line, p.column, p.code) for p in result.problems] == expected
    # A file whose only problems are warnings is used; any error makes it invalid.
    assert (result.situation is None) == any(p.severity == "error" for p in result.problems)
    for problem in result.problems:
        assert problem.file == str(path)
        assert problem.as_text().startswith(f"{path}:{problem.line}:{problem.column}: ")
        assert "Traceback" not in problem.message and "Input should" not in problem.message


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_files_load_without_problems(path: Path) -> None:
    result = load_situation(path)
    assert result.problems == []
    assert result.ok


def test_yaml_1_2_meanings_and_unknown_distinct_from_zero() -> None:
    situation = load_situation(CASES / "valid" / "yaml-1-2-meanings.yaml").situation
    assert situation is not None
    assert (situation.id, situation.title, situation.sources[0].name) == ("no", "NO", "ON")
    values = [o.value for o in situation.indicators[0].observations]
    assert values == [0, 12, None]
    assert values[2] is None and values[0] == 0


def test_an_unknown_field_message_suggests_the_right_name() -> None:
    problems = load_situation(CASES / "invalid" / "unknown-field.yaml").problems
    typo = next(p for p in problems if p.path.endswith("sorces"))
    assert typo.path == "indicators[people].observations[0].sorces"
    assert "did you mean 'sources'?" in typo.message
    assert not any(p.code == "missing-field" for p in problems)  # one mistake, one error


def test_an_unknown_field_says_where_the_model_has_it() -> None:
    text = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    route = "areas: [{id: a, name: A}]\naccess:\n  - {id: r, name: R, kind: aid_corridor, to_area: a, hours: 19:00-07:00,\n"
    route += "     observations: [{date: 2024-01-30, status: open, sources: [team], credibility: 3}]}\n"
    problems = parse_situation((text + route).encode(), "x.yaml").problems
    assert [p.message for p in problems] == ["unknown field 'hours' (the model has 'hours' in access[].observations[].hours)"]
    value = text + "indicators:\n  - id: i\n    name: I\n    unit: people\n    observations:\n"
    value += "      - {date: 2024-01-30, value: {low: 1, approximate: true}, sources: [team], credibility: 3}\n"
    problems = parse_situation(value.encode(), "x.yaml").problems
    assert [p.message for p in problems] == ["unknown field 'approximate' (it belongs one level up, beside 'value')"]


def test_a_quote_is_matched_whatever_its_quote_marks_and_spacing() -> None:
    problems = load_situation(CASES / "invalid" / "quote-not-found.yaml").problems
    # The first quote differs from its source only in spacing and added curly quotes: not reported.
    assert [p.path for p in problems] == ["indicators[trucks].observations[1].quote.text"]
