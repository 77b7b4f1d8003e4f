"""Text from the YAML, shown literally: Streamlit renders Markdown (and its own directives) in most elements."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def literal(text: object) -> str:
    """Backslash-escape every Markdown character, so '**bold**' or '<img …>' appears exactly as written."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", "  \n")
