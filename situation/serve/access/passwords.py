"""Password hashes for teams without an identity provider: argon2id (RFC 9106, argon2-cffi's defaults).

A module of its own because the CLI's `hash-password` needs it without the rest of sign-in, and because how a hash
is made and checked is the part a security review reads first. An unknown user name costs the same verification as a
known one, so the time a refusal takes does not tell which names exist.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Mapping

import argon2
from argon2.exceptions import InvalidHashError, VerificationError

HASH_PREFIX = "$argon2id$"
HASH_SHAPE = re.compile(r"\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}")
"""A whole hash as `hash_password` prints it: how the settings tell a damaged paste from a good one."""
MIN_PASSWORD_LENGTH = 10

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
