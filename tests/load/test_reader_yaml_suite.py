"""Every input of the official YAML test suite is read without a crash: accepted, or refused with a location."""

from __future__ import annotations

from pathlib import Path

import pytest

from situation.load.loader import load_situation
from tests.paths import SHARED

SUITE = SHARED / "testdata" / "yaml-test-suite"
INPUTS = sorted(SUITE.glob("*/*.yaml")) if SUITE.is_dir() else []


@pytest.mark.skipif(not INPUTS, reason=f"the YAML test suite is not at {SUITE} (it sits beside the repository in CI)")
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_suite_input_is_read_or_refused_with_a_location(path: Path) -> None:
    result = load_situation(path)
    # None of these is a situation, so each is refused; what matters is how.
    assert not result.ok
    assert result.problems
    for problem in result.problems:
        assert problem.line is not None and problem.line >= 1 and problem.column is not None and problem.column >= 1
        assert problem.message
