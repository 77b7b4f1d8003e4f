"""A sign-in from start to end: one password try, the identity a provider vouches for, and when a sign-in runs out.

Apart from the settings, the hashes and the limiter because this is where they meet, and where what a person is told
is decided: a refusal never says which of user name and password was wrong, and a try during a wait is refused
unchecked, whatever the password. `SignIns` keeps every sign-in of the server; `situation/ui/signin.py` gives each
session only its token, and every decision it shows is made here.
"""

from __future__ import annotations

import math
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from situation.serve.access.limiter import FailureLimiter
from situation.serve.access.passwords import password_matches
from situation.serve.access.settings import AccessSettings


class Outcome(Enum):
    SIGNED_IN = "signed in"
    WRONG = "wrong user name or password"
    WAIT = "too many wrong passwords"


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    user: str | None = None
    wait_seconds: float = 0.0
    tries_left: int = 0
    """After a wrong password: how many more tries before each must wait."""

    @property
    def message(self) -> str:
        """What the person signing in is told: never which of name and password was wrong.

        Saying how many tries are left warns a person who mistyped before they are slowed, and tells an attacker
        nothing they would not learn by trying: the count is kept for any name, known or not.
        """
        if self.outcome is Outcome.WAIT:
            return f"Too many wrong passwords for this user name. Wait {math.ceil(self.wait_seconds)} s, then try again."
        if self.outcome is Outcome.WRONG:
            if self.tries_left == 0:
                return "Wrong user name or password. The next try must wait a little."
            tries = "try" if self.tries_left == 1 else "tries"
            return f"Wrong user name or password. {self.tries_left} more {tries} before a wait."
        return f"Signed in as {self.user}."


def attempt(settings: AccessSettings, limiter: FailureLimiter, name: str, password: str, address: str, now: float) -> Attempt:
    """One sign-in try: refused unchecked while its user name and address must wait, else checked and counted."""
    name = name.strip()
    wait, tries_left = limiter.begin_try(name, address, now)
    if wait > 0:
        return Attempt(Outcome.WAIT, wait_seconds=wait)
    if name and password and password_matches(settings.users, name, password):
        limiter.record_success(name, address)
        return Attempt(Outcome.SIGNED_IN, user=name.casefold())
    return Attempt(Outcome.WRONG, tries_left=tries_left)


def oidc_identity(claims: Mapping[str, Any]) -> str | None:
    """The e-mail an identity provider vouches for (lower-cased), else its subject id; None when it gave neither."""
    email = claims.get("email")
    if isinstance(email, str) and email and claims.get("email_verified") is not False:
        return email.casefold()
    subject = claims.get("sub")
    return subject if isinstance(subject, str) and subject else None


def expired(started_at: float | None, now: float, session_seconds: float) -> bool:
    """A sign-in is good for `session_seconds` from when it was made; one with no known start has expired."""
    return started_at is None or now - started_at >= session_seconds


@dataclass(frozen=True)
class SignIn:
    """Who signed in, how (`"password"` or `"oidc"`), and until when (time.time())."""

    user: str
    via: str
    until: float


class SignIns:
    """Every sign-in of one server, each under a random token that only the session holding it knows.

    Kept by the process (`situation.serve.state`), not in a page's state or a Streamlit cache: no message a browser
    sends can set, extend or reset one. A session holds only its token; without the record here the token is worth
    nothing, and a record ends at its time, on sign-out, or when too many newer ones crowd it out.
    """

    MAX_SIGN_INS = 10_000

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._records: dict[str, SignIn] = {}
        self._lock = threading.Lock()

    def start(self, user: str, via: str, until: float) -> str:
        """A new sign-in; its token for the session to keep."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            now = self.clock()
            for old in [t for t, record in self._records.items() if record.until <= now]:
                del self._records[old]
            while len(self._records) >= self.MAX_SIGN_INS:  # the oldest first: dicts keep their order
                del self._records[next(iter(self._records))]
            self._records[token] = SignIn(user, via, until)
        return token

    def get(self, token: object) -> SignIn | None:
        """The sign-in a token stands for while it lasts; None for anything else (none, unknown, run out)."""
        if not isinstance(token, str):
            return None
        with self._lock:
            record = self._records.get(token)
            if record is not None and record.until <= self.clock():
                del self._records[token]
                return None
            return record

    def end(self, token: object) -> None:
        if isinstance(token, str):
            with self._lock:
                self._records.pop(token, None)
