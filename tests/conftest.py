"""Fixtures shared by all tests, and how hard the tests that generate their input try.

Hypothesis (tests/property, tests/load/test_entries.py) runs a short profile by default, so the whole suite stays
under ten minutes on two cores; `HYPOTHESIS_PROFILE=thorough` runs 2,000 generated situations where the default runs
60 (and 200 on every page where it draws 12): for a change to the model, the loader or the views, and before a
release.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.paths import SEED, SHARED, copy_seed

QUICK = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)
"""No 'explain' phase: on a failure it reran each example hundreds of times (minutes); the shrunk example is enough."""
settings.register_profile("default", max_examples=60, deadline=None, phases=QUICK, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def shared() -> Path:
    """../shared, or a skip saying why (a clone on its own does not have it)."""
    if not SHARED.is_dir():
        pytest.skip(f"outside test material not found at {SHARED} (it sits beside the repository in CI)")
    return SHARED


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed copied into this test's own folder, with its boundary files beside it, to edit as a team would."""
    copy = tmp_path / SEED.name
    copy_seed(copy)
    return copy
