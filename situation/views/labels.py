"""How a fact reads to a person: its value ("about 250,000", "250,000–275,000", "over 2,000,000", "up to 40,000",
"unknown"), who says so, how credible; people hurt and their totals; when a route is open and to whom.

Cards, tables, figures and exports all word facts through these functions, so "unknown" never turns into
0 in one place and the grades read the same everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

from situation.model.claims import Claim, ClaimStatus
from situation.model.dates import PartialDate
from situation.model.facts import Situation
from situation.model.fields import Count, ValueRange, count_parts
from situation.model.scales import CREDIBILITY_MEANINGS, RELIABILITY_MEANINGS, Credibility
from situation.model.sources import Source
from situation.model.tracked import RouteObservation

UNKNOWN = "unknown"
SEPARATOR = "; "
"""Between several sources (or their ids, or grades) in one cell or line."""


def number_text(value: float) -> str:
    """250000 -> '250,000'; 2.5 -> '2.5': thousands separated, no spurious decimals."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def value_text(value: float | ValueRange | None, approximate: bool = False) -> str:
    """A value as a source would say it; null stays 'unknown', never 0; a bound says which way it is open."""
    if value is None:
        return UNKNOWN
    about = "about " if approximate else ""
    if not isinstance(value, ValueRange):
        return f"{about}{number_text(value)}"
    if value.low is not None and value.high is not None:
        return f"{about}{number_text(value.low)}–{number_text(value.high)}"
    parts = []
    if value.over is not None:
        parts.append(f"over {about}{number_text(value.over)}")
    elif value.low is not None:
        parts.append(f"at least {about}{number_text(value.low)}")
    if value.high is not None:
        parts.append(f"up to {about}{number_text(value.high)}")
    return ", ".join(parts)


def bound_side(value: float | ValueRange | None) -> str | None:
    """'lower' for 'at least'/'over' (the figure is a floor), 'upper' for 'up to', None for a figure or a range."""
    if not isinstance(value, ValueRange) or not value.is_bound:
        return None
    return "lower" if value.high is None else "upper"


HURT = {"fatalities": "killed", "injured": "injured", "missing": "missing"}
"""The people-hurt fields of an event and the word each reads as."""


def count_text(count: Count | float | ValueRange | None) -> str:
    """A people count in any of its shapes: '12', 'at least 12', 'about 30', 'unknown'."""
    value, approximate = count_parts(count)
    return value_text(value, approximate)


def hurt_text(counts: dict[str, Count | float | ValueRange | None]) -> str | None:
    """'at least 12 killed, about 30 injured, missing unknown'; None when no field was given."""
    parts = []
    for field, word in HURT.items():
        if field not in counts:
            continue
        text = count_text(counts[field])
        parts.append(f"{word} unknown" if text == UNKNOWN else f"{text} {word}")
    return ", ".join(parts) or None


def total_text(counts: Iterable[Count | float | ValueRange | None]) -> str | None:
    """A sum that never makes a bound exact: '42', '40–55', 'at least 42', with how many figures are unknown."""
    low = high = 0.0
    unknown = given = 0
    approximate = False
    for count in counts:
        value, hedged = count_parts(count)
        given += 1
        approximate |= hedged
        if value is None:
            unknown += 1
        elif isinstance(value, ValueRange):
            low += value.lower or 0
            high += value.high if value.high is not None else math.inf
        else:
            low += value
            high += value
    if not given:
        return None
    if given == unknown:
        return UNKNOWN
    about = "about " if approximate else ""
    if math.isinf(high):
        text = f"at least {about}{number_text(low)}"
    elif low == 0 and high > 0:
        text = f"up to {about}{number_text(high)}"
    elif low == high:
        text = f"{about}{number_text(low)}"
    else:
        text = f"{about}{number_text(low)}–{number_text(high)}"
    return text + (f" ({unknown} figure{'s' if unknown > 1 else ''} unknown)" if unknown else "")


def passage_text(observation: RouteObservation) -> str:
    """'19:00–07:00 to civilians': the hours and who may pass, in words; '' when neither is given."""
    hours = observation.hours.label() if observation.hours else ""
    who = ", ".join(p.value.replace("_", " ") for p in observation.open_to)
    return " ".join(part for part in (hours, f"to {who}" if who else "") if part)


def summary_text(situation: Situation) -> str:
    """The summary written for the day on show, with its date when it is a dated one; never one written later."""
    summary = situation.summary_on()
    if summary is None:
        return f"No summary was written by {situation.as_of.day} {situation.as_of:%b %Y}."
    if isinstance(situation.summary, str):
        return summary.text
    return f"{summary.text} (summary of {summary.date.day} {summary.date:%b %Y})"


def end_of_day(situation: Situation) -> datetime:
    """The moment a view judges time windows at: the end of the day it shows, so 'until 2 Sep' has ended on 3 Sep."""
    return datetime.combine(situation.as_of, time.max)


def window_state(observation: RouteObservation, now: datetime) -> str:
    """'in force', 'ended' or 'not yet in force' at `now`; routes with no window are 'in force'."""
    if observation.until is not None and now >= observation.until.last:
        return "ended"
    if observation.valid_from is not None and now < observation.valid_from.first:
        return "not yet in force"
    return "in force"


def route_state(observation: RouteObservation, now: datetime | None = None) -> str:
    """'open 19:00–07:00 to civilians until 2 Sep 2016 — convoys cannot pass'; 'ended 2 Sep 2016 (was open …)'."""
    status = observation.status.value if observation.status else "unknown"
    text = " ".join(part for part in (status, passage_text(observation)) if part)
    state = window_state(observation, now) if now is not None else "in force"
    if state == "ended" and observation.until is not None:
        text = f"ended {observation.until.label()} (was {text})"
    else:
        if observation.valid_from is not None and (state == "not yet in force" or now is None):
            text += f" from {observation.valid_from.label()}"
        if observation.until is not None:
            text += f" until {observation.until.label()}"
    if observation.convoys_can_pass is None:
        return text
    return f"{text} — convoys {'can' if observation.convoys_can_pass else 'cannot'} pass"


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


def short_name(source: Source) -> str:
    """'SANA' for 'SANA (Syrian Arab News Agency)', 'Syrian Coalition' for 'Syrian Coalition (opposition), president …':
    a source where its whole name would crowd (a chart's axis, a line of provenance among many); the Sources table
    gives every name in full."""
    return source.name.split(" (")[0].split(",")[0].strip() or source.name


def short_sources_label(situation: Situation, source_ids: Iterable[str]) -> str:
    """'SANA [D]; Syrian Democratic Forces [D]': `sources_label` with each source by its `short_name`."""
    return SEPARATOR.join(f"{short_name(source)} [{source.reliability.value}]" for source in map(situation.source, source_ids))


def source_ids_text(source_ids: Iterable[str]) -> str:
    """'cnn; sana': the ids a fact cites, in its order, for a file another tool reads."""
    return SEPARATOR.join(source_ids)


def reports_label(situation: Situation, report_ids: Iterable[str]) -> str | None:
    """'Flash Update 3 (OCHA, 12 Aug 2016); …': the reports a fact cites, None when it cites none."""
    labels = []
    for report_id in report_ids:
        report = situation.report(report_id)
        number = f" {report.number}" if report.number else ""
        labels.append(f"{report.title}{number} ({situation.source(report.source).name}, {report.date.label()})")
    return "; ".join(labels) or None


def credibility_text(grade: Credibility) -> str:
    """'3 possibly true'."""
    return f"{grade.value} {CREDIBILITY_MEANINGS[grade][0].lower()}"


def contested_claim(situation: Situation, claim_ids: Iterable[str]) -> Claim | None:
    """The first contested claim among those a fact rests on, or None."""
    return next((c for c in map(situation.claim, claim_ids) if c.status is ClaimStatus.CONTESTED), None)


def any_contested(situation: Situation, claim_ids: Iterable[str]) -> bool:
    """True when any claim a fact rests on is contested."""
    return any(situation.claim(claim_id).status is ClaimStatus.CONTESTED for claim_id in claim_ids)


def dated(when: PartialDate) -> str:
    """'on 6 Aug 2016', 'in July 2016', 'in spring 2016', 'in 2016': a date as a sentence reads it ('was closed in July 2016')."""
    if when.precision == "day":
        return f"on {when.label()}"
    if when.precision == "month":
        return f"in {when.start:%B %Y}"
    return f"in {when.label()}"


def claim_areas(situation: Situation) -> dict[str, set[str]]:
    """The areas each claim bears on: those of the facts resting on it. A claim no fact cites is in no area."""
    found: dict[str, set[str]] = {c.id: set() for c in situation.claims}
    cited: list[tuple[str | None, list[str]]] = [
        *((i.area, o.claims) for i in situation.indicators for o in i.observations),
        *((r.to_area, o.claims) for r in situation.access for o in r.observations),
        *((e.area, e.claims) for e in situation.events),
        *((s.area, s.claims) for s in situation.statements),
    ]
    for area, claims in cited:
        for claim in claims:
            if area is not None and claim in found:
                found[claim].add(area)
    return found


@dataclass(frozen=True)
class GradeKey:
    """One row of the key to the grades: '[B]' 'Usually reliable' for a source, '3' 'Possibly true' for a fact."""

    scale: str
    grade: str
    meaning: str


def grade_key() -> list[GradeKey]:
    """What [A]–[F] beside a source and credibility 1–6 beside a fact mean, for a small key on a page or in the briefing."""
    return [
        *(GradeKey("Source reliability", f"[{grade.value}]", words) for grade, (words, _) in RELIABILITY_MEANINGS.items()),
        *(GradeKey("Credibility of the fact", str(grade.value), words) for grade, (words, _) in CREDIBILITY_MEANINGS.items()),
    ]
