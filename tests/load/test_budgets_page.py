"""docs/budgets.md says the limits the code keeps: each row that names a constant states its value."""

from __future__ import annotations

import re

import pytest

from situation.load import boundaries, bounded_json, confine, loader, messages, problems, reader
from situation.model import dates
from tests.paths import ROOT

PAGE = (ROOT / "docs" / "budgets.md").read_text(encoding="utf-8")
CONSTANTS = {
    "loader.MAX_FILE_BYTES": f"{loader.MAX_FILE_BYTES // 2**20} MiB",
    "reader.MAX_DEPTH": f"{reader.MAX_DEPTH} levels",
    "reader.MAX_ALIAS_NODES": f"{reader.MAX_ALIAS_NODES:,} nodes",
    "reader.MAX_NUMBER_CHARS": f"{reader.MAX_NUMBER_CHARS:,} characters",
    "dates.EARLIEST_YEAR": f"years {dates.EARLIEST_YEAR} to {dates.LATEST_YEAR}",
    "dates.FAR_APART_YEARS": f"{dates.FAR_APART_YEARS} years",
    "loader.MAX_PROBLEMS": f"the first {loader.MAX_PROBLEMS},",
    "loader.MAX_WORDED": f"{loader.MAX_WORDED:,} per file",
    "messages.MAX_CANDIDATES": f"{messages.MAX_CANDIDATES} names compared per word, {messages.MAX_SUGGESTED} words",
    "confine.MAX_DOCUMENT_BYTES": f"{confine.MAX_DOCUMENT_BYTES // 2**20} MiB",
    "confine.DOCUMENT_SUFFIXES": ", ".join(f"`{suffix}`" for suffix in confine.DOCUMENT_SUFFIXES),
    "boundaries.MAX_BOUNDARY_BYTES": f"{boundaries.MAX_BOUNDARY_BYTES // 2**20} MiB",
    "bounded_json.MAX_VALUES": f"{bounded_json.MAX_VALUES:,} numbers",
    "bounded_json.MAX_DEPTH": f"{bounded_json.MAX_DEPTH} levels",
    "bounded_json.MAX_NUMBER_CHARS": f"{bounded_json.MAX_NUMBER_CHARS} characters",
    "boundaries.MAX_BOUNDARY_POSITIONS": f"{boundaries.MAX_BOUNDARY_POSITIONS:,} in all",
    "boundaries.MAX_ARC_REFERENCES": f"{boundaries.MAX_ARC_REFERENCES:,}",
    "problems.MAX_MESSAGE_CHARS": f"{problems.MAX_MESSAGE_CHARS} characters, {problems.MAX_QUOTED_CHARS} of any value",
}


@pytest.mark.parametrize(("constant", "said"), CONSTANTS.items(), ids=CONSTANTS.keys())
def test_the_row_naming_a_constant_states_its_value(constant: str, said: str) -> None:
    rows = [line for line in PAGE.splitlines() if line.startswith("|") and f"`{constant}`" in line]
    assert len(rows) == 1, f"docs/budgets.md has {len(rows)} rows naming {constant}"
    assert said in rows[0], f"docs/budgets.md should say {said!r} where it names {constant}: {rows[0]}"


def test_every_constant_the_page_names_is_checked() -> None:
    named = set(re.findall(r"`(\w+\.[A-Z_]+)`", PAGE))
    assert named <= set(CONSTANTS) | {"dates.LATEST_YEAR", "messages.MAX_SUGGESTED", "problems.MAX_QUOTED_CHARS"}, named
