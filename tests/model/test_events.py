"""An event's people hurt: every shape a source gives, and only the fields the file gives."""

from __future__ import annotations


def test_people_hurt_take_every_value_shape() -> None:
    from situation.model.events import Event
    from situation.model.fields import Count, ValueRange

    base = {"id": "e", "date": "2016-08-27", "area": "a", "type": "battles", "sub_type": "armed_clash", "summary": "s"}
    event = Event.model_validate(
        {
            **base,
            "sources": ["x"],
            "credibility": 3,
            "fatalities": {"low": 12},
            "injured": {"value": 30, "approximate": True},
            "missing": None,
        }
    )
    assert isinstance(event.fatalities, ValueRange) and event.fatalities.low == 12
    assert event.injured == Count(value=30, approximate=True)
    assert list(event.hurt()) == ["fatalities", "injured", "missing"]  # missing given as null: unknown, not absent
    assert Event.model_validate({**base, "sources": ["x"], "credibility": 3}).hurt() == {}
