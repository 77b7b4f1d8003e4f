"""Review before publishing, in the real app (AppTest) on a real git repository made in the test.

A partner (no role) sees the published value while the working tree holds another; an editor switches to the draft
and sees the new value under the draft banner; a reviewer publishes it from the page, git records them, and the
partner's open page shows the new value on its next run (in a browser the server wakes it:
tests/browser/test_review.py). A publish that lost the race is refused, saying what moved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import argon2
import pytest
from streamlit.testing.v1 import AppTest

from situation.serve.review.publish import WORKING_TREE
from tests.paths import ROOT
from tests.serve.review.repository import Repository
from tests.ui.apptest import TIMEOUT, all_text, metrics, shown, wait_until

PASSWORD = "correct horse battery"
HASH = argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(PASSWORD)
SECRETS: dict[str, Any] = {
    "signin": {"users": {"amina": HASH, "jo": HASH, "partner": HASH}},
    "roles": {"editors": ["amina"], "reviewers": ["jo"]},
}
PEOPLE = "People under siege"


@pytest.fixture
def repository(tmp_path: Path) -> Repository:
    return Repository(tmp_path / "team")


def signed_in(repository: Repository, user: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("SITUATIONS_PATH", str(repository.situations))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.secrets.update(SECRETS)
    app.run()
    app.text_input[0].input(user)
    app.text_input[1].input(PASSWORD)
    app.button[0].click()
    return app.run()


def version_picker(app: AppTest) -> Any:
    return next(s for s in app.sidebar.selectbox if s.label == "Version on show")


def banner(app: AppTest) -> str:
    return "\n".join(shown(w.value).replace("**", "") for w in app.warning)


def on_draft(app: AppTest) -> AppTest:
    version_picker(app).select(WORKING_TREE).run()
    return wait_until(app, lambda a: "Draft — not published: 1 change" in banner(a))


def test_a_partner_sees_the_published_value_and_an_editor_the_draft(
    repository: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository.set_people(260000)  # saved in the working tree, not published
    partner = signed_in(repository, "partner", monkeypatch)
    assert not partner.exception
    assert metrics(partner)[PEOPLE] == "about 250,000"
    assert "Version on show" not in [s.label for s in partner.sidebar.selectbox]
    assert "Draft" not in all_text(partner) and "260,000" not in all_text(partner)
    partner.session_state["version"] = WORKING_TREE  # what no widget of theirs offers: still the published version
    partner.run()
    assert metrics(partner)[PEOPLE] == "about 250,000" and "260,000" not in all_text(partner)

    amina = signed_in(repository, "amina", monkeypatch)
    assert metrics(amina)[PEOPLE] == "about 250,000"  # an editor, too, opens on what partners see
    on_draft(amina)
    assert metrics(amina)[PEOPLE] == "about 260,000"
    assert "Draft — not published: 1 change. Working tree (live on save): partners do not see it" in banner(amina)
    assert "changed  People under siege, 2016-08-08: value about 250,000 → about 260,000" in all_text(amina)
    assert not [b for b in amina.button if b.key == "publish"]  # an editor, not a reviewer


def test_a_reviewer_publishes_and_the_partners_page_follows(repository: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    repository.set_people(260000)
    partner = signed_in(repository, "partner", monkeypatch)
    assert metrics(partner)[PEOPLE] == "about 250,000"
    jo = on_draft(signed_in(repository, "jo", monkeypatch))
    jo.button(key="publish").click().run()
    assert not jo.exception
    assert shown(jo.success[0].value).startswith("Published: main now at ")
    assert shown(jo.success[0].value).endswith("reviewed by jo (aleppo-2016-08: 1 fact changed).")
    assert version_picker(jo).value == "published" and metrics(jo)[PEOPLE] == "about 260,000"
    assert repository.git("log", "-1", "--format=%(trailers:key=Reviewed-by,valueonly)", "main") == "jo"
    wait_until(partner, lambda a: metrics(a).get(PEOPLE) == "about 260,000")
    notices = [shown(i.value) for i in partner.info]
    assert any("aleppo-2016-08.yaml was updated at" in n and "1 fact changed" in n for n in notices), notices


def test_a_publish_that_lost_the_race_is_refused_with_what_moved(repository: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    repository.set_people(260000)
    jo = on_draft(signed_in(repository, "jo", monkeypatch))
    before = repository.commit_of("main")
    repository.git("stash", "--quiet")  # someone else publishes first, straight onto main
    text = repository.file.read_text(encoding="utf-8").replace("title: Siege of eastern Aleppo", "title: Siege of Aleppo")
    repository.file.write_text(text, encoding="utf-8")
    moved = repository.commit("Another reviewer's publication")
    repository.git("stash", "pop", "--quiet")
    jo.button(key="publish").click().run()
    said = [shown(e.value) for e in jo.error]
    assert any(
        f"Not published: the published version moved since you looked (from {before[:8]}): it is now {moved[:8]}" in e
        for e in said
    )
    assert "What was published meanwhile" in all_text(jo) and "Siege of Aleppo" in all_text(jo)
    assert repository.commit_of("main") == moved
