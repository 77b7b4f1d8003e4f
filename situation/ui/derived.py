"""Everything a page draws from, computed once per loaded version of a file and shared by every viewer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar, cast

import pandas as pd
import streamlit as st

from situation.load.problems import Problem
from situation.model.facts import Situation
from situation.serve.live.watch import FileView
from situation.views import tables
from situation.views.attribution import Quoted, quotes
from situation.views.cards import Card, overview_cards
from situation.views.headline import HeadlineLine, headline
from situation.views.history import Age, ages, as_of, earliest_date

T = TypeVar("T")


class _Once(Generic[T]):
    """A table or list of `Derived`, built the first time a page reads it and kept: after a save, the Overview's
    cards show before the Charts' tables are built, and a table no open page reads is never built. Once per version
    for every viewer, so thirty pages waking at once build each thing once."""

    def __init__(self, build: Callable[[Situation], T]) -> None:
        self.build = build

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, derived: Derived, owner: type | None = None) -> T:
        return derived.once(self.name, lambda: self.build(derived.situation))


class Derived:
    """The model of one version as of one day, and what pages draw from it. Shared between sessions: never mutate."""

    def __init__(self, version: tuple[str, float, date | None], situation: Situation, warnings: list[Problem]) -> None:
        self.version = version
        """The file, when the version on show was read, and the as-of day: what caches of pages built on it are keyed by."""
        self.situation = situation
        self.warnings = warnings
        self.lock = threading.Lock()
        self.locks: dict[str, threading.Lock] = {}
        self.made: dict[str, Any] = {}

    indicators: _Once[pd.DataFrame] = _Once(tables.indicator_table)
    shortages: _Once[pd.DataFrame] = _Once(tables.shortage_table)
    access: _Once[pd.DataFrame] = _Once(tables.access_table)
    events: _Once[pd.DataFrame] = _Once(tables.event_table)
    claims: _Once[pd.DataFrame] = _Once(tables.claim_positions)
    areas: _Once[pd.DataFrame] = _Once(tables.area_table)
    sources: _Once[pd.DataFrame] = _Once(tables.source_table)
    ages: _Once[list[Age]] = _Once(ages)
    """How old each fact is, oldest first: the "Needs update" list (the cards carry theirs)."""
    quotes: _Once[list[Quoted]] = _Once(quotes)

    @property
    def cards(self) -> list[Card]:
        """Every card, with the ages worked out once for them and the "Needs update" list."""
        return self.once("cards", lambda: overview_cards(self.situation, self.ages))

    def headline(self, area: str | None) -> list[HeadlineLine]:
        """The first screen's lines for an area (None: all), worked out once per area."""
        return self.once(f"headline {area}", lambda: headline(self.situation, area))

    def once(self, name: str, build: Callable[[], T]) -> T:
        """`build()` the first time `name` is asked for, and what it made after; one lock per name, so the Overview's
        cards never wait for the Charts' tables."""
        with self.lock:
            lock = self.locks.setdefault(name, threading.Lock())
        with lock:
            if name not in self.made:
                self.made[name] = build()
            return cast(T, self.made[name])


@st.cache_resource(max_entries=32, show_spinner=False)
def _derive(path: str, loaded_at: float, day: date | None, _situation: Situation, _warnings: tuple[Problem, ...]) -> Derived:
    """Keyed by file, load time and as-of day: one per version and day, whoever asks first."""
    return Derived((path, loaded_at, day), _situation if day is None else as_of(_situation, day), list(_warnings))


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
