"""Fixture folders: each file in cases/invalid/ says, in `# expect: LINE:COL code` lines, every problem it must get
(errors, or only warnings where a file is still used)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from situation.load.loader import load_situation
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
