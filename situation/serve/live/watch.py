"""Live reload, safely: watch situation files and keep, for each, its last good model and what is wrong now.

Editors save in different ways: in place (maybe in several writes), to a temporary file renamed over the
old one, or delete-then-create; `git checkout` and `git pull` rename. So we look at each file's identity
(modification time, size, inode), which sees all of these. A changed file is read as soon as the kernel says a save
finished (situation/serve/live/file_events.py), or else once it has been quiet for `quiet_seconds`, and only swapped in
when its content did not change while we read it; a file that fails validation never replaces the last good model.
The model is parsed once per change, here, and shared by every viewer; only the entries a save changed are read again
(situation/load/entries.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from situation.load.codes import Code
from situation.load.confine import Refused, Roots, read_confined
from situation.load.entries import Entries
from situation.load.loader import MAX_FILE_BYTES, parse_situation, situation_files_in
from situation.load.problems import Problem, errors_in
from situation.model.facts import Situation
from situation.serve.live.file_events import FileEvents, Polling, Signature, file_events
from situation.serve.live.file_events import signature as _signature

LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileView:
    """What to show for one file: the last good model (if any) and the problems of its current content."""

    path: Path
    situation: Situation | None
    problems: list[Problem] = field(default_factory=list)
    loaded_at: float | None = None
    """When the shown model was read (time.time())."""

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


class Watcher:
    """Watches a situation file, or the situation files of a folder, in a background thread."""

    def __init__(
        self,
        target: Path,
        *,
        documents: tuple[Path, ...] = (),
        quiet_seconds: float = 0.4,
        poll_seconds: float = 0.05,
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
        self._clock = clock
        self._tracked: dict[Path, _Tracked] = {}
        self._views: dict[Path, FileView] = {}
        self._entries: dict[Path, Entries] = {}
        """Per file, its entries as last read: a save reads again only the entries it changed."""
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
        """Look at every file once; swap in what has settled. True when anything shown changed."""
        now = self._clock()
        changed = False
        for path in dict.fromkeys([*self._paths(), *self._tracked]):
            view = self._check_alone(path, now, first)
            if view is not None:
                changed = True
                with self._lock:
                    self._views[path] = view
        if changed:
            with self._lock:
                self.version += 1
                version = self.version
            for listener in self._listeners:
                listener(version)
        return changed

    def _check_alone(self, path: Path, now: float, first: bool) -> FileView | None:
        """`_check`, for one file, never raising: whatever one file does, the files after it are still looked at."""
        try:
            return self._check(path, now, first)
        except Exception:  # a bug meeting one file: that file gets a banner, the log the traceback, the others go on
            LOG.exception("reading %s failed; its last good version stays on show", path)
            tracked = self._tracked.get(path)
            problem = Problem.about_file(
                str(path),
                Code.LOAD_FAILED,
                "the file could not be loaded (an error in the dashboard, logged on the server); the last good version "
                "stays on show",
            )
            if tracked is not None and tracked.view.problems == [problem]:
                tracked.signature = _signature(path)
                return None  # said already: not a new version every poll
            return self._record(path, tracked, _signature(path), [problem])

    def _check(self, path: Path, now: float, first: bool) -> FileView | None:
        """A new view of `path` when something worth showing changed, else None."""
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
            self._events.read_after_quiet(path)
        try:
            raw = read_confined(path, [self.roots.situations], MAX_FILE_BYTES, "the file")
        except Refused as refusal:
            return self._record(path, tracked, signature, [Problem.about_file(str(path), refusal.code, refusal.message)])
        if _signature(path) != signature:
            return None  # it changed while we read it: wait for it to settle
        entries = self._entries.setdefault(path, Entries())
        result = parse_situation(raw, str(path), base_dir=path.parent, roots=self.roots, entries=entries)
        if result.situation is not None:
            view = FileView(path, result.situation, result.problems, now)
            self._tracked[path] = _Tracked(view, signature)
            return view
        return self._record(path, tracked, signature, result.problems)

    def _record(self, path: Path, tracked: _Tracked | None, signature: Signature | None, problems: list[Problem]) -> FileView:
        """Keep the last good model on show, with the problems of the file as it is now."""
        previous = tracked.view if tracked else FileView(path, None)
        view = replace(previous, problems=problems)
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
