"""Live reload, safely: watch situation files and keep, for each, its last good model and what is wrong now.

Editors save in different ways: in place (maybe in several writes), to a temporary file renamed over the
old one, or delete-then-create; `git checkout` and `git pull` rename. So we look at each file's identity
(modification time, size, inode), which sees all of these. A changed file is read as soon as the kernel says a save
finished (situation/serve/live/file_events.py), or else once it has been quiet for `quiet_seconds`, and only swapped in
when its content did not change while we read it; a file that fails validation never replaces the last good model.
A file still open for writing is not read, however quiet (the rest of the save is still to come). The model is parsed
once per change, here, and shared by every viewer; only the entries a save changed are read again
(situation/load/entries.py). Each file is read on a reader thread of its own, so a file that is slow to read holds back
no other file's save by more than `READ_BUDGET_SECONDS`.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from situation.load.codes import Code
from situation.load.confine import Refused, Roots, read_confined
from situation.load.entries import Entries
from situation.load.loader import MAX_FILE_BYTES, LoadResult, parse_situation, situation_files_in
from situation.load.problems import Problem, errors_in
from situation.model.facts import Situation
from situation.serve.live.file_events import FileEvents, Polling, Signature, file_events, open_for_writing
from situation.serve.live.file_events import signature as _signature

LOG = logging.getLogger(__name__)


READ_BUDGET_SECONDS = 0.5
"""How long a look at the files waits for one file's read before it shows the other files' saves without it. A file of
20,000 unknown keys once took 42 s to read, and every other file's reload waited for it; now a read runs on its own
thread, and a slow one goes on there while the others are swapped in."""
READERS = 4
"""Files read at once: reads take the interpreter's one lock in turns, so more threads would only share it more thinly."""
HELD_OPEN_SECONDS = 10.0
"""A file still open for writing is read once it is closed, or once it has been quiet this long (a program that keeps
its file open): a pause inside a save is not the end of it."""


@dataclass(frozen=True)
class FileView:
    """What to show for one file: the last good model (if any) and the problems of its current content."""

    path: Path
    situation: Situation | None
    problems: list[Problem] = field(default_factory=list)
    loaded_at: float | None = None
    """When the shown model was read (time.time())."""
    reading_since: float | None = None
    """When a read of a newer save began that is taking longer than `READ_BUDGET_SECONDS` (None: no such read)."""
    commit: str | None = None
    """The git commit this view was read from (`situation.serve.review`), or None for the working tree."""
    blob: str | None = None
    """Git's id of the bytes the model on show was read from: what a reviewer saw, compared when they publish it."""

    @property
    def version_key(self) -> tuple[str, str, float | None]:
        """Which version this is, for every cache of the pages: the file, where it was read from (a commit, or the
        working tree) and when. A draft and the published version of a file never share an entry."""
        return str(self.path), self.commit or "working tree", self.loaded_at

    @property
    def key(self) -> str:
        """How the file is named in the picker, the URL and the allow-list: its situation's id, or before it ever
        loaded, its file name's stem."""
        return self.situation.id if self.situation else self.path.stem

    @property
    def broken(self) -> bool:
        """True when the file as it is now cannot be shown (the last good model, if any, is shown instead)."""
        return bool(errors_in(self.problems))


@dataclass
class _Tracked:
    view: FileView
    signature: Signature | None
    missing_since: float | None = None


Outcome = tuple[LoadResult, str] | list[Problem] | None
"""A read's result: the file loaded (or not, with its problems) and the blob id of its bytes, refused unread (its
problem), or None when the file changed while it was read (it is read again once settled)."""


@dataclass
class _Read:
    """A read of one file running on a reader thread."""

    signature: Signature
    started: float
    """time.monotonic() when it began: its budget runs from here."""
    since: float
    """The watcher's clock when it began, for the view."""
    future: Future[Outcome]
    said_slow: bool = False


def blob_id(raw: bytes) -> str:
    """The id git gives these bytes as a file (`git hash-object`): how the working tree's version is compared with a
    commit's without asking git."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


class Watcher:
    """Watches a situation file, or the situation files of a folder, in a background thread."""

    def __init__(
        self,
        target: Path,
        *,
        documents: tuple[Path, ...] = (),
        quiet_seconds: float = 0.4,
        poll_seconds: float = 0.05,
        read_budget_seconds: float = READ_BUDGET_SECONDS,
        clock: Callable[[], float] = time.time,
        events: bool | None = None,
    ) -> None:
        """`events`: None to use the kernel's file events where they work (see file_events), False to poll only."""
        self.target = target
        self.roots = Roots.around(target, documents)
        self.events_wanted = events
        self._events: FileEvents = Polling()
        """Until `start()`, `poll()` is called by hand (tests): it reads a change only once quiet."""
        self.quiet_seconds = quiet_seconds
        self.poll_seconds = poll_seconds
        self.read_budget_seconds = read_budget_seconds
        self._clock = clock
        self._tracked: dict[Path, _Tracked] = {}
        self._views: dict[Path, FileView] = {}
        self._entries: dict[Path, Entries] = {}
        """Per file, its entries as last read: a save reads again only the entries it changed."""
        self._reading: dict[Path, _Read] = {}
        """Reads running now, at most one per file: a newer save of a file being read is read after it."""
        self._readers: ThreadPoolExecutor | None = None
        self.version = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list[Callable[[int], None]] = []
        self.poll(first=True)

    def snapshot(self) -> tuple[int, dict[Path, FileView]]:
        """The version and the views, taken together so a page renders one consistent state."""
        with self._lock:
            return self.version, dict(self._views)

    def on_change(self, listener: Callable[[int], None]) -> None:
        """Call `listener(version)` from the watcher's thread each time a new version is swapped in.

        It must be quick and must not raise: the dashboard uses it to wake every open page at once.
        """
        self._listeners.append(listener)

    def start(self) -> Watcher:
        """Poll in a daemon thread until `stop()`."""
        if self._thread is None:
            self._events = file_events(self.target, self.events_wanted)
            self._thread = threading.Thread(target=self._run, name=f"watch {self.target.name}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._events.stop()
        if self._readers is not None:
            self._readers.shutdown(wait=False, cancel_futures=True)

    def _run(self) -> None:
        last_failure = ""
        while not self._events.wait(self.poll_seconds) and not self._stop.is_set():  # a file event cuts the wait short
            try:
                self.poll()
            except Exception as error:  # a bug must not end live reload for every file; the log keeps the traceback
                if repr(error) != last_failure:  # once, not every 50 ms
                    LOG.exception("watching %s failed; trying again", self.target)
                last_failure = repr(error)

    def _paths(self) -> list[Path]:
        if self.target.is_dir():
            return situation_files_in(self.target)
        return [self.target]

    def poll(self, *, first: bool = False) -> bool:
        """Look at every file once; start reading what has settled, and swap in each read that ends within its budget
        (the first look waits for every file). True when anything shown changed."""
        now = self._clock()
        views: dict[Path, FileView] = {}
        for path in dict.fromkeys([*self._paths(), *self._tracked]):
            if path in self._reading:
                continue
            try:
                view = self._check(path, now, first)
            except Exception:  # a bug meeting one file: that file gets a banner, the log the traceback, the others go on
                view = self._failed(path)
            if view is not None:
                views[path] = view
        views.update(self._finished(now))
        if views:
            with self._lock:
                self._views.update(views)
                self.version += 1
                version = self.version
            for listener in self._listeners:
                listener(version)
        return bool(views)

    def _failed(self, path: Path) -> FileView | None:
        """The file's banner for an error in the dashboard itself while reading it (said once, not every poll)."""
        LOG.exception("reading %s failed; its last good version stays on show", path)
        tracked = self._tracked.get(path)
        problem = Problem.about_file(
            str(path),
            Code.LOAD_FAILED,
            "the file could not be loaded (an error in the dashboard, logged on the server); the last good version stays on show",
        )
        if tracked is not None and tracked.view.problems == [problem]:
            tracked.signature = _signature(path)
            return None  # said already: not a new version every poll
        return self._record(path, tracked, _signature(path), [problem])

    def _check(self, path: Path, now: float, first: bool) -> FileView | None:
        """A new view of `path` when something worth showing changed without reading it, else None; a settled change
        is read (at once on the first look, else on a reader thread: `_finished` takes it from there)."""
        tracked = self._tracked.get(path)
        signature = _signature(path)
        if tracked is not None and signature == tracked.signature:
            return None
        if signature is None:
            return self._missing(path, tracked, now, first)
        modified = signature[0] / 1e9
        saved = self._events.saved(path, signature)
        if not first and not saved:
            if 0 <= now - modified < self.quiet_seconds:
                return None  # still being written, perhaps
            if now - modified < HELD_OPEN_SECONDS and open_for_writing(path):
                return None  # quiet, but still open for writing: the rest of the save is still to come
            self._events.read_after_quiet(path)
        if first:
            return self._apply(path, signature, self._read(path, signature), now)
        if self._readers is None:
            self._readers = ThreadPoolExecutor(READERS, thread_name_prefix=f"read {self.target.name}")
        future = self._readers.submit(self._read, path, signature)
        self._reading[path] = _Read(signature, time.monotonic(), now, future)
        return None

    def _read(self, path: Path, signature: Signature) -> Outcome:
        """Read and load one file (on a reader thread, or at once on the first look)."""
        try:
            raw = read_confined(path, [self.roots.situations], MAX_FILE_BYTES, "the file")
        except Refused as refusal:
            return [Problem.about_file(str(path), refusal.code, refusal.message)]
        if _signature(path) != signature:
            return None  # it changed while we read it: wait for it to settle
        entries = self._entries.setdefault(path, Entries())
        result = parse_situation(raw, str(path), base_dir=path.parent, roots=self.roots, entries=entries)
        return result, blob_id(raw)

    def _finished(self, now: float) -> dict[Path, FileView]:
        """The reads that end within their budget, as views; a read past its budget is said once and left to run."""
        views: dict[Path, FileView] = {}
        for path, read in list(self._reading.items()):
            try:
                outcome = read.future.result(timeout=max(0.0, read.started + self.read_budget_seconds - time.monotonic()))
            except TimeoutError:
                if not read.said_slow:
                    read.said_slow = True
                    budget = self.read_budget_seconds
                    LOG.warning("reading %s takes over %.1f s; the other files' saves are shown meanwhile", path, budget)
                    views[path] = self._reading_slowly(path, read)
                continue
            except Exception:
                del self._reading[path]
                if (failed := self._failed(path)) is not None:
                    views[path] = failed
                continue
            del self._reading[path]
            if (view := self._apply(path, read.signature, outcome, now)) is not None:
                views[path] = view
        return views

    def _reading_slowly(self, path: Path, read: _Read) -> FileView:
        """The view on show, saying that a newer save is being read (its last good version stays on show meanwhile)."""
        tracked = self._tracked.get(path)
        view = replace(tracked.view if tracked else FileView(path, None), reading_since=read.since)
        if tracked is None:
            self._tracked[path] = _Tracked(view, None)
        else:
            tracked.view = view
        return view

    def _apply(self, path: Path, signature: Signature, outcome: Outcome, now: float) -> FileView | None:
        """The view a read gives; None when nothing new is to be shown."""
        tracked = self._tracked.get(path)
        if outcome is None:
            if tracked is not None and tracked.view.reading_since is not None:
                tracked.view = replace(tracked.view, reading_since=None)
                return tracked.view
            return None
        if isinstance(outcome, list):
            return self._record(path, tracked, signature, outcome)
        result, blob = outcome
        if result.situation is not None:
            view = FileView(path, result.situation, result.problems, now, blob=blob)
            self._tracked[path] = _Tracked(view, signature)
            return view
        return self._record(path, tracked, signature, result.problems)

    def _record(self, path: Path, tracked: _Tracked | None, signature: Signature | None, problems: list[Problem]) -> FileView:
        """Keep the last good model on show, with the problems of the file as it is now."""
        previous = tracked.view if tracked else FileView(path, None)
        view = replace(previous, problems=problems, reading_since=None)
        self._tracked[path] = _Tracked(view, signature)
        return view

    def _missing(self, path: Path, tracked: _Tracked | None, now: float, first: bool) -> FileView | None:
        """A file gone for longer than the quiet time is said to be gone; a brief gap (delete and recreate) is not."""
        if tracked is None and not first:
            return None
        if tracked is not None:
            tracked.missing_since = tracked.missing_since or now
            if now - tracked.missing_since < self.quiet_seconds:
                return None
        problem = Problem.about_file(
            str(path), Code.FILE_MISSING, "the file was deleted, moved or renamed; the last good version stays on show"
        )
        return self._record(path, tracked, None, [problem])
