"""Text from the YAML, shown literally: Streamlit renders Markdown (and its own directives) in most elements."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")
_LINK_STARTS = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.)")
"""Where GitHub-flavoured Markdown sees a web address in plain text and makes it a link (`http://…`, `www.…`);
backslash escapes do not stop it, as it looks for addresses in the text after the escapes are read. An e-mail address
(`name@host`) is left to become a mailto: link: it opens the viewer's mail program and nothing else, and a signed-in
viewer's own address must read (and be found in the page) exactly as typed."""
WORD_JOINER = "\u2060"
"""An invisible character that joins what it stands between: after `http` or `www`, the address no longer parses."""


def literal(text: object) -> str:
    """Backslash-escape every Markdown character, so '**bold**' or '<img …>' appears exactly as written, and keep an
    address a line of text: a committer could otherwise put a link to anywhere in the team's dashboard."""
    unlinked = _LINK_STARTS.sub(lambda start: start.group() + WORD_JOINER, str(text))
    return _MARKDOWN.sub(r"\\\1", unlinked).replace("\n", "  \n")
