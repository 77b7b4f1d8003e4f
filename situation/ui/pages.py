"""The pages: each lays out the cards, tables, figures and words that the plain modules made (the view's area and its
wording are `situation.views.scope`'s), and keeps what it built at the page edge, per version, day and area."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache, cached_property, partial
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from situation.load.codes import Code
from situation.load.loader import LoadResult
from situation.load.problems import Problem
from situation.load.revisions import (
    Revision,
    RevisionError,
    first_changed,
    in_repository,
    load_revision,
    recent_revisions,
    revision_labels,
)
from situation.model.facts import Situation
from situation.model.scales import Credibility
from situation.serve.live.watch import FileView
from situation.ui import style
from situation.ui.text import literal
from situation.views import figures
from situation.views.attribution import claims_caption
from situation.views.cards import needs_update
from situation.views.derived import Derived
from situation.views.diff import Change, diff
from situation.views.geomap import drawing, geometry
from situation.views.labels import credibility_text, grade_key, summary_text
from situation.views.scope import Scope

MAX_CARDS_PER_GROUP = 30
"""A browser redraws every card on each rerun: past a few dozen a page is slow to draw (100x the seed has ~1,700)."""
MAX_LISTED = 50
"""Lines in one list (facts to re-verify, quotes) and contested claims side by side; the tables below hold every one."""
TRENDS_PER_PAGE = 12
"""Trend charts drawn at once: each is a plotly chart of its own, and a file can track sixty indicators."""
GROUP_TITLES = {"People": "Key figures", "Shortages": "Shortages", "Access": "Access", "Areas": "Latest by area"}
Reader = Callable[[Path, str], LoadResult]
"""How the Changes page reads a file as it was at a commit."""


@dataclass(frozen=True)
class PageContext:
    """What every page needs: the derived data on show, and the chosen area (None for all)."""

    derived: Derived
    area: str | None
    view: FileView
    published_only: bool = False
    """The Changes page lists only the versions the published branch has held (for a viewer: never a draft's commit)."""
    read_revision: Callable[[Path, str], LoadResult] = load_revision
    """How the Changes page reads the file at a commit (in review, from git's objects alone: `Versions.load_revision`)."""

    @cached_property
    def scope(self) -> Scope:
        """The chosen area's rows, cards and claims, and how the view is said (`situation.views.scope`)."""
        return Scope(self.derived.situation, self.area)


def _header(context: PageContext, title: str) -> None:
    st.title(literal(context.derived.situation.title))
    st.caption(literal(context.scope.caption(title)))


def _plot(figure: object, caption: str, key: str) -> None:
    st.plotly_chart(figure, key=key, config={"displaylogo": False})
    st.caption(literal(caption))


def overview(context: PageContext) -> None:
    """What matters, then every card, nearly all as two `st.html` elements: the title, band, summary and what needs
    updating; then the cards under their headings and the key to the grades.

    A browser draws a run element by element, each through several layers of React; a heading or a box's label also
    through a Markdown parser. With these as ~15 of Streamlit's elements, a first visit to the seed spent ~170 ms of
    the browser's time in one render, and took 1.03x the one-metric app's time where it now takes ~0.98x (benchmarks/).
    The boxes are HTML `<details>`: they open in the browser, with no rerun.
    """
    situation, scope = context.derived.situation, context.scope
    head = style.page_head(situation.title, scope.caption("Overview"))
    lines = context.derived.headline(context.area)
    rest = style.summary(summary_text(situation)) + _needs_update(context)
    if lines:
        st.html(head + style.band(lines, _link(context, "sources")) + rest)
    else:
        st.html(head)
        st.info(literal(scope.nothing_to_lead_with))
        st.html(rest)
    cards = scope.cards(context.derived.cards)
    if not cards:
        st.info(literal(scope.no_cards))
    link = _link(context, "sources")
    groups = [
        style.CardGroup(title, in_group[:MAX_CARDS_PER_GROUP], max(0, len(in_group) - MAX_CARDS_PER_GROUP))
        for group, title in GROUP_TITLES.items()
        if (in_group := [c for c in cards if c.group == group])
    ]
    # The cards are written once per version, area and link, for every viewer.
    shown = context.derived.once(f"cards {context.area} {link}", partial(style.card_groups, groups, link)) if groups else ""
    st.html(shown + _grade_key())


def _link(context: PageContext, page: str) -> str:
    """The address of another page with this view's situation, area and day, for a link in the page."""
    query = {"situation": context.view.key, **({"area": context.area} if context.area else {})}
    if context.derived.situation.as_of != (context.view.situation.as_of if context.view.situation else None):
        query["as_of"] = context.derived.situation.as_of.isoformat()
    return f"{page}?{urlencode(query)}"


@cache
def _grade_key() -> str:
    """What [B] and 'credibility 3' mean, in a box beside the cards and sources that use them (the same every run)."""
    return style.box("Key: source grades [A]–[F] and credibility 1–6", style.grade_key(grade_key()))


def _needs_update(context: PageContext) -> str:
    """The facts older than the file's thresholds, oldest first, in a box: what the team should re-verify."""
    reminder = needs_update(context.derived.ages)
    if reminder is None:
        return ""
    return style.box(reminder.title, style.bullets(reminder.lines, MAX_LISTED, "facts"))


@st.cache_resource(max_entries=64, show_spinner="Comparing…")
def _compared(path: str, commit: str, version: tuple[str, str, float | None], _current: Situation, _read: Reader) -> list[Change]:
    """What changed from the file at `commit` to the version on show: once per (file, revision, version on show)."""
    old = _revision(path, commit, _read).situation
    return diff(old, _current) if old is not None else []


def changes(context: PageContext) -> None:
    """The version on show against an earlier git revision of the same file: by default the last one whose facts differ."""
    _header(context, "Changes")
    path, current = context.view.path, context.view.situation
    assert current is not None
    if not in_repository(path):
        st.info(
            f"{literal(path.name)} is not in a git repository, so it has no earlier versions to compare. "
            "Compare two files with `python -m situation diff OLD NEW`."
        )
        return
    revisions = recent_revisions(path, start=context.view.commit or "HEAD", first_parent=context.published_only)
    if not revisions:
        st.info("This file has no commits yet; commit it, and later versions can be compared here.")
        return
    read = context.read_revision
    loaded = {r.commit: _revision(str(path), r.commit, read) for r in revisions}

    def changes_since(revision: Revision) -> list[Change]:
        return _compared(str(path), revision.commit, context.view.version_key, current, read)

    def as_of(revision: Revision) -> date | None:
        old = loaded[revision.commit].situation
        return old.as_of if old is not None else None

    labels = revision_labels(revisions, as_of)
    default = first_changed(revisions, lambda r: loaded[r.commit].situation is not None and bool(changes_since(r)))
    chosen = st.selectbox(
        "Compare the version on show with", revisions, index=default, key="since", format_func=lambda r: labels[r.commit]
    )
    old = loaded[chosen.commit]
    if old.situation is None:
        st.warning("That version of the file was not valid, so it cannot be compared:")
        st.code("\n".join(p.as_text() for p in old.problems), language=None, wrap_lines=True)
        return
    found = changes_since(chosen)
    if not found:
        st.success(f"No changes to the facts since {chosen.date} (comments and formatting do not count).")
        return
    st.caption(
        f"{len(found)} change(s) from the situation as of {old.situation.as_of:%-d %b %Y} to {current.as_of:%-d %b %Y}: "
        "now, then before, with who says so now."
    )
    table = pd.DataFrame([asdict(c) for c in found])
    for section, rows in table.groupby("section", sort=False):
        st.subheader(str(section).capitalize())
        st.dataframe(
            rows[["kind", "label", "field", "new", "old", "sources"]].fillna(""),
            hide_index=True,
            column_config={
                "kind": "what",
                "label": st.column_config.TextColumn("fact", width="medium"),
                "new": st.column_config.TextColumn("now", width="medium"),
                "old": "before",
            },
        )


@st.cache_resource(max_entries=64, show_spinner=False)
def _revision(path: str, commit: str, _read: Reader) -> LoadResult:
    """A commit's version of the file, read once: a commit's content never changes."""
    try:
        return _read(Path(path), commit)
    except RevisionError as error:
        return LoadResult(path, None, [Problem.about_file(path, Code.UNREADABLE, str(error))])


def _plot_or_say(figure: object, frame: pd.DataFrame, caption: str, key: str, nothing: str) -> None:
    """The chart, or a sentence saying what there is none of: an empty chart is blank axes that mean nothing."""
    if frame.empty:
        st.info(literal(nothing))
        return
    _plot(figure, caption, key)


Chart = tuple[object, str, str]
"""A figure, its caption and its element key."""
Shown = tuple[object, pd.DataFrame, str, str, str]
"""A figure, the rows it draws, its caption, its element key, and what to say instead when there are no rows."""


@st.cache_resource(max_entries=64, show_spinner=False)
def _charts(version: Hashable, area: str | None, _context: PageContext) -> list[Shown]:
    """The Charts page's figures, made once per version, as-of day and area, whoever asks first (like the tables)."""
    derived, scope = _context.derived, _context.scope
    shortages, access = scope.rows(derived.shortages), scope.rows(derived.access, "to_area")
    events, claims = scope.rows(derived.events), scope.claims(derived.claims)
    event_caption = "" if len(events) > figures.MAX_MARKERS else " · an open marker: only the month is known"
    return [
        (figures.severity_heatmap(shortages), shortages, figures.caption(shortages), "severity", scope.none_recorded("shortage")),
        (
            figures.access_timeline(access),
            access,
            figures.caption(access),
            "access",
            scope.none_recorded("corridor or supply line"),
        ),
        (
            figures.event_timeline(events),
            events,
            figures.caption(events) + event_caption,
            "events",
            scope.none_recorded("event"),
        ),
        (figures.claims_matrix(claims), claims, claims_caption(derived.situation, claims), "claims", scope.no_claims),
    ]


@st.cache_resource(max_entries=64, show_spinner=False)
def _trends(version: Hashable, area: str | None, _context: PageContext) -> list[pd.DataFrame]:
    """The indicators with two or more observations, each its own frame, in the file's order."""
    indicators = _context.scope.rows(_context.derived.indicators)
    return [frame for _, frame in indicators.groupby("indicator", sort=False) if len(frame) >= 2]


@st.cache_resource(max_entries=256, show_spinner=False)
def _trend(version: Hashable, area: str | None, number: int, _frame: pd.DataFrame) -> Chart:
    return figures.indicator_trend(_frame), figures.caption(_frame), f"trend-{_frame['indicator'].iloc[0]}"


def charts(context: PageContext) -> None:
    _header(context, "Charts")
    version = context.derived.version
    for figure, frame, caption, key, empty in _charts(version, context.area, context):
        _plot_or_say(figure, frame, caption, key, empty)
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
def _map_chart(version: Hashable, area: str | None, commodity: str | None, _context: PageContext) -> Chart:
    derived = _context.derived
    events = _context.scope.rows(derived.events)
    figure = drawing.geo_map(
        derived.situation, derived.areas, events, derived.access, focus=area, shortages=derived.shortages, commodity=commodity
    )
    caption = [figures.caption(events) if not events.empty else "", drawing.attribution(derived.situation)]
    return figure, " · ".join(filter(None, caption)) + " · hover an area for its sources", "map"


def area_map(context: PageContext) -> None:
    _header(context, "Map")
    derived, scope = context.derived, context.scope
    areas, events = scope.rows(derived.areas), scope.rows(derived.events)
    if not areas["area"].isin({p.area for p in geometry.placed_areas(derived.situation)}).any():
        st.info(literal(scope.nothing_to_draw))
    else:
        commodities = sorted(derived.shortages["commodity"].unique()) if not derived.shortages.empty else []
        colour_by = st.selectbox(
            "Colour areas by",
            ["status", *commodities],
            key="map_colour",
            format_func=lambda c: "status" if c == "status" else f"{c.replace('_', ' ')} shortage severity",
        )
        commodity = None if colour_by == "status" else colour_by
        _plot(*_map_chart(derived.version, context.area, commodity, context))
    st.dataframe(
        areas[["name", "status", "controlled_by", "date", "sources", "pcode"]]
        .assign(status=areas["status"].fillna("not known").str.replace("_", " "))
        .fillna(""),
        hide_index=True,
        column_config={
            "controlled_by": st.column_config.TextColumn("controlled by", width="medium"),
            "date": "as of",
            "sources": st.column_config.TextColumn("sources", width="large"),
            "pcode": "p-code",
        },
    )
    st.subheader("Events")
    if events.empty:
        st.info(literal(scope.none_recorded("event")))
    else:
        st.dataframe(
            events[["date", "area_name", "type_name", "summary", "hurt", "sources"]].fillna(""),
            hide_index=True,
            column_config={
                "area_name": "area",
                "type_name": "type",
                "summary": st.column_config.TextColumn("summary", width="large"),
                "hurt": "people hurt",
            },
        )
    totals = scope.rows(derived.hurt_totals)
    if not totals.empty:
        st.subheader("People hurt, by area and month")
        st.dataframe(totals.drop(columns="area").fillna(""), hide_index=True, column_config={"area_name": "area"})
        st.caption("Sums never make a bound exact: 'at least' stays 'at least', and unknown figures are counted, not taken as 0.")


def sources_and_claims(context: PageContext) -> None:
    _header(context, "Sources & claims")
    derived, scope = context.derived, context.scope
    claims = scope.claims(derived.claims)
    st.subheader("Contested claims")
    contested = claims[claims["status"] == "contested"]
    if contested.empty:
        st.caption(literal(scope.none_contested))
    grouped = list(contested.groupby("claim", sort=False))
    if len(grouped) > MAX_LISTED:
        st.caption(f"The first {MAX_LISTED} of {len(grouped):,} contested claims; the table below lists every claim.")
    for claim_id, positions in grouped[:MAX_LISTED]:
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
    settled = claims.dropna(subset=["resolution"]).drop_duplicates("claim")
    if not settled.empty:
        st.subheader("Settled claims")
        for row in settled.itertuples():
            st.markdown(
                f"- **{literal(row.statement)}** — {row.resolution} on {literal(row.resolved_on)}: {literal(row.resolution_note)}"
            )
    statements = scope.statements(derived.statements)
    st.subheader("Statements: calls, appeals, announcements, warnings")
    if statements.empty:
        st.caption(literal(scope.none_recorded("statement")))
    for row in statements.itertuples():
        quote = f" — “{literal(row.quote)}”" if isinstance(row.quote, str) else ""
        st.markdown(
            f"- {literal(row.date)} · **{literal(row.by_name)}** \\[{row.by_reliability}\\] ({row.kind}): "
            f"{literal(row.summary)}{quote}"
        )
    st.subheader("All claims")
    if claims.empty:
        st.caption(literal(scope.no_claims))
    else:
        st.dataframe(
            claims[["statement", "stance", "source_name", "date", "status", "reliability", "quote"]].fillna(""),
            hide_index=True,
            column_config={
                "statement": st.column_config.TextColumn("claim", width="medium"),
                "source_name": st.column_config.TextColumn("source", width="small"),
                "reliability": st.column_config.TextColumn("grade", width="small"),
                "quote": st.column_config.TextColumn("quote", width="medium"),
            },
        )
    st.subheader("Sources")
    st.dataframe(
        derived.sources[["name", "kind", "reliability", "reliability_meaning", "via", "facts", "claim_positions", "note"]].fillna(
            ""
        ),
        hide_index=True,
        column_config={"reliability_meaning": "meaning", "claim_positions": "claims", "facts": "facts cited for"},
    )
    reports = derived.reports
    if not reports.empty:
        st.subheader("Reports cited")
        st.dataframe(
            reports[["title", "number", "source_name", "date", "url", "facts"]].fillna(""),
            hide_index=True,
            column_config={"source_name": "source", "facts": "facts cited for"},
        )
    st.subheader("Quotes, with the fact each supports")
    for quoted in derived.quotes:
        st.markdown(f"**{literal(quoted.fact)}**  \n> “{literal(quoted.text)}” — {literal(quoted.speaker)}")
    st.html(_grade_key())
    for warning in context.view.problems:
        if warning.severity == "warning":
            st.caption(literal(warning.as_text()))
