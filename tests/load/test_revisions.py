"""Which commit a briefing says it was made from: the last that changed the file, and whether the file moved on since."""

from __future__ import annotations

import shutil
from pathlib import Path

from situation.load.revisions import file_revision, recent_revisions
from tests.paths import SEED
from tests.views.test_diff import git


def test_a_committed_file_names_its_last_commit_and_an_edited_one_says_so(tmp_path: Path) -> None:
    repo = tmp_path / "team"
    repo.mkdir()
    file = repo / "aleppo.yaml"
    shutil.copy(SEED, file)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Aleppo as of 8 August")
    (repo / "notes.txt").write_text("another file\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Notes")  # a later commit that does not touch the file
    last = recent_revisions(file, limit=1)[0].short
    assert file_revision(file) == last
    file.write_text(file.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert file_revision(file) == f"{last} and uncommitted changes"


def test_a_file_outside_git_or_never_committed_names_no_commit(tmp_path: Path) -> None:
    outside = tmp_path / "aleppo.yaml"
    shutil.copy(SEED, outside)
    assert file_revision(outside) is None
    repo = tmp_path / "team"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copy(SEED, repo / "aleppo.yaml")
    assert file_revision(repo / "aleppo.yaml") is None
