"""The export tables of the real seed and revision: one row per observation, with its sources, the admin areas it lies
in, low and high kept apart, and the key figures HDX charts read."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import hxl
import pandas as pd

from situation.exports.files import csv_files
from situation.exports.formats import TABLES
from situation.exports.rows import tables
from situation.load.loader import load_situation
from situation.views.derived import Derived
from tests.loaded import loaded_seed
from tests.paths import REVISION


def test_one_row_per_observation_in_every_table() -> None:
    situation = loaded_seed()
    frames = tables(Derived(situation), TABLES)
    assert list(frames) == list(TABLES)
    assert len(frames["indicators"]) == sum(len(i.observations) for i in situation.indicators)
    assert len(frames["shortages"]) == sum(len(s.observations) for s in situation.shortages)
    assert len(frames["access"]) == sum(len(r.observations) for r in situation.access)
    assert len(frames["events"]) == len(situation.events)
    assert len(frames["claims"]) == sum(len(c.positions) for c in situation.claims)


def test_each_rows_source_columns_are_the_sources_its_observation_cites() -> None:
    """Rows are matched to the model by what they are about and their date, not by position."""
    situation = loaded_seed()
    cited: dict[tuple[str, ...], list[str]] = {}
    for indicator in situation.indicators:
        cited |= {("indicators", indicator.id, o.date.text): o.sources for o in indicator.observations}
    for shortage in situation.shortages:
        cited |= {("shortages", shortage.area, shortage.commodity.value, o.date.text): o.sources for o in shortage.observations}
    for route in situation.access:
        cited |= {("access", route.id, o.date.text): o.sources for o in route.observations}
    cited |= {("events", event.id): event.sources for event in situation.events}
    exported = tables(Derived(situation), TABLES)
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
    reader = csv.DictReader(io.StringIO(csv_files(Derived(loaded_seed()), ("indicators",))["indicators.csv"]))
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


def test_the_revision_exports_keep_low_and_high_apart_and_words_beside_them() -> None:
    from situation.exports.rows import tables
    from situation.load.loader import load_situation
    from tests.paths import REVISION

    revision = load_situation(REVISION).situation
    assert revision is not None
    exported = tables(Derived(revision), TABLES)
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
    files = csv_files(Derived(loaded_seed()), ("key_figures", "indicators"), hxl=True)
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
        tables(Derived(loaded_seed()), ("indicators",))["indicators"]
    )
