"""Git, run as a program with fixed argument lists: the repository of the situations, read and moved only through it.

Why git itself rather than a library: it is already how the team works (the same commands a person types give the same
answers), it is on every server that holds a clone, and its own compare-and-swap (`git update-ref REF NEW OLD`) is
what publishing needs. Never a shell: every argument is one list item, and a name that starts with '-' is refused
before it reaches git, so nothing a person types becomes an option. The environment is the process's without any
GIT_* variable (a GIT_DIR or GIT_INDEX_FILE left over from a hook would point git elsewhere), with plain-C messages.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

TIMEOUT_SECONDS = 60.0
"""A git command that takes longer is stopped: reading a commit of a large situation folder takes well under a second."""
ZERO = "0" * 40


class GitError(Exception):
    """Git failed, or is not there: what it said, in one line, never with the environment or a traceback."""


def _environment(extra: Mapping[str, str]) -> dict[str, str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {**clean, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", **extra}


class Git:
    """One repository: its top folder, and the commands the dashboard runs in it."""

    def __init__(self, top: Path) -> None:
        self.top = top

    @classmethod
    def around(cls, path: Path) -> Git | None:
        """The repository that holds `path` (a file or a folder), or None when it is in none (or git is missing)."""
        folder = path if path.is_dir() else path.parent
        try:
            top = _run(folder, ["rev-parse", "--show-toplevel"], None, {}).decode().strip()
        except GitError:
            return None
        return cls(Path(top).resolve())

    def run(self, *args: str, input: bytes | None = None, env: Mapping[str, str] | None = None) -> bytes:
        """What `git ARGS…` prints, run at the top of the repository; GitError when it fails."""
        return _run(self.top, list(args), input, env or {})

    def succeeds(self, *args: str) -> bool:
        """Whether `git ARGS…` exits 0 (for the commands whose answer is their exit code)."""
        try:
            self.run(*args)
        except GitError:
            return False
        return True

    def commit_of(self, ref: str) -> str | None:
        """The commit `ref` names now (a branch, a tag, a commit id), or None when it names none."""
        if ref.startswith("-"):
            return None
        try:
            return self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
        except GitError:
            return None

    def full_name(self, ref: str) -> str | None:
        """'refs/heads/main' for 'main', as git reads a short name; None when `ref` is no ref (or a commit id)."""
        if ref.startswith("-"):
            return None
        try:
            name = self.run("rev-parse", "--verify", "--quiet", "--symbolic-full-name", "--end-of-options", ref).decode().strip()
        except GitError:
            return None
        return name if name.startswith("refs/") else None

    def refs(self) -> dict[str, str]:
        """Every branch, remote-tracking branch and tag, by full name, with the commit it names (a tag peeled)."""
        out = self.run(
            "for-each-ref", "--format=%(objectname) %(*objectname) %(refname)", "refs/heads", "refs/remotes", "refs/tags"
        )
        found: dict[str, str] = {}
        for line in out.decode("utf-8", "replace").splitlines():
            target, peeled, name = line.split(" ", 2)
            if not name.endswith("/HEAD"):  # refs/remotes/origin/HEAD only repeats a branch
                found[name] = peeled or target
        return found

    def tree_of(self, commit: str) -> str:
        return self.run("rev-parse", "--verify", "--end-of-options", f"{commit}^{{tree}}").decode().strip()

    def is_ancestor(self, older: str, newer: str) -> bool:
        return self.succeeds("merge-base", "--is-ancestor", older, newer)


def _run(folder: Path, args: list[str], input: bytes | None, env: Mapping[str, str]) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            input=input,
            capture_output=True,
            env=_environment(env),
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError as error:
        raise GitError("git is not installed on this machine") from error
    except subprocess.TimeoutExpired as error:
        raise GitError(f"git {args[0]} took longer than {TIMEOUT_SECONDS:.0f} s and was stopped") from error
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]}: {said[-1] if said else f'exit {done.returncode}'}")
    return done.stdout
