"""Reading only what changed gives exactly what reading the whole file gives: the same model, the same problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from situation.load.entries import ENTRY_LISTS, Entries
from situation.load.loader import LoadResult, parse_situation
from tests.paths import CASES, REVISION, SEED, SHARED
from tests.property.strategies import as_yaml, fact_paths, situation_data, with_one_fact_changed

SUITE = SHARED / "testdata" / "yaml-test-suite"
FILES = [SEED, REVISION, *sorted(CASES.glob("*/*.yaml")), *(sorted(SUITE.glob("*/*.yaml")) if SUITE.is_dir() else [])]


def same(a: LoadResult, b: LoadResult) -> None:
    assert a.situation == b.situation
    assert [p.as_text() for p in a.problems] == [p.as_text() for p in b.problems]


def twice(raw: bytes, file: str = "f.yaml", base_dir: Path | None = None) -> None:
    """Read whole, then by entries from nothing, then by entries again: all three alike."""
    whole = parse_situation(raw, file, base_dir=base_dir)
    entries = Entries()
    same(parse_situation(raw, file, base_dir=base_dir, entries=entries), whole)
    same(parse_situation(raw, file, base_dir=base_dir, entries=entries), whole)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_file_reads_the_same_by_entries(path: Path) -> None:
    """The seed, the fixtures (valid and each kind of invalid) and the official YAML test suite's inputs."""
    twice(path.read_bytes(), str(path), base_dir=path.parent)


def test_a_saved_edit_reads_again_only_the_entry_it_touched() -> None:
    text = SEED.read_text(encoding="utf-8")
    entries = Entries()
    first = parse_situation(text.encode(), "seed.yaml", entries=entries)
    assert first.situation is not None
    total = sum(len(getattr(first.situation, name)) for name in ENTRY_LISTS)
    edited = parse_situation(text.replace("value: 250000", "value: 240000").encode(), "seed.yaml", entries=entries)
    assert edited.situation is not None
    assert entries.reused == total - 1
    assert edited.situation.indicators[0].observations[-1].value == 240000
    assert edited.situation.events[0] is first.situation.events[0]  # untouched entries are shared, so a diff skips them
    same(edited, parse_situation(text.replace("value: 250000", "value: 240000").encode(), "seed.yaml"))


HEAD = "id: x\ntitle: X\nas_of: 2016-08-01\nsummary: S\n"
SOURCE = "{id: a, name: A, kind: other, reliability: B}"
EDGES = {
    "an alias to an anchor in another list": HEAD
    + "sources:\n- &first {id: a, name: A, kind: other, reliability: B}\nareas:\n- {id: z, name: Z, status: besieged}\n"
    + "events: [*first]\n",
    "an anchor used by a later entry": HEAD
    + "sources:\n- id: a\n  name: A\n  kind: &k other\n  reliability: B\n- {id: b, name: B, kind: *k, reliability: C}\n",
    "the same list twice": HEAD + f"sources:\n  - {SOURCE}\nsources:\n  - {SOURCE}\n",
    "a document marker": f"---\n{HEAD}sources:\n  - {SOURCE}\n",
    "a flow list over lines": f"{HEAD}sources: [\n  {SOURCE}]\n",
    "a quoted string over lines at the margin": f'id: x\ntitle: X\nas_of: 2016-08-01\nsummary: "S\nmore"\nsources:\n- {SOURCE}\n',
    "a required field missing at the top": f"id: x\ntitle: X\nsummary: S\nsources:\n- {SOURCE}\n",
    "an entry with a typo": HEAD + "sources:\n- {id: a, nmae: A, kind: other, reliability: B}\n",
    "a reference to nothing": HEAD + "sources:\n- {id: a, name: A, kind: other, reliability: B, via: q}\n",
    "windows line ends and comments at the margin": (
        "# head\r\nid: x\r\ntitle: X\r\nas_of: 2016-08-01\r\nsummary: S\r\nsources:\r\n# first\r\n"
        "- id: a\r\n  name: A\r\n# between\r\n  kind: other\r\n  reliability: B\r\n"
    ),
}


@pytest.mark.parametrize("text", EDGES.values(), ids=EDGES.keys())
def test_odd_shapes_read_the_same_by_entries(text: str) -> None:
    """What cannot be cut plainly is read whole; what can (anchors within a list, CRLF, comments at the margin) is cut.
    Either way the model and every problem, with its line and column, are those of the whole read."""
    twice(text.encode())


def block_yaml(data: dict[str, Any]) -> str:
    """As a person writes it: block style, lists at the margin (the generator's own `as_yaml` writes JSON)."""
    return yaml.safe_dump(json.loads(as_yaml(data)), sort_keys=False, allow_unicode=True, width=10_000)  # enums as text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_situations_and_their_edits_read_the_same(data: st.DataObject) -> None:
    situation = data.draw(situation_data())
    paths = fact_paths(situation)
    edited = with_one_fact_changed(situation, data.draw(st.sampled_from(paths))) if paths else situation
    for write in (block_yaml, as_yaml):
        entries = Entries()
        for version in (situation, edited):
            text = write(version).encode()
            whole = parse_situation(text, "g.yaml")
            same(parse_situation(text, "g.yaml", entries=entries), whole)
        if write is block_yaml and whole.ok and paths:  # one fact changed: every other entry is taken as it was
            assert entries.reused == sum(len(situation.get(name, [])) for name in ENTRY_LISTS) - 1


def test_a_reference_a_save_breaks_is_found_though_the_entries_citing_it_are_not_read_again() -> None:
    # The ids each entry cites are kept from the last check (situation.load.references.CitedIds): a renamed source
    # must still be missed by the reused entries that cite it, and said where each of them cites it.
    entries = Entries()
    text = SEED.read_text(encoding="utf-8")
    parse_situation(text.encode(), str(SEED), entries=entries)
    renamed = text.replace("  - id: sana\n", "  - id: sana-news\n").encode()
    by_entries = parse_situation(renamed, str(SEED), entries=entries)
    assert entries.reused > 0
    same(by_entries, parse_situation(renamed, str(SEED)))
    unknown = [p for p in by_entries.problems if p.code.value == "unknown-reference" and "'sana'" in p.message]
    assert len(unknown) >= 2 and by_entries.situation is None
