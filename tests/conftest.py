"""Fixtures shared by all tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import SEED, SHARED, copy_seed


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
