"""Time runs one way: no fact of a file is dated after the day the file describes (its `as_of`).

A file cannot know what has not happened yet, so a fact after `as_of` is nearly always a typo (2006 for 2016 in
`as_of`, or in the fact's date). Found here, it is a located error; let through, the as-of control would have to
run from a later day to an earlier one, and every page would fail to draw.
"""

from __future__ import annotations

from collections.abc import Iterator

from situation.load.codes import Code
from situation.load.problems import Finding
from situation.model.dates import PartialDate
from situation.model.facts import Situation

DataPath = tuple[str | int, ...]


def dated(situation: Situation) -> Iterator[tuple[DataPath, PartialDate]]:
    """Every date a fact or a claim's position carries, with its path in the file."""
    for i, area in enumerate(situation.areas):
        for j, observation in enumerate(area.history):
            yield ("areas", i, "history", j, "date"), observation.date
    for name, section in (("indicators", situation.indicators), ("shortages", situation.shortages), ("access", situation.access)):
        for i, item in enumerate(section):
            for j, observation in enumerate(item.observations):
                yield (name, i, "observations", j, "date"), observation.date
    for i, event in enumerate(situation.events):
        yield ("events", i, "date"), event.date
    for i, claim in enumerate(situation.claims):
        for j, position in enumerate(claim.positions):
            yield ("claims", i, "positions", j, "date"), position.date


def check_chronology(situation: Situation) -> list[Finding]:
    """An error at each date that starts after the situation's `as_of`."""
    as_of = situation.as_of
    return [
        Finding(
            path,
            Code.AFTER_AS_OF,
            f"'{when}' is after the file's as_of ({as_of.isoformat()}): a fact cannot be dated after the day the file "
            "describes (is one of the two years mistyped?)",
        )
        for path, when in dated(situation)
        if when.start > as_of
    ]
