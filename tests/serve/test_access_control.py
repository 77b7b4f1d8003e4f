"""Sign-in and the allow-list as plain functions: settings, password hashes, the wait after wrong passwords, who sees what.

Time is passed in (`now`), so the limiter's windows and waits are tested without sleeping. Hashes here use argon2id with
tiny costs, to keep the tests fast; `hash_password` (the real costs) is checked once.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import argon2
import pytest

from situation.load.loader import load_situation
from situation.serve import access_control
from situation.serve.access_control import (
    AccessError,
    AllowList,
    FailureLimiter,
    Limits,
    Outcome,
    Viewer,
    attempt,
    client_address,
    expired,
    hash_password,
    oidc_identity,
    password_matches,
    settings_from,
    visible_views,
)
from situation.serve.watch import FileView
from tests.paths import SEED

CHEAP = argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
AMINA_PASSWORD = "correct horse battery"
AMINA = CHEAP.hash(AMINA_PASSWORD)
ADDRESS = "203.0.113.7"
AUTH = {
    "redirect_uri": "https://dashboard.example.org/oauth2callback",
    "cookie_secret": "x" * 32,
}


def signin(users: dict[str, Any] | None = None, **options: Any) -> dict[str, Any]:
    return {"signin": {"users": users if users is not None else {"amina": AMINA}, **options}}


# --- Settings ------------------------------------------------------------------------------------------------------


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


# --- Passwords -----------------------------------------------------------------------------------------------------


def test_hash_password_makes_an_argon2id_hash_that_checks() -> None:
    hashed = hash_password(AMINA_PASSWORD)
    assert hashed.startswith("$argon2id$")
    assert argon2.extract_parameters(hashed).type is argon2.Type.ID
    assert password_matches({"amina": hashed}, "amina", AMINA_PASSWORD)
    assert hash_password(AMINA_PASSWORD) != hashed  # a fresh salt every time


def test_hash_password_refuses_a_short_password() -> None:
    with pytest.raises(ValueError, match="at least 10 characters"):
        hash_password("short")


@pytest.mark.parametrize(
    ("name", "password", "right"),
    [
        ("amina", AMINA_PASSWORD, True),
        ("AMINA", AMINA_PASSWORD, True),
        ("amina", AMINA_PASSWORD + " ", False),
        ("amina", "", False),
        ("nobody", AMINA_PASSWORD, False),
    ],
)
def test_password_matches(name: str, password: str, right: bool) -> None:
    assert password_matches({"amina": AMINA}, name, password) is right


# --- Slowing down wrong passwords ----------------------------------------------------------------------------------

LIMITS = Limits(max_failures=5, window_seconds=300, first_wait_seconds=2, max_wait_seconds=60)


def fail(limiter: FailureLimiter, times: int, now: float, name: str = "amina", address: str = ADDRESS) -> None:
    for _ in range(times):
        limiter.record_failure(name, address, now)


def test_five_failures_pass_then_each_try_waits_twice_as_long() -> None:
    limiter = FailureLimiter(LIMITS)
    fail(limiter, 4, now=0)
    assert limiter.wait_seconds("amina", ADDRESS, now=0) == 0
    fail(limiter, 1, now=10)
    assert limiter.wait_seconds("amina", ADDRESS, now=10) == 2
    assert limiter.wait_seconds("amina", ADDRESS, now=11.5) == 0.5
    assert limiter.wait_seconds("amina", ADDRESS, now=12) == 0
    fail(limiter, 1, now=12)
    assert limiter.wait_seconds("amina", ADDRESS, now=12) == 4
    fail(limiter, 1, now=16)
    assert limiter.wait_seconds("amina", ADDRESS, now=16) == 8
    fail(limiter, 10, now=30)
    assert limiter.wait_seconds("amina", ADDRESS, now=30) == LIMITS.max_wait_seconds


def test_failures_are_forgotten_after_the_window_not_counted_forever() -> None:
    limiter = FailureLimiter(LIMITS)
    fail(limiter, 5, now=0)
    assert limiter.wait_seconds("amina", ADDRESS, now=1) > 0
    assert limiter.wait_seconds("amina", ADDRESS, now=300) == 0
    fail(limiter, 4, now=301)
    assert limiter.wait_seconds("amina", ADDRESS, now=301) == 0  # only 4 inside the window now


def test_each_user_name_and_address_is_counted_apart_and_names_ignore_case() -> None:
    limiter = FailureLimiter(LIMITS)
    fail(limiter, 5, now=0, name="Amina")
    assert limiter.wait_seconds("amina", ADDRESS, now=0) > 0
    assert limiter.wait_seconds("amina", "198.51.100.1", now=0) == 0
    assert limiter.wait_seconds("jo", ADDRESS, now=0) == 0


def test_a_right_password_clears_the_count() -> None:
    limiter = FailureLimiter(LIMITS)
    fail(limiter, 4, now=0)
    limiter.record_success("amina", ADDRESS)
    fail(limiter, 4, now=1)
    assert limiter.wait_seconds("amina", ADDRESS, now=1) == 0


def test_forgotten_keys_are_dropped_so_memory_stays_bounded() -> None:
    limiter = FailureLimiter(LIMITS)
    for index in range(1000):
        limiter.record_failure(f"guess-{index}", ADDRESS, now=0)
    limiter.record_failure("amina", ADDRESS, now=1000)
    assert len(limiter._failures) == 1


def test_attempt_signs_in_with_the_right_password() -> None:
    settings = settings_from(signin())
    result = attempt(settings, FailureLimiter(LIMITS), " Amina ", AMINA_PASSWORD, ADDRESS, now=0)
    assert (result.outcome, result.user) == (Outcome.SIGNED_IN, "amina")


def test_attempt_says_wrong_without_saying_which_part() -> None:
    settings, limiter = settings_from(signin()), FailureLimiter(LIMITS)
    wrong_password = attempt(settings, limiter, "amina", "not it at all", ADDRESS, now=0)
    unknown_user = attempt(settings, limiter, "nobody", AMINA_PASSWORD, ADDRESS, now=0)
    assert wrong_password.outcome is unknown_user.outcome is Outcome.WRONG
    assert wrong_password.message == unknown_user.message == "Wrong user name or password. 4 more tries before a wait."


def test_each_wrong_password_says_how_many_tries_are_left_before_the_wait() -> None:
    settings, limiter = settings_from(signin()), FailureLimiter(LIMITS)
    messages = [attempt(settings, limiter, "amina", "not it at all", ADDRESS, now=0).message for _ in range(5)]
    assert messages == [
        "Wrong user name or password. 4 more tries before a wait.",
        "Wrong user name or password. 3 more tries before a wait.",
        "Wrong user name or password. 2 more tries before a wait.",
        "Wrong user name or password. 1 more try before a wait.",
        "Wrong user name or password. The next try must wait a little.",
    ]
    later = attempt(settings, limiter, "amina", "not it at all", ADDRESS, now=LIMITS.window_seconds + 1)
    assert later.message == "Wrong user name or password. 4 more tries before a wait."  # the old ones are forgotten


def test_while_waiting_even_the_right_password_is_refused_unchecked() -> None:
    settings, limiter = settings_from(signin()), FailureLimiter(LIMITS)
    for _ in range(5):
        assert attempt(settings, limiter, "amina", "not it at all", ADDRESS, now=0).outcome is Outcome.WRONG
    waiting = attempt(settings, limiter, "amina", AMINA_PASSWORD, ADDRESS, now=0.5)
    assert waiting.outcome is Outcome.WAIT
    assert waiting.message == "Too many wrong passwords for this user name. Wait 2 s, then try again."
    assert attempt(settings, limiter, "amina", AMINA_PASSWORD, ADDRESS, now=2.5).outcome is Outcome.SIGNED_IN


# --- Who sees what -------------------------------------------------------------------------------------------------

ALLOW = AllowList(
    {
        "Amina@Example.org": ["aleppo-*"],
        "jo": ["idlib-2017"],
        "*@partner.org": ["aleppo-2016-08"],
        "*": ["public-*"],
    }
)


@pytest.mark.parametrize(
    ("identity", "situation_id", "allowed"),
    [
        ("amina@example.org", "aleppo-2016-08", True),
        ("AMINA@EXAMPLE.ORG", "aleppo-2016-08", True),
        ("amina@example.org", "idlib-2017", False),
        ("jo", "idlib-2017", True),
        ("jo", "aleppo-2016-08", False),
        ("sam@partner.org", "aleppo-2016-08", True),
        ("sam@partner.org", "aleppo-2016-09", False),
        ("sam@evil-partner.org", "aleppo-2016-08", False),
        ("partner.org", "aleppo-2016-08", False),
        ("anyone", "public-health", True),
        ("anyone", "aleppo-2016-08", False),
    ],
)
def test_allow_list(identity: str, situation_id: str, allowed: bool) -> None:
    assert ALLOW.allows(identity, situation_id) is allowed


def test_without_an_allow_list_everyone_sees_everything_and_with_one_nobody_unnamed() -> None:
    assert Viewer(None).may_see("aleppo-2016-08")
    assert Viewer("jo").may_see("aleppo-2016-08")
    assert not Viewer(None, ALLOW).may_see("public-health")


def test_visible_views_keeps_only_allowed_situations_by_id_or_by_file_name(tmp_path: Path) -> None:
    seed = load_situation(SEED).situation
    views = {
        SEED: FileView(SEED, seed),
        tmp_path / "idlib-2017.yaml": FileView(tmp_path / "idlib-2017.yaml", None),  # never valid yet: named by its stem
    }
    assert views[SEED].key == "aleppo-2016-08"
    assert list(visible_views(views, Viewer("amina@example.org", ALLOW))) == [SEED]
    assert list(visible_views(views, Viewer("jo", ALLOW))) == [tmp_path / "idlib-2017.yaml"]
    assert visible_views(views, Viewer("nobody", ALLOW)) == {}
    assert visible_views(views, Viewer(None)) == views


# --- Who is on the other end ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("peer", "headers", "address"),
    [
        ("198.51.100.4", {"X-Real-Ip": "203.0.113.7"}, "198.51.100.4"),  # a direct peer: its header is not believed
        (None, {"x-real-ip": "203.0.113.7"}, "203.0.113.7"),  # through our nginx on this machine
        (None, {"X-Real-IP": " 2001:db8::1 "}, "2001:db8::1"),
        (None, {"X-Real-IP": "not an address"}, "local"),
        (None, {}, "local"),
    ],
)
def test_client_address(peer: str | None, headers: dict[str, str], address: str) -> None:
    assert client_address(peer, headers) == address


@pytest.mark.parametrize(
    ("claims", "identity"),
    [
        ({"email": "Amina@Example.org", "sub": "123"}, "amina@example.org"),
        ({"email": "amina@example.org", "email_verified": True, "sub": "123"}, "amina@example.org"),
        ({"email": "amina@example.org", "email_verified": False, "sub": "123"}, "123"),
        ({"sub": "123"}, "123"),
        ({}, None),
    ],
)
def test_oidc_identity_trusts_only_a_verified_email(claims: dict[str, Any], identity: str | None) -> None:
    assert oidc_identity(claims) == identity


def test_a_sign_in_expires() -> None:
    assert not expired(1000, now=1000 + 3599, session_seconds=3600)
    assert expired(1000, now=1000 + 3600, session_seconds=3600)
    assert expired(None, now=0, session_seconds=3600)


def test_forty_tries_sent_at_once_check_at_most_the_allowed_number(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting and waiting are one step: parallel wrong passwords cannot all slip in while the first is being checked."""
    settings = settings_from(signin())
    limiter = FailureLimiter(LIMITS)
    checked: list[str] = []

    def slow_matches(users: Any, name: str, password: str) -> bool:
        checked.append(password)
        time.sleep(0.05)  # as long as a real argon2id check takes: the window the tries raced through
        return password_matches(users, name, password)

    monkeypatch.setattr(access_control, "password_matches", slow_matches)
    start = threading.Barrier(40)
    outcomes: list[Outcome] = []

    def one_try(number: int) -> None:
        start.wait()
        outcomes.append(attempt(settings, limiter, "amina", f"guess {number}", ADDRESS, now=100.0).outcome)

    threads = [threading.Thread(target=one_try, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(outcomes) == 40
    assert len(checked) == outcomes.count(Outcome.WRONG) == LIMITS.max_failures
    assert outcomes.count(Outcome.WAIT) == 40 - LIMITS.max_failures
