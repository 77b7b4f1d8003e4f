"""Fixtures of the review tests: a team's repository made for real, and the server's view of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from situation.serve.review.versions import Versions
from tests.serve.review.repository import Repository


@pytest.fixture
def repository(tmp_path: Path) -> Repository:
    return Repository(tmp_path / "team")


@pytest.fixture
def versions(repository: Repository) -> Iterator[Versions]:
    """What a server with review in force shows of the repository's situations folder (published: main)."""
    made = Versions(repository.situations, (), None, review=True)
    yield made
    made.stop()
