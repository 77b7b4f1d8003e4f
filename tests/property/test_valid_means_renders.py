"""Valid means renders: whatever `validate` accepts, every export, chart, card and page draws, with no 'nan' or 'None'.

Hypothesis generates situations (tests/property/strategies.py), keeps those that validate, and draws them. The
default profile keeps the run short (about a minute on two cores); `HYPOTHESIS_PROFILE=thorough` runs far more. What
it found is kept as fixtures in tests/cases/generated/, which every run loads and draws first.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings

from situation.exports.tables_out import export
from situation.load.loader import parse_situation
from situation.model.facts import Situation
from situation.views import figures, geomap
from situation.views.cards import overview_cards
from situation.views.diff import as_text, diff
from situation.views.history import as_of, earliest_date
from tests.app.apptest import all_text, go_to, open_app
from tests.paths import CASES
from tests.property.strategies import as_yaml, situation_data

QUICK = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)
"""No 'explain' phase: on a failure it reran each example hundreds of times (minutes); the shrunk example is enough."""
settings.register_profile("default", max_examples=40, deadline=None, phases=QUICK, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

GENERATED = CASES / "generated"
FOUND = sorted(GENERATED.glob("*.yaml"))
PAGES = ("Overview", "Charts", "Map", "Sources & claims", "Changes")
FALSE_TEXT = re.compile(r"\bnan\b|\bNaN\b|\bNone\b(?! or minor)")
"""Python's or pandas' word for a missing value leaking into what a person reads (severity 1 is 'None or minor')."""


def valid(text: str, *, generated: bool = True) -> Situation | None:
    """The situation if it validates; for a generated one, hypothesis's statistics count how many did."""
    result = parse_situation(text.encode(), "generated.yaml")
    if generated:
        event("valid" if result.ok else f"refused: {sorted({p.code.value for p in result.problems})}")
    return result.situation


def draw_everything_but_pages(situation: Situation) -> list[str]:
    """Every export format, every figure and card, the as-of view and a diff: what they say, as text."""
    said: list[str] = []
    for output in ("csv", "json", "hxl"):
        content = export(situation, output).content
        said.append(content if isinstance(content, str) else "")
    from situation.ui.derived import _derive  # the app's own derivation, without Streamlit's cache

    for day in {None, earliest_date(situation)}:
        derived = _derive("generated.yaml", 0.0, day, situation, ())
        made = [
            figures.severity_heatmap(derived.shortages),
            figures.access_timeline(derived.access),
            figures.event_timeline(derived.events),
            figures.claims_matrix(derived.claims),
            geomap.geo_map(derived.situation, derived.areas, derived.events, derived.access),
            *(figures.indicator_trend(frame) for _, frame in derived.indicators.groupby("indicator") if len(frame) >= 2),
        ]
        said += [figure.to_json() for figure in made]
    for card in overview_cards(as_of(situation, earliest_date(situation))):
        said += [text for text in (card.title, card.value, card.unit, card.as_of, card.sources, card.change, card.detail) if text]
    said.append(as_text(diff(situation, situation)))
    return said


@given(situation_data())
def test_whatever_validates_exports_and_draws_without_an_exception(data: dict) -> None:
    situation = valid(as_yaml(data))
    if situation is None:
        return
    for text in draw_everything_but_pages(situation):
        assert not FALSE_TEXT.search(text), FALSE_TEXT.search(text)


@pytest.mark.parametrize("path", FOUND, ids=lambda p: p.stem)
def test_what_hypothesis_found_draws_on_every_page_and_in_the_briefing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    situation = valid(path.read_text(encoding="utf-8"), generated=False)
    assert situation is not None, f"{path.name} should be valid"
    draw_everything_but_pages(situation)
    assert "<html" in str(export(situation, "html").content).lower()
    app = open_app(path, monkeypatch)
    for page in PAGES:
        app = go_to(app, page)
        assert not app.exception, (page, [e.value for e in app.exception])
        assert not FALSE_TEXT.search(all_text(app)), page


@settings(max_examples=20)
@given(data=situation_data())
def test_whatever_validates_draws_on_every_page(data: dict, tmp_path_factory: pytest.TempPathFactory) -> None:
    text = as_yaml(data)
    if valid(text) is None:
        return
    path = tmp_path_factory.mktemp("generated") / "generated.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:
        app = open_app(path, monkeypatch)
        for page in PAGES:
            app = go_to(app, page)
            assert not app.exception, (page, [e.value for e in app.exception])
            assert not FALSE_TEXT.search(all_text(app)), page
