"""What the sources say rather than what is established: claims that some assert and others deny (both sides
kept, with the analyst's credibility grade and, once known, how the claim was settled), and statements (calls,
appeals, announcements, warnings).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import Field

from situation.model.dates import PartialDate
from situation.model.fields import (
    AreaRef,
    ClaimRef,
    Closed,
    CredibilityGrade,
    EventRef,
    Id,
    Quote,
    ReportRef,
    RouteRef,
    Sourced,
    SourceRef,
    Text,
)
from situation.model.sections import CLAIMS, STATEMENTS, Keyed, Section


class Stance(StrEnum):
    """A source's position on a claim."""

    ASSERTS = "asserts"
    DENIES = "denies"


class Position(Closed):
    """One source's stance on a claim, on a date."""

    source: SourceRef
    """Id of the source taking the stance."""
    stance: Stance
    """asserts or denies."""
    date: PartialDate
    """When the source took this stance."""
    quote: Quote | None = None
    """The source's words, short and attributed."""


class ClaimStatus(StrEnum):
    """Derived from the positions, or from the claim's resolution once it is settled; never written by hand."""

    REPORTED = "reported"
    CORROBORATED = "corroborated"
    CONTESTED = "contested"
    CONFIRMED = "confirmed"
    REFUTED = "refuted"
    SUPERSEDED = "superseded"


class Outcome(StrEnum):
    """How a claim was settled."""

    CONFIRMED = "confirmed"
    REFUTED = "refuted"
    SUPERSEDED = "superseded"


class Resolution(Closed):
    """How and when a later report settled a claim, and on what evidence."""

    outcome: Outcome
    """confirmed, refuted, or superseded (overtaken by events: true once, no longer the question)."""
    date: PartialDate
    """When it was settled; views of earlier dates still show the claim open."""
    note: Text
    """What settled it, in a sentence."""
    sources: list[SourceRef] = []
    """Ids of the sources whose reports settled it."""
    reports: list[ReportRef] = []
    """Ids of the reports that settled it."""
    events: list[EventRef] = []
    """Ids of events that settled it."""
    access: list[RouteRef] = []
    """Ids of routes whose observations settled it."""
    superseded_by: ClaimRef | None = None
    """Id of the claim that replaced it, for a superseded claim."""


class Claim(Closed, Keyed):
    """A statement that sources assert or deny; its status follows from who says what."""

    section: ClassVar[Section] = CLAIMS

    id: Id
    """Short id that facts cite, such as siege-broken."""
    statement: Text
    """The claim in one neutral sentence."""
    credibility: CredibilityGrade
    """The analyst's grade of the claim itself, 1 (confirmed) to 6 (cannot be judged)."""
    positions: Annotated[list[Position], Field(min_length=1)]
    """Who asserts and who denies it."""
    resolution: Resolution | None = None
    """How a later report settled it; leave out while it is open."""
    note: Text | None = None
    """The analyst's note."""

    @property
    def status(self) -> ClaimStatus:
        """The resolution's outcome once settled; else contested, corroborated or reported from the positions."""
        if self.resolution is not None:
            return ClaimStatus(self.resolution.outcome.value)
        return self.open_status

    @property
    def open_status(self) -> ClaimStatus:
        """Contested when any source denies what another asserts; corroborated when two or more assert."""
        asserting = {p.source for p in self.positions if p.stance is Stance.ASSERTS}
        denying = {p.source for p in self.positions if p.stance is Stance.DENIES}
        if asserting and denying:
            return ClaimStatus.CONTESTED
        if len(asserting) >= 2:
            return ClaimStatus.CORROBORATED
        return ClaimStatus.REPORTED


class StatementKind(StrEnum):
    """What a statement does: it is not a claim of fact, so it is neither asserted nor denied."""

    CALL = "call"
    APPEAL = "appeal"
    ANNOUNCEMENT = "announcement"
    WARNING = "warning"
    PLEDGE = "pledge"
    CONDEMNATION = "condemnation"


class Statement(Sourced, Keyed):
    """A call, appeal, announcement or warning: who said what, when ('the UN calls for a weekly 48-hour pause')."""

    section: ClassVar[Section] = STATEMENTS

    id: Id
    """Short id."""
    date: PartialDate
    """When it was said."""
    by: SourceRef
    """Id of the source that said it (the speaker; `sources` are who report it)."""
    kind: StatementKind
    """call, appeal, announcement, warning, pledge or condemnation."""
    summary: Text
    """What was said, in one neutral sentence."""
    area: AreaRef | None = None
    """Id of the area it is about."""
    access: list[RouteRef] = []
    """Ids of routes it is about (an announced pause, a corridor called for)."""
    claims: list[ClaimRef] = []
    """Ids of claims it bears on."""
