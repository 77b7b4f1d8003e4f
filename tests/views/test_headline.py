"""The headline band: what leads the Overview and the briefing, read as an information officer would check it."""

from __future__ import annotations

from datetime import date

from situation.load.loader import parse_situation
from situation.views.headline import headline
from situation.views.history import as_of
from situation.views.labels import grade_key
from tests.loaded import loaded_seed
from tests.paths import REVISION, SEED


def by_key(lines: list) -> dict:
    return {line.key: line for line in lines}


def test_the_seeds_band_leads_with_the_siege_its_criteria_people_corridor_shortages_and_the_contested_claim() -> None:
    lines = headline(loaded_seed())
    keys = [line.key for line in lines]
    assert keys[0] == "area:east-aleppo"
    assert keys[1:3] == ["indicator:people-under-siege", "route:east-aleppo-corridor"]
    assert "shortages:worst" in keys and keys[-1] == "claim:siege-broken"
    siege = lines[0]
    assert siege.text.startswith("besieged") and siege.tone == "alert"
    assert "encircled: not known · no humanitarian access: yes · no free movement: not known" in siege.text
    assert "United Nations [B]; CNN [B]" in siege.provenance and "credibility 3 possibly true" in siege.provenance
    people = by_key(lines)["indicator:people-under-siege"]
    assert people.text.startswith("about 250,000 people") and people.claim == "siege-broken"
    assert by_key(lines)["route:east-aleppo-corridor"].text == "fragile — convoys cannot pass"
    assert by_key(lines)["shortages:worst"].text == "4 Severe: food, fuel, medicine in Eastern Aleppo"
    assert "denied by SANA" in by_key(lines)["claim:siege-broken"].text


def test_an_area_keeps_only_its_own_lines() -> None:
    manbij = headline(loaded_seed(), "manbij")
    assert [line.key for line in manbij] == ["area:manbij"]
    assert manbij[0].text.startswith("contested, held by Mostly the SDF")
    west = {line.key for line in headline(loaded_seed(), "west-aleppo")}
    assert "claim:siege-broken" not in west and "route:east-aleppo-corridor" not in west


def test_an_earlier_day_shows_what_was_known_then() -> None:
    lines = by_key(headline(as_of(loaded_seed(), date(2016, 8, 6))))
    assert lines["route:east-aleppo-corridor"].text == "fragile"  # convoys were not yet said to be unable to pass
    assert "indicator:people-under-siege" not in lines  # the figure is dated 8 August


def test_the_revision_reads_its_ranges_and_ended_windows() -> None:
    situation = parse_situation(REVISION.read_bytes(), str(REVISION)).situation
    assert situation is not None
    lines = by_key(headline(situation, "east-aleppo"))
    assert lines["indicator:people-under-siege"].text.startswith("250,000–275,000 people")
    ended = [line for line in lines.values() if line.text.startswith("ended")]
    assert ended and all(line.tone == "neutral" for line in ended)


def test_the_file_chooses_its_headline_in_order() -> None:
    text = SEED.read_text(encoding="utf-8") + "\nheadline:\n  - shortage:east-aleppo:food\n  - area:manbij\n"
    situation = parse_situation(text.encode(), str(SEED), base_dir=SEED.parent).situation
    assert situation is not None
    assert [line.key for line in headline(situation)] == ["shortage:east-aleppo:food", "area:manbij"]
    assert headline(situation)[0].text == "4 Severe"
    # an area none of the chosen facts is about falls back to the default for that area
    assert next(line.key for line in headline(situation, "west-aleppo")) == "area:west-aleppo"


def test_the_grade_key_has_six_source_grades_and_six_credibility_grades() -> None:
    rows = grade_key()
    assert [r.grade for r in rows if r.scale == "Source reliability"] == ["[A]", "[B]", "[C]", "[D]", "[E]", "[F]"]
    assert [r.meaning for r in rows if r.grade == "3"] == ["Possibly true"]
