"""The summary line of a valid file counts every section a writer fills, so what they added is seen to be read."""

from __future__ import annotations

import typing

import yaml

from situation.cli.report import summary_line
from situation.load.loader import load_situation
from situation.model.facts import Situation
from tests.paths import REVISION

ABOUT_THE_FILE = {"contacts", "headline", "boundaries"}
"""Lists that say who wrote the file, what leads and where its shapes are: not facts, so not counted."""
SECTIONS = [
    name
    for name, info in Situation.model_fields.items()
    if typing.get_origin(info.annotation) is list and name not in ABOUT_THE_FILE
]
WORD = {"access": "routes"}
"""The word the summary uses where the section's key is not a plural a writer would say (counted independently of
`Section.words`, so a test holds the declaration to what a writer reads)."""


def test_the_summary_counts_every_section_of_the_model_as_the_file_has_it() -> None:
    result = load_situation(REVISION)
    data = yaml.safe_load(REVISION.read_text(encoding="utf-8"))  # counted independently of the model
    line = summary_line(result)
    assert line.startswith(f"{data['title']}, as of {data['as_of']}: ")
    counted = dict(reversed(part.split(" ", 1)) for part in line.split(": ", 1)[1].split(", "))
    assert counted == {WORD.get(name, name): str(len(data.get(name, []))) for name in SECTIONS}
    assert "statements" in counted and "reports" in counted and counted["statements"] != "0" != counted["reports"]
