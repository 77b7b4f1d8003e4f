"""Who the facts cite: each source with its Admiralty reliability grade, and the reports (a flash update, a sitrep)
that facts cite by id.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from situation.model.dates import PartialDate
from situation.model.fields import Closed, Id, SourceRef, Text
from situation.model.scales import Reliability
from situation.model.sections import REPORTS, SOURCES, Keyed, Section


class SourceKind(StrEnum):
    """What kind of body a source is, for weighing it."""

    NEWS_MEDIA = "news_media"
    STATE_MEDIA = "state_media"
    MONITOR = "monitor"
    CIVIL_DEFENCE = "civil_defence"
    PARTY = "party"
    GOVERNMENT = "government"
    UN = "un"
    NGO = "ngo"
    OTHER = "other"


class Source(Closed, Keyed):
    """Who reports: an outlet, an agency, a party to the conflict, a monitor."""

    section: ClassVar[Section] = SOURCES

    id: Id
    """Short id that facts cite, such as sana or sohr."""
    name: Text
    """The name as readers know it."""
    kind: SourceKind
    """What kind of body it is; `party` is an armed group or a party to the conflict."""
    reliability: Reliability
    """Admiralty reliability of the source, A (completely reliable) to F (cannot be judged)."""
    via: SourceRef | None = None
    """Id of the source that relays this one's words, when we lack them first-hand (SANA as reported by CNN)."""
    document: Text | None = None
    """A local file with the source's own text, relative to this YAML file; its quotes (and those relayed via it) are checked."""
    url: Text | None = None
    """Where the source's text was published."""
    note: Text | None = None
    """Why this grade: affiliation, track record."""


class Report(Closed, Keyed):
    """One report of a source (a flash update of a day, sitrep No. 5, a press briefing), so a fact can cite it."""

    section: ClassVar[Section] = REPORTS

    id: Id
    """Short id that facts cite in `reports`, such as ocha-flash-2016-08-12."""
    source: SourceRef
    """Id of the source that published it."""
    title: Text
    """The title as published."""
    date: PartialDate
    """When it was published."""
    number: Text | None = None
    """Its number in a series ('No. 5'), if any."""
    url: Text | None = None
    """Where it was published."""
    document: Text | None = None
    """A local copy, relative to this YAML file: the quote of a fact that cites this report must be in it."""
