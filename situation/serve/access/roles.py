"""Who may do more than read what is published: editors see drafts, reviewers also publish them.

Roles are named in the `[roles]` table of secrets.toml, beside `[access]`, by the same names (a user name, an e-mail,
`*@domain`, `*`). A reviewer is an editor too: nobody publishes what they cannot see. A role adds no situation: an
editor sees the drafts of the situations `[access]` gives them, and no other. On a local run without sign-in the one
person at the keyboard holds every role.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from situation.serve.access.people import names_of


class Role(StrEnum):
    EDITOR = "editor"
    """Sees drafts: the working tree as saved, and the repository's other branches."""
    REVIEWER = "reviewer"
    """Sees drafts and publishes them."""


TABLE_KEYS = {"editors": Role.EDITOR, "reviewers": Role.REVIEWER}
"""The keys of the [roles] table, and the role each grants."""


class Roles:
    """Who holds which role: identities (name, e-mail, `*@domain`, `*`) to the roles they were given."""

    def __init__(self, named: Mapping[Role, list[str]]) -> None:
        self._given: dict[str, set[Role]] = {}
        for role, people in named.items():
            for who in people:
                self._given.setdefault(who.casefold(), set()).add(role)

    def of(self, identity: str | None) -> frozenset[Role]:
        """The roles of `identity`; every role for None (a local run without sign-in)."""
        if identity is None:
            return frozenset(Role)
        held = {role for name in names_of(identity) for role in self._given.get(name, ())}
        return frozenset(held | ({Role.EDITOR} if Role.REVIEWER in held else set()))
