"""Who is shown what, on a real git repository: viewers the published reference, editors their drafts too."""

from __future__ import annotations

import time
from pathlib import Path

from situation.serve.access.roles import Role
from situation.serve.review.publish import WORKING_TREE
from situation.serve.review.versions import DRAFT, PUBLICATION, PUBLISHED, Versions
from tests.serve.review.repository import Repository, people

VIEWER: frozenset[Role] = frozenset()
EDITOR = frozenset({Role.EDITOR})
REVIEWER = frozenset({Role.EDITOR, Role.REVIEWER})


def shows(versions: Versions, wanted: str | None, roles: frozenset[Role], value: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if people(versions.open(wanted, roles).snapshot()[1]) == value:
            return True
        time.sleep(0.05)
    return False


def test_a_viewer_sees_the_published_value_while_the_working_tree_holds_another(
    repository: Repository, versions: Versions
) -> None:
    repository.set_people(260000)
    assert shows(versions, WORKING_TREE, EDITOR, 260000)  # the editor's draft: live on save
    for wanted in (None, PUBLISHED, WORKING_TREE, "refs/heads/main"):
        shown = versions.open(wanted, VIEWER)
        assert (shown.kind, people(shown.snapshot()[1])) == (PUBLISHED, 250000)
    view = next(iter(versions.published().snapshot()[1].values()))
    assert view.commit == repository.commit_of("main") and view.path == repository.file


def test_a_branch_is_a_draft_for_editors_and_invisible_to_viewers(repository: Repository, versions: Versions) -> None:
    repository.git("checkout", "--quiet", "-b", "fix-figures")
    repository.set_people(270000)
    draft = repository.commit("More people under siege")
    repository.git("checkout", "--quiet", "main")
    versions.refs.check()
    assert ("refs/heads/fix-figures", "Branch fix-figures") in versions.drafts()
    shown = versions.open("refs/heads/fix-figures", EDITOR)
    assert (shown.kind, shown.commit, people(shown.snapshot()[1])) == (DRAFT, draft, 270000)
    for wanted in ("refs/heads/fix-figures", f"commit:{draft}"):  # neither the branch nor its commit, for a viewer
        assert people(versions.open(wanted, VIEWER).snapshot()[1]) == 250000


def test_the_published_version_follows_its_reference_and_a_past_one_opens_as_it_was(
    repository: Repository, versions: Versions
) -> None:
    first = repository.commit_of("main")
    repository.set_people(260000)
    second = repository.commit("Published straight onto main")
    woken: list[str] = []
    versions._wake = woken.append
    assert shows(versions, None, VIEWER, 260000)  # within the follower's next look
    assert "published" in woken
    assert [p.commit for p in versions.publications()] == [second, first]
    past = versions.open(f"commit:{first}", VIEWER)
    assert (past.kind, people(past.snapshot()[1])) == (PUBLICATION, 250000)


def test_a_published_reference_that_is_not_there_shows_nothing_and_says_why(repository: Repository) -> None:
    versions = Versions(repository.situations, (), "release", review=True)
    try:
        shown = versions.open(None, VIEWER)
        assert shown.snapshot()[1] == {}
        assert versions._published.problem == "the reference 'release' is not in the repository yet"
    finally:
        versions.stop()


def test_a_published_commit_that_does_not_validate_keeps_the_last_good_version(
    repository: Repository, versions: Versions
) -> None:
    repository.file.write_text(
        repository.file.read_text(encoding="utf-8").replace("value: 250000", "value: lots"), encoding="utf-8"
    )
    repository.commit("A mistake, committed straight to main")
    versions.refs.check()
    (view,) = versions.published().snapshot()[1].values()
    assert view.broken and people({view.path: view}) == 250000


def test_without_review_everyone_sees_the_working_tree_as_before(repository: Repository) -> None:
    versions = Versions(repository.situations, (), None, review=False)
    try:
        repository.set_people(260000)
        assert shows(versions, None, VIEWER, 260000)
        assert not versions.review and versions.drafts() == [] and versions.publications() == []
    finally:
        versions.stop()


def test_a_published_reference_named_for_a_folder_outside_git_shows_nothing(seed_copy: Path) -> None:
    """Asked to publish from a reference, a server never falls back on the working tree (it fails closed)."""
    versions = Versions(seed_copy.parent, (), "main", review=True)
    try:
        shown = versions.open(None, REVIEWER)
        assert shown.snapshot()[1] == {} and versions.open("working tree", REVIEWER).snapshot()[1] == {}
        assert versions.why_empty(shown) == f"{seed_copy.parent} is in no git repository, so there is no 'main' to show"
    finally:
        versions.stop()
