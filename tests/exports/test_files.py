"""CSV, JSON and HXL files of the real seed, through the real CLI: one file per table, a BOM for Excel, null for
unknown, nothing a spreadsheet runs, and every HXL table read back by libhxl."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import hxl

from situation.exports.formats import TABLES
from situation.exports.rows import key_figure_tags, tables
from situation.hxl.tags import hashtags
from situation.load.loader import load_situation
from situation.views.derived import Derived
from tests.command import run
from tests.loaded import loaded_seed
from tests.paths import SEED


def variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """The seed with some text replaced, as a new file beside a copy of nothing else (quotes are not checked there)."""
    text = SEED.read_text(encoding="utf-8").replace("document: ../../shared/seed/000_8651377567f7f68b.txt", "")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_situation(path).ok, load_situation(path).problems
    return path


def test_a_range_is_written_as_low_and_high(tmp_path: Path) -> None:
    path = variant(tmp_path, ("value: 250000\n", "value: {low: 250000, high: 275000}\n"))
    code, out, _ = run("export", str(path), "--format", "json", "--table", "indicators")
    assert code == 0
    siege = json.loads(out)["indicators"][0]
    assert (siege["kind"], siege["value"], siege["low"], siege["high"]) == ("range", None, 250000, 275000)


def test_json_has_every_table_and_null_for_unknown() -> None:
    code, out, _ = run("export", str(SEED), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["situation"] == {"id": "aleppo-2016-08", "title": "Siege of eastern Aleppo", "as_of": "2016-08-08"}
    assert set(document) == {"situation", *TABLES}
    shortage = next(r for r in document["shortages"] if r["area"] == "west-aleppo")
    assert shortage["severity"] is None and shortage["severity_label"] == "Insufficient evidence"
    assert all(isinstance(r["credibility"], int) for r in document["events"])


def test_csv_zip_has_one_file_per_table_with_a_bom(tmp_path: Path) -> None:
    target = tmp_path / "aleppo.zip"
    code, _, err = run("export", str(SEED), "--format", "csv", "--output", str(target))
    assert code == 0 and "wrote" in err
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [f"{name}.csv" for name in TABLES]
        indicators = archive.read("indicators.csv")
    assert indicators.startswith(b"\xef\xbb\xbfindicator,name,unit,")


def test_a_cell_that_began_with_a_formula_sign_opens_as_text(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("name: CNN\n", 'name: =HYPERLINK("http://example.invalid","CNN")\n'),
        ("summary: Heavy air raids", "summary: +Heavy air raids"),
        ("summary: Rebel forces shelled government-held areas of Aleppo.", 'summary: "@Rebel forces shelled government areas"'),
    )
    target = tmp_path / "events.csv"
    assert run("export", str(path), "--format", "csv", "--table", "events", "--output", str(target))[0] == 0
    raw = target.read_bytes()
    assert b"'=HYPERLINK(" in raw and b",=HYPERLINK(" not in raw
    assert b"'+Heavy air raids" in raw and b"'@Rebel forces" in raw
    assert b",-" not in raw and b",+" not in raw and b",@" not in raw and b',"=' not in raw


def test_libhxl_reads_every_hxl_table_with_its_tags(tmp_path: Path) -> None:
    target = tmp_path / "aleppo-hxl.zip"
    assert run("export", str(SEED), "--format", "hxl", "--output", str(target))[0] == 0
    with zipfile.ZipFile(target) as archive:
        for name in TABLES:
            path = tmp_path / f"{name}.csv"
            path.write_bytes(archive.read(f"{name}.csv"))
            with hxl.data(str(path), hxl.InputOptions(allow_local=True, encoding="utf-8-sig")) as dataset:
                extra = key_figure_tags(loaded_seed()) if name == "key_figures" else {}
                assert dataset.display_tags == list({**hashtags(name), **extra}.values())
                assert len(list(dataset)) == len(tables(Derived(loaded_seed()), (name,))[name])
    with hxl.data(str(tmp_path / "indicators.csv"), hxl.InputOptions(allow_local=True, encoding="utf-8-sig")) as indicators:
        values = {row.get("#indicator+code"): row.get("#indicator+value+num") for row in indicators}
    assert values == {
        "people-under-siege": "250000",
        "manbij-taken-by-sdf": "90",
        "phosphorus-bombs-idlib": "4",
        "supply-trucks-west-aleppo": "unknown",
    }
