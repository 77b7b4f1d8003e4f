"""The briefing's charts: which it prints, in which of its sections, each drawn by the views for paper.

A chart is drawn once, for the printed page (`situation.views.medium.PRINT`): no title where the section's heading
names it, text at 11 px, the height its rows need on A4, a timeline's legend above it clear of the date axis, and a
map of 400 × 260 beside the list of areas with every place named. Nothing here changes a figure the views drew for a
screen: what paper needs is said in the drawing itself.
"""

from __future__ import annotations

import plotly.graph_objects as go

from situation.views.derived import Derived
from situation.views.figures import access_timeline, claims_matrix, event_timeline, severity_heatmap
from situation.views.geomap.drawing import geo_map
from situation.views.medium import PRINT

CHARTS = ("map", "severity_heatmap", "access_timeline", "claims_matrix", "event_timeline")
"""The briefing's chart slots, by the figure each holds, in the order the page shows them."""


def charts(derived: Derived) -> dict[str, go.Figure]:
    """The charts a briefing shows, by slot, from the version's own tables; a section with nothing gets none."""
    situation = derived.situation
    drawn: dict[str, go.Figure] = {}
    if situation.areas:
        drawn["map"] = geo_map(situation, derived.areas, derived.events, derived.access, medium=PRINT)
    if situation.shortages:
        drawn["severity_heatmap"] = severity_heatmap(derived.shortages, PRINT)
    if situation.access:
        drawn["access_timeline"] = access_timeline(derived.access, PRINT)
    if situation.claims:
        drawn["claims_matrix"] = claims_matrix(derived.claims, PRINT)
    if situation.events:
        drawn["event_timeline"] = event_timeline(derived.events, PRINT)
    return drawn
