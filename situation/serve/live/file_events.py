"""Saves as the kernel reports them, so an edit is read as soon as it is complete instead of after a quiet period.

Polling alone cannot tell a finished save from a pause in the middle of one, so it waits for a file to be quiet
(`Watcher.quiet_seconds`) before reading it: every edit pays that wait. The kernel knows more: inotify says when a file
opened for writing is closed (close-write) and when a file is renamed into place (moved-to), which is how editors,
`git checkout` and `git pull` finish a save. A file whose look (modification time, size, inode) is still the one it
had when such an event came is read at once; a file still held open for writing gets no such event, so it waits as
before, and is never read half-written.

Where events do not arrive (network and container-mounted filesystems, or a system without inotify), polling with the
quiet period does the work alone: chosen when events cannot be set up, or as soon as a change turns up by polling that
no event announced. Either way the server's log says which. `SITUATIONS_FILE_EVENTS=off` forces polling.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import threading
from pathlib import Path
from typing import Protocol

from watchdog.events import (
    FileClosedEvent,
    FileClosedNoWriteEvent,
    FileMovedEvent,
    FileOpenedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

LOG = logging.getLogger(__name__)
ENVIRONMENT_VARIABLE = "SITUATIONS_FILE_EVENTS"
Signature = tuple[int, int, int]
"""What a file looks like from outside: modification time (ns), size, inode. A save of any kind changes one of them."""


def signature(path: Path) -> Signature | None:
    """The file's look now, or None when it is not there."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


class FileEvents(Protocol):
    """What the watcher asks its source of file events between two looks at the files."""

    description: str
    """How changes are found, for the log: 'kernel file events (inotify)' or 'polling'."""

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, less when a file event comes or `stop` is set; True once stopped."""
        ...

    def saved(self, path: Path, now: Signature) -> bool:
        """True when a finished save (close-write, moved-to) left `path` looking exactly as `now`: safe to read at once."""
        ...

    def read_after_quiet(self, path: Path) -> None:
        """The watcher read a change of `path` it found by polling, after the quiet period: did any event announce it?"""
        ...

    def stop(self) -> None: ...


class Polling:
    """No events: the watcher looks every poll and reads a change once the file has been quiet."""

    description = "polling"

    def __init__(self) -> None:
        self._stopped = threading.Event()

    def wait(self, seconds: float) -> bool:
        return self._stopped.wait(seconds)

    def saved(self, path: Path, now: Signature) -> bool:
        return False

    def read_after_quiet(self, path: Path) -> None:
        return None

    def stop(self) -> None:
        self._stopped.set()


class KernelEvents(Polling):
    """inotify through watchdog: wakes the watcher on any event in the folder, and remembers finished saves."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        from watchdog.observers.inotify import InotifyObserver  # Linux only; ImportError or OSError elsewhere

        self.description = "kernel file events (inotify)"
        self.folder = folder
        self._woken = threading.Event()
        self._lock = threading.Lock()
        self._finished: dict[Path, Signature] = {}
        self._announced: set[Path] = set()
        self._working = True
        self._observer = InotifyObserver()
        self._observer.schedule(_Handler(self), str(folder), recursive=False)
        self._observer.daemon = True
        self._observer.start()

    def note(self, path: Path, finished: bool) -> None:
        """Called from watchdog's thread for every event about a file of the folder."""
        with self._lock:
            self._announced.add(path)
            if finished:
                look = signature(path)
                if look is not None:
                    self._finished[path] = look
            else:  # written to, created or deleted: whatever finished before is no longer what is there
                self._finished.pop(path, None)
        self._woken.set()

    def wait(self, seconds: float) -> bool:
        if self._working and self._woken.wait(seconds):
            self._woken.clear()
        elif not self._working:
            return super().wait(seconds)
        return self._stopped.is_set()

    def saved(self, path: Path, now: Signature) -> bool:
        with self._lock:
            finished = self._working and self._finished.get(path) == now
        # An event is handled a moment after it happened: a close-write seen late can meet the next writer's first
        # half. So a save counts as finished only while nobody holds the file open for writing (else: quiet period).
        return finished and open_for_writing(path) is False

    def read_after_quiet(self, path: Path) -> None:
        with self._lock:
            announced = path in self._announced
            self._announced.discard(path)
        if announced or not self._working:
            return
        self._working = False
        LOG.warning(
            "no file event came for a change of %s (a network or container-mounted filesystem?): "
            "watching by polling from now on, each change read once the file has been quiet",
            path,
        )
        self._observer.stop()

    def stop(self) -> None:
        super().stop()
        self._woken.set()
        if self._working:
            self._observer.stop()


def open_for_writing(path: Path) -> bool | None:
    """Whether any process holds `path` open for writing, asked of the kernel with a read lease (Linux refuses one,
    EAGAIN, while the file is open for writing); None where it cannot tell (another owner, a filesystem without leases)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        fcntl.fcntl(descriptor, fcntl.F_SETLEASE, fcntl.F_RDLCK)
    except OSError as error:
        return True if error.errno == errno.EAGAIN else None
    else:
        fcntl.fcntl(descriptor, fcntl.F_SETLEASE, fcntl.F_UNLCK)
        return False
    finally:
        os.close(descriptor)


class _Handler(FileSystemEventHandler):
    """Watchdog's callback, on its thread: what each file event means for a save."""

    def __init__(self, events: KernelEvents) -> None:
        self.events = events

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.is_directory or isinstance(event, (FileOpenedEvent, FileClosedNoWriteEvent)):
            return  # the folder itself, or a file opened or read (ours too): no save
        source = Path(os.fsdecode(event.src_path))
        if isinstance(event, FileMovedEvent):  # renamed into place: the new name holds a finished file
            self.events.note(source, finished=False)
            self.events.note(Path(os.fsdecode(event.dest_path)), finished=True)
        else:
            self.events.note(source, finished=isinstance(event, FileClosedEvent))


def file_events(target: Path, wanted: bool | None = None) -> FileEvents:
    """Kernel events for the folder of `target` where they can be had, else polling; the log says which, and why.

    `wanted`: None to choose (events unless $SITUATIONS_FILE_EVENTS is 'off'), False to force polling.
    """
    if wanted is None:
        wanted = os.environ.get(ENVIRONMENT_VARIABLE, "").strip().lower() not in ("off", "0", "no", "false")
    folder = target if target.is_dir() else target.parent
    if not wanted:
        LOG.warning("watching %s by polling (file events turned off): each change is read once the file has been quiet", target)
        return Polling()
    try:
        events = KernelEvents(folder)
    except (ImportError, OSError) as error:
        LOG.warning("watching %s by polling (no kernel file events here: %s): each change is read once quiet", target, error)
        return Polling()
    LOG.warning("watching %s with %s: a save is read as soon as it is complete", target, events.description)
    return events
