"""The export formats, tables and formula characters are named once: the CLI, the page, the import and the docs agree."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from situation.cli.main import build_parser
from situation.exports.files import csv_files
from situation.exports.formats import FORMATS, TABLES
from situation.exports.rows import tables
from situation.hxl.cells import FORMULA_TRIGGERS
from situation.hxl.draft import import_hxl_text
from situation.views.derived import Derived
from tests.command import run
from tests.loaded import loaded_seed
from tests.paths import ROOT, SEED


def export_choices(option: str) -> tuple[str, ...]:
    """What `python -m situation export OPTION` accepts, read from the parser the CLI runs."""
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    export = commands.choices["export"]
    return tuple(next(a for a in export._actions if option in a.option_strings).choices)


def test_the_cli_offers_every_format_and_table_and_no_other() -> None:
    assert export_choices("--format") == tuple(FORMATS) == ("html", "pdf", "csv", "json", "hxl")
    assert export_choices("--table") == TABLES
    assert tuple(tables(Derived(loaded_seed()), TABLES)) == TABLES


def test_validate_does_not_import_pandas_plotly_or_kaleido() -> None:
    """The CLI's choices come from a module that imports nothing heavy, so checking a file stays quick."""
    code = "import sys, situation.cli.main; print(sorted(m for m in ('pandas', 'plotly', 'kaleido', 'hxl') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_the_docs_show_a_command_for_every_format_and_the_columns_of_every_table() -> None:
    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    documented = re.findall(r"`python -m situation export FILE --format (\w+)", text)
    assert sorted(set(documented)) == sorted(FORMATS)
    documented_columns = {
        name: columns.split(", ")
        for name, columns in re.findall(r"^\| `(\w+)` \| [^|]+ \| ([^|]+) \|$", text, flags=re.MULTILINE)
    }
    assert tuple(documented_columns) == TABLES
    assert documented_columns == {name: list(frame.columns) for name, frame in tables(Derived(loaded_seed()), TABLES).items()}


def test_each_format_has_a_file_name_of_its_own() -> None:
    names = {output: FORMATS[output].file_name(loaded_seed()) for output in FORMATS}
    assert names == {
        "html": "aleppo-2016-08-2016-08-08-briefing.html",
        "pdf": "aleppo-2016-08-2016-08-08-briefing.pdf",
        "csv": "aleppo-2016-08-2016-08-08.zip",
        "json": "aleppo-2016-08-2016-08-08.json",
        "hxl": "aleppo-2016-08-2016-08-08-hxl.zip",
    }


@pytest.mark.parametrize("trigger", [t for t in FORMULA_TRIGGERS if not t.isspace()])
def test_hxl_import_undoes_the_quote_the_export_puts_before_each_formula_character(trigger: str) -> None:
    """The export's neutralising and the import's undoing name the same characters (whitespace is trimmed anyway)."""
    situation = loaded_seed()
    first = situation.indicators[0]
    renamed = situation.model_copy(update={"indicators": [first.model_copy(update={"name": f"{trigger}{first.name}"})]})
    text = csv_files(Derived(renamed), ("indicators",), hxl=True)["indicators.csv"]
    assert f"'{trigger}{first.name}" in text
    result = import_hxl_text(text, "indicators.csv")
    assert result.data is not None
    assert result.data["indicators"][0]["name"] == f"{trigger}{first.name}"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("export", str(SEED), "--format", "csv"), "give --output FILE.zip, or --table NAME"),
        (("export", "no/such.yaml", "--format", "json"), "no such file: no/such.yaml"),
        (("export", str(SEED), "--format", "xlsx"), "invalid choice"),
        (("export", str(SEED), "--format", "pdf"), "--format pdf writes a binary file: give --output FILE.pdf"),
        (("export", str(SEED), "--format", "json", "--output", "no/such/folder/x.json"), "cannot write"),
    ],
)
def test_export_usage_errors_exit_2(argv: tuple[str, ...], said: str) -> None:
    code, out, err = run(*argv)
    assert code == 2 and said in out + err and "Traceback" not in out + err


def test_an_invalid_situation_is_not_exported(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\ntitle: [\n", encoding="utf-8")
    code, out, err = run("export", str(path), "--format", "json")
    assert code == 1 and out == "" and "not exported" in err
