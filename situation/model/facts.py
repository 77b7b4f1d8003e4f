"""The situation model: the humanitarian facts of one crisis, each with its sources, grades and date.

Every field's docstring is its description: pydantic puts it in the JSON Schema, and `situation.model.model_page`
writes the model page from it, so code, schema and docs say the same thing. Unknown is `null`, never 0.
Cross-references (a cited source, area or indicator that must exist) are checked in `situation.load.references`,
on the raw data, so they are reported even when other fields are wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StringConstraints,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic import (
    Strict as StrictMode,
)
from pydantic_core import PydanticCustomError

from situation.model.dates import DailyHours, Moment, PartialDate, parse_day
from situation.model.geography import NO_GEOGRAPHY, Geography, Outline
from situation.model.scales import INSUFFICIENT_EVIDENCE, Credibility, Reliability, ShortageSeverity
from situation.model.taxonomy import EVENT_TYPES, EventType

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
FiniteFloat = Annotated[float, StrictMode(), AllowInfNan(False)]


LARGEST_FIGURE = 10**15
"""The largest figure (and, negated, the smallest) a value may be: every export, chart and card shows it exactly.

Past 2**53 (about 9·10**15) a JSON reader, plotly and pandas hold a whole number as a float and change its last
digits, and `value: 1` followed by 400 zeros cannot be written as JSON at all; no humanitarian count comes near."""


def _number(value: Any) -> int | float:
    """An int stays an int (250000, not 250000.0); text, true/false, .inf, .nan and figures past the range are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        raise PydanticCustomError("number_type", "expected a number")
    if not -LARGEST_FIGURE <= value <= LARGEST_FIGURE:
        raise PydanticCustomError(
            "number_range",
            "is outside the figures that can be shown exactly: expected a number from -10^15 to 10^15 (1,000,000,000,000,000)",
        )
    return value


Number = Annotated[
    int | float,
    PlainValidator(_number),
    WithJsonSchema({"type": "number", "minimum": -LARGEST_FIGURE, "maximum": LARGEST_FIGURE}),
]


def _not_a_boolean(value: Any) -> Any:
    """Lax pydantic reads `true` as the grade 1; a grade written as true/false is a mistake, so say so."""
    if isinstance(value, bool):
        raise PydanticCustomError("grade_type", "expected a grade number, found {found}", {"found": str(value).lower()})
    return value


CredibilityGrade = Annotated[Credibility, BeforeValidator(_not_a_boolean)]


@dataclass(frozen=True)
class RefersTo:
    """Marks a field as the id of an entry in another section; `situation.load.references` checks it exists."""

    section: str


SourceRef = Annotated[Id, RefersTo("sources")]
AreaRef = Annotated[Id, RefersTo("areas")]
ClaimRef = Annotated[Id, RefersTo("claims")]
ReportRef = Annotated[Id, RefersTo("reports")]
EventRef = Annotated[Id, RefersTo("events")]
RouteRef = Annotated[Id, RefersTo("access")]
Day = Annotated[date, BeforeValidator(parse_day), WithJsonSchema({"type": "string", "format": "date"})]


class Closed(BaseModel):
    """A part of the model closed to fields it does not declare: a typo such as `sorces:` is an error, not ignored.

    Not pydantic-strict (`strict=False`): YAML gives ints where floats are meant, and dates are parsed on purpose.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True, strict=False)


def _kind_of_value(value: Any) -> str | None:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, (dict, ValueRange)):
        return "range"
    return None


class ValueRange(Closed):
    """A range ('250,000–275,000') or an open bound: `{low: N}` 'at least N', `{over: N}` 'over N', `{high: N}` 'up to N'."""

    low: Number | None = None
    """The lowest figure the sources support ('at least'); alone, an open lower bound."""
    over: Number | None = None
    """A figure the true one is above ('over 2 million'), instead of `low`."""
    high: Number | None = None
    """The highest figure the sources support ('up to'); alone, an open upper bound."""

    @field_validator("high")
    @classmethod
    def _not_below_low(cls, high: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("low")
        lower, name = (low, "low") if low is not None else (info.data.get("over"), "over")
        if high is not None and lower is not None and high < lower:
            raise ValueError(f"high ({high:g}) is below {name} ({lower:g})")
        return high

    @model_validator(mode="after")
    def _one_lower_bound_at_least_one_bound(self) -> ValueRange:
        if self.low is not None and self.over is not None:
            raise ValueError("give either low ('at least') or over, not both")
        if self.lower is None and self.high is None:
            raise ValueError("a range needs low, over or high, such as {low: 250000, high: 275000} or {over: 2000000}")
        return self

    @property
    def lower(self) -> int | float | None:
        """The lower bound, whether written `low` or `over`."""
        return self.low if self.low is not None else self.over

    @property
    def is_bound(self) -> bool:
        """One side open: the figure is a floor or a ceiling, never the figure itself."""
        return self.lower is None or self.high is None


Value = Annotated[
    Annotated[Number, Tag("number")] | Annotated[ValueRange, Tag("range")] | Annotated[None, Tag("unknown")],
    Discriminator(
        _kind_of_value,
        custom_error_type="value_kind",
        custom_error_message="expected a number, a range such as {low: 250000, high: 275000}, a bound such as "
        "{over: 2000000} or {high: 40000}, or null for unknown",
    ),
]


class Count(Closed):
    """A count with its hedge, where the count is one field of a fact: `{value: 30, approximate: true}` 'about 30'."""

    value: Value
    """A number, a range, a bound, or null for unknown."""
    approximate: StrictBool = False
    """True where the source hedges ('about 30 killed')."""


def _kind_of_count(value: Any) -> str | None:
    if isinstance(value, (dict, Count)) and (isinstance(value, Count) or "value" in value or "approximate" in value):
        return "count"
    return _kind_of_value(value)


PeopleCount = Annotated[
    Annotated[Count, Tag("count")]
    | Annotated[Number, Tag("number")]
    | Annotated[ValueRange, Tag("range")]
    | Annotated[None, Tag("unknown")],
    Discriminator(
        _kind_of_count,
        custom_error_type="value_kind",
        custom_error_message="expected a number, a range, a bound such as {low: 12}, {value: 30, approximate: true}, "
        "or null for unknown",
    ),
]
"""How many people: 12, {low: 10, high: 15}, {low: 12} 'at least 12', {value: 30, approximate: true}, or null."""


def count_parts(count: Count | int | float | ValueRange | None) -> tuple[int | float | ValueRange | None, bool]:
    """A people count as (value, approximate), whichever of its shapes was written."""
    if isinstance(count, Count):
        return count.value, count.approximate
    return count, False


def _kind_of_severity(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "level"
    return "no-level" if value == INSUFFICIENT_EVIDENCE else None


SeverityValue = Annotated[
    Annotated[ShortageSeverity, Tag("level")] | Annotated[Literal["insufficient_evidence"], Tag("no-level")],
    Discriminator(
        _kind_of_severity,
        custom_error_type="severity_kind",
        custom_error_message="expected a severity level from 1 to 5, or insufficient_evidence",
    ),
]


class Quote(Closed):
    """A short phrase from a source, attributed; checked against the source's own text where it is at hand."""

    text: Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)]
    """The words as the source wrote or said them: a phrase, a sentence at most."""
    by: SourceRef
    """The id of the source that said it (the speaker, not the outlet that carried it)."""


Days = Annotated[StrictInt, Field(ge=0, le=36_500)]
"""At most a hundred years: a date that far back is still a date (a larger count of days overflows one)."""
StaleLimit = Days | Literal["never"]
"""A number of days, or `never` (a historical fact: 'divided since 2012' does not go stale)."""


class Sourced(Closed):
    """What every fact carries: who says so, how credible it is, and optionally their words."""

    sources: Annotated[list[SourceRef], Field(min_length=1)]
    """Ids of the sources that report this fact."""
    credibility: CredibilityGrade
    """How credible this information is, 1 (confirmed) to 6 (cannot be judged); graded apart from source reliability."""
    quote: Quote | None = None
    """A short attributed quote that backs the fact."""
    note: Text | None = None
    """The analyst's note: how the fact was read, what is uncertain."""
    reports: list[ReportRef] = []
    """Ids of the reports (in `reports`) this fact is taken from: which flash update, which sitrep number."""
    stale_after: StaleLimit | None = None
    """Days after which this fact needs re-verifying, or `never` for history that does not expire; overrides the section's."""


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


class Source(Closed):
    """Who reports: an outlet, an agency, a party to the conflict, a monitor."""

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

    @property
    def key(self) -> str:
        """'source:sana': the source's key among every fact's, for the diff."""
        return f"source:{self.id}"


class Report(Closed):
    """One report of a source (a flash update of a day, sitrep No. 5, a press briefing), so a fact can cite it."""

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

    @property
    def key(self) -> str:
        """'report:ocha-flash-2016-08-12'."""
        return f"report:{self.id}"


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


class Area(Closed):
    """A place facts are about: a city, a district, a neighbourhood."""

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
    def key(self) -> str:
        """'area:east-aleppo': the area and its status over time, in staleness and the diff."""
        return f"area:{self.id}"

    @property
    def title(self) -> str:
        """The area's name."""
        return self.name

    @property
    def status_title(self) -> str:
        """'Eastern Aleppo status': who held the area and in what state, as a fact of its own."""
        return f"{self.name} status"


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


class Indicator(Closed):
    """A figure tracked over time, such as people under siege."""

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
    def key(self) -> str:
        """'indicator:people-under-siege': one key for its card, its age and its changes."""
        return f"indicator:{self.id}"

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


class Shortage(Closed):
    """Shortage of one commodity in one area, over time."""

    area: AreaRef
    """Id of the area."""
    commodity: Commodity
    """food, fuel, medicine, water, electricity, shelter or cooking_gas."""
    observations: Annotated[list[ShortageObservation], Field(min_length=1)]
    """The severity over time, oldest first."""

    @property
    def key(self) -> str:
        """'shortage:east-aleppo:food': a shortage is one commodity in one area, so both make its key."""
        return f"shortage:{self.area}:{self.commodity.value}"

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


class Route(Closed):
    """An aid corridor or a supply line, with its status over time."""

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
    def key(self) -> str:
        """'route:castello-road': one key for its card, its age and its changes."""
        return f"route:{self.id}"

    @property
    def title(self) -> str:
        """The route's name, as its card shows it."""
        return self.name


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


class Claim(Closed):
    """A statement that sources assert or deny; its status follows from who says what."""

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
    def key(self) -> str:
        """'claim:siege-broken'."""
        return f"claim:{self.id}"

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


class Statement(Sourced):
    """A call, appeal, announcement or warning: who said what, when ('the UN calls for a weekly 48-hour pause')."""

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

    @property
    def key(self) -> str:
        """'statement:un-calls-weekly-pause'."""
        return f"statement:{self.id}"


Hurt = dict[str, "Count | int | float | ValueRange | None"]
"""An event's people-hurt fields that the file gives, by name (fatalities, injured, missing)."""


class Event(Sourced):
    """A dated incident, typed on ACLED's taxonomy."""

    id: Id
    """Short id."""
    date: PartialDate
    """When it happened."""
    area: AreaRef
    """Id of the area where it happened."""
    type: EventType
    """ACLED event type (see the table of event types)."""
    sub_type: Text
    """ACLED sub-type of that type, such as air_drone_strike or non_state_actor_overtakes_territory."""
    summary: Text
    """What happened, in one or two neutral sentences."""
    actors: list[Text] = []
    """Who acted, as the sources name them."""
    fatalities: PeopleCount = None
    """People killed: 12, a range, a bound ({low: 12} 'at least 12'), {value: 30, approximate: true}; null when not said."""
    injured: PeopleCount = None
    """People injured, in the same shapes as fatalities; null when the sources do not say (not 0)."""
    missing: PeopleCount = None
    """People missing, in the same shapes; null when the sources do not say."""
    claims: list[ClaimRef] = []
    """Ids of claims this event rests on."""

    @property
    def key(self) -> str:
        """'event:west-aleppo-shelling'."""
        return f"event:{self.id}"

    def hurt(self) -> Hurt:
        """The people-hurt fields the file gives (null counts as given: 'unknown'), in the order killed, injured, missing."""
        return {name: getattr(self, name) for name in ("fatalities", "injured", "missing") if name in self.model_fields_set}

    @field_validator("sub_type")
    @classmethod
    def _sub_type_of_type(cls, sub_type: str, info: ValidationInfo) -> str:
        event_type = info.data.get("type")
        if event_type is None:
            return sub_type  # the type itself is wrong, and reported
        sub_types = EVENT_TYPES[event_type][1]
        if sub_type not in sub_types:
            raise ValueError(f"'{sub_type}' is not a sub-type of {event_type}; expected one of: {', '.join(sub_types)}")
        return sub_type


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


HEADLINE_KINDS = ("area", "indicator", "shortage", "route", "claim", "event", "statement")
"""The kinds of fact a `headline:` key may name: the prefix of each fact's `key`."""
HeadlineKey = Annotated[str, StringConstraints(pattern=rf"^({'|'.join(HEADLINE_KINDS)}):[a-z0-9_:-]+$")]


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
        """Every sourced fact: each dated observation of an area, indicator, shortage or route, and each event."""
        return [fact for facts in self.facts_by_kind().values() for fact in facts]

    def facts_by_kind(self) -> dict[str, list[Fact]]:
        """Every sourced fact by its kind ('areas': their observations; 'events'), in `facts`' order: what a table of
        a kind's facts reads, worked out once per kind, can be summed over all of them."""
        return {
            "areas": [o for a in self.areas for o in a.history],
            "indicators": [o for i in self.indicators for o in i.observations],
            "shortages": [o for s in self.shortages for o in s.observations],
            "access": [o for r in self.access for o in r.observations],
            "events": [*self.events],
            "statements": [*self.statements],
        }

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
