"""The History page, in the real app on a real git repository: every publication, its story, and each opened as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from situation.serve.review.commits import Place
from situation.serve.review.git import Git
from situation.serve.review.publish import WORKING_TREE, Published, publish, working_tree_tree
from tests.serve.review.repository import Repository
from tests.ui.apptest import all_text, go_to, metrics, shown
from tests.ui.test_draft import PEOPLE, signed_in


@pytest.fixture
def published_twice(tmp_path: Path) -> tuple[Repository, str, str]:
    """The seed committed, then 260,000 published from the working tree by jo; and a draft branch never published."""
    repository = Repository(tmp_path / "team")
    first = repository.commit_of("main")
    place = Place.of(Git(repository.top), repository.situations)
    repository.set_people(260000)
    outcome = publish(place, "refs/heads/main", WORKING_TREE, "jo", first, working_tree_tree(place, first))
    assert isinstance(outcome, Published)
    repository.git("checkout", "--quiet", "-b", "draft")
    repository.set_people(999000)
    draft = repository.commit("A draft nobody published")
    repository.git("checkout", "--quiet", "main")
    return repository, first, draft


def test_history_lists_each_publication_and_opens_one_as_it_was(
    published_twice: tuple[Repository, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repository, first, _ = published_twice
    app = go_to(signed_in(repository, "partner", monkeypatch), "History")
    assert not app.exception
    table = app.dataframe[0].value
    assert list(table["by"]) == ["reviewed by jo", "committed by Amina, no review recorded"]
    assert list(table["commit"]) == [repository.commit_of("main")[:8], first[:8]]
    assert "What it changed in Siege of eastern Aleppo: 1 fact changed" in all_text(app)
    assert "changed  People under siege, 2016-08-08: value about 250,000 → about 260,000" in all_text(app)

    app.selectbox(key="history-pick").select_index(1).run()
    assert "The first publication." in all_text(app)
    app.button(key="history-open").click().run()
    app = go_to(app, "Overview")
    assert metrics(app)[PEOPLE] == "about 250,000"  # exactly as it was published then
    said = [shown(i.value) for i in app.info]
    assert any(f"({first[:8]})" in s and "not the latest" in s for s in said), said
    app.button(key="back-to-latest").click().run()
    assert metrics(app)[PEOPLE] == "about 260,000"


def test_a_commit_that_was_never_published_cannot_be_opened(
    published_twice: tuple[Repository, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repository, _, draft = published_twice
    app = signed_in(repository, "partner", monkeypatch)
    app.session_state["version"] = f"commit:{draft}"  # a draft's commit, asked for by name
    app.run()
    assert metrics(app)[PEOPLE] == "about 260,000" and "999,000" not in all_text(app)
