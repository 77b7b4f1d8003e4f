"""How a person is named in the settings: their user name or e-mail, `*@their-domain`, or `*` for everyone signed in.

Said once, here, for the two tables that name people ([access] and [roles]).
"""

from __future__ import annotations

EVERYONE = "*"


def names_of(identity: str) -> tuple[str, ...]:
    """Every name that stands for `identity` in a settings table, lower-cased: itself, its e-mail domain's, everyone's."""
    identity = identity.casefold()
    names = [identity, EVERYONE]
    if "@" in identity:
        names.append("*@" + identity.rsplit("@", 1)[1])
    return tuple(names)


def valid_name(who: str) -> bool:
    """Whether `who` can name someone: a user name, an e-mail, `*@domain` or `*` (not another pattern)."""
    return not who.startswith("*") or who == EVERYONE or who.startswith("*@")
