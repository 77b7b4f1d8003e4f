"""The bundle the pages, the downloads and the briefing share: each part built once, whoever asks and however many at
once, the same as built alone, and its tables sharing one worked-out list of who says what."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from situation.views import tables
from situation.views.derived import Derived
from tests.loaded import loaded_seed


def test_each_part_is_built_once_and_is_what_the_views_build_alone() -> None:
    derived = Derived(loaded_seed())
    assert derived.events is derived.events and derived.cards is derived.cards and derived.headline() is derived.headline()
    assert derived.events.equals(tables.event_table(loaded_seed()))
    assert derived.statements.equals(tables.statement_table(loaded_seed()))
    assert derived.hurt_totals.equals(tables.people_hurt_totals(loaded_seed()))
    assert [card.key for card in derived.cards][:2] == ["indicator:people-under-siege", "indicator:manbij-taken-by-sdf"]


def test_thirty_pages_waking_at_once_build_the_cards_once(monkeypatch: pytest.MonkeyPatch) -> None:
    derived, built, gate = Derived(loaded_seed()), [], threading.Barrier(30)
    real = tables.event_table

    def counted(*args: object) -> object:
        built.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "event_table", counted)

    def read(_: int) -> int:
        gate.wait()
        return id(derived.events)

    with ThreadPoolExecutor(30) as pool:
        seen = set(pool.map(read, range(30)))
    assert len(built) == 1 and len(seen) == 1


def test_the_tables_of_one_version_share_who_says_what() -> None:
    derived = Derived(loaded_seed())
    derived.indicators, derived.events  # noqa: B018  # built: each worked out the lists of sources of its facts
    worked_out = dict(derived.repeats._source_lists)
    derived.sources  # noqa: B018  # counts how many facts rest on each source from the very same lists
    assert worked_out and all(derived.repeats._source_lists[name] is codes for name, codes in worked_out.items())
    with pytest.raises(AssertionError, match="another version"):
        tables.event_table(loaded_seed().model_copy(), derived.repeats)
