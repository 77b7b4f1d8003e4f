"""Shared paths. Outside material lives in ../shared beside the repository and is read where it lies."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "aleppo-2016-08.yaml"
CASES = Path(__file__).resolve().parent / "cases"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """../shared, or a skip saying why (a clone on its own does not have it)."""
    if not SHARED.is_dir():
        pytest.skip(f"outside test material not found at {SHARED} (it sits beside the repository in CI)")
    return SHARED
