"""Everything the pages and the briefing draw from one version of a situation, each part built once and kept with it.

A `Derived` is the situation as of one day, and every table, card and list worked out from it, each the first time
someone reads it: after a save, the Overview's cards show before the Charts' tables are built, and a table nobody
reads is never built. The pages, the downloads and the CLI's exports all read the same bundle, so a table is built
once per version, whoever asks first, and its tables share one `Repeats` (who says so, places and days, worked out
once for all of them).

It holds no Streamlit and keeps nothing beyond itself: the page edge (`situation.ui.cache`) decides how long a
bundle lives and who shares it. Shared between sessions and threads: never mutate what it gives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar, cast

import pandas as pd

from situation.model.facts import Situation
from situation.views import tables
from situation.views.attribution import Quoted, quotes
from situation.views.cards import Card, overview_cards
from situation.views.headline import HeadlineLine, headline
from situation.views.history import Age, ages

T = TypeVar("T")


class _Once(Generic[T]):
    """A part of `Derived`, built from it the first time it is read and kept."""

    def __init__(self, build: Callable[[Derived], T]) -> None:
        self.build = build

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, derived: Derived, owner: type | None = None) -> T:
        return derived.once(self.name, lambda: self.build(derived))


class Derived:
    """One version of a situation as of one day, and what pages and the briefing draw from it."""

    def __init__(self, situation: Situation, version: Hashable = None) -> None:
        self.situation = situation
        self.version = version
        """What the page edge keys the caches of things built on this bundle by (the file, when it was read, the day)."""
        self.repeats = tables.Repeats(situation)
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._made: dict[str, Any] = {}

    indicators: _Once[pd.DataFrame] = _Once(lambda d: tables.indicator_table(d.situation, d.repeats))
    shortages: _Once[pd.DataFrame] = _Once(lambda d: tables.shortage_table(d.situation, d.repeats))
    access: _Once[pd.DataFrame] = _Once(lambda d: tables.access_table(d.situation, d.repeats))
    events: _Once[pd.DataFrame] = _Once(lambda d: tables.event_table(d.situation, d.repeats))
    statements: _Once[pd.DataFrame] = _Once(lambda d: tables.statement_table(d.situation, d.repeats))
    sources: _Once[pd.DataFrame] = _Once(lambda d: tables.source_table(d.situation, d.repeats))
    claims: _Once[pd.DataFrame] = _Once(lambda d: tables.claim_positions(d.situation))
    areas: _Once[pd.DataFrame] = _Once(lambda d: tables.area_table(d.situation))
    reports: _Once[pd.DataFrame] = _Once(lambda d: tables.report_table(d.situation))
    hurt_totals: _Once[pd.DataFrame] = _Once(lambda d: tables.people_hurt_totals(d.situation))
    ages: _Once[list[Age]] = _Once(lambda d: ages(d.situation))
    """How old each fact is, oldest first: the "Needs update" list (the cards carry theirs)."""
    quotes: _Once[list[Quoted]] = _Once(lambda d: quotes(d.situation))
    cards: _Once[list[Card]] = _Once(lambda d: overview_cards(d.situation, d.ages))
    """Every card, with the ages worked out once for them and the "Needs update" list."""

    def headline(self, area: str | None = None) -> list[HeadlineLine]:
        """The first screen's lines for an area (None: all), worked out once per area."""
        return self.once(f"headline {area}", lambda: headline(self.situation, area))

    def once(self, name: str, build: Callable[[], T]) -> T:
        """`build()` the first time `name` is asked for, and what it made after; one lock per name, so the Overview's
        cards never wait for the Charts' tables, and thirty pages waking at once build each thing once."""
        with self._lock:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            if name not in self._made:
                self._made[name] = build()
            return cast(T, self._made[name])
