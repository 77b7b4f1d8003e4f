"""The sections of a situation are declared once: the model holds each as a list of entries that name it, keys are made
in one place, and no other module lists the sections or spells a key prefix itself."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest
import yaml

from situation.load.references import fact_keys
from situation.model.facts import Situation, StaleAfter
from situation.model.sections import BY_KIND, SECTIONS, Keyed
from tests.loaded import loaded_seed
from tests.paths import REVISION, ROOT, SEED

SECTIONS_MODULE = ROOT / "situation" / "model" / "sections.py"
NAMES = {section.name for section in SECTIONS}
KINDS = {section.kind for section in SECTIONS}
LISTED = 3
"""How many section names in one literal make a list of sections: two may be columns of a table that happen to share a
section's name ('sources', 'reports'); three or more are the sections listed again. Kinds are singular words that
columns use all the time ('claim', 'statement', 'source'), so a literal lists kinds when it holds nothing else."""


def test_the_model_holds_every_section_as_a_list_of_entries_that_name_it() -> None:
    keyed = {
        name
        for name, info in Situation.model_fields.items()
        if typing.get_origin(info.annotation) is list
        and isinstance(entry := typing.get_args(info.annotation)[0], type)
        and issubclass(entry, Keyed)
    }
    assert keyed == NAMES
    for section in SECTIONS:
        assert Situation.entry_type(section).section is section
        if section.nested is not None:
            assert section.nested in Situation.entry_type(section).model_fields


def test_what_goes_stale_is_what_is_observed_over_time() -> None:
    assert set(StaleAfter.model_fields) == {section.name for section in SECTIONS if section.observed}


@pytest.mark.parametrize("path", [SEED, REVISION], ids=["seed", "revision"])
def test_every_key_starts_with_its_kind_is_unique_and_reads_the_same_from_the_raw_file(path: Path) -> None:
    situation = loaded_seed() if path == SEED else Situation.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    made = set()
    for section in SECTIONS:
        keys = [entry.key for entry in situation.entries(section)]
        assert len(set(keys)) == len(keys)
        assert all(BY_KIND[key.split(":", 1)[0]] is section for key in keys)
        if section.fact:
            made.update(keys)
    assert fact_keys(yaml.safe_load(path.read_text(encoding="utf-8"))) == made
    assert "shortage:east-aleppo:food" in made


def _literals(module: Path) -> list[str]:
    """Where `module` lists section names or kinds, or spells a key prefix ('route:…', f'event:{…}'), outside docstrings."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }
    found = []
    for node in ast.walk(tree):
        items = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else None
        items = [key for key in node.keys if key is not None] if isinstance(node, ast.Dict) else items
        if items is not None:
            texts = {item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)}
            if len(texts & NAMES) >= LISTED or (len(texts) >= LISTED and texts <= KINDS):
                found.append(f"line {node.lineno}: lists {sorted(texts & (NAMES | KINDS))}")
        text = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            text = str(node.values[0].value)
            docstrings.update(id(part) for part in node.values)  # its parts are not strings of their own
        kind, colon, rest = (text or "").partition(":")
        if colon and kind in KINDS and (rest == "" or rest[0].isalnum()):
            found.append(f"line {node.lineno}: spells the key prefix '{kind}:'")
    return found


def test_no_module_lists_the_sections_or_spells_a_key_prefix_but_the_sections_module() -> None:
    modules = sorted(path for path in (ROOT / "situation").rglob("*.py") if path != SECTIONS_MODULE)
    found = {str(path.relative_to(ROOT)): spots for path in modules if (spots := _literals(path))}
    assert found == {}, "derive these from situation/model/sections.py instead"


def test_the_check_sees_a_list_of_sections_and_a_key_spelt_by_hand(tmp_path: Path) -> None:
    module = tmp_path / "listing.py"
    module.write_text(
        '"""route:docstrings-may-show-a-key"""\n'
        'SECTIONS = ("areas", "indicators", "access")\n'
        'key = f"route:{route_id}"\n'
        'legend = f"route: {status}"\n'
        'COLUMNS = ["sources", "reports", "claim", "statement", "source", "date"]\n'
        'KINDS = ("area", "route", "event")\n',
        encoding="utf-8",
    )
    assert _literals(module) == [
        "line 2: lists ['access', 'areas', 'indicators']",
        "line 3: spells the key prefix 'route:'",
        "line 6: lists ['area', 'event', 'route']",
    ]
