"""One sign-in try as the person signing in sees it, the identity a provider vouches for, and a sign-in's end."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from situation.serve.access import sessions
from situation.serve.access.limiter import FailureLimiter
from situation.serve.access.passwords import password_matches
from situation.serve.access.sessions import Outcome, SignIn, SignIns, attempt, expired, oidc_identity
from situation.serve.access.settings import settings_from
from tests.serve.access.accounts import ADDRESS, AMINA_PASSWORD, LIMITS, signin


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

    monkeypatch.setattr(sessions, "password_matches", slow_matches)
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


def test_a_sign_in_is_held_by_its_token_until_it_ends() -> None:
    now = [1000.0]
    sign_ins = SignIns(clock=lambda: now[0])
    token = sign_ins.start("amina", "password", until=1000.0 + 3600)
    assert sign_ins.get(token) == SignIn("amina", "password", 4600.0)
    assert sign_ins.get("a token nobody was given") is None and sign_ins.get(None) is None
    now[0] = 4600.0
    assert sign_ins.get(token) is None  # run out
    other = sign_ins.start("jo", "password", until=9000.0)
    sign_ins.end(other)
    assert sign_ins.get(other) is None  # signed out


def test_sign_ins_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SignIns, "MAX_SIGN_INS", 3)
    sign_ins = SignIns(clock=lambda: 0.0)
    tokens = [sign_ins.start(f"user{n}", "password", until=10.0) for n in range(5)]
    assert [sign_ins.get(t) is not None for t in tokens] == [False, False, True, True, True]
