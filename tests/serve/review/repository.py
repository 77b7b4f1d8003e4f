"""A team's situations repository, made for real in a test: a git repository with the seed committed on `main`."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.paths import copy_seed

SITUATION = "situations/aleppo-2016-08.yaml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Amina",
    "GIT_AUTHOR_EMAIL": "amina@example.org",
    "GIT_COMMITTER_NAME": "Amina",
    "GIT_COMMITTER_EMAIL": "amina@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


class Repository:
    """A git repository in a test's folder, driven as a person would drive it."""

    def __init__(self, top: Path) -> None:
        self.top = top
        top.mkdir(parents=True, exist_ok=True)
        self.git("init", "--quiet", "--initial-branch=main")
        (self.top / "situations").mkdir()
        copy_seed(self.top / SITUATION)
        self.commit("The seed")

    @property
    def situations(self) -> Path:
        return self.top / "situations"

    @property
    def file(self) -> Path:
        return self.top / SITUATION

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.top, env={**os.environ, **GIT_ENV}, check=True, capture_output=True, text=True
        )
        return done.stdout.strip()

    def commit(self, message: str) -> str:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def set_people(self, value: int) -> None:
        """The people-under-siege figure in the working tree's file set to `value` (saved, not committed)."""
        text = self.file.read_text(encoding="utf-8")
        changed, found = re.subn(r"value: \d{6}\n", f"value: {value}\n", text, count=1)  # the seed's one six-digit figure
        assert found == 1
        self.file.write_text(changed, encoding="utf-8")

    def commit_of(self, ref: str) -> str:
        return self.git("rev-parse", ref)


def people(views: dict[Path, object]) -> object:
    """The latest people-under-siege figure of the one situation in `views`."""
    (view,) = views.values()
    situation = view.situation  # type: ignore[attr-defined]
    return next(i for i in situation.indicators if i.id == "people-under-siege").observations[-1].value
