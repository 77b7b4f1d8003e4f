"""Quotes that can be checked: a quote must appear in the text of the source that said it, where we have that text.

A source names its text with `document:` (a local file, relative to the situation file); a source we only
know through another (`via:`) is checked against that one's text, as SANA's words are against the CNN
article that carries them. Whitespace and the kind of quote marks do not count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from situation.load.codes import Code
from situation.load.paths import Pattern, data_at, model_paths
from situation.load.problems import Finding
from situation.model.facts import Quote, Situation

QUOTE_FIELDS: list[Pattern] = [
    pattern for pattern, _ in model_paths(Situation, lambda annotation, _m: annotation is Quote or None)
]
_QUOTE_MARKS = str.maketrans(dict.fromkeys("\"'‘’‚‛“”„‟«»‹›`´"))


def normalise(text: str) -> str:
    """Text as compared: runs of whitespace as one space, quote marks and apostrophes left out."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def check_quotes(situation: Situation, data: Any, base_dir: Path) -> list[Finding]:
    """An error for each quote not found in its source's text; a warning for a named text that cannot be read."""
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    for index, source in enumerate(situation.sources):
        if source.document is None:
            continue
        try:
            texts[source.id] = normalise((base_dir / source.document).read_text(encoding="utf-8", errors="replace"))
        except OSError as error:
            reason = error.strerror or "cannot be read"
            message = (
                f"the document '{source.document}' cannot be read ({reason.lower()}); quotes from {source.id} are not checked"
            )
            findings.append(Finding(("sources", index, "document"), Code.DOCUMENT_UNREADABLE, message))
    via = {s.id: s.via for s in situation.sources}
    for pattern in QUOTE_FIELDS:
        for path, quote in data_at(data, pattern):
            if not isinstance(quote, dict) or quote.get("by") not in via:
                continue
            holder = _holder_of_text(quote["by"], via, texts)
            if holder is not None and normalise(str(quote.get("text", ""))) not in texts[holder]:
                relayed = "" if holder == quote["by"] else f" (which carries {quote['by']}'s words)"
                message = f"this quote is not in the text of {holder}{relayed}; copy the words exactly as the source has them"
                findings.append(Finding((*path, "text"), Code.QUOTE_NOT_FOUND, message))
    return findings


def _holder_of_text(source_id: str, via: dict[str, str | None], texts: dict[str, str]) -> str | None:
    """The first source along the `via` chain whose text we have."""
    seen: set[str] = set()
    current: str | None = source_id
    while current is not None and current not in seen:
        if current in texts:
            return current
        seen.add(current)
        current = via.get(current)
    return None
