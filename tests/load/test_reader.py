"""Hostile or broken input is refused with a located, plain message, never a crash or a hang; every input of the official
YAML test suite is read without a crash: accepted, or refused with a location."""

from __future__ import annotations

from pathlib import Path

import pytest

from situation.load.loader import load_situation, parse_situation
from situation.load.reader import MAX_ALIAS_NODES, read_yaml, resolve_plain
from tests.paths import CASES, SHARED

MINIMAL = (CASES / "valid" / "minimal.yaml").read_bytes()


def codes(raw: bytes, **options: int) -> list[tuple[int | None, int | None, str]]:
    return [(p.line, p.column, p.code) for p in parse_situation(raw, "f.yaml", **options).problems]


def test_empty_and_comment_only_files_are_refused() -> None:
    assert codes(b"") == [(1, 1, "empty-file")]
    assert codes(b"# only a comment\n\n") == [(1, 1, "empty-file")]


def test_invalid_utf8_is_located_at_the_bad_byte() -> None:
    assert codes(b"id: x\ntitle: caf\xe9\n") == [(2, 11, "not-utf8")]


def test_a_byte_order_mark_is_accepted() -> None:
    assert parse_situation(b"\xef\xbb\xbf" + MINIMAL, "f.yaml").ok


def test_a_file_too_large_is_refused_before_reading() -> None:
    assert codes(MINIMAL, max_bytes=100) == [(None, None, "file-too-large")]


def test_control_characters_are_a_located_syntax_error() -> None:
    assert codes(b"id: x\ntitle: a\x00b\n") == [(2, 9, "yaml-syntax")]


def test_very_deep_nesting_is_refused_without_crashing() -> None:
    # PyYAML's own C composer crashes the process on this input.
    depth = 200_000
    assert codes(b"a: " + b"[" * depth + b"]" * depth) == [(1, 67, "too-deep")]


def test_alias_expansion_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    result = read_yaml("\n".join(lines), "bomb.yaml")
    assert [p.code for p in result.problems] == ["alias-bomb"]
    assert f"{MAX_ALIAS_NODES:,}" in result.problems[0].message


def test_modest_aliases_are_allowed() -> None:
    result = read_yaml("base: &s [cnn, sana]\nother: *s\n", "f.yaml")
    assert result.problems == [] and result.data == {"base": ["cnn", "sana"], "other": ["cnn", "sana"]}


def test_an_alias_before_its_anchor_is_refused() -> None:
    assert [p.code for p in read_yaml("a: *nope\n", "f.yaml").problems] == ["unknown-alias"]


def test_a_mapping_as_a_key_is_refused() -> None:
    assert [p.code for p in read_yaml("? {a: 1}\n: x\n", "f.yaml").problems] == ["complex-key"]


def test_missing_file_and_folder_are_said_plainly(tmp_path: Path) -> None:
    assert [p.code for p in load_situation(tmp_path / "nope.yaml").problems] == ["file-not-found"]
    assert [p.code for p in load_situation(tmp_path).problems] == ["not-a-file"]


def test_yaml_1_2_core_schema_resolution() -> None:
    table = {
        "NO": "NO", "yes": "yes", "on": "on", "y": "y", "true": True, "False": False,
        "012": 12, "0o12": 10, "0x1A": 26, "-7": -7, "1e3": 1000.0, "2.5": 2.5, ".inf": float("inf"),
        "~": None, "null": None, "": None, "2016-08-08": "2016-08-08", "1_000": "1_000", "0b101": "0b101",
    }  # fmt: skip
    assert {text: resolve_plain(text) for text in table} == table


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ("sources: null\n", (3, 10, "wrong-type")),
        ("sources: 5\n", (3, 10, "wrong-type")),
        ("sources:\n  - id: [a]\n    via: [b]\n", (4, 9, "wrong-type")),
    ],
)
def test_sources_of_the_wrong_shape_are_errors_not_crashes(sources: str, expected: tuple[int, int, str]) -> None:
    raw = f"id: x\ntitle: t\n{sources}".encode()
    assert expected in codes(raw)


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
