"""Valid means renders: whatever `validate` accepts, every export, table, chart, card and page draws, with no 'nan' or 'None'.

Hypothesis generates situations (tests/property/strategies.py), keeps those that validate, and draws them: the
CSV, JSON and HXL exports and the briefing's text, every table, card and figure, the as-of view of an earlier day,
and a diff against a copy with one fact changed; a smaller share is drawn on every page with AppTest. The default
profile keeps the run short (about a minute on two cores); `HYPOTHESIS_PROFILE=thorough` runs far more. What it
found is kept as fixtures in tests/cases/generated/, which every run loads and draws first, pages and HTML
briefing with its charts included.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from situation.exports.briefing import build_briefing
from situation.exports.tables_out import csv_files, export
from situation.load.loader import parse_situation
from situation.model.facts import Situation
from situation.views import figures, geomap, tables
from situation.views.attribution import claims_caption, quotes
from situation.views.diff import as_json, as_text, diff, update
from situation.views.history import ages, as_of, earliest_date
from situation.views.labels import summary_text
from tests.app.apptest import all_text, go_to, open_app
from tests.paths import CASES
from tests.property.strategies import as_yaml, fact_paths, situation_data, with_one_fact_changed

QUICK = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)
"""No 'explain' phase: on a failure it reran each example hundreds of times (minutes); the shrunk example is enough."""
settings.register_profile("default", max_examples=60, deadline=None, phases=QUICK, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
PAGE_EXAMPLES = 12 if settings().max_examples < 1_000 else 200
"""AppTest draws five pages in about a second per situation: the page test takes a share of the examples."""

GENERATED = CASES / "generated"
FOUND = sorted(GENERATED.glob("*.yaml"))
PAGES = ("Overview", "Charts", "Map", "Sources & claims", "Changes")
FALSE_TEXT = re.compile(r"\bnan\b|\bNaN\b|\bNone\b(?! or minor)|\bundefined\b|\bunknown unknown\b")
"""Python's, pandas' or JavaScript's word for a missing value leaking into what a person reads (severity 1 is 'None or
minor'), or 'unknown' said twice where a missing value was put in words and then again."""
NOT_DRAWN = "could not be drawn"
"""The page guard's banner (situation/ui/guard.py): a page that raised, caught so a viewer never sees a traceback."""


def valid(text: str, *, generated: bool = True) -> Situation | None:
    """The situation if it validates; for a generated one, hypothesis's statistics count how many did."""
    result = parse_situation(text.encode(), "generated.yaml")
    if generated:
        event("valid" if result.ok else f"refused: {sorted({p.code.value for p in result.problems if p.severity == 'error'})}")
    return result.situation


def drawn(situation: Situation) -> list[str]:
    """Every table, figure and card of one view of the situation, and the pages' words about it, as text."""
    from situation.ui.derived import _derive  # the app's own derivation, without Streamlit's cache

    derived = _derive.__wrapped__("generated.yaml", 0.0, None, situation, ())
    made = [
        figures.severity_heatmap(derived.shortages),
        figures.access_timeline(derived.access),
        figures.event_timeline(derived.events),
        figures.claims_matrix(derived.claims),
        geomap.geo_map(derived.situation, derived.areas, derived.events, derived.access),
        *(figures.indicator_trend(frame) for _, frame in derived.indicators.groupby("indicator") if len(frame) >= 2),
    ]
    said = [figure.to_json() for figure in made]
    for frame in (tables.people_hurt_totals(situation), tables.statement_table(situation), tables.report_table(situation)):
        said.append(frame.to_json(date_format="iso", default_handler=str))
    for card in derived.cards:
        said += [text for text in (card.title, card.value, card.unit, card.as_of, card.sources, card.change, card.detail) if text]
    said += [f"{a.label} {a.date} {a.days} {a.limit}" for a in ages(situation)]
    said += [f"{q.text} {q.speaker}" for q in quotes(situation)]
    said += [claims_caption(situation, derived.claims), summary_text(situation)]
    return said


def exported(situation: Situation) -> list[str]:
    """Every export format as the text a person opens (the zips' CSV files), and the briefing's page without charts."""
    said = [*csv_files(situation).values(), *csv_files(situation, hxl=True).values()]
    said.append(str(export(situation, "json").content))
    said.append(build_briefing(situation, charts=False).html)
    return said


def compared(situation: Situation, changed: Situation) -> list[str]:
    """A diff against itself says nothing changed; against a copy with one fact changed, exactly that fact."""
    assert diff(situation, situation) == []
    changes = diff(situation, changed)
    assert changes and {(c.kind, c.field) for c in changes} == {("changed", "credibility")}, changes
    assert update(situation, changed).summary == "1 fact changed"
    return [as_text(changes), as_json(changes)]


def earlier_day(situation: Situation, share: float) -> date:
    """A day before the file's own, between its earliest fact and its date (the day before both when they are one)."""
    first = earliest_date(situation)
    span = (situation.as_of - first).days
    return situation.as_of - timedelta(days=1) if span <= 0 else first + timedelta(days=int(share * (span - 1)))


def assert_says_nothing_false(said: list[str]) -> None:
    for text in said:
        found = FALSE_TEXT.search(text)
        assert not found, text[max(0, found.start() - 200) : found.end() + 200]


def draw_everything_but_pages(situation: Situation, day: date, changed: Situation | None) -> None:
    """The situation and its view of an earlier day, drawn and exported; a diff when a changed version is given."""
    said = [*exported(situation), *drawn(situation)]
    earlier = as_of(situation, day)
    said += [*exported(earlier), *drawn(earlier)]
    if changed is not None:
        said += compared(situation, changed)
    assert_says_nothing_false(said)


@given(situation_data(), st.floats(0, 1), st.integers(0, 10_000))
def test_whatever_validates_exports_and_draws_without_an_exception(data: dict, share: float, pick: int) -> None:
    situation = valid(as_yaml(data))
    if situation is None:
        return
    paths = fact_paths(data)
    changed = valid(as_yaml(with_one_fact_changed(data, paths[pick % len(paths)])), generated=False) if paths else None
    assert changed is not None or not paths, "moving one credibility grade made the file invalid"
    draw_everything_but_pages(situation, earlier_day(situation, share), changed)


def assert_drawn(app: AppTest, page: str) -> None:
    """No exception, no guard banner in its place, and no missing value said as a word."""
    assert not app.exception, (page, [e.value for e in app.exception])
    banners = [*(e.value for e in app.error), *(w.value for w in app.warning)]
    assert not any(NOT_DRAWN in banner for banner in banners), (page, banners)
    found = FALSE_TEXT.search(all_text(app))
    assert not found, (page, all_text(app)[max(0, found.start() - 200) : found.end() + 200])


def assert_every_page_draws(path: Path) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        app = open_app(path, monkeypatch)
        assert_drawn(app, "first page")
        for page in PAGES:
            app = go_to(app, page)
            assert_drawn(app, page)


@pytest.mark.parametrize("path", FOUND, ids=lambda p: p.stem)
def test_what_hypothesis_found_draws_on_every_page_and_in_the_briefing(path: Path) -> None:
    situation = valid(path.read_text(encoding="utf-8"), generated=False)
    assert situation is not None, f"{path.name} should be valid"
    draw_everything_but_pages(situation, earlier_day(situation, 0.5), None)
    briefing = str(export(situation, "html").content)
    assert "<html" in briefing.lower()
    assert_says_nothing_false([briefing])
    assert_every_page_draws(path)


@settings(max_examples=PAGE_EXAMPLES)
@given(data=situation_data())
def test_whatever_validates_draws_on_every_page(data: dict, tmp_path_factory: pytest.TempPathFactory) -> None:
    text = as_yaml(data)
    if valid(text) is None:
        return
    path = tmp_path_factory.mktemp("generated") / "generated.yaml"
    path.write_text(text, encoding="utf-8")
    assert_every_page_draws(path)
