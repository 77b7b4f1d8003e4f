"""The problem codes: each declared once, each documented, and every code the checks report is one of them."""

from __future__ import annotations

import ast
import re

import pytest

from situation.load import boundaries, bounded_json, confine, loader, messages, problems, reader
from situation.load.codes import Code, problems_page
from situation.model import dates
from tests.paths import CASES, ROOT


def test_docs_problems_md_is_generated_from_the_codes() -> None:
    committed = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    assert committed == problems_page(), (
        "docs/problems.md is stale: run `python -m situation docs --page problems > docs/problems.md`"
    )


def test_every_code_has_a_meaning_a_level_and_a_heading() -> None:
    page = problems_page()
    for code in Code:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code.value), code
        assert code.level in ("error", "warning", "note") and code.meaning.endswith("."), code
        assert f"| `{code.value}` | {code.level} |" in page


def test_codes_are_unique() -> None:
    values = [code.value for code in Code]
    assert len(values) == len(set(values))


def test_no_check_spells_a_code_as_a_free_string() -> None:
    """A code written as a bare string at a check would escape the registry (and the docs): every one is `Code.X`."""
    codes = {code.value for code in Code}
    spelled = []
    for path in (ROOT / "situation").rglob("*.py"):
        if path.name == "codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in codes:
                spelled.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not spelled, "use situation.load.codes.Code instead of:\n" + "\n".join(spelled)


def test_every_expected_code_in_the_fixture_folders_is_declared() -> None:
    codes = {code.value for code in Code}
    expected = {
        m for path in CASES.rglob("*.yaml") for m in re.findall(r"^# expect: \d+:\d+ (\S+)$", path.read_text("utf-8"), re.M)
    }
    assert expected and expected <= codes, expected - codes


# docs/budgets.md says the limits the code keeps: each row that names a constant states its value.

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
