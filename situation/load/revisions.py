"""Earlier versions of a situation file, read from the git repository that holds it, through git itself.

The repository is the one around the file, wherever the caller runs from. Nothing is checked out or
copied: `git show REV:path` gives the bytes of that version, which load like any file.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from situation.load.codes import Code
from situation.load.loader import LoadResult, parse_situation
from situation.load.problems import Problem

_SEPARATOR = "\x1f"


class RevisionError(Exception):
    """The file is in no repository, the revision is unknown, or the file did not exist at that revision."""


@dataclass(frozen=True)
class Revision:
    """A commit that changed the file: for a picker."""

    commit: str
    date: str
    subject: str

    @property
    def short(self) -> str:
        return self.commit[:8]


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=30)
    except FileNotFoundError as error:
        raise RevisionError("git is not installed") from error


def _place(file: Path) -> tuple[Path, str]:
    """The repository's top folder, and the file's path inside it."""
    folder = file.resolve().parent
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise RevisionError(f"{file} is not in a git repository")
    top = Path(done.stdout.decode().strip())
    return top, file.resolve().relative_to(top).as_posix()


def in_repository(file: Path) -> bool:
    """True when git can give earlier versions of the file."""
    try:
        _place(file)
    except RevisionError:
        return False
    return True


def recent_revisions(file: Path, limit: int = 20, start: str = "HEAD", first_parent: bool = False) -> list[Revision]:
    """The latest commits that changed the file, newest first: in the history of `start`, or with `first_parent` only
    along its first-parent line (the versions a published branch has held, not the commits of drafts merged into it)."""
    top, inside = _place(file)
    line = ["--first-parent"] if first_parent else []
    fields = f"--format=%H{_SEPARATOR}%ad{_SEPARATOR}%s"
    done = _git(top, "log", *line, f"-n{limit}", "--date=short", fields, "--end-of-options", start, "--", inside)
    if done.returncode != 0:
        return []
    lines = done.stdout.decode("utf-8", errors="replace").splitlines()
    return [Revision(*line.split(_SEPARATOR, 2)) for line in lines if line.count(_SEPARATOR) == 2]


def file_revision(file: Path) -> str | None:
    """'1a2b3c4d', the last commit that changed the file, for a briefing to say what it was made from; with
    ' and uncommitted changes' when the file differs from it; None when git has no commit of it."""
    try:
        top, inside = _place(file)
    except RevisionError:
        return None
    latest = recent_revisions(file, limit=1)
    if not latest:
        return None
    changed = _git(top, "status", "--porcelain", "--", inside)
    return latest[0].short + (" and uncommitted changes" if changed.returncode == 0 and changed.stdout.strip() else "")


def load_revision(file: Path, revision: str) -> LoadResult:
    """The file as it was at `revision` (a commit, a tag, HEAD~3, a date with @{…}), validated like any file."""
    top, inside = _place(file)
    resolved = _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if resolved.returncode != 0:
        raise RevisionError(f"unknown revision '{revision}' in the repository at {top}")
    commit = resolved.stdout.decode().strip()
    shown = _git(top, "show", f"{commit}:{inside}")
    if shown.returncode != 0:
        raise RevisionError(f"{inside} did not exist at revision '{revision}'")
    return parse_situation(shown.stdout, f"{revision}:{inside}", base_dir=file.resolve().parent)


def read_revision(file: Path, commit: str) -> LoadResult:
    """`load_revision` for a picker: a version git cannot give is a version with a problem, not an exception."""
    try:
        return load_revision(file, commit)
    except RevisionError as error:
        return LoadResult(str(file), None, [Problem.about_file(str(file), Code.UNREADABLE, str(error))])


def revision_labels(revisions: Sequence[Revision], as_of: Callable[[Revision], date | None]) -> dict[str, str]:
    """Commit -> 'Saved 2016-09-05: the situation as of 5 Sep 2016' ('not a valid file' when `as_of` gives None); two
    saves that read alike (one day, one as-of date) are told apart by their commit."""
    plain = {}
    for revision in revisions:
        day = as_of(revision)
        plain[revision.commit] = f"Saved {revision.date}: " + (
            f"the situation as of {day:%-d %b %Y}" if day is not None else "not a valid file"
        )
    repeated = Counter(plain.values())
    return {
        revision.commit: plain[revision.commit] + (f" ({revision.short})" if repeated[plain[revision.commit]] > 1 else "")
        for revision in revisions
    }


def first_changed(revisions: Sequence[Revision], changed: Callable[[Revision], bool]) -> int:
    """Where the newest revision whose facts differ from the version on show is (0 when none does): what a picker of
    revisions to compare with offers first, as a save that only reformatted the file has nothing to show."""
    return next((index for index, revision in enumerate(revisions) if changed(revision)), 0)
