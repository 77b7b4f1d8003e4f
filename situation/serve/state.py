"""What a dashboard server keeps for as long as its process runs: the state its safety rests on, out of every client's reach.

The wrong-password limiter, the sign-ins and the file watchers (with the published reference's follower) were once
kept in Streamlit's resource cache. Any websocket client, signed in or not, can ask Streamlit to clear that cache: a
clear after each wrong password let every password through to the hash check, and each clear followed by a rerun
started another watcher without stopping the old one (9 -> 93 threads after 20 cycles). So they live here, in one
object per process (`SERVER`) that nothing a browser sends can empty; the pages ask it for what they need and it makes
each thing once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from situation.serve.access.limiter import FailureLimiter, Limits
from situation.serve.access.sessions import SignIns
from situation.serve.review.versions import Versions


class ServerState:
    """One per process: its situations folders (each with its one watcher and its published reference), its limiter and
    its sign-ins."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[tuple[Path, tuple[Path, ...], str | None, bool], Versions] = {}
        self._limiters: dict[Limits, FailureLimiter] = {}
        self.sign_ins = SignIns()

    def versions(
        self,
        target: Path,
        documents: tuple[Path, ...],
        published: str | None = None,
        review: bool = False,
        wake: Callable[[str], None] = lambda key: None,
    ) -> Versions:
        """What the server shows of `target`: its one watcher, its published reference and drafts, made on first asking
        (`wake(key)` is told of each new version of what `key` names).

        Made under the lock: thirty pages opening at once on a fresh server read the files once, not thirty times.
        """
        key = (target.resolve(), tuple(d.resolve() for d in documents), published, review)
        with self._lock:
            versions = self._versions.get(key)
            if versions is None:
                versions = self._versions[key] = Versions(key[0], key[1], published, review, wake)
            return versions

    def limiter(self, limits: Limits) -> FailureLimiter:
        """The one limiter for these limits: every session's wrong passwords counted together."""
        with self._lock:
            return self._limiters.setdefault(limits, FailureLimiter(limits))


SERVER = ServerState()
"""The process's own: the dashboard's pages reach the guard state only through it."""
