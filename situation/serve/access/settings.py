"""What `.streamlit/secrets.toml` says about signing in, read and checked in full before anyone is let in.

A module of its own because this is where sign-in fails closed: any mistake in the [auth], [signin], [access] or [roles]
tables is an `AccessError` saying where it is, and the gate then shows nothing. Settings live in the server's
secrets file, never in the repository; `deploy/secrets.example.toml` documents them, and a copy still holding one of
its placeholders is refused rather than half-used. No secret is ever echoed in an error (a password pasted where its
hash belongs is called "a plain password?").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from situation.serve.access.allow_list import AllowList
from situation.serve.access.limiter import Limits
from situation.serve.access.passwords import HASH_PREFIX, HASH_SHAPE
from situation.serve.access.people import valid_name
from situation.serve.access.roles import TABLE_KEYS, Role, Roles

DEFAULT_SESSION_HOURS = 12.0
MIN_COOKIE_SECRET_LENGTH = 32
PLACEHOLDER = "REPLACE"
"""How deploy/secrets.example.toml marks a value to fill in; a copy still holding one is refused, not half-used."""


class AccessError(ValueError):
    """A mistake in the sign-in settings, said with where it is ('[signin.users] amina: …')."""


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
    roles: Roles = field(default_factory=lambda: Roles({}))
    """Who are editors and reviewers ([roles]); nobody, without the table."""

    @property
    def signin_required(self) -> bool:
        return bool(self.users or self.oidc_providers)


def settings_from(secrets_: Mapping[str, Any]) -> AccessSettings:
    """Read and check the [auth], [signin], [access] and [roles] tables of secrets.toml (plain dicts); AccessError when
    wrong."""
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
    for table in ("access", "roles"):
        if table in secrets_ and not (users or providers):
            raise AccessError(f"[{table}] needs a way to sign in: add [signin.users] or an [auth] provider, or remove [{table}]")
    return AccessSettings(users, providers, session_seconds, limits, allow, _roles(_table(secrets_, "roles")))


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
        if not valid_name(who):
            raise AccessError(f'[access] "{who}": expected a user name, an e-mail, "*@domain" or "*"')
        entries[who] = list(patterns)
    return AllowList(entries)


def _roles(table: Mapping[str, Any]) -> Roles:
    named: dict[Role, list[str]] = {}
    for key, people in table.items():
        if key not in TABLE_KEYS:
            raise AccessError(f"[roles] {key}: expected editors or reviewers")
        if isinstance(people, str) or not isinstance(people, list) or not all(isinstance(p, str) for p in people):
            raise AccessError(f'[roles] {key}: expected a list of people such as ["amina", "*@example.org"], found {people!r}')
        for who in people:
            if not valid_name(who):
                raise AccessError(f'[roles] {key}: "{who}": expected a user name, an e-mail, "*@domain" or "*"')
        named[TABLE_KEYS[key]] = list(people)
    return Roles(named)
