"""The pages: each lays out cards, tables and figures that the plain modules made. No logic beyond filtering by area."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from situation.load.loader import LoadResult
from situation.load.revisions import RevisionError, in_repository, load_revision, recent_revisions
from situation.model.facts import Situation
from situation.model.scales import Credibility
from situation.serve.watch import FileView
from situation.ui.derived import Derived
from situation.ui.text import literal
from situation.views import figures, geomap, tables
from situation.views.attribution import claims_caption
from situation.views.cards import Card, age_text
from situation.views.diff import Change, diff
from situation.views.labels import credibility_text, summary_text

CARDS_PER_ROW = 3
MAX_CARDS_PER_GROUP = 30
"""A browser redraws every card on each rerun: past a few dozen a page is slow to draw (100x the seed has ~1,700)."""
MAX_LISTED = 50
"""Lines in one list (facts to re-verify, quotes) and contested claims side by side; the tables below hold every one."""
TRENDS_PER_PAGE = 12
"""Trend charts drawn at once: each is a plotly chart of its own, and a file can track sixty indicators."""
METRIC_WIDTH = 16
"""Characters a card's big value can show in a third of a wide page before st.metric cuts it."""
GROUP_TITLES = {"People": "Key figures", "Shortages": "Shortages", "Access": "Access", "Areas": "Latest by area"}


@dataclass(frozen=True)
class PageContext:
    """What every page needs: the derived data on show, and the chosen area (None for all)."""

    derived: Derived
    area: str | None
    view: FileView

    def in_area(self, frame: pd.DataFrame, column: str = "area") -> pd.DataFrame:
        """The rows about the chosen area or any area inside it."""
        if self.area is None or frame.empty:
            return frame
        return frame[frame[column].isin(self.derived.situation.areas_within(self.area))]


def _header(context: PageContext, title: str) -> None:
    situation = context.derived.situation
    st.title(literal(situation.title))
    st.caption(
        f"{title} · as of {situation.as_of:%-d %B %Y}"
        + (f" · {literal(context.derived.situation.area(context.area).name)}" if context.area else "")
    )


def _capped(lines: list[str], what: str) -> str:
    """One markdown block for a long list (one element, not one per line), cut at MAX_LISTED with a count of the rest."""
    shown = lines[:MAX_LISTED]
    if len(lines) > len(shown):
        shown.append(f"\n*{len(lines) - len(shown):,} more {what} not listed here.*")
    return "\n".join(shown)


def _plot(figure: object, caption: str, key: str) -> None:
    st.plotly_chart(figure, key=key, config={"displaylogo": False})
    st.caption(literal(caption))


def overview(context: PageContext) -> None:
    _header(context, "Overview")
    st.markdown(literal(summary_text(context.derived.situation)))
    _needs_update(context)
    areas = context.derived.situation.areas_within(context.area) if context.area else None
    cards = [c for c in context.derived.cards if areas is None or c.area in areas]
    if not cards:
        st.info("Nothing recorded for this area.")
    for group, title in GROUP_TITLES.items():
        in_group = [c for c in cards if c.group == group]
        if not in_group:
            continue
        st.subheader(title)
        shown = in_group[:MAX_CARDS_PER_GROUP]
        for start in range(0, len(shown), CARDS_PER_ROW):
            for column, card in zip(st.columns(CARDS_PER_ROW), shown[start : start + CARDS_PER_ROW], strict=False):
                with column:
                    _card(card)
        if len(in_group) > len(shown):
            st.caption(f"{len(in_group) - len(shown)} more not shown here: choose an area in the sidebar to see its cards.")


def _card(card: Card) -> None:
    """A card: the value, then when, who says so (with grades), how credible, what changed, and any dispute."""
    with st.container(border=True, key=f"card-{card.key}"):
        if card.group == "Areas":
            st.markdown(f"**{literal(card.title)}**")
            st.markdown(literal(card.value))
        elif len(card.value) <= METRIC_WIDTH:
            st.metric(literal(card.title), literal(card.value))
        else:  # st.metric cuts long values short ("Insufficient evi…"); a subheader wraps
            st.caption(literal(card.title))
            st.subheader(literal(card.value), anchor=False)
        if card.contested:
            st.markdown(":orange-badge[⚠ contested] a source denies a claim this rests on")
        if card.stale:
            st.markdown(f":red-badge[stale] {age_text(card.age_days)}: re-verify")
        if card.change:
            st.caption(f"Change: {literal(card.change)}")
        unit = f"{literal(card.unit)} · " if card.unit else ""
        age = f" ({age_text(card.age_days)})" if card.age_days is not None else ""
        st.caption(f"{unit}{literal(card.as_of)}{age} · {literal(card.sources)} · credibility {literal(card.credibility)}")
        if card.detail:
            st.caption(literal(card.detail))


def _needs_update(context: PageContext) -> None:
    """The facts older than the file's thresholds, oldest first: what the team should re-verify."""
    stale = [a for a in context.derived.ages if a.stale]
    if not stale:
        return
    with st.expander(f"Needs update: {len(stale)} fact(s) older than their threshold", expanded=False, icon=":material/update:"):
        lines = [
            f"- {literal(age.label)}: dated {literal(age.date.label())}, {age_text(age.days)} (re-verify after {age.limit} days)"
            for age in stale
        ]
        st.markdown(_capped(lines, "facts"))


@st.cache_resource(max_entries=16, show_spinner="Comparing…")
def _compared(path: str, commit: str, loaded_at: float, _current: Situation) -> tuple[LoadResult, list[Change]]:
    """The file at `commit` and its changes to the version on show: once per (file, revision, loaded version)."""
    old = load_revision(Path(path), commit)
    return old, (diff(old.situation, _current) if old.situation is not None else [])


def changes(context: PageContext) -> None:
    """The version on show against an earlier git revision of the same file."""
    _header(context, "Changes")
    path, current = context.view.path, context.view.situation
    assert current is not None
    if not in_repository(path):
        st.info(
            f"{literal(path.name)} is not in a git repository, so it has no earlier versions to compare. "
            "Compare two files with `python -m situation diff OLD NEW`."
        )
        return
    revisions = recent_revisions(path)
    if not revisions:
        st.info("This file has no commits yet; commit it, and later versions can be compared here.")
        return
    chosen = st.selectbox(
        "Compare the version on show with", revisions, key="since", format_func=lambda r: f"{r.date} · {r.subject} ({r.short})"
    )
    try:
        old, found = _compared(str(path), chosen.commit, context.view.loaded_at or 0.0, current)
    except RevisionError as error:
        st.warning(literal(error))
        return
    if old.situation is None:
        st.warning("That version of the file was not valid, so it cannot be compared:")
        st.code("\n".join(p.as_text() for p in old.problems), language=None, wrap_lines=True)
        return
    if not found:
        st.success(f"No changes to the facts since {chosen.date} (comments and formatting do not count).")
        return
    st.caption(f"{len(found)} change(s) since {chosen.date}: old → new, with who says so now.")
    table = pd.DataFrame([asdict(c) for c in found])
    for section, rows in table.groupby("section", sort=False):
        st.subheader(str(section).capitalize())
        st.dataframe(rows[["kind", "label", "field", "old", "new", "sources"]], hide_index=True)


Chart = tuple[object, str, str]
"""A figure, its caption and its element key."""


@st.cache_resource(max_entries=64, show_spinner=False)
def _charts(version: tuple[str, float, date | None], area: str | None, _context: PageContext) -> list[Chart]:
    """The Charts page's figures, made once per version, as-of day and area, whoever asks first (like the tables)."""
    derived = _context.derived
    shortages, access = _context.in_area(derived.shortages), _context.in_area(derived.access, "to_area")
    events, claims = _context.in_area(derived.events), derived.claims
    event_caption = "" if len(events) > figures.MAX_MARKERS else " · an open marker: only the month is known"
    return [
        (figures.severity_heatmap(shortages), figures.caption(shortages), "severity"),
        (figures.access_timeline(access), figures.caption(access), "access"),
        (figures.event_timeline(events), figures.caption(events) + event_caption, "events"),
        (figures.claims_matrix(claims), claims_caption(derived.situation, claims), "claims"),
    ]


@st.cache_resource(max_entries=64, show_spinner=False)
def _trends(version: tuple[str, float, date | None], area: str | None, _context: PageContext) -> list[pd.DataFrame]:
    """The indicators with two or more observations, each its own frame, in the file's order."""
    indicators = _context.in_area(_context.derived.indicators)
    return [frame for _, frame in indicators.groupby("indicator", sort=False) if len(frame) >= 2]


@st.cache_resource(max_entries=256, show_spinner=False)
def _trend(version: tuple[str, float, date | None], area: str | None, number: int, _frame: pd.DataFrame) -> Chart:
    return figures.indicator_trend(_frame), figures.caption(_frame), f"trend-{_frame['indicator'].iloc[0]}"


def charts(context: PageContext) -> None:
    _header(context, "Charts")
    version = context.derived.version
    for figure, caption, key in _charts(version, context.area, context):
        _plot(figure, caption, key)
    st.subheader("Trends")
    series = _trends(version, context.area, context)
    if not series:
        st.caption("No indicator has two or more observations yet; a trend appears here when one does.")
        return
    first = 0
    if len(series) > TRENDS_PER_PAGE:  # a page of trends at a time: each is a chart of its own in the browser
        starts = list(range(0, len(series), TRENDS_PER_PAGE))
        first = st.selectbox(
            f"{len(series)} indicators; show",
            starts,
            key="trends_from",
            format_func=lambda at: f"{at + 1}–{min(at + TRENDS_PER_PAGE, len(series))}",
        )
    for number in range(first, min(first + TRENDS_PER_PAGE, len(series))):
        _plot(*_trend(version, context.area, number, series[number]))


@st.cache_resource(max_entries=64, show_spinner=False)
def _map_chart(version: tuple[str, float, date | None], area: str | None, commodity: str | None, _context: PageContext) -> Chart:
    derived = _context.derived
    events = _context.in_area(derived.events)
    figure = geomap.geo_map(
        derived.situation, derived.areas, events, derived.access, focus=area, shortages=derived.shortages, commodity=commodity
    )
    return figure, " · ".join(filter(None, [figures.caption(events), geomap.attribution(derived.situation)])), "map"


def area_map(context: PageContext) -> None:
    _header(context, "Map")
    commodities = sorted(context.derived.shortages["commodity"].unique()) if not context.derived.shortages.empty else []
    colour_by = st.selectbox(
        "Colour areas by",
        ["status", *commodities],
        key="map_colour",
        format_func=lambda c: "status" if c == "status" else f"{c.replace('_', ' ')} shortage severity",
    )
    commodity = None if colour_by == "status" else colour_by
    _plot(*_map_chart(context.derived.version, context.area, commodity, context))
    areas, events = context.in_area(context.derived.areas), context.in_area(context.derived.events)
    st.dataframe(
        areas[["name", "status", "controlled_by", "date", "sources", "pcode"]].fillna({"status": "unknown"}),
        hide_index=True,
        column_config={"controlled_by": "controlled by", "date": "as of", "pcode": "p-code"},
    )
    st.subheader("Events")
    st.dataframe(
        events[["date", "area_name", "type_name", "summary", "hurt", "sources"]],
        hide_index=True,
        column_config={"area_name": "area", "type_name": "type", "hurt": "people hurt"},
    )
    totals = context.in_area(tables.people_hurt_totals(context.derived.situation))
    if not totals.empty:
        st.subheader("People hurt, by area and month")
        st.dataframe(totals.drop(columns="area"), hide_index=True, column_config={"area_name": "area"})
        st.caption("Sums never make a bound exact: 'at least' stays 'at least', and unknown figures are counted, not taken as 0.")


def sources_and_claims(context: PageContext) -> None:
    _header(context, "Sources & claims")
    derived = context.derived
    st.subheader("Contested claims")
    contested = derived.claims[derived.claims["status"] == "contested"]
    if contested.empty:
        st.caption("No claim is contested.")
    grouped = list(contested.groupby("claim", sort=False))
    if len(grouped) > MAX_LISTED:
        st.caption(f"The first {MAX_LISTED} of {len(grouped):,} contested claims; the table below lists every claim.")
    for claim_id, positions in grouped[:MAX_LISTED]:
        claim = derived.situation.claim(str(claim_id))
        with st.container(border=True):
            st.markdown(f"**{literal(claim.statement)}**")
            st.caption(f"Analyst's grade of the claim: {literal(credibility_text(Credibility(claim.credibility)))}")
            asserting, denying = st.columns(2)
            for column, stance, heading in ((asserting, "asserts", "Says so"), (denying, "denies", "Denies it")):
                with column:
                    st.markdown(f"**{heading}**")
                    for row in positions[positions["stance"] == stance].itertuples():
                        quote = f" — “{literal(row.quote)}”" if isinstance(row.quote, str) else ""
                        st.markdown(f"- {literal(row.source_name)} \\[{row.reliability}\\], {literal(row.date)}{quote}")
            if claim.note:
                st.caption(literal(claim.note))
    settled = derived.claims.dropna(subset=["resolution"]).drop_duplicates("claim")
    if not settled.empty:
        st.subheader("Settled claims")
        for row in settled.itertuples():
            st.markdown(
                f"- **{literal(row.statement)}** — {row.resolution} on {literal(row.resolved_on)}: {literal(row.resolution_note)}"
            )
    statements = tables.statement_table(derived.situation)
    st.subheader("Statements: calls, appeals, announcements, warnings")
    if statements.empty:
        st.caption("No statement recorded.")
    for row in statements.itertuples():
        quote = f" — “{literal(row.quote)}”" if isinstance(row.quote, str) else ""
        st.markdown(
            f"- {literal(row.date)} · **{literal(row.by_name)}** \\[{row.by_reliability}\\] ({row.kind}): "
            f"{literal(row.summary)}{quote}"
        )
    st.subheader("All claims")
    st.dataframe(
        derived.claims[["statement", "status", "source_name", "reliability", "stance", "date", "quote"]],
        hide_index=True,
        column_config={"source_name": "source"},
    )
    st.subheader("Sources")
    st.dataframe(
        derived.sources[["name", "kind", "reliability", "reliability_meaning", "via", "facts", "claim_positions", "note"]],
        hide_index=True,
        column_config={"reliability_meaning": "meaning", "claim_positions": "claims", "facts": "facts cited for"},
    )
    reports = tables.report_table(derived.situation)
    if not reports.empty:
        st.subheader("Reports cited")
        st.dataframe(
            reports[["title", "number", "source_name", "date", "url", "facts"]],
            hide_index=True,
            column_config={"source_name": "source", "facts": "facts cited for"},
        )
    st.subheader("Quotes")
    if derived.quotes:
        st.markdown(_capped([f"> {literal(q.text)}  \n> — {literal(q.speaker)}\n" for q in derived.quotes], "quotes"))
    for warning in derived.warnings:
        st.caption(literal(warning.as_text()))
