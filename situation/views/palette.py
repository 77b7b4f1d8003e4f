"""One colour (and one marker) per category, defined once, so an air strike is the same mark on every view.

A colour that depends on which categories a view happens to hold (the n-th type present gets the n-th colour) makes
the same event an orange square on one page and a blue circle on the next. Every category here is keyed by its id.
Colours are Okabe–Ito (colour-blind safe) and mid-tone, so they read on a white page and on Streamlit's dark one;
the severity scale is ColorBrewer YlOrRd, stepped. Used by the figures, the headline band and the briefing alike.
"""

from __future__ import annotations

from typing import Final

from situation.model.taxonomy import EVENT_TYPES

BLUE, ORANGE, GREEN, PINK, SKY, VERMILLION, GREY, YELLOW = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#999999",
    "#F0E442",
)
UNKNOWN: Final = GREY
"""Anything whose category the sources do not give."""

EVENT_TYPE_COLOURS: Final = {
    "battles": VERMILLION,
    "explosions_remote_violence": ORANGE,
    "violence_against_civilians": PINK,
    "protests": SKY,
    "riots": BLUE,
    "strategic_developments": GREEN,
}
EVENT_TYPE_SYMBOLS: Final = {
    "battles": "x",
    "explosions_remote_violence": "star",
    "violence_against_civilians": "triangle-up",
    "protests": "square",
    "riots": "diamond",
    "strategic_developments": "circle",
}
assert set(EVENT_TYPE_COLOURS) == set(EVENT_TYPES) == set(EVENT_TYPE_SYMBOLS), "every ACLED type has one colour and symbol"

ROUTE_STATUS_COLOURS: Final = {"open": GREEN, "fragile": ORANGE, "contested": PINK, "closed": VERMILLION}
AREA_STATUS_COLOURS: Final = {"besieged": VERMILLION, "contested": PINK, "hard_to_reach": ORANGE, "accessible": GREEN}
STANCE_COLOURS: Final = {"asserts": BLUE, "denies": VERMILLION}
CLAIM_STATUS_COLOURS: Final = {
    "reported": GREY,
    "corroborated": BLUE,
    "contested": ORANGE,
    "confirmed": GREEN,
    "refuted": VERMILLION,
    "superseded": GREY,
}
TONE_COLOURS: Final = {"alert": VERMILLION, "warning": ORANGE, "neutral": GREY, "good": GREEN}
"""The headline band's tones."""
SEVERITY_COLOURS: Final = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
"""Severity 1 to 5."""
INDICATOR: Final = SKY
