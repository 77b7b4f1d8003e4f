"""Roles as secrets.toml names them: editors see drafts, reviewers publish them too."""

from __future__ import annotations

import pytest

from situation.serve.access.roles import Role
from situation.serve.access.settings import AccessError, settings_from
from tests.serve.access.accounts import signin


def test_roles_are_named_like_the_allow_list_and_a_reviewer_is_an_editor() -> None:
    roles = settings_from({**signin(), "roles": {"editors": ["amina", "*@ocha.example.org"], "reviewers": ["Jo"]}}).roles
    assert roles.of("amina") == {Role.EDITOR}
    assert roles.of("lena@ocha.example.org") == {Role.EDITOR}
    assert roles.of("jo") == {Role.EDITOR, Role.REVIEWER}
    assert roles.of("partner@ngo.example.org") == frozenset()
    assert roles.of(None) == set(Role)  # a local run without sign-in: the one person at the keyboard


def test_without_a_roles_table_nobody_signed_in_sees_a_draft() -> None:
    assert settings_from(signin()).roles.of("amina") == frozenset()


@pytest.mark.parametrize(
    ("roles", "said"),
    [
        ({"publishers": ["jo"]}, "[roles] publishers: expected editors or reviewers"),
        ({"editors": "amina"}, "[roles] editors: expected a list of people"),
        ({"reviewers": ["*jo"]}, '[roles] reviewers: "*jo": expected a user name'),
    ],
)
def test_a_mistake_in_the_roles_fails_closed(roles: dict[str, object], said: str) -> None:
    with pytest.raises(AccessError) as error:
        settings_from({**signin(), "roles": roles})
    assert str(error.value).startswith(said)


def test_roles_need_a_way_to_sign_in() -> None:
    with pytest.raises(AccessError, match=r"\[roles\] needs a way to sign in"):
        settings_from({"roles": {"editors": ["amina"]}})
