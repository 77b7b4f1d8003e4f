"""Text from the YAML, shown literally: Streamlit renders Markdown (and its own directives) in most elements."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")
_LINK_STARTS = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.)|@")
"""Where GitHub-flavoured Markdown sees an address in plain text and makes it a link (`http://…`, `www.…`,
`name@host`); backslash escapes do not stop it, as it looks for addresses in the text after the escapes are read."""
WORD_JOINER = "\u2060"
"""An invisible character that joins what it stands between: after `http`, `www` or `@`, the address no longer parses."""


def literal(text: object) -> str:
    """Backslash-escape every Markdown character, so '**bold**' or '<img …>' appears exactly as written, and keep an
    address a line of text: a committer could otherwise put a link to anywhere in the team's dashboard."""
    unlinked = _LINK_STARTS.sub(lambda start: start.group() + WORD_JOINER, str(text))
    return _MARKDOWN.sub(r"\\\1", unlinked).replace("\n", "  \n")
