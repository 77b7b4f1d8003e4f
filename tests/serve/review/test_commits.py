"""A commit's situations, read from git's objects only: links, hidden files and oversized folders are not written."""

from __future__ import annotations

from pathlib import Path

import pytest

from situation.serve.review import commits
from situation.serve.review.commits import CommitReader, Place, write_tree
from situation.serve.review.git import Git, GitError
from tests.serve.review.repository import Repository, people


def test_a_commit_is_read_from_its_objects_not_from_the_files(tmp_path: Path) -> None:
    repository = Repository(tmp_path / "team")
    committed = repository.commit_of("main")
    repository.set_people(260000)  # saved, not committed
    views = CommitReader(Place.of(Git(repository.top), repository.situations)).views(committed)
    assert people(views) == 250000
    (view,) = views.values()
    assert view.path == repository.file and view.commit == committed
    assert view.blob == repository.git("rev-parse", f"{committed}:situations/aleppo-2016-08.yaml")


def test_links_and_hidden_files_are_not_written(tmp_path: Path) -> None:
    repository = Repository(tmp_path / "team")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the dashboard\n", encoding="utf-8")
    (repository.situations / "notes.txt").symlink_to(secret)
    (repository.situations / ".hidden").mkdir()
    (repository.situations / ".hidden" / "x.yaml").write_text("id: hidden\n", encoding="utf-8")
    commit = repository.commit("A link and a hidden folder")
    into = tmp_path / "out"
    into.mkdir()
    written = write_tree(Git(repository.top), commit, "situations", into)
    assert "situations/notes.txt" not in written and not (into / "situations" / "notes.txt").exists()
    assert not (into / "situations" / ".hidden").exists()
    assert (into / "situations" / "aleppo-2016-08.yaml").read_bytes() == repository.file.read_bytes()


def test_a_folder_over_its_budget_is_refused_before_any_blob_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = Repository(tmp_path / "team")
    monkeypatch.setattr(commits, "MAX_TREE_BYTES", 1000)
    with pytest.raises(GitError, match="over the budget of 10,000 files and 0 MiB"):
        write_tree(Git(repository.top), "main", "situations", tmp_path)
