"""Cross-references, checked on the raw data: an id is unique in its section, a cited id exists in the section the
model says it names (and the message names that kind of entry), and the fields that cite are read off the model."""

from __future__ import annotations

from situation.load.references import REFERENCES, SECTIONS_WITH_IDS, check_references
from situation.model.sections import ACCESS, AREAS, SHORTAGES, SOURCES

DATA = {
    "sources": [{"id": "sana"}, {"id": "sohr"}, {"id": "sana"}],
    "areas": [{"id": "east-aleppo"}],
    "access": [{"id": "castello-road", "to_area": "east-aleppo", "observations": [{"sources": ["sana"]}]}],
    "statements": [{"id": "pause", "by": "sohr", "access": ["castelo-road"], "sources": ["sohr"]}],
    "headline": ["route:castello-road", "route:castelo-road"],
}


def messages() -> list[tuple[tuple[str | int, ...], str, str]]:
    return [(finding.path, finding.code.value, finding.message) for finding in check_references(DATA)]


def test_a_repeated_id_and_a_misspelt_citation_are_found_where_they_are_and_named_by_kind() -> None:
    found = messages()
    assert (("sources", 2, "id"), "duplicate-id", "the id 'sana' is already used by sources[0]; ids must be unique") in found
    # 'access' is the section; one entry of it is a route, and the message says so.
    assert (
        ("statements", 0, "access", 0),
        "unknown-reference",
        "no route has the id 'castelo-road' (did you mean 'castello-road'?)",
    ) in found
    assert [f for f in found if f[1] == "unknown-headline"] == [
        (("headline", 1), "unknown-headline", "no fact has the key 'route:castelo-road' (did you mean 'route:castello-road'?)")
    ]


def test_which_fields_cite_which_section_is_read_off_the_model() -> None:
    cited = {(pattern, section) for pattern, section in REFERENCES}
    assert (("access", "*", "to_area"), AREAS) in cited
    assert (("statements", "*", "access", "*"), ACCESS) in cited
    assert (("shortages", "*", "observations", "*", "sources", "*"), SOURCES) in cited
    assert SHORTAGES not in SECTIONS_WITH_IDS and SOURCES in SECTIONS_WITH_IDS  # a shortage is keyed by area and commodity
