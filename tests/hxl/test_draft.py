"""HXL import: the seed's indicators round-trip exactly, real HXL files import or are refused row by row, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from situation.exports.files import csv_files
from situation.hxl.draft import import_hxl, import_hxl_text
from situation.load.loader import load_situation
from situation.model.facts import Situation
from situation.model.tracked import Indicator
from situation.views.derived import Derived
from tests.command import run
from tests.paths import CASES, REVISION, ROOT, SEED, SHARED

HXL_FILES = sorted((SHARED / "testdata" / "hxl").glob("*/*.csv")) if SHARED.is_dir() else []


def loaded(path: Path) -> Situation:
    result = load_situation(path)
    assert result.situation is not None, result.problems
    return result.situation


def facts(situation: Situation, indicator: Indicator) -> list[tuple[object, ...]]:
    """What must survive the round trip, as comparable tuples."""
    area = situation.area(indicator.area) if indicator.area else None
    return [
        (
            indicator.id, indicator.name, indicator.unit, indicator.area, area.name if area else None,
            (area.lat, area.lon) if area else None,
            o.value, o.approximate, o.date.text, tuple(o.sources), o.credibility,
            tuple((situation.source(s).name, situation.source(s).reliability) for s in o.sources),
        )
        for o in indicator.observations
    ]  # fmt: skip


def round_trip(source: Path, tmp_path: Path) -> tuple[Situation, Situation]:
    exported, imported = tmp_path / "indicators.csv", tmp_path / "imported.yaml"
    assert run("export", str(source), "--format", "hxl", "--table", "indicators", "--output", str(exported))[0] == 0
    code, out, _ = run("import-hxl", str(exported), "--output", str(imported))
    assert code == 0, out
    return loaded(source), loaded(imported)


def test_the_seeds_indicators_round_trip_exactly(tmp_path: Path) -> None:
    before, after = round_trip(SEED, tmp_path)
    assert [facts(after, i) for i in after.indicators] == [facts(before, i) for i in before.indicators]
    assert type(after.indicators[0].observations[0].value) is int  # 250000, not 250000.0
    assert after.indicators[-1].observations[0].value is None  # unknown stays unknown


def test_ranges_partial_dates_and_awkward_text_round_trip(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("document: ../../shared/seed/000_8651377567f7f68b.txt", "")
    text = text.replace("value: 250000\n", "value: {low: 250000, high: 275000.5}\n", 1)
    text = text.replace("      - date: 2016-08-07\n        value: 90\n", "      - date: 2016-summer\n        value: 90\n", 1)
    text = text.replace("name: Idlib city\n", 'name: "=Idlib, city; \\"north\\" é"\n', 1)
    source = tmp_path / "variant.yaml"
    source.write_text(text, encoding="utf-8")
    before, after = round_trip(source, tmp_path)
    assert [facts(after, i) for i in after.indicators] == [facts(before, i) for i in before.indicators]


def test_a_file_with_headers_above_attributes_reordered_and_extra_columns(tmp_path: Path) -> None:
    text = (
        "Situation report,,,,,\n"
        "Where,When,What,Count,Notes,Who\n"
        "#adm1+name,#date+reported,#x_notes,#affected+idps,#meta+comment,#meta+code+source\n"
        'Coast,2016-08-06,ignored,"1,200",anything,sohr\n'
        "Coast,7 August 2016,ignored,n/a,,sohr\n"
        "Mountains,06/08/2016,ignored,300,,sohr\n"
        "Mountains,2016-08-08,ignored,lots,,sohr\n"
    )
    result = import_hxl_text(text, "sitrep.csv")
    assert [(p.line, p.path, p.code, p.severity) for p in result.problems] == [
        (5, "", "hxl-no-value", "error"),
        (6, "#date+reported", "hxl-date", "error"),
        (7, "#affected+idps", "hxl-cell-left-out", "warning"),
        (7, "", "hxl-no-value", "error"),
    ]
    assert result.data is not None
    assert result.data["indicators"] == [
        {
            "id": "affected-idps-coast",
            "name": "Count (#affected+idps) · Coast",
            "unit": "people",
            "area": "coast",
            "observations": [{"date": "2016-08-06", "value": 1200, "sources": ["sohr"], "credibility": 6}],
        }
    ]
    assert result.data["sources"][0]["reliability"] == "F"


def test_every_shared_hxl_file_imports_or_is_refused_with_row_numbers(shared: Path, tmp_path: Path) -> None:
    assert HXL_FILES, "no HXL files under ../shared/testdata/hxl"
    for path in HXL_FILES:
        result = import_hxl(path)
        errors = [p for p in result.problems if p.severity == "error"]
        if result.data is not None:
            output = tmp_path / f"{path.stem}.yaml"
            output.write_text(result.yaml_text(), encoding="utf-8")
            assert load_situation(output).ok, (path, load_situation(output).problems)
        else:
            assert errors, path
        for problem in errors:
            assert problem.message, path
            if problem.code not in ("hxl-no-hashtags", "hxl-empty"):
                assert problem.line is not None and problem.line >= 1, (path, problem)


def test_the_file_without_a_hashtag_row_is_refused_in_plain_words(shared: Path, tmp_path: Path) -> None:
    code, out, err = run(
        "import-hxl", str(shared / "testdata/hxl/libhxl-tests/input-invalid.csv"), "--output", str(tmp_path / "x.yaml")
    )
    assert code == 1
    assert "no HXL hashtag row found in the first 25 rows" in out and "nothing written" in out
    assert not (tmp_path / "x.yaml").exists() and "Traceback" not in out + err


def test_latin1_and_utf8_read_the_same(shared: Path) -> None:
    folder = shared / "testdata/hxl/libhxl-tests"
    utf8, latin1 = import_hxl(folder / "input-valid.csv", "2015-03"), import_hxl(folder / "input-valid-latin1.csv", "2015-03")
    assert utf8.data is not None and latin1.data is not None

    def figures(data: dict) -> list[tuple[object, ...]]:
        return [(i["id"], i["name"], i["area"], [(o["date"], o["value"]) for o in i["observations"]]) for i in data["indicators"]]

    assert figures(utf8.data) == figures(latin1.data)
    assert utf8.data["areas"] == latin1.data["areas"]
    assert {"id": "choco", "name": "Chocó"} in utf8.data["areas"]


def test_rows_below_junk_headers_need_a_date(shared: Path, tmp_path: Path) -> None:
    path = shared / "testdata/hxl/libhxl-tests/input-multiple-headers.csv"
    refused = import_hxl(path)
    assert [(p.line, p.code) for p in refused.problems] == [(4, "hxl-date"), (5, "hxl-date"), (None, "hxl-empty")]
    dated = import_hxl(path, "2016-08-08")
    assert dated.ok and dated.data is not None
    assert [(i["area"], i["observations"][0]["value"]) for i in dated.data["indicators"]] == [("coast", 100), ("mountains", 200)]


def test_french_month_names_are_refused_row_by_row(shared: Path) -> None:
    result = import_hxl(shared / "testdata/hxl/hxl-showcase/mali-population-movements.csv")
    rows = [p.line for p in result.problems if p.code == "hxl-date"]
    assert rows == list(range(3, 24)) and result.data is None


def test_a_file_with_no_figures_is_refused_at_its_hashtag_row(shared: Path) -> None:
    result = import_hxl(shared / "testdata/hxl/hxl-showcase/brc-westafrica-movement.csv")
    assert [(p.line, p.code) for p in result.problems] == [(8, "hxl-no-figures")]


def test_import_hxl_usage_errors(tmp_path: Path) -> None:
    existing = tmp_path / "there.yaml"
    existing.write_text("x", encoding="utf-8")
    assert run("import-hxl", "no/such.csv", "--output", str(tmp_path / "a.yaml"))[0] == 2
    code, _, err = run("import-hxl", str(SEED), "--output", str(existing))
    assert code == 2 and "--force" in err


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02binary\xff",
        b"#affected\n" + b"9" * 200_000 + b"\n",
        b'#affected,#date\n"unclosed,2016\n',
        b"#indicator+code,#indicator+value\nx,1e999\nx,nan\n,\n",
        b"\xef\xbb\xbf#affected;#date\n5;2016\n",
        "#loc+name,#affected,#date,#geo+lat\nAlep\u200bpo,5,2016,999\n".encode("utf-16"),
        b"[1, 2, 3]",
        b"<html><body>not csv</body></html>",
    ],
)
def test_no_traceback_for_any_input(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "situation", "import-hxl", str(path), "--output", str(tmp_path / "out.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == ""
    if (tmp_path / "out.yaml").exists():
        assert load_situation(tmp_path / "out.yaml").ok


def test_exported_text_that_was_neutralised_comes_back_as_written() -> None:
    situation = loaded(SEED)
    text = csv_files(Derived(situation), ("indicators",), hxl=True)["indicators.csv"].replace(
        "Share of Manbij", "-Share of Manbij"
    )
    text = text.replace("-Share of Manbij", "'-Share of Manbij")
    result = import_hxl_text(text, "indicators.csv")
    assert result.data is not None
    assert result.data["indicators"][1]["name"] == "-Share of Manbij taken by the SDF"


ADMIN_ROWS = (
    "Governorate,P-code,Date,People affected,Source\n"
    "#adm1+name,#adm1+code,#date+reported,#affected,#meta+source+code\n"
    'Aleppo,SY02,2016-09-01,"1,200",ocha\n'
    "Idlib,SY07,2016-09-01,300,ocha\n"
    "Somewhere,SY99,2016-09-01,40,ocha\n"
)


def test_rows_with_an_admin_pcode_are_about_the_area_of_that_pcode() -> None:
    revision = loaded(REVISION)
    result = import_hxl_text(ADMIN_ROWS, "governorates.csv", areas=revision.areas)
    assert result.data is not None
    by_area = {i["area"]: i["observations"][0]["value"] for i in result.data["indicators"]}
    assert by_area == {"aleppo-governorate": 1200, "idlib-governorate": 300, "sy99": 40}  # the team's ids, by p-code
    areas = {a["id"]: a for a in result.data["areas"]}
    assert areas["aleppo-governorate"] == {
        "id": "aleppo-governorate",
        "name": "Aleppo governorate",
        "pcode": "SY02",
        "admin_level": 1,
    }
    assert areas["sy99"] == {"id": "sy99", "name": "Somewhere", "pcode": "SY99", "admin_level": 1}  # new: a draft to review


def test_import_hxl_joins_rows_to_a_situations_areas_by_pcode_from_the_command_line(tmp_path: Path) -> None:
    source, draft = tmp_path / "governorates.csv", tmp_path / "draft.yaml"
    source.write_text(ADMIN_ROWS, encoding="utf-8")
    code, out, _ = run("import-hxl", str(source), "--output", str(draft), "--areas", str(REVISION))
    assert code == 0, out
    imported = loaded(draft)
    assert {(a.id, a.pcode, a.admin_level) for a in imported.areas} >= {
        ("aleppo-governorate", "SY02", 1),
        ("idlib-governorate", "SY07", 1),
    }
    assert (
        run("import-hxl", str(source), "--output", str(draft), "--force", "--areas", str(CASES / "invalid" / "pcodes.yaml"))[0]
        == 2
    )
