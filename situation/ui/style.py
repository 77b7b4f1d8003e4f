"""The Overview's own HTML (title, headline band, summary, boxes that open, cards) and the styles it and the phone need.

The styles are sent once per run as a style-only `st.html` (Streamlit puts it in the page without taking space).
Colours that carry meaning come from `situation.views.palette`; text keeps the theme's own colour, so light and dark
both read. Nearly all of the Overview is two `st.html` elements built here, rather than Streamlit's title, caption,
expanders and a bordered container of four or five elements per card: a browser draws a run element by element, each
through several layers of React, so the seed's 125 elements kept an edit off the screen for ~150 ms, and its ~25 made a
first visit slower than a one-metric app's (`pages.overview` has the figures). The HTML is set to look like Streamlit's
own elements. A phone gets one card per row, a smaller title, tables that scroll inside themselves rather than
widening the page, and a sidebar that closes once a page is chosen from it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import NamedTuple

import streamlit as st

from situation.views.cards import Card, age_text
from situation.views.headline import HeadlineLine
from situation.views.labels import GradeKey
from situation.views.palette import BLUE, CLAIM_STATUS_COLOURS, TONE_COLOURS

PHONE = 640
"""Below this width (px) the layout is the phone's."""
CARDS_PER_ROW = 3
VALUE_WIDTH = 16
"""Characters a card's big value shows in a third of a wide page before it wraps: a longer one is set a step smaller."""

_CSS = """
<style>
.headline-band { display: grid; gap: .35rem; margin: .25rem 0 .5rem 0; }
.headline-line { border-left: .3rem solid var(--tone); padding: .2rem .6rem; border-radius: .2rem;
  background: color-mix(in srgb, var(--tone) 10%, transparent); line-height: 1.35; }
.headline-line .label { font-weight: 600; }
.headline-line .text { font-size: 1rem; }
.headline-line .provenance { font-size: .78rem; opacity: .75; display: block; }
.headline-line a { color: inherit; }
h1.page-title { font-size: 2.75rem; font-weight: 700; line-height: 1.2; padding: 1.25rem 0 1rem 0; margin: 0;
  scroll-margin-top: 3.75rem; }
.page-caption { font-size: .875rem; line-height: 1.6; opacity: .6; margin: 0 0 1.25rem 0; }
.summary { margin: 1.5rem 0 0 0; font-size: 1rem; line-height: 1.6; }
.box { border: 1px solid color-mix(in srgb, currentColor 16%, transparent); border-radius: .5rem; margin: 1rem 0 0 0; }
.box summary { list-style: none; cursor: pointer; display: flex; align-items: center; gap: .8rem; padding: .5rem .75rem;
  font-size: .875rem; line-height: 1.6; border-radius: .5rem; }
.box summary::-webkit-details-marker { display: none; }
.box summary::before { content: ""; width: .4rem; height: .4rem; margin: 0 .15rem; border: solid currentColor;
  border-width: 0 .11rem .11rem 0; transform: rotate(-45deg); transition: transform .15s; }
.box[open] summary::before { transform: rotate(45deg); }
.box summary:hover { color: color-mix(in srgb, {LINK} 80%, currentColor); }
.box-body { padding: 0 1rem .75rem 1rem; font-size: .95rem; }
.box-body ul { margin: 0; padding-left: 1.2rem; }
.box-body pre.changes { margin: 0; font-size: .8rem; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
.box-body .more, .card-groups .more { font-size: .875rem; opacity: .75; margin: .5rem 0 0 0; }
.card-groups h3 { font-size: 1.75rem; font-weight: 600; line-height: 1.2; letter-spacing: -0.005em; padding: .75rem 0 1rem;
  margin: 0; scroll-margin-top: 3.75rem; }
.card-groups .cards + h3, .card-groups .more + h3 { margin-top: 1rem; }
.cards { display: grid; grid-template-columns: repeat({CARDS_PER_ROW}, minmax(0, 1fr)); gap: 1rem; }
.card { border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: .5rem; padding: .9rem 1rem;
  min-width: 0; overflow-wrap: anywhere; }
.card-title { font-size: .875rem; font-weight: 600; margin-bottom: .1rem; }
.card-value { font-size: 1.5rem; line-height: 1.25; font-weight: 500; overflow-wrap: anywhere; }
.card-value.long { font-size: 1.1rem; }
.card-meta { font-size: .8rem; opacity: .75; }
.card .card-line { font-size: .9rem; line-height: 1.4; margin-top: .5rem; }
.card a { color: color-mix(in srgb, {LINK} 75%, currentColor); }
.card .card-meta { font-size: .85rem; line-height: 1.4; margin-top: .4rem; }
.badge { display: inline-block; font-size: .8rem; font-weight: 600; line-height: 1.3; padding: .05rem .4rem;
  border-radius: .25rem; color: color-mix(in srgb, var(--tone) 60%, currentColor);
  background: color-mix(in srgb, var(--tone) 18%, transparent); }
.grade-key { font-size: .8rem; border-collapse: collapse; }
.grade-key td { padding: 0 .6rem .1rem 0; vertical-align: top; }
[data-testid="stMain"] { overflow-x: hidden; }
[data-testid="stSidebar"] [data-testid="stElementContainer"]:has(script) { display: none; }
@media (max-width: {PHONE}px) {
  [data-testid="stMain"] h1 { font-size: 1.6rem; padding-top: .5rem; }
  [data-testid="stMainBlockContainer"] { padding-left: .75rem; padding-right: .75rem; padding-top: 3rem; }
  .cards { grid-template-columns: minmax(0, 1fr); }
  .headline-line .text { font-size: .92rem; }
  .headline-line .provenance { font-size: .72rem; }
  [data-testid="stDataFrame"], [data-testid="stTable"] { max-width: 100%; overflow-x: auto; }
}
</style>
"""

_CLOSE_SIDEBAR_ON_PHONE = """
<script>
if (!window.__closesSidebarOnPhone) {
  window.__closesSidebarOnPhone = true;
  document.addEventListener('click', (event) => {
    if (window.innerWidth >= {PHONE} || !event.target.closest('[data-testid="stSidebarNav"] a')) return;
    setTimeout(() => {
      const sidebar = document.querySelector('[data-testid="stSidebar"]');
      if (sidebar && sidebar.getBoundingClientRect().right > 10) {  // still open, over the page
        sidebar.querySelector('button[aria-label="Collapse sidebar"], [data-testid="stSidebarCollapseButton"] button')?.click();
      }
    }, 150);
  }, true);
}
</script>
"""


def apply() -> None:
    """The page's styles, and the phone's sidebar closing after navigation; called first, before anything it styles.

    A browser fetches the code that draws a kind of element when the first one arrives, at most six files at a time.
    The Overview is `st.html`, like these two: sent first, its code is fetched before anything else's (see `app._draw`,
    which also sends the page before the sidebar's choices).
    """
    st.html(_CSS.replace("{PHONE}", str(PHONE)).replace("{CARDS_PER_ROW}", str(CARDS_PER_ROW)).replace("{LINK}", BLUE))
    st.sidebar.html(_CLOSE_SIDEBAR_ON_PHONE.replace("{PHONE}", str(PHONE)), unsafe_allow_javascript=True)


def page_head(title: str, caption: str) -> str:
    """The Overview's title and the line under it, set as Streamlit sets `st.title` and `st.caption` on other pages."""
    heading = f'<h1 class="page-title" id="{_anchor(title)}">{html.escape(title)}</h1>'
    return f'{heading}<p class="page-caption">{html.escape(caption)}</p>'


def band(lines: list[HeadlineLine], claim_link: str) -> str:
    """The headline band: a line per fact, its tone as a coloured edge, its provenance under it; a claim links to its
    entry. `claim_link` is the Sources & claims page's address with the view's query, to which '#claim-ID' is added."""
    rows = []
    for line in lines:
        text = html.escape(line.text)
        if line.claim:
            text += f' <a href="{html.escape(claim_link)}#claim-{html.escape(line.claim)}">see the claim</a>'
        rows.append(
            f'<div class="headline-line tone-{line.tone}" style="--tone: {TONE_COLOURS[line.tone]}" '
            f'data-key="{html.escape(line.key)}"><span class="label">{html.escape(line.label)}:</span> '
            f'<span class="text">{text}</span><span class="provenance">{html.escape(line.provenance)}</span></div>'
        )
    return f'<div class="headline-band" data-testid="headline-band">{"".join(rows)}</div>'


def summary(text: str) -> str:
    """The summary written for the day on show, under the band."""
    return f'<p class="summary">{html.escape(text)}</p>'


def box(label: str, body: str, opened: bool = False) -> str:
    """A box that opens, set like `st.expander` but opened by the browser alone: no rerun, and nothing for React to draw.
    `body` is HTML; `opened` draws it open."""
    state = " open" if opened else ""
    return f'<details class="box"{state}><summary>{html.escape(label)}</summary><div class="box-body">{body}</div></details>'


def bullets(items: Sequence[str], most: int, what: str) -> str:
    """A list, cut at `most` items with a count of the rest ('3 more facts not listed here.')."""
    listed = "".join(f"<li>{html.escape(item)}</li>" for item in items[:most])
    rest = f'<p class="more">{len(items) - most:,} more {html.escape(what)} not listed here.</p>' if len(items) > most else ""
    return f"<ul>{listed}</ul>{rest}"


def grade_key(rows: Sequence[GradeKey]) -> str:
    """What [B] and 'credibility 3' mean: a small table per scale."""
    scales = []
    for scale in dict.fromkeys(r.scale for r in rows):
        cells = "".join(
            f"<tr><td><b>{html.escape(r.grade)}</b></td><td>{html.escape(r.meaning)}</td></tr>" for r in rows if r.scale == scale
        )
        scales.append(f'<div class="card-meta">{html.escape(scale)}</div><table class="grade-key">{cells}</table>')
    return "".join(scales)


class CardGroup(NamedTuple):
    """A group of cards under its heading, and how many more it has than are shown."""

    title: str
    cards: Sequence[Card]
    hidden: int


def card_groups(groups: Sequence[CardGroup], claims_page: str) -> str:
    """Every group of cards, each under its heading, as one element (`st.html`).

    Fewer elements show sooner (`pages.overview` says by how much). A heading is set like Streamlit's subheader and
    keeps its anchor ('#key-figures').
    """
    parts = []
    for group in groups:
        parts.append(f'<h3 id="{_anchor(group.title)}">{html.escape(group.title)}</h3>')
        parts.append(f'<div class="cards">{"".join(card_html(card, claims_page) for card in group.cards)}</div>')
        if group.hidden:
            more = f"{group.hidden} more not shown here: choose an area in the sidebar to see its cards."
            parts.append(f'<p class="more">{more}</p>')
    return f'<section class="card-groups">{"".join(parts)}</section>'


def _anchor(title: str) -> str:
    """The id Streamlit gives a heading, so '#key-figures' finds it."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def card_class(key: str) -> str:
    """The class that finds a card in the page: its key with every character a class selector would trip on as '-'."""
    return "card-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def card_html(card: Card, claims_page: str) -> str:
    """A card: the value, then what disputes or dates it, what changed, when, who says so (with grades), how credible.

    One type scale for every card: a small bold title, the value large (a long value one step smaller), then small
    grey lines. Every text from the file is escaped: a title with markup shows the markup.
    `claims_page` is the Sources & claims page's address with the view's query, to which '#claim-ID' is added.
    """
    long = " long" if card.group == "Areas" or len(card.value) > VALUE_WIDTH else ""
    parts = [
        f'<div class="card-title">{html.escape(card.title)}</div>',
        f'<div class="card-value{long}">{html.escape(card.value)}</div>',
    ]
    if card.contested_claim:
        claim = card.contested_claim
        parts.append(
            f'<div class="card-line">{_badge("⚠ contested", CLAIM_STATUS_COLOURS["contested"])} '
            f'<a href="{html.escape(claims_page)}#claim-{html.escape(claim.id)}">{html.escape(claim.statement)}</a></div>'
        )
    if card.stale:
        age = age_text(card.age_days)
        stale = _badge("stale", TONE_COLOURS["alert"]) + (f" {html.escape(age)}" if age else "")
        parts.append(f'<div class="card-line">{stale}: re-verify</div>')
    if card.change:
        parts.append(f'<div class="card-meta">Change: {html.escape(card.change)}</div>')
    unit = f"{card.unit} · " if card.unit else ""
    provenance = f"{unit}{card.when} · {card.sources} · credibility {card.credibility}"
    parts.append(f'<div class="card-meta">{html.escape(provenance)}</div>')
    if card.detail:
        parts.append(f'<div class="card-meta">{html.escape(card.detail)}</div>')
    return f'<div class="card {card_class(card.key)}" data-card="{html.escape(card.key)}">{"".join(parts)}</div>'


def _badge(text: str, colour: str) -> str:
    """A small label in a tint of `colour`, its text mixed with the theme's so it reads on light and dark alike."""
    return f'<span class="badge" style="--tone: {colour}">{html.escape(text)}</span>'
