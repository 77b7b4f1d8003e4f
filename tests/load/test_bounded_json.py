"""JSON read within budgets: the byte scan that runs before `json.loads` agrees with a plain reading, character by
character, of where a text first nests too deep or holds too long a number, however its chunks fall."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from situation.load import bounded_json
from situation.load.bounded_json import MAX_DEPTH, MAX_NUMBER_CHARS, MAX_VALUES, JsonRefused, read_json

NUMBER = set("0123456789+-.eE")


def first_refusal(text: str) -> int | None:
    """Where a reader going through the text one character at a time first finds nesting deeper than MAX_DEPTH or a
    number longer than MAX_NUMBER_CHARS outside strings (a backslash escapes the quote or backslash after it)."""
    depth, run, in_string, i = 0, 0, False, 0
    while i < len(text):
        c = text[i]
        if c == "\\" and text[i + 1 : i + 2] in ("\\", '"'):
            run, i = 0, i + 2
            continue
        if c == '"':
            in_string, run = not in_string, 0
        elif in_string:
            pass
        elif c in NUMBER:
            run += 1
            if run > MAX_NUMBER_CHARS:
                return i - MAX_NUMBER_CHARS
        else:
            run = 0
            if c in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return i
            elif c in "]}":
                depth -= 1
        i += 1
    return None


PIECES = st.sampled_from(["[", "]", "{", "}", '"', "\\", "\\\\", '\\"', "1", "9" * 20, "e", "-", ",", " ", "a", "\n", "é"])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PIECES, max_size=120), chunk=st.integers(1, 16))
def test_the_scan_finds_what_a_plain_reading_finds(pieces: list[str], chunk: int) -> None:
    text = "".join(pieces)
    expected = first_refusal(text)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(bounded_json, "_CHUNK", chunk)  # tiny chunks: every border falls somewhere
        try:
            bounded_json._check_depth_and_numbers(text.encode())
        except JsonRefused as refusal:
            assert expected is not None, (text, str(refusal))
            before = text[:expected]
            assert (refusal.line, refusal.column) == (before.count("\n") + 1, len(before) - before.rfind("\n")), text
        else:
            assert expected is None, text


def test_a_file_of_more_values_than_the_budget_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(JsonRefused, match=f"at most {MAX_VALUES:,} are read"):
        read_json(b"[" + b"0," * MAX_VALUES + b"0]")
    assert read_json(json.dumps([0] * 1000).encode()) == [0] * 1000
