"""The package as a whole: no two modules import each other, however late (an import inside a function counts), and a
module's tests are where its path says, `tests/<package path>/test_<module>.py`, or the README says why it has none.

import-linter keeps the layers and the rooms that must not know each other (pyproject.toml); it does not see a circle
inside one layer, and a circle hidden in a function-level import is one still: one module cannot be read, tested or
moved without the other.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.paths import ROOT

PACKAGE = ROOT / "situation"
TESTS = ROOT / "tests"
WHOLE_SYSTEM = {"browser", "property", "seeds", "deploy"}
"""Test folders of the whole rather than of a module: Chromium, generated situations, the shipped seed, install."""
README_LIST = re.compile(r"<!-- modules-without-a-test-file -->(.*?)<!-- /modules-without-a-test-file -->", re.S)


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path) -> set[str]:
    """The modules of the package that `path` imports anywhere in it, at its top or inside a function, leaving out what
    it imports only for type checking (`if TYPE_CHECKING:`), which never runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for statement in node.body
        for inner in ast.walk(statement)
    }
    package = root.name
    known = {module_name(p, root) for p in root.rglob("*.py")}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in checking_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == package)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == package:
            for alias in node.names:  # `from situation.hxl import read` imports the module situation.hxl.read
                found.add(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module)
    return found & known


def circles(root: Path) -> list[list[str]]:
    """Every group of modules that import one another, directly or round a loop (Tarjan's strongly connected parts)."""
    graph = {module_name(path, root): imports(path, root) for path in root.rglob("*.py")}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_of_the_package_imports_another_that_imports_it_back() -> None:
    assert circles(PACKAGE) == []


def test_the_check_sees_a_circle_made_by_an_import_inside_a_function(tmp_path: Path) -> None:
    package = tmp_path / "situation"
    (package / "exports").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "exports" / "__init__.py").write_text("", encoding="utf-8")
    (package / "exports" / "tables_out.py").write_text(
        "def export():\n    from situation.exports.briefing import build\n", encoding="utf-8"
    )
    (package / "exports" / "briefing.py").write_text("from situation.exports import tables_out\n", encoding="utf-8")
    (package / "exports" / "types.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from situation.exports.briefing import build\n",
        encoding="utf-8",
    )
    assert circles(package) == [["situation.exports.briefing", "situation.exports.tables_out"]]


def exempt() -> dict[str, str]:
    """The README's list of modules without a test file of their own: path -> why."""
    found = README_LIST.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README.md lists the modules without a test file between <!-- modules-without-a-test-file --> markers"
    return dict(re.findall(r"^- `(situation/[\w/]+\.py)`: (.+)$", found[1], re.M))


def expected_test(module: Path) -> Path:
    relative = module.relative_to(PACKAGE)
    return TESTS / relative.parent / f"test_{relative.name}"


def test_every_module_has_its_test_file_or_the_readme_says_why_not() -> None:
    modules = sorted(path for path in PACKAGE.rglob("*.py") if path.name != "__init__.py")
    without = {str(path.relative_to(ROOT)) for path in modules if not expected_test(path).is_file()}
    listed = exempt()
    assert without - set(listed) == set(), "give these a test file, or say in the README why they have none"
    assert set(listed) - without == set(), "these have a test file now (or are gone): take them off the README's list"
    assert all(len(why) > 20 for why in listed.values())


def test_every_test_file_beside_the_code_is_named_for_a_module_that_exists() -> None:
    for test in TESTS.rglob("test_*.py"):
        relative = test.relative_to(TESTS)
        if relative.parts[0] in WHOLE_SYSTEM or relative == Path("test_structure.py"):
            continue
        module = PACKAGE / relative.parent / f"{relative.name.removeprefix('test_')}"
        assert module.is_file(), f"{relative} tests no module: name it for one, or move it to {sorted(WHOLE_SYSTEM)}"
