"""Following git references: the published one, and each draft branch an editor opens, read anew when it moves.

One thread per repository looks every `POLL_SECONDS` at where git keeps its references (the modification times of
`packed-refs` and the folders under `refs/`, a few microseconds), asks git for every reference (`git for-each-ref`,
~6 ms) only when those changed or every `FULL_LOOK_SECONDS` whatever they say, and when a followed one names a new
commit, reads that commit's situations (`commits`) and swaps them in, telling the listeners, which wake the pages
that show it. A publication from the page does not wait for the next
look (`check_now`). Like the watcher, a file that does not validate at the new commit keeps its last good version on
show, with its problems; a reference that does not exist (yet) shows nothing and says why.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from situation.load.entries import Entries
from situation.load.problems import errors_in
from situation.serve.live.watch import FileView
from situation.serve.review.commits import CommitReader
from situation.serve.review.git import GitError

LOG = logging.getLogger(__name__)
POLL_SECONDS = 0.5
FULL_LOOK_SECONDS = 10.0
"""Git asked even when its reference files look unchanged (a ref store this does not read, a clock that jumped)."""
MAX_FOLLOWED = 16
"""Draft branches followed at once besides the published reference; the one opened longest ago is let go first."""


def short_name(ref: str) -> str:
    """'main' for refs/heads/main, 'origin/fix' for refs/remotes/origin/fix, 'v1' for refs/tags/v1."""
    for prefix in ("refs/heads/", "refs/remotes/", "refs/tags/"):
        if ref.startswith(prefix):
            return ref[len(prefix) :]
    return ref


class RefSource:
    """One followed reference: the views of the commit it names now, as the watcher gives the working tree's."""

    def __init__(self, ref: str) -> None:
        self.ref = ref
        self.commit: str | None = None
        self.version = 0
        self.problem: str | None = f"the reference '{short_name(ref)}' is not in the repository yet"
        """Why nothing is shown, when nothing is (None once a commit was read)."""
        self._views: dict[Path, FileView] = {}
        self._entries: dict[Path, Entries] = {}
        self._lock = threading.Lock()
        self._listeners: list[Callable[[int], None]] = []

    def snapshot(self) -> tuple[int, dict[Path, FileView]]:
        with self._lock:
            return self.version, dict(self._views)

    def held(self) -> tuple[str | None, dict[Path, FileView]]:
        """The commit shown and its views, taken together."""
        with self._lock:
            return self.commit, dict(self._views)

    def on_change(self, listener: Callable[[int], None]) -> None:
        self._listeners.append(listener)

    def take(self, commit: str | None, reader: CommitReader) -> bool:
        """Show `commit` (None: the reference is gone); True when what is shown changed. Called by one thread at a time."""
        if commit == self.commit:
            return False
        if commit is None:
            views, problem = {}, f"the reference '{short_name(self.ref)}' is no longer in the repository"
        else:
            try:
                views, problem = reader.views(commit, self._entries), None
            except GitError as error:
                LOG.error("reading %s at %s: %s", self.ref, commit, error)
                views, problem = {}, f"the version at {commit[:8]} could not be read: {error}"
        with self._lock:
            self._views = {path: _kept_if_broken(view, self._views.get(path)) for path, view in views.items()}
            self.commit, self.problem = commit, problem
            self.version += 1
            version = self.version
        for listener in self._listeners:
            listener(version)
        return True


def _kept_if_broken(view: FileView, before: FileView | None) -> FileView:
    """A file that does not validate at the new commit keeps the model it had at the last one, with its new problems."""
    if view.situation is not None or before is None or before.situation is None or not errors_in(view.problems):
        return view
    return replace(before, problems=view.problems)


class Refs:
    """The references of one repository, looked at every `POLL_SECONDS` by a thread of its own."""

    def __init__(self, reader: CommitReader, poll_seconds: float = POLL_SECONDS) -> None:
        self.reader = reader
        self.git = reader.place.git
        self.poll_seconds = poll_seconds
        self.latest: dict[str, str] = {}
        """Every reference by full name, with its commit, as of the last look."""
        self._sources: dict[str, RefSource] = {}
        self._pinned: set[str] = set()
        self._listeners: list[Callable[[str, int], None]] = []
        self._lock = threading.Lock()
        self._check_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._store: Path | None = None

    def on_change(self, listener: Callable[[str, int], None]) -> None:
        """`listener(ref, version)` for every new version of every followed reference."""
        self._listeners.append(listener)

    def follow(self, ref: str, *, pinned: bool = False) -> RefSource:
        """The source of `ref` (a full name), read now if it is new; `pinned` ones (the published) are never let go."""
        with self._lock:
            source = self._sources.pop(ref, None)
            fresh = source is None
            if source is None:
                source = RefSource(ref)
                source.on_change(lambda version: self._tell(ref, version))
            self._sources[ref] = source  # last: the most recently opened
            if pinned:
                self._pinned.add(ref)
            loose = [name for name in self._sources if name not in self._pinned]
            for name in loose[: max(0, len(loose) - MAX_FOLLOWED)]:
                del self._sources[name]
        if fresh:
            self.check()
        return source

    def _tell(self, ref: str, version: int) -> None:
        for listener in self._listeners:
            listener(ref, version)

    def check(self) -> None:
        """Look at every reference once and read each followed one that moved."""
        with self._check_lock:
            try:
                self.latest = self.git.refs()
            except GitError as error:
                LOG.error("listing the references of %s: %s", self.git.top, error)
                return
            with self._lock:
                sources = list(self._sources.values())
            for source in sources:
                source.take(self.latest.get(source.ref), self.reader)

    def check_now(self) -> None:
        """Look again at once (after a publication from the page): the next look would come within `poll_seconds`."""
        self.check()
        self._wake.set()

    def start(self) -> Refs:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"refs {self.git.top.name}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop following, once the look under way (if any) is done."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        looked, asked = self._look(), time.monotonic()
        while not self._stop.is_set():
            woken = self._wake.wait(self.poll_seconds)
            self._wake.clear()
            if self._stop.is_set():
                return
            now = self._look()
            if not woken and now == looked and time.monotonic() - asked < FULL_LOOK_SECONDS:
                continue
            looked, asked = now, time.monotonic()
            try:
                self.check()
            except Exception:  # a bug must not end following for every page; the log keeps the traceback
                LOG.exception("following the references of %s failed; trying again", self.git.top)

    def _look(self) -> tuple[tuple[str, int], ...]:
        """Where git keeps the references, as their files look now: any ref written changes one of these times."""
        if self._store is None:
            try:
                self._store = Path(self.git.run("rev-parse", "--path-format=absolute", "--git-common-dir").decode().strip())
            except GitError:
                return ()
        seen = []
        for path in (self._store / "packed-refs", self._store / "HEAD"):
            with contextlib.suppress(OSError):
                seen.append((str(path), path.stat().st_mtime_ns))
        for folder, _, _ in os.walk(self._store / "refs"):
            with contextlib.suppress(OSError):
                seen.append((folder, Path(folder).stat().st_mtime_ns))
        return tuple(seen)
