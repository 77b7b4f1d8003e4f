"""The offline briefing: one self-contained HTML file laid out like a situation report, to send, open and print.

Sections as a sitrep reads: title and as-of date, the headline band, key figures (each with source, date and
grade), areas, shortages, access, contested claims side by side, events, statements, sources with a key to the
grades, contacts. Everything is read from the version's bundle the dashboard's pages read too
(`situation.views.derived`: cards, headline, tables), and the charts are the views' own, drawn for paper
(`situation.exports.briefing.layout`); this module only gathers them for the template.

- Self-contained: styles inline, charts as inline SVG (see `situation.exports.briefing.svg`), no script, no font or
  image from elsewhere, so it opens offline in any browser and is small enough for a poor connection.
- Every text from the YAML is escaped by Jinja2's autoescape; only the SVG that kaleido drew is marked safe
  (plotly escapes the labels it is given, and `situation.views.figures` escapes them again before). Text that goes
  into the printed header and footer is escaped as a CSS string (`css_string`).
- Prints on A4 — the seed on three pages — with our own running header and footer (`@page` margin boxes: title,
  as-of date, page n of m, the commit it was made from), never cutting a chart, a card or a table row in half.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from situation.exports.briefing.layout import CHARTS
from situation.exports.briefing.layout import charts as charts_of
from situation.exports.briefing.svg import ChartError, svg_charts
from situation.exports.briefing.template import TEMPLATE
from situation.exports.draft import Draft
from situation.exports.files import records
from situation.model.claims import ClaimStatus, Stance
from situation.model.facts import Situation
from situation.model.scales import CREDIBILITY_MEANINGS, RELIABILITY_MEANINGS, Credibility
from situation.views.cards import Card, age_text
from situation.views.derived import Derived
from situation.views.labels import credibility_text, short_sources_label, source_label, summary_text


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string for the printed header and footer: every character but letters, digits and
    spaces as a six-digit escape, so no quote, backslash or `</style>` in a title can end the string or the sheet."""
    escaped = "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):06x}" for c in text)
    return Markup(f'"{escaped}"')


_ENVIRONMENT = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_ENVIRONMENT.filters["css_string"] = css_string


@dataclass(frozen=True)
class Briefing:
    """The page, and why it has no charts when it has none (so the CLI can say so and the page does too)."""

    html: str
    charts: int
    chart_problem: str | None = None


def build_briefing(derived: Derived, charts: bool = True, revision: str | None = None, draft: Draft | None = None) -> Briefing:
    """The briefing of a version (its tables and cards built once, shared with the pages), with its charts drawn in one
    batch; without charts when they cannot be drawn, saying why.

    `revision` names the commit of the situation file it is made from, for the printed footer; a `draft` not published
    is watermarked "DRAFT" on every page and opens with what it changes."""
    figures = charts_of(derived)
    drawn: dict[str, Markup] = {}
    problem = None
    if charts:
        try:
            drawn = {name: Markup(svg) for name, svg in zip(figures, svg_charts(list(figures.values())), strict=True)}
        except ChartError as error:
            problem = str(error)
    slots = {name: drawn.get(name) for name in CHARTS}  # every slot named, so the strict template can test each one
    context = _context(derived) | {"revision": revision, "charts": slots, "chart_problem": problem, "draft": draft}
    page = _ENVIRONMENT.from_string(TEMPLATE).render(**context)
    return Briefing(page, len(drawn), problem)


def _card(situation: Situation, card: Card) -> dict[str, Any]:
    return {
        "title": card.title,
        "value": card.value,
        "unit": card.unit,
        "area": situation.area(card.area).name if card.area else None,
        "as_of": card.as_of,
        "age": age_text(card.age_days),
        "stale": card.stale,
        "sources": short_sources_label(situation, card.source_ids),  # one line among many: the Sources table names them
        "credibility": card.credibility,
        "contested": card.contested,
        "change": card.change,
        "detail": card.detail,
    }


def _shortage_rows(situation: Situation, cards: list[Card]) -> list[dict[str, Any]]:
    """Shortages that say the same of one area (same level, date, sources and note) as one row: 'Food, fuel and
    medicine shortage' rather than three rows that repeat each other, as an article's "acute shortages of food,
    fuel and medicine" is one fact."""
    by_key = {card.key: card for card in cards}
    groups: dict[tuple[Any, ...], tuple[Card, list[str]]] = {}
    for shortage in situation.shortages:
        card = by_key[shortage.key]
        same = (card.area, card.value, card.as_of, card.sources, card.credibility, card.detail, card.change, card.stale)
        groups.setdefault(same, (card, []))[1].append(shortage.commodity.value.replace("_", " "))
    rows = []
    for card, commodities in groups.values():
        what = commodities[0] if len(commodities) == 1 else f"{', '.join(commodities[:-1])} and {commodities[-1]}"
        area = f" · {situation.area(card.area).name}" if card.area else ""
        rows.append(_card(situation, card) | {"title": f"{what.capitalize()} shortage{area}"})
    return rows


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


def _events(derived: Derived) -> list[dict[str, Any]]:
    """Events oldest first (as the model orders partial dates: last day, first day, text), from the event table with its
    gaps as None."""
    situation = derived.situation
    by_id = {event.id: event for event in situation.events}
    rows = records(derived.events.sort_values(["end", "start", "date"], kind="stable"))
    return [
        row
        | {
            "date": row["date_label"],
            "sources": short_sources_label(situation, by_id[row["event"]].sources),
            "credibility": credibility_text(Credibility(row["credibility"])),
        }
        for row in rows
    ]


def _grades() -> list[dict[str, str]]:
    """The key to the grades, one row per step of both scales side by side: A with 1, … F with 6."""
    pairs = zip(RELIABILITY_MEANINGS.items(), CREDIBILITY_MEANINGS.items(), strict=True)
    return [
        {"reliability": r.value, "reliability_meaning": r_words, "credibility": str(c.value), "credibility_meaning": c_words}
        for (r, (r_words, _)), (c, (c_words, _)) in pairs
    ]


def _context(derived: Derived) -> dict[str, Any]:
    situation, cards = derived.situation, derived.cards
    contested, other_claims = _claims(situation)
    return {
        "title": situation.title,
        "as_of": f"{situation.as_of.day} {situation.as_of:%B %Y}",
        "as_of_iso": situation.as_of.isoformat(),
        "summary": summary_text(situation),
        "headline": derived.headline(),
        "highlights": [_card(situation, c) for c in cards if c.group == "Areas"],
        "figures": [_card(situation, c) for c in cards if c.group == "People"],
        "shortage_rows": _shortage_rows(situation, [c for c in cards if c.group == "Shortages"]),
        "route_rows": [_card(situation, c) for c in cards if c.group == "Access"],
        "contested": contested,
        "other_claims": other_claims,
        "event_rows": _events(derived),
        "hurt_totals": records(derived.hurt_totals),
        "statement_rows": records(derived.statements),
        "source_rows": records(derived.sources),
        "report_rows": records(derived.reports),
        "grades": _grades(),
        "contacts": [contact.model_dump() for contact in situation.contacts],
        "disclaimer": situation.disclaimer,
    }
