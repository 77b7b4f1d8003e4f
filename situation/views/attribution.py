"""Who said what: the situation's quotes with their speakers, and the sources a claims chart rests on.

The page that shows sources and claims lays these out; the words and the order are worked out here, from the
model and the claims table, so they can be checked without a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import pandas as pd

from situation.model.dates import PartialDate
from situation.model.facts import Situation
from situation.model.fields import Quote
from situation.views.labels import SEPARATOR, source_label


class Quoted(NamedTuple):
    """A quote, the name of the source that said it (the speaker, not the outlet that relayed it), and what it backs."""

    text: str
    speaker: str
    fact: str = ""
    """The facts it supports, as their cards and claims name them ('Eastern Aleppo status, Jul 2016; …')."""


def quotes(situation: Situation) -> list[Quoted]:
    """Every distinct quote, once, in the order the file first gives it: facts first, then claim positions."""
    backed: dict[tuple[str, str], dict[str, None]] = {}  # each fact once, in order: a dict, not a list scanned per fact
    for fact, quote in _quoted_facts(situation):
        backed.setdefault((quote.text, quote.by), {})[fact] = None
    return [Quoted(text, situation.source(by).name, "; ".join(facts)) for (text, by), facts in backed.items()]


def _quoted_facts(situation: Situation) -> Iterator[tuple[str, Quote]]:
    """(what the fact is, its quote) for every quoted fact and claim position, in the file's order."""
    for area in situation.areas:
        yield from ((f"{area.status_title}, {o.date.label()}", o.quote) for o in area.history if o.quote)
    for indicator in situation.indicators:
        yield from ((f"{indicator.name}, {o.date.label()}", o.quote) for o in indicator.observations if o.quote)
    for shortage in situation.shortages:
        yield from ((f"{situation.title_of(shortage)}, {o.date.label()}", o.quote) for o in shortage.observations if o.quote)
    for route in situation.access:
        yield from ((f"{route.name}, {o.date.label()}", o.quote) for o in route.observations if o.quote)
    for event in situation.events:
        if event.quote:
            yield f"{situation.area(event.area).name}: {event.summary}", event.quote
    for statement in situation.statements:
        if statement.quote:
            yield f"{situation.source(statement.by).name} ({statement.kind.value}): {statement.summary}", statement.quote
    for claim in situation.claims:
        for position in claim.positions:
            if position.quote:
                yield f"{position.stance.value.capitalize()}: {claim.statement}", position.quote


def claims_caption(situation: Situation, positions: pd.DataFrame) -> str:
    """'Sources: CNN [B]; SANA (…) [D] · 2016-08-06 to 2016-08-08': who the claims chart quotes, and when they spoke."""
    if positions.empty:
        return "No claims."
    names = SEPARATOR.join(dict.fromkeys(source_label(situation, source_id) for source_id in positions["source"]))
    # A span reads from when the first statement could have been made to the last: by first day, not last.
    dates = sorted(positions["date"], key=lambda text: (PartialDate.parse(text).start, PartialDate.parse(text)))
    return f"Sources: {names} · {dates[0]}" + (f" to {dates[-1]}" if dates[0] != dates[-1] else "")
