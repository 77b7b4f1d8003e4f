"""Sign-in settings and users shared by the tests of situation/serve's sign-in modules.

Hashes here use argon2id with tiny costs, to keep the tests fast; `hash_password` (the real costs) is checked once, in
test_passwords.py.
"""

from __future__ import annotations

from typing import Any

import argon2

from situation.serve.access.limiter import Limits

CHEAP = argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
AMINA_PASSWORD = "correct horse battery"
AMINA = CHEAP.hash(AMINA_PASSWORD)
ADDRESS = "203.0.113.7"
AUTH = {
    "redirect_uri": "https://dashboard.example.org/oauth2callback",
    "cookie_secret": "x" * 32,
}
LIMITS = Limits(max_failures=5, window_seconds=300, first_wait_seconds=2, max_wait_seconds=60)


def signin(users: dict[str, Any] | None = None, **options: Any) -> dict[str, Any]:
    """A secrets.toml (as plain dicts) with a [signin] table: amina by default, and any [signin] options."""
    return {"signin": {"users": users if users is not None else {"amina": AMINA}, **options}}
