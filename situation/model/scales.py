"""The grading scales a situation uses, each with the meaning of every grade written down.

The model, the JSON Schema, the generated docs and the dashboard all read their names and meanings from
here, so a grade means the same thing everywhere. Sources: the Admiralty (NATO STANAG 2511) system for
reliability and credibility, graded independently; the 1–5 severity scale follows the field's severity
scales (INFORM Severity, JIAF) with an explicit "insufficient evidence" instead of a guessed level.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Final, Literal


class Reliability(StrEnum):
    """How far a source has proved trustworthy in the past (Admiralty scale, letters)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


RELIABILITY_MEANINGS: dict[Reliability, tuple[str, str]] = {
    Reliability.A: (
        "Completely reliable",
        "No doubt of authenticity, trustworthiness or competency; a history of complete reliability.",
    ),
    Reliability.B: ("Usually reliable", "Minor doubt; a history of valid information most of the time."),
    Reliability.C: ("Fairly reliable", "Doubt; has provided valid information in the past."),
    Reliability.D: ("Not usually reliable", "Significant doubt; has provided valid information in the past."),
    Reliability.E: ("Unreliable", "Lacking in authenticity, trustworthiness and competency; a history of invalid information."),
    Reliability.F: ("Reliability cannot be judged", "No basis for evaluating the source's reliability."),
}


class Credibility(IntEnum):
    """How far one piece of information is confirmed (Admiralty scale, digits), whoever gave it."""

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6


CREDIBILITY_MEANINGS: dict[Credibility, tuple[str, str]] = {
    Credibility.CONFIRMED: (
        "Confirmed",
        "Confirmed by other independent sources; logical in itself; consistent with other information.",
    ),
    Credibility.PROBABLY_TRUE: ("Probably true", "Not confirmed; logical in itself; consistent with other information."),
    Credibility.POSSIBLY_TRUE: (
        "Possibly true",
        "Not confirmed; reasonably logical in itself; agrees with some other information.",
    ),
    Credibility.DOUBTFUL: ("Doubtful", "Not confirmed; possible but not logical; no other information on the subject."),
    Credibility.IMPROBABLE: ("Improbable", "Not confirmed; not logical in itself; contradicted by other information."),
    Credibility.CANNOT_BE_JUDGED: ("Truth cannot be judged", "No basis for evaluating the validity of the information."),
}


class ShortageSeverity(IntEnum):
    """How bad a shortage is, on the field's 1–5 severity scale."""

    NONE_OR_MINOR = 1
    STRESSED = 2
    MODERATE = 3
    SEVERE = 4
    EXTREME = 5


SEVERITY_MEANINGS: dict[ShortageSeverity, tuple[str, str]] = {
    ShortageSeverity.NONE_OR_MINOR: ("None or minor", "Supplies meet needs; at most occasional, local gaps."),
    ShortageSeverity.STRESSED: ("Stressed", "Supplies meet minimal needs only; people cut back or pay far more."),
    ShortageSeverity.MODERATE: ("Moderate", "Clear gaps; people go without some essentials and use harmful coping."),
    ShortageSeverity.SEVERE: ("Severe", "Acute, widespread gaps; lives and health at risk without relief."),
    ShortageSeverity.EXTREME: ("Extreme", "Near-total absence; loss of life likely or under way."),
}

INSUFFICIENT_EVIDENCE: Final = "insufficient_evidence"
INSUFFICIENT_EVIDENCE_MEANING = (
    "Insufficient evidence",
    "The sources do not support any level. Recorded on purpose, so that a gap is never guessed or shown as zero.",
)


def severity_label(level: ShortageSeverity | Literal["insufficient_evidence"]) -> str:
    """'4 Severe', or 'Insufficient evidence' for the explicit no-level."""
    if level == INSUFFICIENT_EVIDENCE:
        return INSUFFICIENT_EVIDENCE_MEANING[0]
    grade = ShortageSeverity(level)
    return f"{grade.value} {SEVERITY_MEANINGS[grade][0]}"
