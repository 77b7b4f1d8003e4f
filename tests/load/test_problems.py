"""A problem's path names list items by their id, as a writer finds them in the file; items without one keep their index."""

from __future__ import annotations

from situation.load.loader import load_situation, parse_situation
from situation.load.problems import format_path
from tests.paths import CASES, SEED

DATA = {
    "sources": [{"id": "sana"}, {"id": "sana"}, {"id": "Not An Id"}, "text"],
    "indicators": [{"id": "people-under-siege", "observations": [{"date": 1}, {"date": 2}, {"date": 3}]}],
}


def test_an_item_with_an_id_is_named_by_it_and_an_observation_by_its_index() -> None:
    path = ("indicators", 0, "observations", 2, "value")
    assert format_path(path, DATA) == "indicators[people-under-siege].observations[2].value"


def test_an_item_keeps_its_index_when_its_id_names_no_one_item() -> None:
    assert format_path(("sources", 1, "id"), DATA) == "sources[1].id"  # a duplicate id
    assert format_path(("sources", 2, "id"), DATA) == "sources[2].id"  # not an id at all
    assert format_path(("sources", 3), DATA) == "sources[3]"  # not a mapping
    assert format_path(("sources", 9), DATA) == "sources[9]"  # not in the data


def test_without_the_data_a_path_keeps_its_indexes() -> None:
    assert format_path(("indicators", 0, "observations", 2)) == "indicators[0].observations[2]"


def test_a_problem_in_the_seed_is_named_by_the_ids_the_writer_sees() -> None:
    text = SEED.read_text(encoding="utf-8").replace("credibility: 3  ", "credibility: 9  ", 1)
    problems = parse_situation(text.encode(), "seed.yaml").problems
    assert [(p.path, p.code) for p in problems] == [("indicators[people-under-siege].observations[0].credibility", "not-allowed")]


def test_a_duplicate_id_is_named_by_its_index_beside_the_first() -> None:
    problems = load_situation(CASES / "invalid" / "references.yaml").problems
    assert [p.path for p in problems] == [
        "sources[2].id",
        "indicators[people].area",
        "indicators[people].observations[0].sources[1]",
        "indicators[people].observations[0].claims[0]",
    ]
