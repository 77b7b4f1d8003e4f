"""The places facts are about: areas, their dated status and control (a siege as the UN defines it), their
outline or position, and the admin-boundary files they join by p-code.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, StrictBool, StrictInt, StringConstraints

from situation.model.dates import PartialDate
from situation.model.fields import AreaRef, Closed, FiniteFloat, Id, Sourced, Text
from situation.model.sections import AREAS, Keyed, Section


class AreaStatus(StrEnum):
    """The humanitarian status of an area."""

    BESIEGED = "besieged"
    CONTESTED = "contested"
    HARD_TO_REACH = "hard_to_reach"
    ACCESSIBLE = "accessible"


class SiegeCriteria(Closed):
    """The three criteria the UN uses to call an area besieged; null where the sources do not say."""

    military_encirclement: StrictBool | None = None
    """The area is surrounded by armed actors."""
    no_humanitarian_access: StrictBool | None = None
    """Humanitarian assistance cannot regularly enter."""
    no_free_movement: StrictBool | None = None
    """Civilians, the sick and the wounded cannot regularly leave."""


class AreaObservation(Sourced):
    """Who held an area and in what state it was, on a date."""

    date: PartialDate
    """When this held (a day, a month, a season or a year)."""
    status: AreaStatus | None
    """besieged, contested, hard_to_reach or accessible; null when unknown."""
    controlled_by: Text | None = None
    """Who controls the area, as the sources name them."""
    siege: SiegeCriteria | None = None
    """The UN's siege criteria, for a besieged area."""


Longitude = Annotated[FiniteFloat, Field(ge=-180, le=180)]
Latitude = Annotated[FiniteFloat, Field(ge=-90, le=90)]
LonLat = tuple[Longitude, Latitude]
"""A point as GeoJSON writes it: [longitude, latitude] in degrees."""


def _closed(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring as a person writes it may leave out the closing point; GeoJSON repeats the first point last."""
    return ring if ring[0] == ring[-1] else [*ring, ring[0]]


Ring = Annotated[list[LonLat], Field(min_length=3), AfterValidator(_closed)]


class Shape(Closed):
    """An area's own outline, for a place no boundary file has (a neighbourhood): drawn by hand, so approximate."""

    rings: Annotated[list[Ring], Field(min_length=1)]
    """Lists of [longitude, latitude] points, three or more each; the first ring is the outline, any others its holes."""
    approximate: StrictBool = True
    """True (the default) for a hand-drawn outline: the map dashes its edge and says 'approximate'."""


class BoundaryFile(Closed):
    """An admin-boundary file the team keeps beside this YAML file, such as a COD-AB download from HDX."""

    file: Text
    """GeoJSON (or TopoJSON) file, relative to this YAML file; its features join areas by p-code."""
    attribution: Text | None = None
    """Who made the boundaries and under what licence, shown under the map (COD-AB: 'OCHA, CC BY-IGO')."""


PCODE_PATTERN = r"^[A-Z]{2}[0-9A-Z]{0,14}$"
PCode = Annotated[str, StringConstraints(pattern=PCODE_PATTERN)]
"""A p-code: the country's two-letter ISO code in capitals, then digits (SY, SY02, SY0200, SY020000)."""


class Area(Closed, Keyed):
    """A place facts are about: a city, a district, a neighbourhood."""

    section: ClassVar[Section] = AREAS

    id: Id
    """Short id that facts cite, such as east-aleppo."""
    name: Text
    """The place name as readers know it."""
    parent: AreaRef | None = None
    """Id of the area this one lies in."""
    lat: Annotated[FiniteFloat, Field(ge=-90, le=90)] | None = None
    """Approximate latitude in degrees, for the map (public geography, not a source's fact)."""
    lon: Annotated[FiniteFloat, Field(ge=-180, le=180)] | None = None
    """Approximate longitude in degrees, for the map."""
    pcode: PCode | None = None
    """The area's p-code in the country's common operational dataset (COD-AB), such as SY02 for Aleppo governorate."""
    admin_level: Annotated[StrictInt, Field(ge=0, le=5)] | None = None
    """The administrative level of that p-code: 0 the country, 1 a governorate or province, 2 a district, …"""
    shape: Shape | None = None
    """The area's own outline where the boundary files have none for its p-code (a neighbourhood); else it is a point."""
    history: list[AreaObservation] = []
    """The area's control and status over time, oldest first."""

    @property
    def title(self) -> str:
        """The area's name."""
        return self.name

    @property
    def status_title(self) -> str:
        """'Eastern Aleppo status': who held the area and in what state, as a fact of its own."""
        return f"{self.name} status"
