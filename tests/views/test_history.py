"""The situation as it stood on an earlier day, and which facts are stale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from situation.load.loader import load_situation, parse_situation
from situation.model.dates import PartialDate
from situation.model.facts import Situation
from situation.model.tracked import RouteStatus
from situation.views.derived import Derived
from situation.views.history import ages, as_of, by_date, earliest_date, latest_of, latest_two
from tests.paths import REVISION, SEED
from tests.ui.apptest import all_text, metrics, open_app, page_heading


@pytest.fixture(scope="module")
def seed() -> Situation:
    situation = load_situation(SEED).situation
    assert situation is not None
    return situation


def corridor_status(situation: Situation) -> RouteStatus | None:
    corridor = next(r for r in situation.access if r.id == "east-aleppo-corridor")
    return max(corridor.observations, key=lambda o: o.date).status


def test_before_the_corridor_opened_it_was_closed(seed: Situation) -> None:
    assert corridor_status(as_of(seed, date(2016, 8, 5))) is RouteStatus.CLOSED
    assert corridor_status(as_of(seed, date(2016, 8, 6))) is RouteStatus.FRAGILE
    assert corridor_status(seed) is RouteStatus.FRAGILE


def test_only_what_was_known_by_then(seed: Situation) -> None:
    before = as_of(seed, date(2016, 8, 5))
    assert before.as_of == date(2016, 8, 5)
    assert before.claims == [] and before.indicators == []  # every claim and figure dates from 6 August or later
    assert [e.id for e in before.events] == []  # the month-dated human shields count only from the file's date
    assert [str(o.date) for o in before.area("east-aleppo").history] == ["2016-spring", "2016-07"]
    assert [e.id for e in as_of(seed, date(2016, 8, 7)).events] == ["ramouseh-captured", "idlib-phosphorus", "manbij-sdf-advance"]
    assert as_of(seed, seed.as_of) is seed


def test_earliest_date_is_the_first_fact(seed: Situation) -> None:
    assert earliest_date(seed) == date(2012, 1, 1)  # Aleppo divided since 2012


def test_stale_facts_are_flagged_and_fresh_ones_not(seed: Situation) -> None:
    by_key = {a.key: a for a in ages(seed)}
    cut = by_key["route:east-aleppo-supply-lines"]  # cut in July: 8 days old on 8 August, limit 3 for access
    assert (cut.days, cut.stale) == (8, True)
    assert (by_key["indicator:people-under-siege"].days, by_key["indicator:people-under-siege"].stale) == (0, False)
    assert by_key["indicator:manbij-taken-by-sdf"].days == 1


def test_the_file_sets_its_own_thresholds() -> None:
    text = SEED.read_text(encoding="utf-8") + "stale_after:\n  access: 30\n"
    situation = parse_situation(text.encode(), "x.yaml").situation
    assert situation is not None
    assert not next(a for a in ages(situation) if a.key == "route:east-aleppo-supply-lines").stale


def test_the_dashboard_as_of_5_august_shows_the_corridor_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(SEED, monkeypatch, as_of="2016-08-05")
    assert not app.exception
    cards = metrics(app)
    assert cards["Corridor into eastern Aleppo via Ramouseh"] == "closed — convoys cannot pass"
    assert "People under siege" not in cards
    assert app.query_params["as_of"] == "2016-08-05"
    assert "as of 5 August 2016" in page_heading(app)[1]


def test_the_needs_update_panel_lists_stale_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app(SEED, monkeypatch)
    panel = all_text(app).split("Needs update: 1 fact(s) older than their threshold", 1)[1].split("Key figures", 1)[0]
    assert "Supply lines into eastern Aleppo" in panel and "8 days old" in panel
    assert "Aleppo city" not in panel  # "divided since 2012" is marked stale_after: never


def test_a_claim_stays_open_and_the_summary_is_of_its_day_before_the_resolution() -> None:
    from situation.views.labels import summary_text
    from tests.paths import REVISION

    revision = load_situation(REVISION).situation
    assert revision is not None
    before = as_of(revision, date(2016, 9, 3))
    assert before.claim("siege-broken").status.value == "contested" and before.claim("siege-broken").resolution is None
    assert summary_text(before).endswith("(summary of 8 Aug 2016)")
    assert [s.id for s in before.statements] == ["un-warns-disaster", "russia-announces-pauses", "un-calls-weekly-pause"]
    assert [r.id for r in before.reports] == ["russia-mod-2016-08-10"]
    after = as_of(revision, date(2016, 9, 4))
    assert after.claim("siege-broken").status.value == "superseded"
    # A plain summary is dated the file's as_of: a day before it shows none, never a later one.
    seed = load_situation(SEED).situation
    assert seed is not None
    assert summary_text(as_of(seed, date(2016, 8, 7))) == "No summary was written by 7 Aug 2016."


LATER_REFERENCES = """
id: later
title: Later references
as_of: 2016-09-06
summary: A sitrep of 5 September gives a figure of 1 September.
sources: [{id: un, name: UN, kind: un, reliability: B}]
reports: [{id: sitrep-5, source: un, title: Sitrep, number: No. 5, date: 2016-09-05}]
areas: [{id: city, name: City}]
access:
  - id: road
    name: Road
    kind: aid_corridor
    to_area: city
    observations: [{date: 2016-09-04, status: open, sources: [un], credibility: 2}]
indicators:
  - id: people
    name: People
    unit: people
    observations: [{date: 2016-09-01, value: 100, sources: [un], credibility: 2, reports: [sitrep-5]}]
events:
  - {id: strike, date: 2016-09-04, area: city, type: battles, sub_type: armed_clash, summary: A clash.,
     sources: [un], credibility: 2}
claims:
  - id: old
    statement: The road is closed.
    credibility: 3
    positions: [{source: un, stance: asserts, date: 2016-09-01}]
    resolution: {outcome: superseded, date: 2016-09-02, note: Overtaken., superseded_by: new, events: [strike],
                 access: [road], reports: [sitrep-5]}
  - id: new
    statement: The road is open.
    credibility: 3
    positions: [{source: un, stance: asserts, date: 2016-09-04}]
statements:
  - {id: call, date: 2016-09-01, by: un, kind: call, summary: Open the road., sources: [un], credibility: 2,
     reports: [sitrep-5], claims: [old, new], access: [road]}
"""


def test_a_fact_known_before_what_it_cites_drops_the_citation_on_that_day() -> None:
    from situation.exports.briefing.page import build_briefing
    from situation.views import tables

    situation = parse_situation(LATER_REFERENCES.encode(), "later.yaml").situation
    assert situation is not None
    before = as_of(situation, date(2016, 9, 3))
    assert [r.id for r in before.reports] == [] and [c.id for c in before.claims] == ["old"]
    assert before.indicators[0].observations[0].reports == []
    assert (before.statements[0].reports, before.statements[0].claims, before.statements[0].access) == ([], ["old"], [])
    settled = before.claim("old").resolution
    assert settled is not None and (settled.superseded_by, settled.events, settled.access, settled.reports) == (None, [], [], [])
    assert tables.indicator_table(before)["reports"].isna().all()
    assert tables.report_table(before).empty and len(tables.statement_table(before)) == 1
    assert "Open the road." in build_briefing(Derived(before), charts=False).html
    assert as_of(situation, date(2016, 9, 5)).indicators[0].observations[0].reports == ["sitrep-5"]


def test_history_marked_never_does_not_go_stale(seed: Situation) -> None:
    aleppo = next(a for a in ages(seed) if a.key == "area:aleppo")
    assert (aleppo.limit, aleppo.stale) == ("never", False) and aleppo.days > 1300


@pytest.mark.parametrize("path", [SEED, REVISION], ids=["seed", "revision"])
def test_facts_put_in_order_by_date_keep_the_order_of_their_dates(path: Path) -> None:
    """The quick key orders facts as their dates do (by last day, then first), and equal dates stay in file order."""
    situation = load_situation(path).situation
    assert situation is not None
    dated = [*situation.facts(), *(p for c in situation.claims for p in c.positions)]
    precisions = {fact.date.precision for fact in dated}
    assert {"day", "month"} <= precisions, precisions
    assert [id(f) for f in sorted(dated, key=by_date)] == [id(f) for f in sorted(dated, key=lambda fact: fact.date)]
    assert latest_of(dated) is max(dated, key=lambda fact: fact.date)


@pytest.mark.parametrize(
    "dates",
    [
        ["2016-08-06", "2016-08-08", "2016-08-07"],  # one fact ends last, another before it
        ["2016-08-08", "2016-08-06", "2016-08-08"],  # the same day twice: max keeps the first, a stable sort the last
        ["2016-08-31", "2016-08", "2016-08-30"],  # a month and its last day end alike: the later first day is later
        ["2016-08-08", "2016-08", "2016", "2016-08"],  # ties before the latest
        ["2016-08-06"],
    ],
)
def test_the_latest_fact_and_the_one_before_are_those_of_the_date_order(seed: Situation, dates: list[str]) -> None:
    """The card shows the last of the date order and what changed since the one before; an age reads the first of
    the latest facts, as `max` picks it: in a series that repeats a date as in one that does not."""
    siege = seed.indicators[0].observations[-1]
    facts = [siege.model_copy(update={"date": PartialDate.parse(text), "note": str(i)}) for i, text in enumerate(dates)]
    ordered = sorted(facts, key=lambda fact: fact.date)
    assert latest_of(facts) is max(facts, key=lambda fact: fact.date)
    assert latest_two(facts) == (ordered[-1], ordered[-2] if len(ordered) > 1 else None)
    assert latest_two(facts)[0] is ordered[-1]
