"""Who sees which situations: identities, e-mail domains and everyone, matched to situation ids, on every file."""

from __future__ import annotations

from pathlib import Path

import pytest

from situation.load.loader import load_situation
from situation.serve.access.allow_list import AllowList, Viewer, visible_views
from situation.serve.live.watch import FileView
from tests.paths import SEED

ALLOW = AllowList(
    {
        "Amina@Example.org": ["aleppo-*"],
        "jo": ["idlib-2017"],
        "*@partner.org": ["aleppo-2016-08"],
        "*": ["public-*"],
    }
)


@pytest.mark.parametrize(
    ("identity", "situation_id", "allowed"),
    [
        ("amina@example.org", "aleppo-2016-08", True),
        ("AMINA@EXAMPLE.ORG", "aleppo-2016-08", True),
        ("amina@example.org", "idlib-2017", False),
        ("jo", "idlib-2017", True),
        ("jo", "aleppo-2016-08", False),
        ("sam@partner.org", "aleppo-2016-08", True),
        ("sam@partner.org", "aleppo-2016-09", False),
        ("sam@evil-partner.org", "aleppo-2016-08", False),
        ("partner.org", "aleppo-2016-08", False),
        ("anyone", "public-health", True),
        ("anyone", "aleppo-2016-08", False),
    ],
)
def test_allow_list(identity: str, situation_id: str, allowed: bool) -> None:
    assert ALLOW.allows(identity, situation_id) is allowed


def test_without_an_allow_list_everyone_sees_everything_and_with_one_nobody_unnamed() -> None:
    assert Viewer(None).may_see("aleppo-2016-08")
    assert Viewer("jo").may_see("aleppo-2016-08")
    assert not Viewer(None, ALLOW).may_see("public-health")


def test_visible_views_keeps_only_allowed_situations_by_id_or_by_file_name(tmp_path: Path) -> None:
    seed = load_situation(SEED).situation
    views = {
        SEED: FileView(SEED, seed),
        tmp_path / "idlib-2017.yaml": FileView(tmp_path / "idlib-2017.yaml", None),  # never valid yet: named by its stem
    }
    assert views[SEED].key == "aleppo-2016-08"
    assert list(visible_views(views, Viewer("amina@example.org", ALLOW))) == [SEED]
    assert list(visible_views(views, Viewer("jo", ALLOW))) == [tmp_path / "idlib-2017.yaml"]
    assert visible_views(views, Viewer("nobody", ALLOW)) == {}
    assert visible_views(views, Viewer(None)) == views
