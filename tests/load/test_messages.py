"""Pydantic's errors said in plain words: a misspelt field is named with the one that was meant, and a field in the
wrong place says where the model has it."""

from __future__ import annotations

from situation.load.loader import load_situation, parse_situation
from tests.paths import CASES


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
