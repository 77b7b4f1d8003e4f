"""An indentation mistake is reported on the line that is out of line, with the indentation it should have."""

from __future__ import annotations

from situation.load.indentation import explain_indentation, levels_above
from situation.load.loader import parse_situation

HEAD = "id: x\ntitle: X\nas_of: 2024-01-31\nsummary: x\n"
SOURCE = "sources:\n  - id: team\n    name: The team\n    kind: other\n    reliability: F\n"


def syntax(text: str) -> list[str]:
    """Each problem as `line:col message`, the way an editor shows it."""
    return [f"{p.line}:{p.column} {p.message}" for p in parse_situation(text.encode(), "f.yaml").problems]


def test_a_list_item_one_space_too_deep_names_the_column_of_the_items_above() -> None:
    text = HEAD + SOURCE + "   - id: other\n    name: Other\n"
    assert syntax(text) == [
        "10:4 YAML syntax: this line is indented 3 spaces; the items of the list above (line 6) are indented 2"
        " — line up '-' with them"
    ]


def test_a_list_item_at_the_column_of_the_keys_above_is_sent_back_to_its_list() -> None:
    text = HEAD + SOURCE + "    - id: other\n"
    assert syntax(text) == [
        "10:5 YAML syntax: this line is indented 4 spaces; the items of the list above (line 6) are indented 2"
        " — line up '-' with them"
    ]


def test_a_key_too_deep_is_reported_at_its_start_not_at_its_colon() -> None:
    text = HEAD + SOURCE + "     url: https://example.org\n"
    assert syntax(text) == [
        "10:6 YAML syntax: this line is indented 5 spaces; the keys of the mapping above (line 9) are indented 4"
        " — line it up with them"
    ]


def test_a_key_one_space_in_from_the_top_level_is_lined_up_with_the_top_level() -> None:
    text = HEAD + SOURCE + " areas: []\n"
    assert syntax(text) == [
        "10:2 YAML syntax: this line is indented 1 space; the keys of the mapping above (line 5) are indented 0"
        " — line it up with them"
    ]


def test_a_key_at_the_column_of_a_list_belongs_with_the_keys_of_its_item() -> None:
    text = HEAD + SOURCE + "indicators:\n  - id: i\n    observations:\n      - date: 2024-01-30\n      value: 3\n"
    assert syntax(text)[0] == (
        "14:7 YAML syntax: this line is indented 6 spaces; the keys of the mapping above (line 13) are indented 8"
        " — line it up with them"
    )


def test_a_dash_without_a_space_is_said_to_need_one() -> None:
    text = HEAD + SOURCE + "  -id: other\n"
    assert syntax(text) == ["10:3 YAML syntax: '-' starts a list item only when a space follows it: write '- id: other'"]


def test_other_syntax_errors_keep_libyamls_words() -> None:
    assert syntax(HEAD + 'sources:\n  - id: "team\n') == [
        "7:1 YAML syntax: found unexpected end of stream (while scanning a quoted scalar at line 6)"
    ]
    assert explain_indentation(HEAD + "title: a: b\n", 5) is None  # a colon in a value, not an indent


def test_a_tab_that_indents_a_line_is_named() -> None:
    assert syntax(HEAD + "sources:\n\t- id: team\n") == [
        "6:1 YAML syntax: this line is indented with a tab; YAML indents with spaces only — replace the tab with spaces"
    ]


def test_levels_above_are_the_lists_and_mappings_still_open() -> None:
    lines = (HEAD + SOURCE + "indicators:\n  - - id: i\n      name: I\n").splitlines()
    assert [(lvl.column, lvl.line, lvl.is_list) for lvl in levels_above(lines, len(lines) + 1)] == [
        (6, 12, False),
        (4, 11, True),
        (2, 11, True),
        (0, 10, False),
    ]
