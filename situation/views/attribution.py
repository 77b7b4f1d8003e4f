"""Who said what: the situation's quotes with their speakers, and the sources a claims chart rests on.

The page that shows sources and claims lays these out; the words and the order are worked out here, from the
model and the claims table, so they can be checked without a browser.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from situation.model.dates import PartialDate
from situation.model.facts import Situation
from situation.views.labels import SEPARATOR, source_label


class Quoted(NamedTuple):
    """A quote and the name of the source that said it (the speaker, not the outlet that relayed it)."""

    text: str
    speaker: str


def quotes(situation: Situation) -> list[Quoted]:
    """Every distinct quote, once, in the order the file first gives it: facts first, then claim positions."""
    quoted = [*situation.facts(), *(p for c in situation.claims for p in c.positions)]
    distinct = dict.fromkeys((f.quote.text, f.quote.by) for f in quoted if f.quote is not None)
    return [Quoted(text, situation.source(by).name) for text, by in distinct]


def claims_caption(situation: Situation, positions: pd.DataFrame) -> str:
    """'Sources: CNN [B]; SANA (…) [D] · 2016-08-06 to 2016-08-08': who the claims chart quotes, and when they spoke."""
    if positions.empty:
        return "No claims."
    names = SEPARATOR.join(dict.fromkeys(source_label(situation, source_id) for source_id in positions["source"]))
    # A span reads from when the first statement could have been made to the last: by first day, not last.
    dates = sorted(positions["date"], key=lambda text: (PartialDate.parse(text).start, PartialDate.parse(text)))
    return f"Sources: {names} · {dates[0]}" + (f" to {dates[-1]}" if dates[0] != dates[-1] else "")
