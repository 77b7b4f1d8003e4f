"""Dated incidents, typed by ACLED's taxonomy, with the people killed, injured or missing as the sources count them."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationInfo, field_validator

from situation.model.dates import PartialDate
from situation.model.fields import AreaRef, ClaimRef, Count, Id, PeopleCount, Sourced, Text, ValueRange
from situation.model.sections import EVENTS, Keyed, Section
from situation.model.taxonomy import EVENT_TYPES, EventType

Hurt = dict[str, "Count | int | float | ValueRange | None"]
"""An event's people-hurt fields that the file gives, by name (fatalities, injured, missing)."""


class Event(Sourced, Keyed):
    """A dated incident, typed on ACLED's taxonomy."""

    section: ClassVar[Section] = EVENTS

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
