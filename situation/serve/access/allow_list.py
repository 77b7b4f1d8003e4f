"""Who sees which situations: the allow-list, applied once, before anything downstream can reach a file.

A module of its own because it is the rule every page, download and export depends on, whatever way a person
signed in. The allow-list maps who (a user name, an e-mail, `*@domain` or `*`) to situation ids (shell patterns,
`*` for all); without an `[access]` table every signed-in person sees every situation, and on a local run without
sign-in (`Viewer(None)`) everything is shown.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from situation.serve.access.people import names_of
from situation.serve.access.roles import Role


class AllowList:
    """Who may see which situations: identities (name, e-mail, `*@domain`, `*`) to situation id patterns."""

    def __init__(self, entries: Mapping[str, list[str]]) -> None:
        self._entries = {who.casefold(): tuple(patterns) for who, patterns in entries.items()}

    def patterns_for(self, identity: str) -> tuple[str, ...]:
        """Every situation pattern that applies to `identity`: its own entry, its e-mail domain's and everyone's."""
        return tuple(pattern for key in names_of(identity) for pattern in self._entries.get(key, ()))

    def allows(self, identity: str, situation_id: str) -> bool:
        return any(fnmatch.fnmatchcase(situation_id, pattern) for pattern in self.patterns_for(identity))


@dataclass(frozen=True)
class Viewer:
    """Who is looking: `identity` None on a local run without sign-in, where everything is shown; `roles` what they
    may do beyond reading what is published (none unless given: on a local run the gate gives the one person at the
    keyboard every role)."""

    identity: str | None
    allow: AllowList | None = None
    roles: frozenset[Role] = frozenset()

    def may_see(self, situation_id: str) -> bool:
        if self.allow is None:
            return True
        return self.identity is not None and self.allow.allows(self.identity, situation_id)


class Named(Protocol):
    """A file as the allow-list sees it: its situation's id (the live watcher's `FileView` is one)."""

    @property
    def key(self) -> str: ...


View = TypeVar("View", bound=Named)


def visible_views(views: Mapping[Path, View], viewer: Viewer) -> dict[Path, View]:
    """Only the files this viewer may see, so nothing downstream (picker, pages, exports) ever has the others."""
    return {path: view for path, view in views.items() if viewer.may_see(view.key)}
