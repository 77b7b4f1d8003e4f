"""The Aleppo seed, checked through the model as an analyst would read it, and its quotes against the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from situation.load.confine import Roots
from situation.load.loader import load_situation, parse_situation
from situation.model.claims import ClaimStatus, Stance
from situation.model.facts import Situation
from situation.model.scales import INSUFFICIENT_EVIDENCE, ShortageSeverity
from situation.model.tracked import RouteStatus
from tests.paths import ARTICLES, SEED, copy_seed


@pytest.fixture(scope="module")
def seed() -> Situation:
    result = load_situation(SEED)
    assert result.ok, [p.as_text() for p in result.problems]
    return result.situation  # type: ignore[return-value]


def latest(observations: list):
    return max(observations, key=lambda o: o.date)


def test_about_250000_people_under_siege_in_eastern_aleppo(seed: Situation) -> None:
    indicator = next(i for i in seed.indicators if i.id == "people-under-siege")
    observation = latest(indicator.observations)
    assert (indicator.area, observation.value, observation.approximate) == ("east-aleppo", 250000, True)
    assert str(observation.date) == "2016-08-08"
    assert "siege-broken" in observation.claims


def test_the_corridor_is_fragile_and_closed_to_convoys(seed: Situation) -> None:
    corridor = next(r for r in seed.access if r.kind.value == "aid_corridor")
    now = latest(corridor.observations)
    assert (now.status, now.convoys_can_pass) == (RouteStatus.FRAGILE, False)
    assert "bombardment" in (now.threat or "")
    history = [(str(o.date), o.status) for o in corridor.observations]
    assert history[0] == ("2016-07", RouteStatus.CLOSED)
    assert ("2016-08-06", RouteStatus.FRAGILE) in history


def test_the_siege_claim_is_contested_by_sana(seed: Situation) -> None:
    claim = seed.claim("siege-broken")
    assert claim.status is ClaimStatus.CONTESTED
    said = {(p.source, p.stance) for p in claim.positions}
    assert ("sana", Stance.DENIES) in said
    assert {("jaysh-al-fateh", Stance.ASSERTS), ("syrian-coalition", Stance.ASSERTS)} <= said
    assert seed.claim("idlib-incendiary-attack").status is ClaimStatus.CORROBORATED


def test_acute_shortages_of_food_fuel_and_medicine(seed: Situation) -> None:
    east = {s.commodity.value: latest(s.observations).severity for s in seed.shortages if s.area == "east-aleppo"}
    assert east == {"food": ShortageSeverity.SEVERE, "fuel": ShortageSeverity.SEVERE, "medicine": ShortageSeverity.SEVERE}
    west = {latest(s.observations).severity for s in seed.shortages if s.area == "west-aleppo"}
    assert west == {INSUFFICIENT_EVIDENCE}


def test_supplies_reach_western_aleppo_but_how_many_trucks_is_unknown(seed: Situation) -> None:
    supply = next(r for r in seed.access if r.to_area == "west-aleppo")
    assert latest(supply.observations).status is RouteStatus.OPEN
    assert set(latest(supply.observations).sources) == {"sana", "sohr"}
    trucks = next(i for i in seed.indicators if i.id == "supply-trucks-west-aleppo")
    assert latest(trucks.observations).value is None  # unknown, not zero


def test_idlib_and_manbij_events(seed: Situation) -> None:
    events = {e.id: e for e in seed.events}
    idlib = events["idlib-phosphorus"]
    assert (idlib.area, idlib.type, idlib.sub_type, str(idlib.date)) == (
        "idlib-city",
        "explosions_remote_violence",
        "air_drone_strike",
        "2016-08-07",
    )
    assert events["ramouseh-captured"].sub_type == "non_state_actor_overtakes_territory"
    assert events["manbij-human-shields"].type == "violence_against_civilians"
    assert all(e.fatalities is None for e in seed.events)  # the article gives no death toll
    manbij = next(i for i in seed.indicators if i.id == "manbij-taken-by-sdf")
    assert (latest(manbij.observations).value, latest(manbij.observations).approximate) == (90, True)


def test_dated_history_from_the_article(seed: Situation) -> None:
    east = seed.area("east-aleppo")
    assert [str(o.date) for o in east.history] == ["2016-spring", "2016-07", "2016-08-08"]
    assert east.history[0].siege is not None and east.history[0].siege.military_encirclement is True


def test_every_quote_is_checked_against_the_article(shared: Path) -> None:
    """Each quote, changed by one word, must be caught: so every quote really is checked, and all pass as written."""
    roots = Roots.around(SEED, [ARTICLES])
    result = load_situation(SEED, roots=roots)
    assert result.problems == []
    text = SEED.read_text(encoding="utf-8")
    quotes = sorted({line.split('text: "', 1)[1].split('"', 1)[0] for line in text.splitlines() if 'text: "' in line})
    assert len(quotes) >= 12
    for quote in quotes:
        changed = text.replace(f'text: "{quote}"', f'text: "{quote} indeed"', 1)
        problems = parse_situation(changed.encode(), str(SEED), base_dir=SEED.parent, roots=roots).problems
        assert problems and {p.code for p in problems} == {"quote-not-found"}, quote


def test_without_the_article_quotes_are_not_checked_and_the_file_stays_valid(tmp_path: Path) -> None:
    """A fresh clone (no article beside it): valid, with one quiet note that the quotes were not checked."""
    copy = copy_seed(tmp_path / SEED.name)
    result = load_situation(copy)
    assert result.ok
    assert [(p.code, p.severity, p.path) for p in result.problems] == [
        ("document-outside-roots", "note", "sources[cnn].document")
    ]
    assert "quotes from cnn are not checked" in result.problems[0].message and "--documents" in result.problems[0].message


def test_the_article_is_not_read_unless_its_folder_is_a_document_root(shared: Path) -> None:
    """A quote changed to words the article lacks is caught only when the article's folder is named: it is not read otherwise."""
    text = SEED.read_text(encoding="utf-8")
    quote = text.split('text: "', 1)[1].split('"', 1)[0]
    changed = text.replace(f'text: "{quote}"', f'text: "{quote} indeed"', 1).encode()
    unnamed = parse_situation(changed, str(SEED), base_dir=SEED.parent, roots=Roots.around(SEED)).problems
    named = parse_situation(changed, str(SEED), base_dir=SEED.parent, roots=Roots.around(SEED, [ARTICLES])).problems
    assert [p.code for p in unnamed] == ["document-outside-roots"]
    assert {p.code for p in named} == {"quote-not-found"}
