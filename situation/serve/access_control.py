"""Who may open the dashboard, and which situations each person sees. No Streamlit here: the gate asks, this answers.

The flow, for every run of the page (`situation/ui/signin.py` lays it out):

    secrets.toml ─ settings_from ─▶ AccessSettings ─┬─ nothing set up: a local run, everyone sees everything
                                                    ├─ [auth]: Streamlit's OpenID Connect sign-in (st.login) ─▶ identity
                                                    └─ [signin.users]: a name and password ─ attempt() ─▶ identity
    identity ─ AllowList ─▶ the situations this person may see ─ visible_views ─▶ the picker and every page

- Settings live in the server's `.streamlit/secrets.toml`, never in the repository; `deploy/secrets.example.toml`
  documents them. A mistake in them is an `AccessError`, and the gate then shows nothing (it fails closed).
- Passwords are stored as argon2id hashes (RFC 9106; argon2-cffi's defaults), made by `python -m situation
  hash-password`. An unknown user name costs the same verification as a known one, so timing does not tell
  which names exist.
- Wrong passwords are slowed, not counted forever: `FailureLimiter` lets `max_failures` pass per user name and
  address within `window_seconds`, then makes each further try wait twice as long as the last (first
  `first_wait_seconds`, at most `max_wait_seconds`); failures older than the window are forgotten, and a right
  password clears them. A try during a wait is refused unchecked, whatever the password.
- The allow-list maps who (a user name, an e-mail, `*@domain` or `*`) to situation ids (shell patterns, `*` for
  all). Without an `[access]` table every signed-in person sees every situation.
"""

from __future__ import annotations

import fnmatch
import functools
import ipaddress
import math
import re
import secrets
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import argon2
from argon2.exceptions import InvalidHashError, VerificationError

from situation.serve.watch import FileView

HASH_PREFIX = "$argon2id$"
HASH_SHAPE = re.compile(r"\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}")
EVERYONE = "*"
DEFAULT_SESSION_HOURS = 12.0
MIN_PASSWORD_LENGTH = 10
MIN_COOKIE_SECRET_LENGTH = 32
PLACEHOLDER = "REPLACE"
"""How deploy/secrets.example.toml marks a value to fill in; a copy still holding one is refused, not half-used."""


class AccessError(ValueError):
    """A mistake in the sign-in settings, said with where it is ('[signin.users] amina: …')."""


@dataclass(frozen=True)
class Limits:
    """How wrong passwords are slowed: see `FailureLimiter`."""

    max_failures: int = 5
    window_seconds: float = 300.0
    first_wait_seconds: float = 2.0
    max_wait_seconds: float = 300.0


class AllowList:
    """Who may see which situations: identities (name, e-mail, `*@domain`, `*`) to situation id patterns."""

    def __init__(self, entries: Mapping[str, list[str]]) -> None:
        self._entries = {who.casefold(): tuple(patterns) for who, patterns in entries.items()}

    def patterns_for(self, identity: str) -> tuple[str, ...]:
        """Every situation pattern that applies to `identity`: its own entry, its e-mail domain's and everyone's."""
        identity = identity.casefold()
        keys = [identity, EVERYONE]
        if "@" in identity:
            keys.append("*@" + identity.rsplit("@", 1)[1])
        return tuple(pattern for key in keys for pattern in self._entries.get(key, ()))

    def allows(self, identity: str, situation_id: str) -> bool:
        return any(fnmatch.fnmatchcase(situation_id, pattern) for pattern in self.patterns_for(identity))


@dataclass(frozen=True)
class AccessSettings:
    """What secrets.toml says about signing in; all empty for a local run."""

    users: Mapping[str, str] = field(default_factory=dict)
    """Lower-cased user name -> argon2id hash."""
    oidc_providers: tuple[str, ...] = ()
    """Streamlit's OpenID Connect providers: "default" for an [auth] table with its own client, else the sub-tables' names."""
    session_seconds: float = DEFAULT_SESSION_HOURS * 3600
    limits: Limits = field(default_factory=Limits)
    allow: AllowList | None = None

    @property
    def signin_required(self) -> bool:
        return bool(self.users or self.oidc_providers)


@dataclass(frozen=True)
class Viewer:
    """Who is looking: `identity` None on a local run without sign-in, where everything is shown."""

    identity: str | None
    allow: AllowList | None = None

    def may_see(self, situation_id: str) -> bool:
        if self.allow is None:
            return True
        return self.identity is not None and self.allow.allows(self.identity, situation_id)


# --- Settings ------------------------------------------------------------------------------------------------------


def settings_from(secrets_: Mapping[str, Any]) -> AccessSettings:
    """Read and check the [auth], [signin] and [access] tables of secrets.toml (plain dicts); AccessError when wrong."""
    signin = _table(secrets_, "signin")
    users = _users(_table(signin, "users", "[signin]"))
    limits = Limits(
        max_failures=int(_number(signin, "max_failures", Limits.max_failures, minimum=1)),
        window_seconds=_number(signin, "failure_window_minutes", Limits.window_seconds / 60, minimum=0.1) * 60,
        first_wait_seconds=_number(signin, "first_wait_seconds", Limits.first_wait_seconds, minimum=0.1),
        max_wait_seconds=_number(signin, "max_wait_seconds", Limits.max_wait_seconds, minimum=0.1),
    )
    session_seconds = _number(signin, "session_hours", DEFAULT_SESSION_HOURS, minimum=0.001) * 3600
    providers = oidc_providers(_table(secrets_, "auth"))
    allow = _allow_list(secrets_) if "access" in secrets_ else None
    if allow is not None and not (users or providers):
        raise AccessError("[access] needs a way to sign in: add [signin.users] or an [auth] provider, or remove [access]")
    return AccessSettings(users, providers, session_seconds, limits, allow)


def oidc_providers(auth: Mapping[str, Any]) -> tuple[str, ...]:
    """The providers st.login can use: "default" when [auth] has its own client, and each [auth.NAME] table that has one."""
    if not auth:
        return ()
    for required in ("redirect_uri", "cookie_secret"):
        if not isinstance(auth.get(required), str) or not auth[required]:
            raise AccessError(f"[auth] needs {required} (see deploy/secrets.example.toml)")
    if len(auth["cookie_secret"]) < MIN_COOKIE_SECRET_LENGTH:
        raise AccessError(f"[auth] cookie_secret: expected at least {MIN_COOKIE_SECRET_LENGTH} random characters")
    unfilled = [key for key, value in _flat(auth) if isinstance(value, str) and value.startswith(PLACEHOLDER)]
    if unfilled:
        raise AccessError(f"[auth] {unfilled[0]}: still the example's {PLACEHOLDER}… value")
    providers = ["default"] if "client_id" in auth else []
    providers += [name for name, value in auth.items() if isinstance(value, Mapping) and "client_id" in value]
    if not providers:
        raise AccessError("[auth] has no provider: expected client_id, client_secret and server_metadata_url")
    return tuple(providers)


def _flat(table: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Every (dotted key, value) of a table and its sub-tables."""
    pairs: list[tuple[str, Any]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        pairs.extend(_flat(value, f"{name}.") if isinstance(value, Mapping) else [(name, value)])
    return pairs


def _table(parent: Mapping[str, Any], key: str, where: str = "") -> Mapping[str, Any]:
    value = parent.get(key, {})
    if not isinstance(value, Mapping):
        raise AccessError(f"{where or 'secrets.toml'} {key}: expected a table, found {type(value).__name__}")
    return value


def _number(table: Mapping[str, Any], key: str, default: float, *, minimum: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise AccessError(f"[signin] {key}: expected a number of at least {minimum}, found {value!r}")
    return float(value)


def _users(table: Mapping[str, Any]) -> dict[str, str]:
    users: dict[str, str] = {}
    for name, hashed in table.items():
        if not isinstance(hashed, str) or not hashed.startswith(HASH_PREFIX):
            raise AccessError(
                f"[signin.users] {name}: expected an argon2id hash from `python -m situation hash-password`, "
                f"found {_redacted(hashed)}"
            )
        if not HASH_SHAPE.fullmatch(hashed):
            raise AccessError(f"[signin.users] {name}: the hash is damaged (copy the whole line that hash-password printed)")
        key = name.casefold()
        if key in users:
            raise AccessError(f"[signin.users] {name}: named twice (user names are not case-sensitive)")
        users[key] = hashed
    return users


def _redacted(value: object) -> str:
    """Never echo what might be a password typed in place of its hash."""
    return "a plain password?" if isinstance(value, str) else type(value).__name__


def _allow_list(secrets_: Mapping[str, Any]) -> AllowList:
    entries: dict[str, list[str]] = {}
    for who, patterns in _table(secrets_, "access").items():
        if isinstance(patterns, str) or not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise AccessError(
                f'[access] "{who}": expected a list of situation ids such as ["aleppo-2016-08"], found {patterns!r}'
            )
        if who.startswith("*") and who != EVERYONE and not who.startswith("*@"):
            raise AccessError(f'[access] "{who}": expected a user name, an e-mail, "*@domain" or "*"')
        entries[who] = list(patterns)
    return AllowList(entries)


# --- Passwords -----------------------------------------------------------------------------------------------------

_HASHER = argon2.PasswordHasher()  # argon2id, RFC 9106's low-memory profile: t=3, m=64 MiB, p=4


def hash_password(password: str) -> str:
    """An argon2id hash with a fresh salt, to paste into [signin.users]."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"expected a password of at least {MIN_PASSWORD_LENGTH} characters, found {len(password)}")
    return _HASHER.hash(password)


@functools.cache
def _decoy_hash() -> str:
    """Checked against when the user name is unknown, so an unknown name takes as long as a wrong password."""
    return _HASHER.hash(secrets.token_urlsafe(16))


def password_matches(users: Mapping[str, str], name: str, password: str) -> bool:
    """True when `name` is a user and `password` is theirs. Always does one argon2 verification."""
    hashed = users.get(name.casefold())
    try:
        return _HASHER.verify(hashed or _decoy_hash(), password) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False


# --- Slowing down wrong passwords ----------------------------------------------------------------------------------


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
            wait = min(self.limits.first_wait_seconds * 2**excess, self.limits.max_wait_seconds)
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
                wait = min(self.limits.first_wait_seconds * 2**excess, self.limits.max_wait_seconds)
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


# --- Who is on the other end ---------------------------------------------------------------------------------------


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


def visible_views(views: Mapping[Path, FileView], viewer: Viewer) -> dict[Path, FileView]:
    """Only the files this viewer may see, so nothing downstream (picker, pages, exports) ever has the others."""
    return {path: view for path, view in views.items() if viewer.may_see(view.key)}
