"""What a page shows of a version: the area chosen, the rows and cards about it, and how the view is said in words.

A viewer picks an area (or all areas) and a day; every page keeps the rows about that area and the areas inside it,
and says what it shows, or what there is none of, in the same words ("for Manbij by 6 August 2016"). Worked out here,
with no Streamlit, so the pages only lay it out and a test reads the words without a browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from situation.model.facts import Situation
from situation.views.cards import Card
from situation.views.labels import claim_areas


@dataclass(frozen=True)
class Scope:
    """One version's situation as of its day, and the area chosen (None for all areas)."""

    situation: Situation
    area: str | None = None
    within: frozenset[str] | None = field(init=False, default=None)
    """The chosen area and every area inside it; None for all areas."""

    def __post_init__(self) -> None:
        if self.area is not None:
            object.__setattr__(self, "within", frozenset(self.situation.areas_within(self.area)))

    def rows(self, frame: pd.DataFrame, column: str = "area") -> pd.DataFrame:
        """The rows about the chosen area or any area inside it (`column` names the row's area)."""
        if self.within is None or frame.empty:
            return frame
        return frame[frame[column].isin(self.within)]

    def claims(self, positions: pd.DataFrame) -> pd.DataFrame:
        """The claim positions about the chosen area: the claims that facts of the area rest on (all, for all areas)."""
        if self.within is None or positions.empty:
            return positions
        about = {claim for claim, areas in claim_areas(self.situation).items() if areas & self.within}
        return positions[positions["claim"].isin(about)]

    def statements(self, statements: pd.DataFrame) -> pd.DataFrame:
        """The statements about the chosen area, and those about no area in particular (an appeal for all of them)."""
        if self.within is None or statements.empty:
            return statements
        return statements[statements["area"].isin(self.within) | statements["area"].isna()]

    def cards(self, cards: Sequence[Card]) -> list[Card]:
        """The cards about the chosen area or any area inside it."""
        return [card for card in cards if self.within is None or card.area in self.within]

    @property
    def day(self) -> str:
        """'8 August 2016': the day on show."""
        return f"{self.situation.as_of:%-d %B %Y}"

    @property
    def where(self) -> str:
        """'for Manbij', or 'for any area'."""
        return f"for {self.situation.area(self.area).name}" if self.area else "for any area"

    @property
    def by(self) -> str:
        """'for Manbij by 6 August 2016': what an empty view is empty of, in words."""
        return f"{self.where} by {self.day}"

    def caption(self, title: str) -> str:
        """'Overview · as of 8 August 2016 · Manbij': the line under a page's title."""
        return f"{title} · as of {self.day}" + (f" · {self.situation.area(self.area).name}" if self.area else "")

    def none_recorded(self, what: str) -> str:
        """'No shortage recorded for Manbij by 6 August 2016.': what a chart or list says in place of nothing."""
        return f"No {what} recorded {self.by}."

    @property
    def no_claims(self) -> str:
        return f"No claim bears on facts {self.by}."

    @property
    def none_contested(self) -> str:
        return f"No claim is contested {self.by}."

    @property
    def nothing_to_lead_with(self) -> str:
        """In place of the headline band when nothing it would say is recorded yet."""
        return f"Nothing to lead with {self.where} on {self.day}: no status, figure or route is recorded yet."

    @property
    def no_cards(self) -> str:
        return f"No figure, shortage, route or event is recorded {self.where} by {self.day}."

    @property
    def nothing_to_draw(self) -> str:
        """In place of the map when no area of the view has an outline or a position."""
        return f"No area with an outline or a position to draw {self.where}."
