"""A sign-in from start to end: one password try, the identity a provider vouches for, and when a sign-in runs out.

Apart from the settings, the hashes and the limiter because this is where they meet, and where what a person is told
is decided: a refusal never says which of user name and password was wrong, and a try during a wait is refused
unchecked, whatever the password. `situation/ui/signin.py` keeps the session; every decision it shows is made here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
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
