"""Wrong passwords slowed, not counted forever: failed sign-ins per user name and address, and the wait they earn.

Apart from the passwords themselves because it is state shared by every session of a server, guarded by a lock, and
its arithmetic (windows and doubling waits) is tested with a clock passed in, never by sleeping.

`FailureLimiter` lets `max_failures` pass per user name and address within `window_seconds`, then makes each further
try wait twice as long as the last (first `first_wait_seconds`, at most `max_wait_seconds`); failures older than the
window are forgotten, and a right password clears them. The address is `client_address`: the one thing about the
other end that a sign-in form cannot make up.
"""

from __future__ import annotations

import ipaddress
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """How wrong passwords are slowed: see `FailureLimiter`."""

    max_failures: int = 5
    window_seconds: float = 300.0
    first_wait_seconds: float = 2.0
    max_wait_seconds: float = 300.0


class FailureLimiter:
    """Failed sign-ins per (user name, address) within a sliding window; shared by every session of a server.

    Thread-safe: Streamlit runs each session's script in its own thread.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()
        self._pruned_at = 0.0

    def wait_seconds(self, name: str, address: str, now: float) -> float:
        """How long this user name from this address must still wait before a try is checked (0: try now)."""
        with self._lock:
            failures = self._recent((name.casefold(), address), now)
            excess = len(failures) - self.limits.max_failures
            if excess < 0:
                return 0.0
            wait = min(self.limits.first_wait_seconds * 2.0**excess, self.limits.max_wait_seconds)
            return max(0.0, failures[-1] + wait - now)

    def begin_try(self, name: str, address: str, now: float) -> tuple[float, int]:
        """Before a password is checked: the wait (then nothing is counted), or 0 and the try counted as failed already.

        Waiting and counting under one lock, before the slow hash check: 40 tries sent at once then see the ones
        ahead of them, and at most `max_failures` are checked before the waits begin (checked, then counted, let 26
        through). A right password clears the count (`record_success`). Also returns how many tries are left after
        this one, for the message a wrong password gets.
        """
        key = (name.casefold(), address)
        with self._lock:
            failures = self._recent(key, now)
            excess = len(failures) - self.limits.max_failures
            if excess >= 0:
                wait = min(self.limits.first_wait_seconds * 2.0**excess, self.limits.max_wait_seconds)
                if failures[-1] + wait > now:
                    return failures[-1] + wait - now, 0
            self._prune(now)
            failures = self._recent(key, now)
            failures.append(now)
            self._failures[key] = failures
            return 0.0, max(0, self.limits.max_failures - len(failures))

    def record_failure(self, name: str, address: str, now: float) -> int:
        """Count one failure; how many more may follow before tries must wait (0: the next one waits)."""
        with self._lock:
            self._prune(now)
            failures = self._recent((name.casefold(), address), now)
            failures.append(now)
            self._failures[(name.casefold(), address)] = failures
            return max(0, self.limits.max_failures - len(failures))

    def record_success(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop((name.casefold(), address), None)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures.get(key, deque())
        while failures and now - failures[0] >= self.limits.window_seconds:
            failures.popleft()
        return failures

    def _prune(self, now: float) -> None:
        """Forget keys with no failure inside the window, at most once per tenth of a window: memory stays bounded."""
        if now - self._pruned_at < self.limits.window_seconds / 10:
            return
        self._pruned_at = now
        for key in [k for k, failures in self._failures.items() if not self._recent(k, now)]:
            del self._failures[key]


def client_address(peer: str | None, headers: Mapping[str, str]) -> str:
    """The viewer's address: the websocket's peer, or, when the peer is this machine (our nginx), its X-Real-IP.

    Streamlit reports a loopback peer as None. Only then is X-Real-IP trusted: deploy/nginx.conf overwrites it with
    the address nginx saw, and nobody else can reach an app server that listens on 127.0.0.1.
    """
    if peer is not None:
        return peer
    forwarded = next((value for key, value in headers.items() if key.lower() == "x-real-ip"), "")
    try:
        return str(ipaddress.ip_address(forwarded.strip()))
    except ValueError:
        return "local"
