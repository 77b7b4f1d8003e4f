"""The publications, read from a real repository: the first-parent line of the published branch, with who approved."""

from __future__ import annotations

from pathlib import Path

from situation.serve.review.commits import Place
from situation.serve.review.git import Git
from situation.serve.review.history import publications
from situation.serve.review.publish import WORKING_TREE, Published, publish, working_tree_tree
from tests.serve.review.repository import Repository


def test_each_publication_says_when_by_whom_and_which_commit(tmp_path: Path) -> None:
    repository = Repository(tmp_path / "team")
    place = Place.of(Git(repository.top), repository.situations)
    first = repository.commit_of("main")
    repository.set_people(260000)
    seen = repository.commit_of("main")
    reviewed = publish(place, "refs/heads/main", WORKING_TREE, "jo@example.org", seen, working_tree_tree(place, seen))
    assert isinstance(reviewed, Published)
    repository.git("checkout", "--quiet", "-b", "draft")
    repository.set_people(270000)
    draft = repository.commit("A draft's own commit: never published by itself")
    repository.git("checkout", "--quiet", "main")
    merged = publish(place, "refs/heads/main", "refs/heads/draft", "jo", reviewed.commit, draft)
    assert isinstance(merged, Published)
    (repository.top / "README.md").write_text("Not a situation.\n", encoding="utf-8")
    repository.commit("Outside the situations folder: no publication")

    found = publications(place, "refs/heads/main")
    assert [p.commit for p in found] == [merged.commit, reviewed.commit, first]  # not the draft's own commit
    assert [p.parent for p in found] == [reviewed.commit, first, None]
    assert [p.by for p in found] == [
        "reviewed by jo",
        "reviewed by jo@example.org",
        "committed by Amina, no review recorded",
    ]
    assert found[0].subject == "Publish 'draft': aleppo-2016-08: 1 fact changed"


def test_no_branch_no_publications(tmp_path: Path) -> None:
    repository = Repository(tmp_path / "team")
    assert publications(Place.of(Git(repository.top), repository.situations), "refs/heads/release") == []
