"""Event types and sub-types, on ACLED's taxonomy, so that events compare with ACLED data and with other crises.

ACLED codebook (2023 edition): six event types, each with a fixed list of sub-types. We write them as
lower-case ids; `EVENT_TYPES` keeps the human name of each. Note ACLED's own rule for incendiary weapons:
white phosphorus is not a chemical weapon in its sense (not on the CWC schedules), so a phosphorus bomb
dropped from the air is an air strike.
"""

from __future__ import annotations

from typing import Literal

EventType = Literal[
    "battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots", "strategic_developments"
]

EVENT_TYPES: dict[str, tuple[str, dict[str, str]]] = {
    "battles": (
        "Battles",
        {
            "armed_clash": "Armed clash",
            "government_regains_territory": "Government regains territory",
            "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
        },
    ),
    "explosions_remote_violence": (
        "Explosions/Remote violence",
        {
            "chemical_weapon": "Chemical weapon",
            "air_drone_strike": "Air/drone strike",
            "suicide_bomb": "Suicide bomb",
            "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
            "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
            "grenade": "Grenade",
        },
    ),
    "violence_against_civilians": (
        "Violence against civilians",
        {
            "sexual_violence": "Sexual violence",
            "attack": "Attack",
            "abduction_forced_disappearance": "Abduction/forced disappearance",
        },
    ),
    "protests": (
        "Protests",
        {
            "peaceful_protest": "Peaceful protest",
            "protest_with_intervention": "Protest with intervention",
            "excessive_force_against_protesters": "Excessive force against protesters",
        },
    ),
    "riots": (
        "Riots",
        {
            "violent_demonstration": "Violent demonstration",
            "mob_violence": "Mob violence",
        },
    ),
    "strategic_developments": (
        "Strategic developments",
        {
            "agreement": "Agreement",
            "arrests": "Arrests",
            "change_to_group_activity": "Change to group/activity",
            "disrupted_weapons_use": "Disrupted weapons use",
            "headquarters_or_base_established": "Headquarters or base established",
            "looting_property_destruction": "Looting/property destruction",
            "non_violent_transfer_of_territory": "Non-violent transfer of territory",
            "other": "Other",
        },
    ),
}


def event_type_name(event_type: str) -> str:
    """ACLED's own name of an event type id."""
    return EVENT_TYPES[event_type][0]


def sub_type_name(event_type: str, sub_type: str) -> str:
    """ACLED's own name of a sub-type id."""
    return EVENT_TYPES[event_type][1][sub_type]
