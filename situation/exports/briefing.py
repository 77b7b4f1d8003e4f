"""The offline briefing: one self-contained HTML file laid out like a situation report, to send, open and print.

Sections as a sitrep reads: title and as-of date, highlights, key figures (each with source, date and grade),
shortages, access, contested claims side by side, events, sources. Everything is worked out by the same functions
as the dashboard (`cards`, `tables`, `figures`); this module only gathers it for the template.

- Self-contained: styles inline, charts as inline SVG (see `situation.exports.svg`), no script, no font or image from
  elsewhere, so it opens offline in any browser and is small enough for a poor connection.
- Every text from the YAML is escaped by Jinja2's autoescape; only the SVG that kaleido drew is marked safe
  (plotly escapes the labels it is given, and `situation.views.figures` escapes them again before).
- Prints on A4 without cutting a chart, a card or a table row in half (`@page`, `break-inside: avoid`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from situation.exports.briefing_template import TEMPLATE
from situation.exports.svg import ChartError, svg_charts
from situation.model.dates import PartialDate
from situation.model.facts import ClaimStatus, Situation, Stance
from situation.model.scales import Credibility
from situation.views.cards import Card, age_text, overview_cards
from situation.views.figures import access_timeline, claims_matrix, event_timeline, severity_heatmap
from situation.views.geomap import geo_map
from situation.views.labels import credibility_text, source_label, summary_text
from situation.views.tables import (
    access_table,
    area_table,
    claim_positions,
    event_table,
    people_hurt_totals,
    report_table,
    shortage_table,
    source_table,
    statement_table,
)

CHARTS = ("map", "shortages", "access", "claims", "events")
"""The briefing's chart slots, by the section each belongs to."""
_ENVIRONMENT = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Briefing:
    """The page, and why it has no charts when it has none (so the CLI can say so and the page does too)."""

    html: str
    charts: int
    chart_problem: str | None = None


def build_briefing(situation: Situation, charts: bool = True) -> Briefing:
    """The briefing, with its charts drawn in one batch; without charts when they cannot be drawn, saying why."""
    figures = briefing_figures(situation)
    drawn: dict[str, Markup] = {}
    problem = None
    if charts:
        try:
            drawn = {name: Markup(svg) for name, svg in zip(figures, svg_charts(list(figures.values())), strict=True)}
        except ChartError as error:
            problem = str(error)
    slots = {name: drawn.get(name) for name in CHARTS}  # every slot named, so the strict template can test each one
    page = _ENVIRONMENT.from_string(TEMPLATE).render(**_context(situation), charts=slots, chart_problem=problem)
    return Briefing(page, len(drawn), problem)


def briefing_figures(situation: Situation) -> dict[str, Any]:
    """The charts a briefing shows, by the section they belong to; empty sections get none."""
    events = event_table(situation)
    figures: dict[str, Any] = {}
    if situation.areas:
        figures["map"] = geo_map(situation, area_table(situation), events, access_table(situation))
    if situation.shortages:
        figures["shortages"] = severity_heatmap(shortage_table(situation))
    if situation.access:
        figures["access"] = access_timeline(access_table(situation))
    if situation.claims:
        figures["claims"] = claims_matrix(claim_positions(situation))
    if situation.events:
        figures["events"] = event_timeline(events)
    return figures


def _card(situation: Situation, card: Card) -> dict[str, Any]:
    return {
        "title": card.title,
        "value": card.value,
        "unit": card.unit,
        "area": situation.area(card.area).name if card.area else None,
        "as_of": card.as_of,
        "age": age_text(card.age_days),
        "stale": card.stale,
        "sources": card.sources,
        "credibility": card.credibility,
        "contested": card.contested,
        "change": card.change,
        "detail": card.detail,
    }


def _claims(situation: Situation) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Contested claims with who asserts and who denies, side by side; then the other claims in brief."""
    contested: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for claim in situation.claims:
        sides: dict[str, list[dict[str, str | None]]] = {Stance.ASSERTS.value: [], Stance.DENIES.value: []}
        for position in claim.positions:
            sides[position.stance.value].append(
                {
                    "source": source_label(situation, position.source),
                    "date": position.date.label(),
                    "quote": position.quote.text if position.quote else None,
                }
            )
        resolution = claim.resolution
        entry = {
            "statement": claim.statement,
            "status": claim.status.value,
            "resolution": f"{resolution.outcome.value} on {resolution.date.label()}: {resolution.note}" if resolution else None,
            "credibility": credibility_text(claim.credibility),
            "note": claim.note,
            "asserts": sides[Stance.ASSERTS.value],
            "denies": sides[Stance.DENIES.value],
        }
        (contested if claim.status is ClaimStatus.CONTESTED else others).append(entry)
    return contested, others


def _events(situation: Situation) -> list[dict[str, Any]]:
    """Events oldest first (as the model orders partial dates), read from the event table."""
    rows = sorted(event_table(situation).itertuples(), key=lambda row: PartialDate.parse(row.date))
    return [
        {
            "date": PartialDate.parse(row.date).label(),
            "area": row.area_name,
            "type": f"{row.type_name} · {row.sub_type_name}",
            "summary": row.summary,
            "actors": row.actors or None,
            "hurt": row.hurt,
            "sources": row.sources,
            "credibility": credibility_text(Credibility(row.credibility)),
            "contested": bool(row.contested),
        }
        for row in rows
    ]


def _context(situation: Situation) -> dict[str, Any]:
    cards = overview_cards(situation)
    contested, other_claims = _claims(situation)
    return {
        "title": situation.title,
        "as_of": f"{situation.as_of.day} {situation.as_of:%B %Y}",
        "as_of_iso": situation.as_of.isoformat(),
        "summary": summary_text(situation),
        "highlights": [_card(situation, c) for c in cards if c.group == "Areas"],
        "figures": [_card(situation, c) for c in cards if c.group == "People"],
        "shortages": [_card(situation, c) for c in cards if c.group == "Shortages"],
        "access": [_card(situation, c) for c in cards if c.group == "Access"],
        "contested": contested,
        "other_claims": other_claims,
        "events": _events(situation),
        "hurt_totals": people_hurt_totals(situation).to_dict(orient="records"),
        "statements": statement_table(situation).to_dict(orient="records"),
        "sources": source_table(situation).to_dict(orient="records"),
        "reports": report_table(situation).to_dict(orient="records"),
    }
