"""How a fact reads to a person: its value ("about 250,000", "250,000–275,000", "unknown"), who says so, how credible.

Cards, tables, figures and exports all word facts through these functions, so "unknown" never turns into
0 in one place and the grades read the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from situation.model.facts import ClaimStatus, Situation, ValueRange
from situation.model.scales import CREDIBILITY_MEANINGS, Credibility

UNKNOWN = "unknown"
SEPARATOR = "; "
"""Between several sources (or their ids, or grades) in one cell or line."""


def number_text(value: float) -> str:
    """250000 -> '250,000'; 2.5 -> '2.5': thousands separated, no spurious decimals."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def value_text(value: float | ValueRange | None, approximate: bool = False) -> str:
    """A value as a source would say it; null stays 'unknown', never 0."""
    if value is None:
        return UNKNOWN
    text = f"{number_text(value.low)}–{number_text(value.high)}" if isinstance(value, ValueRange) else number_text(value)
    return f"about {text}" if approximate else text


def with_unit(text: str, unit: str) -> str:
    """'about 250,000 people'; '90 %' reads '90%'; 'unknown' takes no unit."""
    if text == UNKNOWN:
        return text
    return f"{text}%" if unit in ("percent", "%") else f"{text} {unit}"


def source_label(situation: Situation, source_id: str) -> str:
    """'SANA (Syrian Arab News Agency) [D]': the name with the source's reliability grade."""
    source = situation.source(source_id)
    return f"{source.name} [{source.reliability.value}]"


def sources_label(situation: Situation, source_ids: Iterable[str]) -> str:
    """Every source of a fact, with grades, in the order given."""
    return SEPARATOR.join(source_label(situation, source_id) for source_id in source_ids)


def source_ids_text(source_ids: Iterable[str]) -> str:
    """'cnn; sana': the ids a fact cites, in its order, for a file another tool reads."""
    return SEPARATOR.join(source_ids)


def grades_text(situation: Situation, source_ids: Iterable[str]) -> str:
    """'B; D': the reliability grade of each source a fact cites, in the same order as its ids."""
    return SEPARATOR.join(situation.source(source_id).reliability.value for source_id in source_ids)


def credibility_text(grade: Credibility) -> str:
    """'3 possibly true'."""
    return f"{grade.value} {CREDIBILITY_MEANINGS[grade][0].lower()}"


def any_contested(situation: Situation, claim_ids: Iterable[str]) -> bool:
    """True when any claim a fact rests on is contested."""
    return any(situation.claim(claim_id).status is ClaimStatus.CONTESTED for claim_id in claim_ids)
