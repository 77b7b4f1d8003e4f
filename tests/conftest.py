"""Fixtures shared by all tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import SHARED


@pytest.fixture
def shared() -> Path:
    """../shared, or a skip saying why (a clone on its own does not have it)."""
    if not SHARED.is_dir():
        pytest.skip(f"outside test material not found at {SHARED} (it sits beside the repository in CI)")
    return SHARED
