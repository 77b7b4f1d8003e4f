"""Quotes that can be checked: a quote must appear in the text of the source that said it, where we have that text.

A source names its text with `document:` (a local file, relative to the situation file, read only inside the
situations folder and the document roots: `situation.load.confine`); a source we only
know through another (`via:`) is checked against that one's text, as SANA's words are against the CNN
article that carries them. Whitespace and the kind of quote marks do not count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from situation.load.codes import Code
from situation.load.confine import DOCUMENTS_VARIABLE, MAX_DOCUMENT_BYTES, Refused, Roots, read_confined
from situation.load.paths import Pattern, data_at, model_paths
from situation.load.problems import Finding
from situation.model.facts import Quote, Situation

QUOTE_FIELDS: list[Pattern] = [
    pattern for pattern, _ in model_paths(Situation, lambda annotation, _m: annotation is Quote or None)
]
_DOCUMENT_CODES = {
    Code.OUTSIDE_ROOTS: Code.DOCUMENT_OUTSIDE_ROOTS,
    Code.NOT_A_FILE: Code.DOCUMENT_NOT_A_FILE,
    Code.FILE_TOO_LARGE: Code.DOCUMENT_TOO_LARGE,
}
"""What a refusal to read a source's text means for its quotes (anything else: it cannot be read)."""
_QUOTE_MARKS = str.maketrans(dict.fromkeys("\"'‘’‚‛“”„‟«»‹›`´"))


def normalise(text: str) -> str:
    """Text as compared: runs of whitespace as one space, quote marks and apostrophes left out."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def check_quotes(situation: Situation, data: Any, base_dir: Path, roots: Roots) -> list[Finding]:
    """An error for each quote not found in its source's text; a warning or a note for a named text that is not read."""
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    for index, source in enumerate(situation.sources):
        if source.document is None:
            continue
        where = ("sources", index, "document")
        try:
            raw = read_confined(base_dir / source.document, roots.for_documents(), MAX_DOCUMENT_BYTES, "the document")
        except Refused as refusal:
            code = _DOCUMENT_CODES.get(refusal.code, Code.DOCUMENT_UNREADABLE)
            message = f"{refusal.message}; quotes from {source.id} are not checked"
            if code is Code.DOCUMENT_OUTSIDE_ROOTS:
                message = (
                    f"quotes from {source.id} are not checked here: the document is outside the situations folder and the "
                    f"document roots (to check them, name its folder with --documents DIR or {DOCUMENTS_VARIABLE})"
                )
            findings.append(Finding(where, code, message))
            continue
        texts[source.id] = normalise(raw.decode("utf-8", errors="replace"))
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
