"""Freezing a version's objects is safe only because nothing of a version needs the cyclic collector to be freed."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from situation.load.loader import load_situation
from situation.serve.live import heap
from situation.views.derived import Derived
from tests.paths import REVISION, SEED

EVERYTHING_DERIVED = (
    "indicators", "shortages", "access", "events", "statements", "sources", "claims", "areas", "reports", "hurt_totals",
    "ages", "quotes", "cards",
)  # fmt: skip


@pytest.fixture
def thawed() -> Iterator[None]:
    """The test process as it was: nothing left frozen for the tests after."""
    yield
    gc.unfreeze()


@pytest.mark.parametrize("path", [SEED, REVISION], ids=["seed", "revision"])
def test_a_version_and_all_it_derives_are_freed_by_reference_counting_alone(path: Path) -> None:
    gc.collect()
    gc.disable()
    try:
        result = load_situation(path)
        assert result.situation is not None
        derived = Derived(result.situation)
        for name in EVERYTHING_DERIVED:
            getattr(derived, name)
        derived.headline(None)
        del result, derived
        assert gc.collect() == 0  # no cycle among them: frozen, they are still freed when a later version replaces them
    finally:
        gc.enable()


class _Node:
    other: object = None


def test_a_cycle_left_frozen_is_taken_back_by_the_periodic_full_collection(thawed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "FULL_EVERY", 3)
    monkeypatch.setattr(heap, "_settled", 0)
    node = _Node()
    node.other = node
    gone = weakref.ref(node)
    del node
    heap.settle()
    gc.collect()
    assert gone() is not None  # frozen: ordinary collections pass it over
    heap.settle()
    assert gone() is not None
    heap.settle()  # the third version: one full collection
    assert gone() is None
