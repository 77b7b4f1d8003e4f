"""Fixture folders: each file in cases/invalid/ says, in `# expect: LINE:COL code` lines, every problem it must get
(errors, or only warnings where a file is still used)."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

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


# What one file may cost to report (issue 25, finding 2): the first problems listed and the rest counted, and 'did
# you mean' over bounded sets of names. 20,000 unknown keys took 32 s to report, each placed, named and matched against
# the model; 1,000 p-codes missing from 5,000 features took 28 s, each matched against every feature.

MINIMAL = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def test_twenty_thousand_unknown_keys_list_the_first_hundred_and_count_the_rest() -> None:
    text = MINIMAL + "".join(f"unknown_key_{i:05d}: {i}\n" for i in range(20_000))
    result = parse_situation(text.encode(), "keys.yaml")
    assert not result.ok
    first = MINIMAL.count("\n") + 1
    listed = [(p.line, p.code.value) for p in result.problems]
    assert listed[:100] == [(first + i, "unknown-field") for i in range(100)]
    assert listed[100:] == [(first + 100, "more-errors")]
    assert result.problems[100].message == "and 19,900 more problems (19,900 errors) not listed: fix those above first"


def test_warnings_past_the_first_hundred_are_counted_and_the_file_still_used() -> None:
    observations = "".join(
        f"      - {{date: 2024-01-{31 - i % 30:02d}, value: {i}, sources: [team], credibility: 2}}\n" for i in range(30)
    )
    indicators = "".join(f"  - id: i{n}\n    name: I{n}\n    unit: people\n    observations:\n{observations}" for n in range(6))
    result = parse_situation((MINIMAL + "indicators:\n" + indicators).encode(), "order.yaml")
    assert result.ok
    assert [p.code.value for p in result.problems] == ["out-of-order"] * 100 + ["more-warnings"]
    assert result.problems[-1].message == "and 74 more problems (74 warnings) not listed: fix those above first"


def test_an_error_past_the_first_hundred_still_makes_the_file_invalid() -> None:
    observations = "".join(
        f"      - {{date: 2024-01-{31 - i % 30:02d}, value: {i}, sources: [team], credibility: 2}}\n" for i in range(30)
    )
    indicators = "".join(f"  - id: i{n}\n    name: I{n}\n    unit: people\n    observations:\n{observations}" for n in range(4))
    twice = "      - {date: 2024-01-05, value: 1, sources: [team], credibility: 2}\n" * 2
    text = MINIMAL + "indicators:\n" + indicators + f"  - id: last\n    name: Last\n    unit: people\n    observations:\n{twice}"
    result = parse_situation(text.encode(), "late-error.yaml")
    assert not result.ok
    assert [p.code.value for p in result.problems] == ["out-of-order"] * 100 + ["more-errors"]
    assert result.problems[-1].message == "and 17 more problems (1 error, 16 warnings) not listed: fix those above first"


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many names each 'did you mean' compared its word with."""
    sizes: list[int] = []
    real = difflib.get_close_matches

    def spy(word: str, possibilities: Any, *args: Any, **kwargs: Any) -> list[str]:
        possibilities = list(possibilities)
        sizes.append(len(possibilities))
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", spy)
    return sizes


def test_a_thousand_missing_pcodes_among_five_thousand_features_are_matched_against_a_hundred_each(
    tmp_path: Path, compared: list[int]
) -> None:
    features = [
        {
            "type": "Feature",
            "properties": {"ADM2_PCODE": f"XY{i:06d}"},
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0]]]},
        }
        for i in range(5_000)
    ]
    (tmp_path / "b.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    areas = "".join(f"  - {{id: a{i}, name: A{i}, pcode: XY{i * 5:06d}9, admin_level: 2}}\n" for i in range(1_000))
    text = MINIMAL.replace("sources:", "boundaries:\n  - file: b.geojson\nsources:") + "areas:\n" + areas
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    problems = load_situation(tmp_path / "s.yaml").problems
    assert [p.code.value for p in problems] == ["pcode-not-in-boundaries"] * 100 + ["more-errors"]
    assert problems[0].message == "the p-code 'XY0000009' is not in b.geojson (did you mean 'XY000009'?)"
    assert len(compared) <= 100 and max(compared) <= 100, (len(compared), max(compared))


def test_thousands_of_unknown_references_are_matched_against_a_hundred_ids_each(compared: list[int]) -> None:
    sources = "".join(f"  - {{id: source-{i:05d}, name: S{i}, kind: other, reliability: F}}\n" for i in range(5_000))
    events = "".join(
        f"  - {{id: e{i}, date: 2024-01-30, type: battles, sub_type: armed_clash, summary: x, area: town, "
        f"sources: [sourse-{i:05d}], credibility: 2}}\n"
        for i in range(3_000)
    )
    text = MINIMAL.split("sources:")[0] + "sources:\n" + sources + "areas: [{id: town, name: Town}]\nevents:\n" + events
    problems = parse_situation(text.encode(), "refs.yaml").problems
    assert [p.code.value for p in problems] == ["unknown-reference"] * 100 + ["more-errors"]
    assert problems[0].message == "no source has the id 'sourse-00000' (did you mean 'source-00000'?)"
    assert len(compared) <= 100 and max(compared) <= 100


def test_the_codes_say_the_budget_the_loader_keeps() -> None:
    from situation.load.codes import Code
    from situation.load.loader import MAX_PROBLEMS

    assert f"first {MAX_PROBLEMS} " in Code.MORE_ERRORS.meaning and f"first {MAX_PROBLEMS} " in Code.MORE_WARNINGS.meaning
