"""The seed, loaded once for the view tests (the views never change it: the model is frozen)."""

from __future__ import annotations

from functools import cache

from situation.load.loader import load_situation
from situation.model.facts import Situation
from tests.paths import SEED


@cache
def loaded_seed() -> Situation:
    situation = load_situation(SEED).situation
    assert situation is not None
    return situation
