"""The pages: each lays out cards, tables and figures that the plain modules made. No logic beyond filtering by area."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from html import escape
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from situation.load.revisions import RevisionError, in_repository, load_revision, recent_revisions
from situation.model.scales import Credibility
from situation.serve.watch import FileView
from situation.ui import style
from situation.ui.derived import Derived
from situation.ui.text import literal
from situation.views import figures, tables
from situation.views.attribution import claims_caption, quotes
from situation.views.cards import Card, age_text
from situation.views.diff import diff
from situation.views.headline import headline
from situation.views.history import ages
from situation.views.labels import credibility_text, grade_key, summary_text

CARDS_PER_ROW = 3
MAX_CARDS_PER_GROUP = 30
"""A browser redraws every card on each rerun: past a few dozen a page is slow to draw (100x the seed has ~1,700)."""
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


def _plot(figure: object, caption: str, key: str) -> None:
    st.plotly_chart(figure, key=key, config={"displaylogo": False})
    st.caption(literal(caption))


def overview(context: PageContext) -> None:
    _header(context, "Overview")
    situation = context.derived.situation
    lines = headline(situation, context.area)
    if lines:
        style.headline_band(lines, _link(context, "sources"))
    else:
        st.info(
            f"Nothing to lead with {_where(context)} on {situation.as_of:%-d %B %Y}: no status, figure or route is recorded yet."
        )
    st.markdown(literal(summary_text(situation)))
    _needs_update(context)
    areas = situation.areas_within(context.area) if context.area else None
    cards = [c for c in context.derived.cards if areas is None or c.area in areas]
    if not cards:
        st.info(f"No figure, shortage, route or event is recorded {_where(context)} by {situation.as_of:%-d %B %Y}.")
    for group, title in GROUP_TITLES.items():
        in_group = [c for c in cards if c.group == group]
        if not in_group:
            continue
        st.subheader(title)
        shown = in_group[:MAX_CARDS_PER_GROUP]
        for start in range(0, len(shown), CARDS_PER_ROW):
            for column, card in zip(st.columns(CARDS_PER_ROW), shown[start : start + CARDS_PER_ROW], strict=False):
                with column:
                    _card(card, _link(context, "sources"))
        if len(in_group) > len(shown):
            st.caption(f"{len(in_group) - len(shown)} more not shown here: choose an area in the sidebar to see its cards.")
    _grade_key()


def _where(context: PageContext) -> str:
    """'for Manbij', or 'for any area'."""
    return f"for {context.derived.situation.area(context.area).name}" if context.area else "for any area"


def _link(context: PageContext, page: str) -> str:
    """The address of another page with this view's situation, area and day, for a link in the page."""
    query = {"situation": context.view.key, **({"area": context.area} if context.area else {})}
    if context.derived.situation.as_of != (context.view.situation.as_of if context.view.situation else None):
        query["as_of"] = context.derived.situation.as_of.isoformat()
    return f"{page}?{urlencode(query)}"


def _card(card: Card, claims_page: str) -> None:
    """A card: the value, then when, who says so (with grades), how credible, what changed, and any dispute.

    One type scale for every card: a small bold title, the value large (a long value one step smaller), then small
    grey lines. Streamlit's metric and subheader gave two styles in one row.
    """
    with st.container(border=True, key=f"card-{card.key}"):
        long = " long" if card.group == "Areas" or len(card.value) > METRIC_WIDTH else ""
        st.html(f'<div class="card-title">{escape(card.title)}</div><div class="card-value{long}">{escape(card.value)}</div>')
        if card.contested_claim:
            st.markdown(
                f":orange-badge[⚠ contested] [{literal(card.contested_claim.statement)}]"
                f"({claims_page}#claim-{card.contested_claim.id})"
            )
        if card.stale:
            st.markdown(f":red-badge[stale] {age_text(card.age_days)}: re-verify")
        if card.change:
            st.caption(f"Change: {literal(card.change)}")
        unit = f"{literal(card.unit)} · " if card.unit else ""
        st.caption(f"{unit}{literal(card.when)} · {literal(card.sources)} · credibility {literal(card.credibility)}")
        if card.detail:
            st.caption(literal(card.detail))


def _grade_key() -> None:
    """What [B] and 'credibility 3' mean, beside the cards that use them."""
    with st.expander("Key: source grades [A]–[F] and credibility 1–6"):
        rows = grade_key()
        for scale in dict.fromkeys(r.scale for r in rows):
            cells = "".join(
                f"<tr><td><b>{escape(r.grade)}</b></td><td>{escape(r.meaning)}</td></tr>" for r in rows if r.scale == scale
            )
            st.html(f'<div class="card-meta">{escape(scale)}</div><table class="grade-key">{cells}</table>')


def _needs_update(context: PageContext) -> None:
    """The facts older than the file's thresholds, oldest first: what the team should re-verify."""
    situation = context.derived.situation
    stale = [a for a in ages(situation) if a.stale]
    if not stale:
        return
    with st.expander(f"Needs update: {len(stale)} fact(s) older than their threshold", expanded=False, icon=":material/update:"):
        for age in stale:
            st.markdown(
                f"- {literal(age.label)}: dated {literal(age.date.label())}, {age_text(age.days)} "
                f"(re-verify after {age.limit} days)"
            )


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
        old = load_revision(path, chosen.commit)
    except RevisionError as error:
        st.warning(literal(error))
        return
    if old.situation is None:
        st.warning("That version of the file was not valid, so it cannot be compared:")
        st.code("\n".join(p.as_text() for p in old.problems), language=None, wrap_lines=True)
        return
    found = diff(old.situation, current)
    if not found:
        st.success(f"No changes to the facts since {chosen.date} (comments and formatting do not count).")
        return
    st.caption(f"{len(found)} change(s) since {chosen.date}: old → new, with who says so now.")
    table = pd.DataFrame([asdict(c) for c in found])
    for section, rows in table.groupby("section", sort=False):
        st.subheader(str(section).capitalize())
        st.dataframe(rows[["kind", "label", "field", "old", "new", "sources"]], hide_index=True)


def charts(context: PageContext) -> None:
    _header(context, "Charts")
    derived = context.derived
    shortages, access = context.in_area(derived.shortages), context.in_area(derived.access, "to_area")
    events, claims = context.in_area(derived.events), derived.claims
    _plot(figures.severity_heatmap(shortages), figures.caption(shortages), "severity")
    _plot(figures.access_timeline(access), figures.caption(access), "access")
    _plot(figures.event_timeline(events), figures.caption(events) + " · an open marker: only the month is known", "events")
    _plot(figures.claims_matrix(claims), claims_caption(derived.situation, claims), "claims")
    st.subheader("Trends")
    indicators = context.in_area(derived.indicators)
    series = [frame for _, frame in indicators.groupby("indicator", sort=False) if len(frame) >= 2]
    if not series:
        st.caption("No indicator has two or more observations yet; a trend appears here when one does.")
    for frame in series:
        _plot(figures.indicator_trend(frame), figures.caption(frame), f"trend-{frame['indicator'].iloc[0]}")


def area_map(context: PageContext) -> None:
    _header(context, "Map")
    derived = context.derived
    areas, events = context.in_area(derived.areas), context.in_area(derived.events)
    _plot(figures.area_map(areas, events), figures.caption(events) + " · positions are approximate", "map")
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
    totals = context.in_area(tables.people_hurt_totals(derived.situation))
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
    for claim_id, positions in contested.groupby("claim", sort=False):
        claim = derived.situation.claim(str(claim_id))
        with st.container(border=True, key=f"claim-{claim_id}"):
            st.subheader(literal(claim.statement), anchor=f"claim-{claim_id}")
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
    for quoted in quotes(derived.situation):
        st.markdown(f"> {literal(quoted.text)}  \n> — {literal(quoted.speaker)}")
    for warning in derived.warnings:
        st.caption(literal(warning.as_text()))
