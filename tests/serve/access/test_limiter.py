"""The wait after wrong passwords, per user name and address, and the address itself. Time is passed in (`now`), so the
limiter's windows and waits are tested without sleeping.
"""

from __future__ import annotations

import pytest

from situation.serve.access.limiter import FailureLimiter, client_address
from tests.serve.access.accounts import ADDRESS, LIMITS


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
