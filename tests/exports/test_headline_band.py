"""Page 1's headline band on the seed and its revision: what leads, in words a reader takes away."""

from __future__ import annotations

import sys
import types

import pytest

from situation.exports.headline_band import VIEWS_HEADLINE, HeadlineLine, headline_lines, own_lines
from situation.load.loader import load_situation
from situation.model.facts import Situation
from tests.loaded import loaded_seed
from tests.paths import REVISION


def revision() -> Situation:
    situation = load_situation(REVISION).situation
    assert situation is not None
    return situation


def test_the_seed_leads_with_the_siege_people_access_shortages_and_the_contested_claim() -> None:
    lines = {line.label: line for line in own_lines(loaded_seed())}
    assert list(lines) == ["Eastern Aleppo", "People under siege", "Access", "Worst shortages", "Contested claim"]
    assert lines["Eastern Aleppo"].text == (
        "besieged (8 Aug 2016), held by opposition groups; "
        "UN siege criteria: encirclement not stated, no humanitarian access met, no free movement not stated"
    )
    assert lines["People under siege"].text == "about 250,000 people in Eastern Aleppo (8 Aug 2016)"
    assert lines["People under siege"].flag == "rests on a contested claim"
    assert lines["Access"].text == (
        "Corridor into eastern Aleppo via Ramouseh: fragile — convoys cannot pass; Supply lines into eastern Aleppo: closed"
    )
    assert lines["Worst shortages"].text == "4 Severe: food, fuel, medicine in Eastern Aleppo"
    assert lines["Contested claim"].text == (
        "Rebel forces have broken the government siege of eastern Aleppo (2 sources assert, 1 denies)"
    )


def test_the_revision_leads_with_its_own_facts_and_a_window_that_has_ended() -> None:
    lines = {line.label: line for line in own_lines(revision())}
    assert lines["Eastern Aleppo"].text.startswith("besieged (4 Sep 2016)") and "encirclement met" in lines["Eastern Aleppo"].text
    assert lines["People under siege"].text == "250,000–275,000 people in Eastern Aleppo (4 Sep 2016)"
    assert "Night passage out of eastern Aleppo: ended 2 Sep 2016" in lines["Access"].text
    assert "Contested claim" not in lines  # the siege claim was settled: nothing contested is left to lead with


def test_a_file_with_only_sources_has_an_empty_band() -> None:
    bare = Situation.model_validate(
        {"id": "bare", "title": "Nothing yet", "as_of": "2024-01-02", "summary": "First notes.",
         "sources": [{"id": "un", "name": "UN", "kind": "un", "reliability": "B"}]}
    )  # fmt: skip
    assert own_lines(bare) == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Eastern Aleppo is besieged", HeadlineLine("", "Eastern Aleppo is besieged")),
        (("Access", "corridor fragile"), HeadlineLine("Access", "corridor fragile")),
        (
            types.SimpleNamespace(label="People", text="about 250,000", flag="contested"),
            HeadlineLine("People", "about 250,000", "contested"),
        ),
    ],
)
def test_the_dashboards_own_headline_leads_when_the_views_have_one(
    given: object, expected: HeadlineLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType(VIEWS_HEADLINE)
    module.headline_lines = lambda situation: [given]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, VIEWS_HEADLINE, module)
    assert headline_lines(loaded_seed()) == [expected]
