"""CSV, JSON and HXL exports of the real seed, through the real CLI: one row per observation, nothing a spreadsheet runs."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import hxl
import pandas as pd
import pytest

from situation.cli.main import main
from situation.exports.formats import TABLES
from situation.exports.tables_out import csv_files, key_figure_tags, tables
from situation.hxl.tags import hashtags
from situation.load.loader import load_situation
from situation.model.facts import Situation
from situation.views.derived import Derived
from tests.paths import REVISION, SEED


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def seed() -> Situation:
    situation = load_situation(SEED).situation
    assert situation is not None
    return situation


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


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_one_row_per_observation_in_every_table() -> None:
    situation = seed()
    frames = tables(Derived(situation))
    assert list(frames) == list(TABLES)
    assert len(frames["indicators"]) == sum(len(i.observations) for i in situation.indicators)
    assert len(frames["shortages"]) == sum(len(s.observations) for s in situation.shortages)
    assert len(frames["access"]) == sum(len(r.observations) for r in situation.access)
    assert len(frames["events"]) == len(situation.events)
    assert len(frames["claims"]) == sum(len(c.positions) for c in situation.claims)


def test_each_rows_source_columns_are_the_sources_its_observation_cites() -> None:
    """Rows are matched to the model by what they are about and their date, not by position."""
    situation = seed()
    cited: dict[tuple[str, ...], list[str]] = {}
    for indicator in situation.indicators:
        cited |= {("indicators", indicator.id, o.date.text): o.sources for o in indicator.observations}
    for shortage in situation.shortages:
        cited |= {("shortages", shortage.area, shortage.commodity.value, o.date.text): o.sources for o in shortage.observations}
    for route in situation.access:
        cited |= {("access", route.id, o.date.text): o.sources for o in route.observations}
    cited |= {("events", event.id): event.sources for event in situation.events}
    exported = tables(Derived(situation))
    keys = {
        "indicators": lambda r: ("indicators", r.indicator, r.date),
        "shortages": lambda r: ("shortages", r.area, r.commodity, r.date),
        "access": lambda r: ("access", r.route, r.date),
        "events": lambda r: ("events", r.event),
    }
    seen = 0
    for name, key in keys.items():
        for row in exported[name].itertuples():
            sources = [situation.source(i) for i in cited[key(row)]]
            assert row.source_ids == "; ".join(s.id for s in sources)
            assert row.reliability == "; ".join(s.reliability.value for s in sources)
            assert row.sources == "; ".join(f"{s.name} [{s.reliability.value}]" for s in sources)
            seen += 1
    assert seen == len(cited)  # every observation exported once


def test_indicator_values_say_what_the_source_said() -> None:
    reader = csv.DictReader(io.StringIO(csv_files(Derived(seed()), ("indicators",))["indicators.csv"]))
    by_id = {row["indicator"]: row for row in reader}
    siege = by_id["people-under-siege"]
    assert (siege["kind"], siege["value"], siege["low"], siege["high"], siege["approximate"]) == (
        "number",
        "250000",
        "",
        "",
        "true",
    )
    assert (siege["date"], siege["area"], siege["source_ids"], siege["reliability"], siege["credibility"]) == (
        "2016-08-08",
        "east-aleppo",
        "cnn",
        "B",
        "3",
    )
    trucks = by_id["supply-trucks-west-aleppo"]
    assert (trucks["kind"], trucks["value"], trucks["source_ids"], trucks["reliability"]) == ("unknown", "", "sana; sohr", "D; C")


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
                extra = key_figure_tags(seed()) if name == "key_figures" else {}
                assert dataset.display_tags == list({**hashtags(name), **extra}.values())
                assert len(list(dataset)) == len(tables(Derived(seed()), (name,))[name])
    with hxl.data(str(tmp_path / "indicators.csv"), hxl.InputOptions(allow_local=True, encoding="utf-8-sig")) as indicators:
        values = {row.get("#indicator+code"): row.get("#indicator+value+num") for row in indicators}
    assert values == {
        "people-under-siege": "250000",
        "manbij-taken-by-sdf": "90",
        "phosphorus-bombs-idlib": "4",
        "supply-trucks-west-aleppo": "unknown",
    }


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


def test_the_revision_exports_keep_low_and_high_apart_and_words_beside_them() -> None:
    from situation.exports.tables_out import tables
    from situation.load.loader import load_situation
    from tests.paths import REVISION

    revision = load_situation(REVISION).situation
    assert revision is not None
    exported = tables(Derived(revision))
    indicators = exported["indicators"].set_index("indicator")
    water = indicators.loc["people-without-water"]
    assert pd.isna(water["value"]) and water["low"] == 2000000 and pd.isna(water["high"]) and water["bound"] == "lower"
    assert water["value_text"] == "over 2,000,000"
    events = exported["events"].set_index("event")
    assert events.loc["east-aleppo-market-strike", "fatalities_low"] == 12
    assert pd.isna(events.loc["east-aleppo-market-strike", "fatalities_high"])
    assert events.loc["ramouseh-retaken", "fatalities_high"] == 100
    access = exported["access"].set_index("route")
    assert access.loc["east-aleppo-night-passage", "window"] == "ended"
    assert list(exported["statements"]["kind"]) == ["warning", "announcement", "call"]
    assert set(exported["claims"]["resolution"].dropna()) == {"superseded"}


def _hxl_rows(text: str, tmp_path: Path, name: str) -> list[dict[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with hxl.data(str(path), hxl.InputOptions(allow_local=True)) as dataset:
        return [{tag: row.get(tag) for tag in dataset.display_tags} for row in dataset]


def test_libhxl_reads_the_areas_with_their_pcodes_and_the_admin_areas_every_fact_lies_in(tmp_path: Path) -> None:
    revision = load_situation(REVISION).situation
    assert revision is not None
    files = csv_files(Derived(revision), ("areas", "events"), hxl=True)
    areas = {row["#loc+code"]: row for row in _hxl_rows(files["areas.csv"], tmp_path, "areas.csv")}
    assert areas["aleppo-governorate"]["#loc+code+pcode"] == "SY02" and areas["aleppo-governorate"]["#loc+admin_level"] == "1"
    # A district of Aleppo city carries the governorate it lies in, found through `parent`.
    assert (areas["east-aleppo"]["#adm1+code"], areas["east-aleppo"]["#adm1+name"]) == ("SY02", "Aleppo governorate")
    assert areas["idlib-city"]["#adm1+code"] == "SY07" and areas["east-aleppo"]["#status+area"] == "besieged"
    events = _hxl_rows(files["events.csv"], tmp_path, "events.csv")
    assert {row["#adm1+code"] for row in events} == {"SY02", "SY07"}


def test_people_indicators_export_as_key_figures_with_their_own_hashtags(tmp_path: Path) -> None:
    files = csv_files(Derived(seed()), ("key_figures", "indicators"), hxl=True)
    figures = _hxl_rows(files["key_figures.csv"], tmp_path, "key_figures.csv")
    assert figures == [
        {
            "#loc+code": "east-aleppo",
            "#loc+name": "Eastern Aleppo",
            "#loc+code+pcode": None,  # the seed gives no p-codes; the revision does (above)
            "#adm1+code": None,
            "#adm1+name": None,
            "#adm2+code": None,
            "#adm2+name": None,
            "#date+reported": "2016-08-08",
            "#meta+source": "CNN",
            "#affected+besieged+num": "250000",
        }
    ]
    with hxl.data(str(tmp_path / "key_figures.csv"), hxl.InputOptions(allow_local=True)) as dataset:
        assert [set(c.attributes) for c in dataset.columns if c.tag == "#affected"] == [{"besieged", "num"}]  # for HDX
    assert len(_hxl_rows(files["indicators.csv"], tmp_path, "indicators.csv")) == len(
        tables(Derived(seed()), ("indicators",))["indicators"]
    )
