"""What a team tracks over time, one dated observation after another: figures (indicators), shortages of a commodity
in an area, and routes in (aid corridors and supply lines), each observation with its sources.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import Field, StrictBool, StringConstraints, model_validator

from situation.model.dates import DailyHours, Moment, PartialDate
from situation.model.fields import AreaRef, ClaimRef, Closed, Id, SeverityValue, Sourced, Text, Value
from situation.model.places import LonLat
from situation.model.sections import ACCESS, INDICATORS, SHORTAGES, Keyed, Section


class IndicatorObservation(Sourced):
    """One dated value of an indicator."""

    date: PartialDate
    """When the value held."""
    value: Value
    """A number, a range {low, high}, or null when the sources say it is unknown."""
    approximate: StrictBool = False
    """True where the source hedges ('about 250,000')."""
    claims: list[ClaimRef] = []
    """Ids of claims this value rests on; a contested claim marks the value contested."""


HXL_TAG_PATTERN = r"^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$"
HxlTag = Annotated[str, StringConstraints(pattern=HXL_TAG_PATTERN, max_length=80)]
"""An HXL hashtag with optional attributes, such as #affected+idps or #inneed."""


class Indicator(Closed, Keyed):
    """A figure tracked over time, such as people under siege."""

    section: ClassVar[Section] = INDICATORS

    id: Id
    """Short id, such as people-under-siege."""
    name: Text
    """What is counted, as a card title."""
    unit: Text
    """What one unit is: people, percent, trucks."""
    area: AreaRef | None = None
    """Id of the area the figure is about."""
    description: Text | None = None
    """What exactly is counted, and what is not."""
    hxl: HxlTag | None = None
    """The HXL hashtag of its figure in exports, for HDX's key-figure charts: #affected, #inneed, #population, …"""
    observations: Annotated[list[IndicatorObservation], Field(min_length=1)]
    """The values over time, oldest first."""

    @property
    def title(self) -> str:
        """The indicator's name, as its card shows it."""
        return self.name


class Commodity(StrEnum):
    """What is short."""

    FOOD = "food"
    FUEL = "fuel"
    MEDICINE = "medicine"
    WATER = "water"
    ELECTRICITY = "electricity"
    SHELTER = "shelter"
    COOKING_GAS = "cooking_gas"


class ShortageObservation(Sourced):
    """How bad a shortage was on a date."""

    date: PartialDate
    """When this held."""
    severity: SeverityValue
    """1 none or minor, 2 stressed, 3 moderate, 4 severe, 5 extreme; or insufficient_evidence (never a guessed level)."""


class Shortage(Closed, Keyed):
    """Shortage of one commodity in one area, over time."""

    section: ClassVar[Section] = SHORTAGES

    area: AreaRef
    """Id of the area."""
    commodity: Commodity
    """food, fuel, medicine, water, electricity, shelter or cooking_gas."""
    observations: Annotated[list[ShortageObservation], Field(min_length=1)]
    """The severity over time, oldest first."""

    @property
    def title(self) -> str:
        """'Cooking gas shortage': what is short; `Situation.title_of` adds where, as a card reads."""
        return f"{self.commodity.value.replace('_', ' ').capitalize()} shortage"


class RouteKind(StrEnum):
    """What a route is for."""

    AID_CORRIDOR = "aid_corridor"
    SUPPLY_LINE = "supply_line"
    CIVILIAN_PASSAGE = "civilian_passage"
    EVACUATION_ROUTE = "evacuation_route"
    HUMANITARIAN_PAUSE = "humanitarian_pause"
    CROSSING_POINT = "crossing_point"


class Passage(StrEnum):
    """Who may use a route while it is open."""

    CIVILIANS = "civilians"
    AID_CONVOYS = "aid_convoys"
    MEDICAL_EVACUATIONS = "medical_evacuations"
    COMMERCIAL = "commercial"
    FIGHTERS = "fighters"
    ALL = "all"


class RouteStatus(StrEnum):
    """Whether a route can be used."""

    OPEN = "open"
    FRAGILE = "fragile"
    CONTESTED = "contested"
    CLOSED = "closed"


class RouteObservation(Sourced):
    """The state of a route on a date."""

    date: PartialDate
    """When this held."""
    status: RouteStatus | None
    """open, fragile, contested or closed; null when unknown."""
    convoys_can_pass: StrictBool | None = None
    """Whether aid convoys can use it; null when the sources do not say."""
    threat: Text | None = None
    """What endangers passage (bombardment, snipers, closure)."""
    deliveries: Text | None = None
    """What got through, as reported (e.g. trucks of food and gas)."""
    hours: DailyHours | None = None
    """Daily hours it is open, such as 19:00-07:00 (across midnight allowed); leave out when open all day."""
    valid_from: Moment | None = Field(None, alias="from")
    """When this status takes effect, a day or a day and time (a pause 'from 14:00 on 1 Sep')."""
    until: Moment | None = None
    """When it ends, a day (inclusive) or a day and time; after it the route shows as ended, with no edit."""
    open_to: list[Passage] = Field([], alias="for")
    """Who may pass: civilians, aid_convoys, medical_evacuations, commercial, fighters or all."""
    claims: list[ClaimRef] = []
    """Ids of claims this status rests on."""

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> RouteObservation:
        if self.valid_from is not None and self.until is not None and self.until.last <= self.valid_from.first:
            raise ValueError(f"until ({self.until}) is not after from ({self.valid_from})")
        return self


class Route(Closed, Keyed):
    """An aid corridor or a supply line, with its status over time."""

    section: ClassVar[Section] = ACCESS

    id: Id
    """Short id, such as ramouseh-corridor."""
    name: Text
    """The route's name as a card title."""
    kind: RouteKind
    """aid_corridor, supply_line, civilian_passage, evacuation_route, humanitarian_pause or crossing_point."""
    to_area: AreaRef
    """Id of the area the route supplies."""
    from_area: AreaRef | None = None
    """Id of the area it comes from, where known."""
    route: Text | None = None
    """The way it runs, in words."""
    path: Annotated[list[LonLat], Field(min_length=2)] | None = None
    """The way it runs on the map: [longitude, latitude] points, two or more, from its start to the area it supplies."""
    observations: Annotated[list[RouteObservation], Field(min_length=1)]
    """The status over time, oldest first."""

    @property
    def title(self) -> str:
        """The route's name, as its card shows it."""
        return self.name
