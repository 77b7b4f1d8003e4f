"""The problem codes: each declared once, each documented, and every code the checks report is one of them."""

from __future__ import annotations

import ast
import re

from situation.load.codes import Code, problems_page
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
