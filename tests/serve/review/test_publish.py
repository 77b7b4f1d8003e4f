"""Publishing on a real git repository: the branch moves forward only to what the reviewer saw, and says who approved.

Each test makes its repository (commits, branches, tags) with git itself and reads the outcome back with git itself.
"""

from __future__ import annotations

import time

import pytest

from situation.serve.access.roles import Role
from situation.serve.review.commits import Place
from situation.serve.review.git import Git
from situation.serve.review.publish import WORKING_TREE, Published, Refused, publish, reviewer_name, working_tree_tree
from situation.serve.review.versions import Versions
from tests.serve.review.repository import Repository, people

EDITOR = frozenset({Role.EDITOR, Role.REVIEWER})


def draft_seen(versions: Versions, wanted: str) -> tuple[str, object]:
    """What a reviewer looking at the draft sees: its state, once the working tree's last save has been read."""
    deadline = time.monotonic() + 5
    while True:
        shown = versions.open(wanted, EDITOR)
        state = versions.draft_state(shown, shown.snapshot()[1])
        if state.why_not is None or time.monotonic() > deadline:
            return wanted, state
        time.sleep(0.05)


def trailers(repository: Repository, commit: str) -> str:
    return repository.git("log", "-1", "--format=%(trailers:key=Reviewed-by)", commit)


def test_publishing_the_working_tree_moves_the_branch_and_records_the_reviewer(
    repository: Repository, versions: Versions
) -> None:
    before = repository.commit_of("main")
    repository.set_people(260000)
    draft, state = draft_seen(versions, WORKING_TREE)
    outcome = versions.publish(draft, "jo@example.org", state)  # type: ignore[arg-type]
    assert isinstance(outcome, Published), outcome
    main = repository.commit_of("main")
    assert outcome.commit == main and repository.git("rev-parse", f"{main}^") == before  # forward, one step
    assert trailers(repository, main) == "Reviewed-by: jo@example.org"
    assert repository.git("log", "-1", "--format=%s", main) == ("Publish the working tree: aleppo-2016-08: 1 fact changed")
    assert people(versions.open(None, frozenset()).snapshot()[1]) == 260000  # viewers follow at once
    # main is checked out here: its checkout follows, so it does not seem to undo the publication, and no file changed
    assert repository.git("status", "--porcelain") == "" and "value: 260000" in repository.file.read_text(encoding="utf-8")


def test_publishing_a_branch_merges_it_and_keeps_its_commits(repository: Repository, versions: Versions) -> None:
    repository.git("checkout", "--quiet", "-b", "fix-figures")
    repository.set_people(270000)
    draft_commit = repository.commit("More people under siege")
    repository.git("checkout", "--quiet", "main")
    versions.refs.check()
    draft, state = draft_seen(versions, "refs/heads/fix-figures")
    outcome = versions.publish(draft, "jo", state)  # type: ignore[arg-type]
    assert isinstance(outcome, Published), outcome
    parents = repository.git("log", "-1", "--format=%P", "main").split()
    assert parents == [outcome.previous, draft_commit]
    assert trailers(repository, "main") == "Reviewed-by: jo"
    assert people(versions.open(None, frozenset()).snapshot()[1]) == 270000
    assert repository.git("status", "--porcelain") == "" and "value: 270000" in repository.file.read_text(encoding="utf-8")


def test_a_publish_that_lost_the_race_is_refused_with_what_moved(repository: Repository, versions: Versions) -> None:
    repository.set_people(260000)
    draft, state = draft_seen(versions, WORKING_TREE)
    repository.git("stash", "--quiet")
    repository.git("commit", "--quiet", "--allow-empty", "-m", "Someone else published first")  # main moves
    repository.git("stash", "pop", "--quiet")
    moved_to = repository.commit_of("main")
    outcome = versions.publish(draft, "jo", state)  # type: ignore[arg-type]
    assert isinstance(outcome, Refused) and outcome.moved_to == moved_to
    assert f"it is now {moved_to[:8]} (Someone else published first, by Amina" in outcome.message
    assert repository.commit_of("main") == moved_to  # nothing else moved it


def test_the_swap_itself_is_compare_and_swap(repository: Repository) -> None:
    """Between the last look and the swap another publication lands: git's update-ref refuses, nothing is lost."""
    place = Place.of(Git(repository.top), repository.situations)
    seen = repository.commit_of("main")
    repository.set_people(260000)
    tree = working_tree_tree(place, seen)
    first = publish(place, "refs/heads/main", WORKING_TREE, "jo", seen, tree)
    second = publish(place, "refs/heads/main", WORKING_TREE, "amina", seen, tree)
    assert isinstance(first, Published) and isinstance(second, Refused)
    assert second.moved_to == first.commit and repository.commit_of("main") == first.commit


def test_a_draft_that_does_not_validate_cannot_be_published(repository: Repository, versions: Versions) -> None:
    repository.git("checkout", "--quiet", "-b", "broken")
    text = repository.file.read_text(encoding="utf-8").replace("value: 250000", "value: lots")
    repository.file.write_text(text, encoding="utf-8")
    repository.commit("A mistake")
    repository.git("checkout", "--quiet", "main")
    versions.refs.check()
    before = repository.commit_of("main")
    draft, state = draft_seen(versions, "refs/heads/broken")
    outcome = versions.publish(draft, "jo", state)  # type: ignore[arg-type]
    assert isinstance(outcome, Refused) and "does not validate" in outcome.reason
    assert [(p.code, p.line, p.path) for p in outcome.problems] == [
        ("wrong-type", 216, "indicators[people-under-siege].observations[0].value")
    ]
    assert outcome.problems[0].file.endswith(":situations/aleppo-2016-08.yaml")  # located in what would be published
    assert repository.commit_of("main") == before


def test_a_draft_saved_again_after_the_reviewer_looked_is_not_published(repository: Repository, versions: Versions) -> None:
    repository.set_people(260000)
    draft, state = draft_seen(versions, WORKING_TREE)
    repository.set_people(999000)  # saved after the reviewer looked
    outcome = versions.publish(draft, "jo", state)  # type: ignore[arg-type]
    assert isinstance(outcome, Refused) and "saved again since you looked" in outcome.reason
    assert repository.commit_of("main") == repository.git("rev-list", "--max-parents=0", "main")


def test_a_branch_and_main_that_changed_the_same_line_are_not_merged_silently(repository: Repository) -> None:
    repository.git("checkout", "--quiet", "-b", "draft")
    repository.set_people(270000)
    draft = repository.commit("Draft figure")
    repository.git("checkout", "--quiet", "main")
    repository.set_people(280000)
    seen = repository.commit("Another figure, published meanwhile")
    place = Place.of(Git(repository.top), repository.situations)
    outcome = publish(place, "refs/heads/main", "refs/heads/draft", "jo", seen, draft)
    assert isinstance(outcome, Refused) and "change the same lines" in outcome.reason


def test_only_a_branch_moves_and_a_tag_never_does(repository: Repository) -> None:
    repository.git("tag", "-a", "-m", "Published for the cluster meeting", "release")
    place = Place.of(Git(repository.top), repository.situations)
    seen = repository.commit_of("release^{commit}")
    repository.set_people(260000)
    outcome = publish(place, "refs/tags/release", WORKING_TREE, "jo", seen, working_tree_tree(place, seen))
    assert isinstance(outcome, Refused) and "not a branch" in outcome.reason
    assert repository.git("rev-parse", "release^{commit}") == seen


@pytest.mark.parametrize("name", ["", "jo\nReviewed-by: somebody else", "x" * 201, "jo\x1b[31m"])
def test_a_reviewers_name_is_one_plain_line(name: str) -> None:
    with pytest.raises(ValueError):
        reviewer_name(name)
