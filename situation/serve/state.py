"""What a dashboard server keeps for as long as its process runs: the state its safety rests on, out of every client's reach.

The wrong-password limiter, the sign-ins and the file watchers were once kept in Streamlit's resource cache. Any
websocket client, signed in or not, can ask Streamlit to clear that cache: a clear after each wrong password let every
password through to the hash check, and each clear followed by a rerun started another watcher without stopping the
old one (9 -> 93 threads after 20 cycles). So they live here, in one object per process (`SERVER`) that nothing a
browser sends can empty; the pages ask it for what they need and it makes each thing once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from situation.serve.access.limiter import FailureLimiter, Limits
from situation.serve.access.sessions import SignIns
from situation.serve.live import heap
from situation.serve.live.watch import Watcher

Listener = Callable[[int], None]


class ServerState:
    """One per process: its watchers (one per situations folder), its limiter and its sign-ins."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watchers: dict[tuple[Path, tuple[Path, ...]], Watcher] = {}
        self._limiters: dict[Limits, FailureLimiter] = {}
        self.sign_ins = SignIns()

    def watcher(self, target: Path, documents: tuple[Path, ...], listeners: Iterable[Listener] = ()) -> Watcher:
        """The one watcher of `target` (started, with `listeners` told of each new version), made on first asking.

        Made under the lock: thirty pages opening at once on a fresh server read the files once, not thirty times. Each
        version on show is kept off the collector's full walks (`heap`), before the listeners wake any page.
        """
        key = (target.resolve(), tuple(d.resolve() for d in documents))
        with self._lock:
            watcher = self._watchers.get(key)
            if watcher is None:
                watcher = Watcher(key[0], documents=key[1])
                heap.settle()  # the first versions, read above
                for listener in (heap.settle, *listeners):
                    watcher.on_change(listener)
                self._watchers[key] = watcher.start()
            return watcher

    def limiter(self, limits: Limits) -> FailureLimiter:
        """The one limiter for these limits: every session's wrong passwords counted together."""
        with self._lock:
            return self._limiters.setdefault(limits, FailureLimiter(limits))


SERVER = ServerState()
"""The process's own: the dashboard's pages reach the guard state only through it."""
