"""What the CLI prints cannot be turned around by the file it reads (issue 25, finding 7): a right-to-left override
(U+202E) in a title, a key, a label or a file's name made the terminal show the rest of the line backwards, so a
message could read as something else. Every such character is printed as an escape; the JSON parses to the same text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from situation.cli.main import main
from tests.paths import CASES

MINIMAL = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
RLO, ISOLATE, ZERO_WIDTH, MARK = "\u202e", "\u2067", "\u200b", "\u200f"
RAW = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\x80-\x9f]")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / f"team{RLO}lmth.exe"
    folder.mkdir()
    return folder


def test_a_valid_file_with_an_override_in_its_title_and_name(folder: Path) -> None:
    path = folder / f"{RLO}gpj.yaml"
    path.write_text(MINIMAL.replace("title: A situation", f"title: A {RLO}noitautis{ISOLATE}{MARK}"), encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 0 and err == ""
    assert not RAW.search(out), ascii(out)
    assert "\\u202egpj.yaml: valid: A \\u202enoitautis\\u2067\\u200f with nothing" in out


def test_problems_and_a_missing_file_are_escaped(folder: Path) -> None:
    path = folder / "s.yaml"
    path.write_text(MINIMAL + f"lmth{RLO}key: 1\n{ZERO_WIDTH}sources2: 2\n", encoding="utf-8")
    code, out, _ = run("validate", str(path))
    assert code == 1 and not RAW.search(out), ascii(out)
    assert "unknown field 'lmth\\u202ekey'" in out and "\\u200bsources2" in out
    code, _, err = run("diff", str(path), str(folder / f"{RLO}missing.yaml"))
    assert code == 2 and not RAW.search(err) and "\\u202emissing.yaml" in err, ascii(err)


def test_a_diff_of_labels_with_an_override_is_escaped(folder: Path) -> None:
    area = "areas:\n  - id: a\n    name: North{mark}\n    history:\n"
    area += "      - {{date: 2024-01-30, status: {status}, sources: [team], credibility: 2}}\n"
    old, new = folder / "old.yaml", folder / "new.yaml"
    old.write_text(MINIMAL + area.format(mark=RLO, status="besieged"), encoding="utf-8")
    new.write_text(MINIMAL + area.format(mark=RLO, status="accessible"), encoding="utf-8")
    code, out, _ = run("diff", str(old), str(new))
    assert code == 1 and "North\\u202e" in out and not RAW.search(out), ascii(out)  # 1: there are changes
    code, out, _ = run("diff", "--format", "json", str(old), str(new))
    assert not RAW.search(out) and "North\\u202e" in out
    assert any(change["label"].startswith(f"North{RLO}") for change in json.loads(out))


def test_json_output_escapes_the_same_characters_and_parses_back(folder: Path) -> None:
    path = folder / "s.yaml"
    path.write_text(MINIMAL.replace("title: A situation", f"title: A {RLO}{MARK}situation"), encoding="utf-8")
    code, out, _ = run("validate", "--format", "json", str(path))
    assert code == 0 and not RAW.search(out), ascii(out)
    document = json.loads(out)
    assert "A \\u202e\\u200fsituation" in document["files"][0]["summary"]  # a summary quotes the title as one line
    assert RLO in document["files"][0]["file"]
