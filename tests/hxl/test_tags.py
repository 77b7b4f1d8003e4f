"""The HXL hashtags are defined once: docs/hxl.md's tables are written from them, and every exported table's columns
carry one."""

from __future__ import annotations

from situation.exports.formats import TABLES
from situation.exports.rows import tables
from situation.hxl.tags import hashtags, markdown_tables
from situation.views.derived import Derived
from tests.loaded import loaded_seed
from tests.paths import ROOT


def test_docs_hxl_md_tag_tables_are_generated_from_the_tag_table() -> None:
    page = (ROOT / "docs" / "hxl.md").read_text(encoding="utf-8")
    block = page.split("<!-- hxl-tags:")[-1].split("-->\n", 1)[-1].split("<!-- /hxl-tags -->")[0]
    assert block == markdown_tables(), (
        "docs/hxl.md is stale: paste `python -m situation docs --page hxl-tags` between its markers"
    )


def test_every_exported_column_a_file_needs_to_be_read_by_hdx_has_a_hashtag() -> None:
    for name, frame in tables(Derived(loaded_seed()), TABLES).items():
        tagged = hashtags(name)
        assert {"date", "sources", "credibility"} & set(frame.columns) <= set(tagged), name
        assert set(tagged) <= set(frame.columns) | {"value"}, name
