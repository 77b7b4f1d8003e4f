"""Which commit a briefing says it was made from (the last that changed the file, and whether the file moved on since),
and the revisions a picker offers, in words."""

from __future__ import annotations

import shutil
from pathlib import Path

from situation.load.revisions import file_revision, first_changed, read_revision, recent_revisions, revision_labels
from tests.paths import SEED
from tests.views.test_diff import git


def committed_seed(tmp_path: Path) -> Path:
    """The seed committed, alone, in a new repository."""
    repo = tmp_path / "team"
    repo.mkdir()
    file = repo / "aleppo.yaml"
    shutil.copy(SEED, file)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Aleppo as of 8 August")
    return file


def test_a_committed_file_names_its_last_commit_and_an_edited_one_says_so(tmp_path: Path) -> None:
    file = committed_seed(tmp_path)
    repo = file.parent
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


def test_a_picker_of_revisions_says_each_in_words_and_offers_the_last_that_changed_facts(tmp_path: Path) -> None:
    file = committed_seed(tmp_path)
    file.write_text(file.read_text(encoding="utf-8") + "\n# a comment only\n", encoding="utf-8")
    git(file.parent, "commit", "-q", "-am", "A comment")
    file.write_text("id: [\n", encoding="utf-8")
    git(file.parent, "commit", "-q", "-am", "Broken")
    revisions = recent_revisions(file)
    loaded = {r.commit: read_revision(file, r.commit) for r in revisions}
    labels = revision_labels(revisions, lambda r: s.as_of if (s := loaded[r.commit].situation) else None)
    broken, comment, first = revisions
    assert labels[broken.commit] == f"Saved {broken.date}: not a valid file"
    # Two saves that read alike are told apart by their commit.
    assert labels[comment.commit] == f"Saved {comment.date}: the situation as of 8 Aug 2016 ({comment.short})"
    assert labels[first.commit] == f"Saved {first.date}: the situation as of 8 Aug 2016 ({first.short})"
    assert first_changed(revisions, lambda r: r.commit == first.commit) == 2
    assert first_changed(revisions, lambda r: False) == 0  # nothing differs: the newest
    missing = read_revision(file, "no-such-revision")
    assert not missing.ok and missing.problems[0].code == "unreadable" and "unknown revision" in missing.problems[0].message
