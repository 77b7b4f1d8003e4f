"""Everything a page draws from, computed once per loaded version of a file and shared by every viewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from situation.load.problems import Problem
from situation.model.facts import Situation
from situation.serve.watch import FileView
from situation.views import tables
from situation.views.attribution import Quoted, quotes
from situation.views.cards import Card, overview_cards
from situation.views.history import Age, ages, as_of, earliest_date


@dataclass(frozen=True)
class Derived:
    """The model and its derived cards and tables. Shared between sessions: never mutate the frames."""

    version: tuple[str, float, date | None]
    """The file, when the version on show was read, and the as-of day: what caches of pages built on it are keyed by."""
    situation: Situation
    warnings: list[Problem]
    cards: list[Card]
    indicators: pd.DataFrame
    shortages: pd.DataFrame
    access: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame
    areas: pd.DataFrame
    sources: pd.DataFrame
    ages: list[Age]
    """How old each fact is, oldest first: the "Needs update" list (the cards carry theirs)."""
    quotes: list[Quoted]


@st.cache_resource(max_entries=32, show_spinner=False)
def _derive(path: str, loaded_at: float, day: date | None, _situation: Situation, _warnings: tuple[Problem, ...]) -> Derived:
    """Keyed by file, load time and as-of day: each is derived once, whoever asks first."""
    s = _situation if day is None else as_of(_situation, day)
    return Derived(
        version=(path, loaded_at, day),
        situation=s,
        warnings=list(_warnings),
        cards=overview_cards(s),
        indicators=tables.indicator_table(s),
        shortages=tables.shortage_table(s),
        access=tables.access_table(s),
        events=tables.event_table(s),
        claims=tables.claim_positions(s),
        areas=tables.area_table(s),
        sources=tables.source_table(s),
        ages=ages(s),
        quotes=quotes(s),
    )


def derive(view: FileView, day: date | None = None) -> Derived:
    """The derived data of the version of `view` on show (its last good model), as it stood on `day` if given."""
    assert view.situation is not None and view.loaded_at is not None
    warnings = tuple(p for p in view.problems if p.severity == "warning")
    return _derive(str(view.path), view.loaded_at, day, view.situation, warnings)


@st.cache_resource(max_entries=32, show_spinner=False)
def _earliest(path: str, loaded_at: float, _situation: Situation) -> date:
    return earliest_date(_situation)


def earliest(view: FileView) -> date:
    """The first day the version on show speaks of (where the as-of control starts), worked out once per version."""
    assert view.situation is not None and view.loaded_at is not None
    return _earliest(str(view.path), view.loaded_at, view.situation)
