"""secrets.toml read and checked: sign-in on or off, limits and session length, every mistake refused with where it is."""

from __future__ import annotations

from typing import Any

import pytest

from situation.serve.access.limiter import Limits
from situation.serve.access.settings import AccessError, settings_from
from tests.serve.access.accounts import AMINA, AUTH, signin


def test_no_secrets_means_a_local_run_without_sign_in() -> None:
    settings = settings_from({})
    assert not settings.signin_required
    assert settings.allow is None


def test_named_users_turn_sign_in_on_and_names_are_not_case_sensitive() -> None:
    settings = settings_from(signin({"Amina": AMINA}))
    assert settings.signin_required
    assert dict(settings.users) == {"amina": AMINA}
    assert settings.oidc_providers == ()


def test_limits_and_session_length_come_from_signin() -> None:
    settings = settings_from(
        signin(session_hours=2, max_failures=3, failure_window_minutes=1, first_wait_seconds=0.5, max_wait_seconds=30)
    )
    assert settings.session_seconds == 7200
    assert settings.limits == Limits(max_failures=3, window_seconds=60, first_wait_seconds=0.5, max_wait_seconds=30)


@pytest.mark.parametrize(
    ("secrets", "said"),
    [
        (signin({"amina": "hunter2-the-password"}), "[signin.users] amina: expected an argon2id hash"),
        (signin({"amina": 12}), "found int"),
        (signin({"amina": AMINA[:-20] + "!!"}), "the hash is damaged"),
        (signin({"amina": AMINA, "AMINA": AMINA}), "named twice"),
        (signin(max_failures=0), "max_failures: expected a number of at least 1"),
        (signin(session_hours="long"), "session_hours: expected a number"),
        ({"signin": []}, "signin: expected a table"),
        ({"access": {"amina": ["*"]}}, "[access] needs a way to sign in"),
        ({**signin(), "access": {"amina": "aleppo-2016-08"}}, 'expected a list of situation ids such as ["aleppo-2016-08"]'),
        ({**signin(), "access": {"*amina": ["*"]}}, 'expected a user name, an e-mail, "*@domain" or "*"'),
        ({"auth": {"cookie_secret": "x" * 32, "client_id": "c"}}, "[auth] needs redirect_uri"),
        ({"auth": AUTH}, "[auth] has no provider"),
        ({"auth": {**AUTH, "cookie_secret": "short", "client_id": "c"}}, "cookie_secret: expected at least 32 random characters"),
        ({"auth": {**AUTH, "google": {"client_id": "REPLACE"}}}, "[auth] google.client_id: still the example's REPLACE"),
    ],
)
def test_mistakes_in_the_settings_are_refused_with_where(secrets: dict[str, Any], said: str) -> None:
    with pytest.raises(AccessError) as raised:
        settings_from(secrets)
    assert said in str(raised.value)


def test_a_password_put_where_its_hash_belongs_is_never_echoed() -> None:
    with pytest.raises(AccessError) as raised:
        settings_from(signin({"amina": "hunter2-the-password"}))
    assert "hunter2" not in str(raised.value)


def test_oidc_providers_default_and_named() -> None:
    client = {"client_id": "c", "client_secret": "s", "server_metadata_url": "https://idp.example.org/.well-known/x"}
    assert settings_from({"auth": {**AUTH, **client}}).oidc_providers == ("default",)
    assert settings_from({"auth": {**AUTH, "google": client, "okta": client}}).oidc_providers == ("google", "okta")
