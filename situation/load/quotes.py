"""Quotes that can be checked: a quote must appear in the text of the source that said it, where we have that text.

A source names its text with `document:` (a local text file, relative to the situation file, read only inside the
situations folder and the document roots, and never a hidden one: `situation.load.confine`); a source we only
know through another (`via:`) is checked against that one's text, as SANA's words are against the CNN
article that carries them. A fact that cites reports is taken from them: where a cited report has its own
`document:`, the fact's quote must be in that report's text instead. Whitespace and the kind of quote marks do
not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from situation.load.codes import Code
from situation.load.confine import (
    DOCUMENT_SUFFIXES,
    DOCUMENTS_VARIABLE,
    MAX_DOCUMENT_BYTES,
    Refused,
    Roots,
    not_allowed,
    read_confined,
)
from situation.load.paths import DataPath, Pattern, data_at, model_paths, value_at
from situation.load.problems import Finding
from situation.model.facts import Situation
from situation.model.fields import Quote
from situation.model.sources import Report, Source

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
    """An error for each quote not found in its text; a warning or a note for a named text that is not read.

    A fact that cites reports with a local `document` is taken from those reports, so its quote must be in one of
    them; any other quote is checked against its source's text, as before.
    """
    findings: list[Finding] = []
    texts = _read_documents("sources", situation.sources, base_dir, roots, findings)
    report_texts = _read_documents("reports", situation.reports, base_dir, roots, findings)
    if not texts and not report_texts:
        return findings  # no text to check a quote against (the loop below would find nothing)
    with_document = {r.id for r in situation.reports if r.document is not None}
    via = {s.id: s.via for s in situation.sources}
    for pattern in QUOTE_FIELDS:
        for path, quote in data_at(data, pattern):
            if not isinstance(quote, dict) or quote.get("by") not in via:
                continue
            words = normalise(str(quote.get("text", "")))
            cited = _cited_reports(data, path[:-1], with_document)
            if cited:
                if all(r in report_texts for r in cited) and not any(words in report_texts[r] for r in cited):
                    named = " or ".join(cited)
                    message = (
                        f"this quote is not in the text of the report {named}; copy the words exactly as the report has them"
                    )
                    findings.append(Finding((*path, "text"), Code.QUOTE_NOT_FOUND, message))
                continue
            holder = _holder_of_text(quote["by"], via, texts)
            if holder is not None and words not in texts[holder]:
                relayed = "" if holder == quote["by"] else f" (which carries {quote['by']}'s words)"
                message = f"this quote is not in the text of {holder}{relayed}; copy the words exactly as the source has them"
                findings.append(Finding((*path, "text"), Code.QUOTE_NOT_FOUND, message))
    return findings


def _read_documents(
    section: str, items: Sequence[Source | Report], base_dir: Path, roots: Roots, findings: list[Finding]
) -> dict[str, str]:
    """The normalised text of each item's `document`, by id, read only inside the roots; a finding for each not read."""
    texts: dict[str, str] = {}
    for index, item in enumerate(items):
        if item.document is None:
            continue
        whose = f"quotes from {item.id}" if section == "sources" else f"quotes of facts citing {item.id}"
        why = not_allowed(item.document, base_dir / item.document, roots.for_documents(), DOCUMENT_SUFFIXES)
        if why is not None:
            findings.append(
                Finding((section, index, "document"), Code.DOCUMENT_NOT_ALLOWED, f"the document {why}; {whose} are not checked")
            )
            continue
        try:
            raw = read_confined(base_dir / item.document, roots.for_documents(), MAX_DOCUMENT_BYTES, "the document")
        except Refused as refusal:
            code = _DOCUMENT_CODES.get(refusal.code, Code.DOCUMENT_UNREADABLE)
            message = f"{refusal.message}; {whose} are not checked"
            if code is Code.DOCUMENT_OUTSIDE_ROOTS:
                message = (
                    f"{whose} are not checked here: the document is outside the situations folder and the "
                    f"document roots (to check them, name its folder with --documents DIR or {DOCUMENTS_VARIABLE})"
                )
            findings.append(Finding((section, index, "document"), code, message))
            continue
        texts[item.id] = normalise(raw.decode("utf-8", errors="replace"))
    return texts


def _cited_reports(data: Any, fact_path: DataPath, with_document: set[str]) -> list[str]:
    """The reports with a document that the fact at `fact_path` cites, in the order it cites them."""
    fact = value_at(data, fact_path)
    cited = fact.get("reports") if isinstance(fact, dict) else None
    return [r for r in cited if isinstance(r, str) and r in with_document] if isinstance(cited, list) else []


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
