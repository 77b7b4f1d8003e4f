"""A situation: one crisis as a team knows it on one date, made of the parts defined beside this module, with its
look-ups by id (built once per model, so a table of n facts costs n look-ups) and the facts it holds, by kind.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import Discriminator, Field, PrivateAttr, StringConstraints, Tag

from situation.model.claims import Claim, Statement
from situation.model.events import Event
from situation.model.fields import Closed, Day, Id, StaleLimit, Text
from situation.model.geography import NO_GEOGRAPHY, Geography, Outline
from situation.model.places import Area, AreaObservation, BoundaryFile
from situation.model.sections import FACT_SECTIONS, SECTIONS, Keyed, Section
from situation.model.sources import Report, Source
from situation.model.tracked import Indicator, IndicatorObservation, Route, RouteObservation, Shortage, ShortageObservation


class StaleAfter(Closed):
    """After how many days a fact needs re-verifying, per kind; the defaults suit a fast-moving crisis."""

    indicators: StaleLimit = 14
    """Figures such as people under siege."""
    shortages: StaleLimit = 7
    """Shortage severities."""
    access: StaleLimit = 3
    """The status of corridors and supply lines, which can change overnight."""
    areas: StaleLimit = 30
    """Who controls an area and its status; `never` for a file of settled history."""


def _kind_of_summary(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, list) and all(isinstance(item, (dict, DatedSummary)) for item in value):
        return "dated"
    return None


class Contact(Closed):
    """Someone a reader of the briefing can ask about it: the team's focal point."""

    name: Text
    """The person or desk, such as 'Information management officer'."""
    organisation: Text | None = None
    """Their organisation or team."""
    email: Text | None = None
    """An address to write to."""
    phone: Text | None = None
    """A number to call, with its country code."""


HeadlineKey = Annotated[str, StringConstraints(pattern=rf"^({'|'.join(s.kind for s in FACT_SECTIONS)}):[a-z0-9_:-]+$")]
"""A fact's key, as its section makes it (`Section.key`): the kinds of fact a `headline:` key may name are its prefixes."""


class DatedSummary(Closed):
    """The summary as written on one day."""

    date: Day
    """The day it was written (a day, not after `as_of`)."""
    text: Text
    """Two or three sentences: what is happening, to whom."""


Fact = AreaObservation | IndicatorObservation | ShortageObservation | RouteObservation | Event | Statement
"""A sourced, dated fact: what a card, a table row or an age is about."""


class Situation(Closed):
    """One crisis as a team knows it on one date."""

    id: Id
    """Short id, used in links, such as aleppo-2016-08."""
    title: Text
    """The situation's name, as the dashboard's title."""
    as_of: Day
    """The date the file describes (a day)."""
    summary: Annotated[
        Annotated[Text, Tag("text")] | Annotated[list[DatedSummary], Field(min_length=1), Tag("dated")],
        Discriminator(
            _kind_of_summary,
            custom_error_type="summary_kind",
            custom_error_message="expected text, or a list of dated summaries such as - {date: 2016-09-05, text: …}",
        ),
    ]
    """Two or three sentences: what is happening, to whom; or a list of dated summaries, so a view of a past day shows its own."""
    sources: Annotated[list[Source], Field(min_length=1)]
    """Everyone the facts cite."""
    reports: list[Report] = []
    """Reports of the sources that facts cite by id: a flash update, a sitrep number, a briefing."""
    areas: list[Area] = []
    """The places the facts are about."""
    indicators: list[Indicator] = []
    """Figures tracked over time; people under siege first."""
    shortages: list[Shortage] = []
    """What is short, where, how badly."""
    access: list[Route] = []
    """Aid corridors and supply lines."""
    claims: list[Claim] = []
    """Statements the sources assert or deny."""
    statements: list[Statement] = []
    """Calls, appeals, announcements and warnings: said, not claimed as fact."""
    events: list[Event] = []
    """Dated incidents."""
    stale_after: StaleAfter = StaleAfter()
    """When facts count as stale, in days after their date; leave out for the defaults."""
    contacts: list[Contact] = []
    """Who to ask about this situation: printed at the end of the briefing."""
    disclaimer: Text | None = None
    """The team's own words on what the briefing is not (such as 'not an official position'): printed on the briefing."""
    headline: list[HeadlineKey] = []
    """The facts that lead the Overview and the briefing, in order, by key (area:east-aleppo, indicator:people-under-siege,
    route:east-aleppo-corridor, shortage:east-aleppo:food, claim:siege-broken); leave out for the default: besieged
    areas, people, corridors, the worst shortages and the open contested claims."""
    boundaries: list[BoundaryFile] = []
    """Admin-boundary files (GeoJSON, as COD-AB comes from HDX) that areas join by `pcode`, drawn on the map."""

    _geography: Geography = PrivateAttr(default=NO_GEOGRAPHY)

    @property
    def geography(self) -> Geography:
        """The outlines read from `boundaries` when the file was loaded (none for a model built without reading them)."""
        return self._geography

    def with_geography(self, geography: Geography) -> Situation:
        """This situation with the outlines its boundary files hold (copies of it, such as the as-of view, keep them)."""
        self._geography = geography  # private state, not a field: a frozen model lets it be set
        return self

    def source(self, source_id: str) -> Source:
        """The source of that id (ids are checked at load time, so it exists)."""
        return self._lookups().sources[source_id]

    def area(self, area_id: str) -> Area:
        """The area of that id."""
        return self._lookups().areas[area_id]

    def title_of(self, fact: Indicator | Shortage | Route | Area) -> str:
        """A fact's title as its card shows it; a shortage names its area ('Food shortage · Eastern Aleppo')."""
        if isinstance(fact, Shortage):
            return f"{fact.title} · {self.area(fact.area).name}"
        return fact.title

    def facts(self) -> list[Fact]:
        """Every sourced fact: each dated observation of an area, indicator, shortage or route, each statement and event."""
        return [fact for section in SECTIONS if section.sourced for fact in self.facts_of(section)]

    def facts_of(self, section: Section) -> list[Fact]:
        """The sourced facts of one section: the items of its entries' nested lists, or its entries themselves."""
        entries = self.entries(section)
        if section.nested is None:
            return list(entries)
        return [fact for entry in entries for fact in getattr(entry, section.nested)]

    def entries(self, section: Section) -> list[Any]:
        """The section's list, as the file gives it."""
        found: list[Any] = getattr(self, section.name)
        return found

    @classmethod
    def entry_type(cls, section: Section) -> type[Keyed]:
        """The class of the section's entries, as this model declares its list."""
        entry: type[Keyed] = typing.get_args(cls.model_fields[section.name].annotation)[0]
        return entry

    def summary_on(self, day: date | None = None) -> DatedSummary | None:
        """The latest summary written on or before `day` (the file's date by default); a plain summary dates from `as_of`."""
        day = day or self.as_of
        written = [DatedSummary(date=self.as_of, text=self.summary)] if isinstance(self.summary, str) else self.summary
        known = [s for s in written if s.date <= day]
        return max(known, key=lambda s: s.date) if known else None

    def outline_of(self, area: Area) -> Outline | None:
        """The area's outline: its p-code's in the boundary files, else its own `shape:`; None for an area drawn as a point."""
        if area.pcode is not None and area.pcode in self.geography.by_pcode:
            return self.geography.by_pcode[area.pcode]
        if area.shape is None:
            return None
        polygon = tuple(tuple((lon, lat) for lon, lat in ring) for ring in area.shape.rings)
        return Outline(area.name, (polygon,), area.pcode, area.admin_level, None, area.shape.approximate)

    def report(self, report_id: str) -> Report:
        """The report of that id."""
        return next(r for r in self.reports if r.id == report_id)

    def areas_within(self, area_id: str) -> set[str]:
        """The area and every area inside it, however deep (Aleppo holds eastern Aleppo, which holds …)."""
        children = self._lookups().children
        found, frontier = {area_id}, [area_id]
        while frontier:
            inside = set(children.get(frontier.pop(), ())) - found
            found |= inside
            frontier.extend(inside)
        return found

    def claim(self, claim_id: str) -> Claim:
        """The claim of that id."""
        return self._lookups().claims[claim_id]

    def _lookups(self) -> _Lookups:
        """The id look-ups of this model, built on first use and kept beside its fields (pydantic's equality, dumps and
        schema see only fields). A copy with other lists (`model_copy(update=...)`, the as-of view) builds its own."""
        found: _Lookups | None = self.__dict__.get(_LOOKUPS)
        if found is None or not found.describes(self):
            found = _Lookups.of(self)
            self.__dict__[_LOOKUPS] = found  # a frozen model refuses setattr, not its own dict
        return found


_LOOKUPS = "_lookups_by_id"


@dataclass(frozen=True)
class _Lookups:
    """Entries by id, built once per model, so a table of n facts costs n look-ups, not n scans of a list."""

    built_from: tuple[list[Source], list[Area], list[Claim]]
    sources: dict[str, Source]
    areas: dict[str, Area]
    claims: dict[str, Claim]
    children: dict[str, list[str]]
    """Area id -> the ids of the areas directly inside it."""

    @classmethod
    def of(cls, situation: Situation) -> _Lookups:
        children: dict[str, list[str]] = {}
        for area in situation.areas:
            if area.parent is not None:
                children.setdefault(area.parent, []).append(area.id)
        return cls(
            (situation.sources, situation.areas, situation.claims),
            _first_by_id(situation.sources),
            _first_by_id(situation.areas),
            _first_by_id(situation.claims),
            children,
        )

    def describes(self, situation: Situation) -> bool:
        """True while the model holds the very lists these look-ups were built from."""
        sources, areas, claims = self.built_from
        return sources is situation.sources and areas is situation.areas and claims is situation.claims


def _first_by_id(entries: list[Any]) -> dict[str, Any]:
    """Id -> entry; where an id repeats (a file the reference check refuses), the first, as a scan would find."""
    found: dict[str, Any] = {}
    for entry in entries:
        found.setdefault(entry.id, entry)
    return found
