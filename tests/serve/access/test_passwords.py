"""argon2id password hashes: made with a fresh salt, refused when short, checked the same way for known and unknown names."""

from __future__ import annotations

import argon2
import pytest

from situation.serve.access.passwords import hash_password, password_matches
from tests.serve.access.accounts import AMINA, AMINA_PASSWORD


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
