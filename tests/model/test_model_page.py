"""docs/model.md is written from the model and the loader's checks, and is committed as written: every field, grade and
check is on it."""

from __future__ import annotations

import json

from situation.load.codes import sanity_checks
from situation.model.model_page import render_model_page
from situation.model.schema import situation_schema
from tests.paths import ROOT


def test_the_committed_model_page_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    assert committed == render_model_page(sanity_checks()), (
        "docs/model.md is stale: run `python -m situation docs > docs/model.md`"
    )


def test_the_docs_describe_every_field_and_grade() -> None:
    page = render_model_page(sanity_checks())
    for words in (
        "| `report-source-not-cited` | error |",  # every check of dates and values, as the loader declares it
        "| `reliability` |",
        "| `credibility` |",
        "Usually reliable",
        "Cannot be judged".lower(),
        "insufficient_evidence",
        "air_drone_strike",
    ):
        assert words.lower() in page.lower()
    schema_text = json.dumps(situation_schema())
    assert '"description": ""' not in schema_text
