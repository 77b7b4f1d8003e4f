"""Plotly figures of the derived tables: plain functions from a frame to a figure, shared by the app and exports.

Choices that hold for every figure:
- Colour-blind-safe colours, one per category whatever else a view holds (`situation.views.palette`): Okabe–Ito for
  categories, ColorBrewer YlOrRd for the 1–5 severity scale. A missing level (insufficient evidence) gets no
  severity colour, only its words on a neutral cell that reads in light and dark themes.
- Daily data on day ticks ('6 Aug'), never hours; one day alone is shown as that day, not a blank range.
- Labels that would overlap are not drawn: long names wrap, crowded ticks turn, legends sit under the plot, and the
  map (`situation.views.geomap.placement`) names only places with room for a name (the rest are in its hover and the table).
- Transparent backgrounds and no fixed text colour, so the host theme (light or dark) stays legible.
- Nothing fetched at view time: the map (`situation.views.geomap.drawing`) draws outlines on plain longitude/latitude axes.
- Text from the YAML is HTML-escaped: plotly renders a subset of HTML tags in labels and hovers.
- Bounded in the browser: past `MAX_MARKERS` points a chart counts instead of drawing each (events per week, events
  per area), a timeline joins a route's periods of one status, and the claims matrix shows the latest `MAX_CLAIMS`;
  each says so in its title. Every point is an SVG element, and a page of tens of thousands stalls the browser.
"""

from __future__ import annotations

import html
import math
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from situation.views.medium import SCREEN, Medium
from situation.views.palette import (
    EVENT_TYPE_COLOURS,
    EVENT_TYPE_SYMBOLS,
    INDICATOR,
    ROUTE_STATUS_COLOURS,
    SEVERITY_COLOURS,
    STANCE_COLOURS,
    UNKNOWN,
)

DAY_MS = 86_400_000
NO_LEVEL_TEXT = "#222222"
"""Dark words on the neutral cell of 'insufficient evidence': readable on both themes, as the cell is mid-grey."""
MAX_MARKERS = 1000
"""More points than this and a chart aggregates: an SVG element each, a browser draws a few thousand smoothly."""
MAX_BARS = 500
MAX_CLAIMS = 30
MAX_TREND_POINTS = 200
"""A trend longer than this is drawn as a line and a band, not a marker and an error bar per value."""
_LAYOUT = {
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
    "hoverlabel": {"align": "left"},
    "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "xanchor": "left"},
}
_AXES = {"automargin": True}


def safe(text: object) -> str:
    """User text as plotly should show it: literally, tags and all."""
    return "" if text is None or (isinstance(text, float) and pd.isna(text)) else html.escape(str(text))


def caption(frame: pd.DataFrame) -> str:
    """'Sources: CNN [B]; SANA [D] · 2016-07 to 2016-08-08': what a chart rests on, dates as precise as known."""
    if frame.empty:
        return "No data."
    sources = dict.fromkeys(s for cell in frame["sources"].dropna() for s in str(cell).split("; "))
    ordered = frame.sort_values("start")["date"]
    first, last = ordered.iloc[0], ordered.iloc[-1]
    dates = first if first == last else f"{first} to {last}"
    return f"Sources: {'; '.join(sources)} · {dates}"


def _wrapped(text: str, width: int = 45, hyphens: bool = True) -> str:
    """Long labels on several lines, so the plot keeps its width (`hyphens`: a line may end after a hyphen)."""
    return "<br>".join(safe(line) for line in textwrap.wrap(str(text), width, break_on_hyphens=hyphens)) or safe(text)


def _figure(title: str, medium: Medium = SCREEN) -> go.Figure:
    figure = go.Figure()
    if medium.template is not None:
        figure.update_layout(template=medium.template)
    figure.update_layout(title={"text": safe(title), "x": 0} if medium.titled else None, **_LAYOUT)
    if medium.printed:
        figure.update_layout(margin=_margin(medium), font={"size": medium.font})
    figure.update_xaxes(**_AXES)
    figure.update_yaxes(**_AXES)
    return figure


def _margin(medium: Medium, top: int | None = None) -> dict[str, int]:
    """The medium's margin on every side, with `top` for a legend or a short title above the plot."""
    return {"l": medium.margin, "r": medium.margin, "t": medium.margin if top is None else top, "b": medium.margin}


def _retitle(figure: go.Figure, title: str, medium: Medium) -> None:
    """Say in the title what the chart leaves out (joined periods, the latest claims), where it has a title."""
    if medium.titled:
        figure.update_layout(title_text=safe(title))


_PRINTED_TITLE_ROOM = 34
"""Pixels above a printed chart for its legend or its short title."""
_LEGEND_ABOVE = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": {"side": "left"}}
"""On paper a timeline's legend goes over it, clear of the date axis, so the plot keeps the page's width."""


_STEPS: tuple[tuple[float, int | str | None], ...] = (
    (4, DAY_MS),
    (14, 2 * DAY_MS),
    (70, 7 * DAY_MS),
    (2 * 366, "M1"),
    (math.inf, None),
)
"""A date axis's tick step by the days it spans: a tick a day, two days, a week or a month; past two years, years
chosen by plotly for the width (at most YEAR_TICKS), so a phone's axis is not a wall of rotated labels."""
YEAR_TICKS = 10


def day_axis(figure: go.Figure, starts: pd.Series, ends: pd.Series | None = None) -> None:
    """A date axis in days: ticks on midnights, labelled '6 Aug', half a day of room either side of the data.

    Plotly picks hourly ticks for a span of a few days and a nonsense range ('23:59:59.999') for one day alone. Past two
    years, plotly picks the years: monthly ticks over the two centuries a file may span were 2,400 of them, and the
    briefing took 50 s to draw.
    """
    if starts.empty:
        return
    first = pd.Timestamp(starts.min()).normalize()
    last = pd.Timestamp((ends if ends is not None and not ends.empty else starts).max())
    span_days = max(1, (last - first).days)
    step = next(step for most_days, step in _STEPS if span_days <= most_days)
    figure.update_xaxes(
        type="date",
        range=[first - pd.Timedelta(hours=12), last + pd.Timedelta(hours=12)],
        dtick=step,
        tick0=first if step is not None else None,
        nticks=YEAR_TICKS if step is None else None,
        tickformat="%-d %b" if isinstance(step, int) else "%b %Y" if step == "M1" else "%Y",
        ticklabelmode="instant",
        autotickangles=[0, 90],
    )


def severity_heatmap(shortages: pd.DataFrame, medium: Medium = SCREEN) -> go.Figure:
    """Latest severity per commodity (rows) × area (columns); insufficient evidence is written on a neutral cell.

    Commodities run down, areas across: a situation has a few areas and more commodities, so the cells stay wide enough
    for their words on a phone. Each cell says its level in words, so no colour bar takes the width. On paper it keeps a
    short title of its own, as it may start a page away from its section's heading.
    """
    figure = _figure("Shortage severity (latest)", medium)
    if shortages.empty:
        return figure.update_layout(height=120) if medium.printed else figure
    latest = shortages.sort_values("start").groupby(["area_name", "commodity"], as_index=False).last()
    grid = latest.pivot(index="commodity", columns="area_name", values="severity")
    labels = latest.pivot(index="commodity", columns="area_name", values="severity_label")
    x = [_wrapped(a, 16) for a in grid.columns]
    y = [safe(c).replace("_", " ") for c in grid.index]
    words = labels.fillna("").map(lambda t: safe(t).replace("Insufficient evidence", "Insufficient<br>evidence")).to_numpy()
    flags = latest.assign(flag=latest["severity"].isna().map({True: 1.0, False: np.nan}))
    flags = flags.pivot(index="commodity", columns="area_name", values="flag").reindex(index=grid.index, columns=grid.columns)
    no_level = flags.notna().to_numpy()
    # A stepped scale: each level one flat colour, not a gradient that suggests levels in between.
    stepped = [(edge / 5, colour) for level, colour in enumerate(SEVERITY_COLOURS) for edge in (level, level + 1)]
    figure.add_heatmap(
        z=grid.astype("float64").to_numpy(),
        x=x,
        y=y,
        text=np.where(no_level, "", words),  # the levelled cells' words; those with no level are on the layer above
        texttemplate="%{text}",
        customdata=words,
        textfont={"size": 12 if medium.printed else 13},
        zmin=0.5,
        zmax=5.5,
        colorscale=stepped,
        showscale=False,
        xgap=3,
        ygap=3,
        hovertemplate="%{x} · %{y}: %{customdata}<extra></extra>",
    )
    if no_level.any():
        figure.add_heatmap(
            z=flags.to_numpy(dtype="float64"),
            x=x,
            y=y,
            text=np.where(no_level, words, ""),
            texttemplate="%{text}",
            textfont={"size": 12, "color": NO_LEVEL_TEXT},
            colorscale=[(0, "#bbbbbb"), (1, "#bbbbbb")],
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{x} · %{y}: %{text}<extra></extra>",
        )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(side="top", autotickangles=[0, 90])
    if medium.printed:
        title = {"text": "Shortages: latest severity by area and commodity", "x": 0, "font": {"size": 12}}
        return figure.update_layout(title=title, margin=_margin(medium, _PRINTED_TITLE_ROOM), height=84 + 28 * len(grid.index))
    return figure.update_layout(height=140 + 56 * len(grid.index), margin={"t": 90})


def access_timeline(access: pd.DataFrame, medium: Medium = SCREEN) -> go.Figure:
    """Each route's status over time, one bar per period; colour by status, unknown in grey."""
    figure = _figure("Access: corridors and supply lines over time", medium)
    if "window_start" in access:  # a window that starts later than its report starts the bar
        access = access.assign(start=pd.to_datetime(access["window_start"]).fillna(access["start"]))
    if len(access) > MAX_BARS:
        access = _joined_periods(access)
        _retitle(figure, "Access: corridors and supply lines over time (periods of one status joined)", medium)
    for status, group in access.groupby(access["status"].fillna("unknown"), sort=False):
        hover = [
            f"<b>{safe(r.name)}</b><br>{safe(status)} from {safe(r.date)}"
            + (f"<br>{safe(r.state_text)}" if isinstance(getattr(r, "state_text", None), str) else "")
            # the column is pandas' nullable boolean: a numpy False (never `is False`), or NA when the sources do not say
            + ("<br>convoys cannot pass" if r.convoys_can_pass is not pd.NA and not r.convoys_can_pass else "")
            + (f"<br>threat: {safe(r.threat)}" if isinstance(r.threat, str) else "")
            + f"<br>{safe(r.sources)}"
            for r in group.itertuples()
        ]
        figure.add_bar(
            name=str(status),
            y=[_wrapped(n, 22) for n in group["name"]],
            base=group["start"],
            x=(group["end"] - group["start"]).dt.total_seconds() * 1000,
            orientation="h",
            marker_color=ROUTE_STATUS_COLOURS.get(str(status), UNKNOWN),
            # A status with a validity window is hatched: it holds only inside the window (and, with hours, only then).
            marker_pattern_shape=[
                "/" if isinstance(getattr(r, "valid_until", None), str) or isinstance(getattr(r, "hours", None), str) else ""
                for r in group.itertuples()
            ],
            hovertext=hover,
            hoverinfo="text",
        )
    day_axis(figure, access["start"], access["end"])
    figure.update_layout(barmode="overlay", legend_title_text="Status")
    if medium.printed:
        routes = len({_wrapped(name, 22) for name in access["name"]})
        figure.update_yaxes(**medium.tick_font(10))
        return figure.update_layout(margin=_margin(medium, _PRINTED_TITLE_ROOM), height=90 + 26 * routes, legend=_LEGEND_ABOVE)
    return figure.update_layout(height=160 + 60 * access["name"].nunique())


def _joined_periods(access: pd.DataFrame) -> pd.DataFrame:
    """One row per run of the same status on a route (from its first date to the end of its last): the bars of a long
    timeline, bounded by how often a status changes, not by how often it was reported."""
    status = access["status"].fillna("unknown")
    run = ((access["route"] != access["route"].shift()) | (status != status.shift())).cumsum()
    runs = access.groupby(run, sort=False)
    return runs.head(1).assign(end=runs["end"].max().to_numpy()).reset_index(drop=True)


def event_timeline(events: pd.DataFrame, medium: Medium = SCREEN) -> go.Figure:
    """Events by date and area; each ACLED type has its own colour and symbol on every view (`palette`); past
    `MAX_MARKERS` events, counted per week."""
    if len(events) > MAX_MARKERS:
        return _events_per_week(events, medium)
    figure = _figure("Events by area and type", medium)
    for event_type, group in events.groupby("type", sort=True):
        colour, symbol = EVENT_TYPE_COLOURS[str(event_type)], EVENT_TYPE_SYMBOLS[str(event_type)]
        figure.add_scatter(
            name=safe(group["type_name"].iloc[0]),
            x=group["start"],  # on its day's tick; the axis leaves half a day either side
            y=[_wrapped(a, 18) for a in group["area_name"]],
            mode="markers",
            marker={
                "size": 11 if medium.printed else 14,
                "color": colour,
                # An open marker: the source gives only the month (or season, or year), not the day.
                "symbol": [symbol + ("" if len(str(d)) == 10 else "-open") for d in group["date"]],
                "line": {"width": 2, "color": colour},
            },
            hovertext=[
                f"<b>{safe(r.sub_type_name)}</b> · {safe(r.date)}<br>{safe(r.summary)}{_hurt_line(r)}<br>{safe(r.sources)}"
                for r in group.itertuples()
            ],
            hoverinfo="text",
        )
    day_axis(figure, events["start"])
    figure.update_layout(legend_title_text="ACLED type")
    if medium.printed:
        areas = len({_wrapped(area, 18) for area in events["area_name"]})
        return figure.update_layout(margin=_margin(medium, _PRINTED_TITLE_ROOM), height=90 + 22 * areas, legend=_LEGEND_ABOVE)
    return figure.update_layout(height=200 + 45 * events["area_name"].nunique())


def _hurt_line(row: object) -> str:
    """'<br>at least 12 killed, about 30 injured' for an event row that gives people hurt."""
    hurt = getattr(row, "hurt", None)
    return f"<br>{safe(hurt)}" if isinstance(hurt, str) else ""


def _events_per_week(events: pd.DataFrame, medium: Medium) -> go.Figure:
    """Thousands of events as a count per week and ACLED type: a bar per week and type, not a marker per event."""
    figure = _figure(f"Events per week by type ({len(events):,} events)", medium)
    weeks = events["start"].dt.to_period("W-SUN").dt.start_time
    counts = events.groupby([weeks.rename("week"), "type", "type_name"]).size().rename("events").reset_index()
    for (event_type, type_name), group in counts.groupby(["type", "type_name"], sort=True):
        figure.add_bar(
            name=safe(type_name),
            x=group["week"],
            y=group["events"],
            marker_color=EVENT_TYPE_COLOURS.get(str(event_type), UNKNOWN),
            hovertemplate=f"{safe(type_name)}: %{{y}} in the week of %{{x|%-d %b %Y}}<extra></extra>",
        )
    figure.update_xaxes(type="date")
    figure.update_yaxes(title="events")
    figure.update_layout(barmode="stack", legend_title_text="ACLED type")
    if medium.printed:
        figure.update_layout(margin=_margin(medium, _PRINTED_TITLE_ROOM), legend=_LEGEND_ABOVE)
    return figure


def claims_matrix(positions: pd.DataFrame, medium: Medium = SCREEN) -> go.Figure:
    """Claim × source: who asserts and who denies; blank where a source says nothing. The latest `MAX_CLAIMS` claims.

    Each source by its short name over its column (the full name is in the hover); on paper, wrapped to a few lines
    over a narrow column, with the top margin those lines need, and each row as tall as its claim's label."""
    figure = _figure("Claims: who says what (✓ asserts, ✗ denies)", medium)
    if positions.empty:
        return figure.update_layout(height=120) if medium.printed else figure
    claims = positions["claim"].unique()
    if len(claims) > MAX_CLAIMS:  # the claims last spoken of; the table on the sources page lists every one
        latest = positions.groupby("claim", sort=False)["date"].max()
        kept = set(latest.sort_values(ascending=False, kind="stable").index[:MAX_CLAIMS])
        positions = positions[positions["claim"].isin(kept)]
        _retitle(figure, f"Claims: who says what (the {MAX_CLAIMS} latest of {len(claims):,})", medium)
    stance = positions.assign(score=positions["stance"].map({"asserts": 1, "denies": -1}))
    stance = stance.assign(claim_label=stance["statement"].map(lambda t: _wrapped(t, 28)) + "<br><i>" + stance["status"] + "</i>")
    grid = stance.pivot_table(index="claim_label", columns="source_name", values="score", aggfunc="last", sort=False)
    short = dict(zip(positions["source_name"], positions["source_short"], strict=True))
    words = grid.apply(lambda column: column.map({1.0: "asserts", -1.0: "denies"})).fillna("")
    marks = grid.apply(lambda column: column.map({1.0: "✓", -1.0: "✗"})).fillna("")
    figure.add_heatmap(
        z=grid.to_numpy(dtype="float64"),
        x=[_wrapped(short[s], 11, hyphens=False) if medium.printed else safe(short[s]) for s in grid.columns],
        y=list(grid.index),
        text=marks.to_numpy(),  # a mark, not a word: six sources' words did not fit side by side on a phone
        texttemplate="%{text}",
        textfont={"size": 11 if medium.printed else 16, "color": "#ffffff"},
        zmin=-1,
        zmax=1,
        colorscale=[(0, STANCE_COLOURS["denies"]), (0.5, UNKNOWN), (1, STANCE_COLOURS["asserts"])],
        showscale=False,
        xgap=3,
        ygap=3,
        customdata=np.dstack([np.array([[safe(s) for s in grid.columns]] * len(grid.index)), words.to_numpy()]),
        hovertemplate="%{customdata[0]} %{customdata[1]}:<br>%{y}<extra></extra>",
    )
    figure.update_yaxes(autorange="reversed", **medium.tick_font(10))
    figure.update_xaxes(autotickangles=[0, 90], **medium.tick_font(10))  # under the grid: turned names would hit the title
    if medium.printed:
        top = 16 + 14 * max(str(name).count("<br>") + 1 for name in figure.data[0].x)
        rows = sum(max(62, 16 * (str(label).count("<br>") + 1) + 12) for label in grid.index)
        return figure.update_layout(margin=_margin(medium, top), height=top + rows + 10)
    return figure.update_layout(height=160 + 110 * len(grid.index))


def indicator_trend(observations: pd.DataFrame) -> go.Figure:
    """One indicator over time: points with their range as error bars; unknown values are marked, not plotted as 0."""
    name = observations["name"].iloc[0] if not observations.empty else "Indicator"
    unit = observations["unit"].iloc[0] if not observations.empty else ""
    figure = _figure(str(name))  # the unit is the y axis' title, said once
    ordered = observations.sort_values("start")
    known = ordered[ordered["kind"].isin(["number", "range"])]
    hover = [f"{safe(r.value_text)} · {safe(r.date)}<br>{safe(r.sources)}" for r in known.itertuples()]
    if len(ordered) > MAX_TREND_POINTS:
        _long_trend(figure, name, known, ordered[ordered["kind"] == "unknown"], hover)
    else:
        figure.add_scatter(
            name=safe(name),
            x=known["start"],
            y=known["value"],
            mode="lines+markers",
            marker={"size": 10, "color": INDICATOR},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": known["high"] - known["value"],
                "arrayminus": known["value"] - known["low"],
            },
            hovertext=hover,
            hoverinfo="text",
        )
        for row in ordered[ordered["kind"] == "unknown"].itertuples():
            figure.add_vline(x=row.start, line_dash="dot", line_color=UNKNOWN)
            figure.add_annotation(x=row.start, y=1, yref="paper", text=f"unknown ({safe(row.date)})", showarrow=False)
    # A bound is drawn as a bound: a triangle at the floor pointing up ('over'), or at the ceiling pointing down ('up to').
    bounds = ordered[ordered["kind"] == "bound"]
    if not bounds.empty:
        lower = bounds["bound"] == "lower"
        figure.add_scatter(
            name="bound",
            x=bounds["start"],
            y=bounds["low"].where(lower, bounds["high"]),
            mode="markers",
            marker={"size": 14, "color": INDICATOR, "symbol": ["triangle-up" if x else "triangle-down" for x in lower]},
            hovertext=[f"{safe(r.value_text)} · {safe(r.date)}<br>{safe(r.sources)}" for r in bounds.itertuples()],
            hoverinfo="text",
        )
    day_axis(figure, ordered["start"])
    figure.update_yaxes(rangemode="tozero", title=safe(unit))
    return figure


def _long_trend(figure: go.Figure, name: str, known: pd.DataFrame, unknown: pd.DataFrame, hover: list[str]) -> None:
    """Months of daily values: a line, the ranges as a shaded band and the unknown days as small marks at zero; a few
    SVG paths in all, where a marker and an error bar per day would be thousands."""
    colour = INDICATOR
    figure.add_scatter(x=known["start"], y=known["high"], mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip")
    figure.add_scatter(
        name="range", x=known["start"], y=known["low"], mode="lines", line={"width": 0}, fill="tonexty", hoverinfo="skip"
    )
    figure.add_scatter(name=safe(name), x=known["start"], y=known["value"], mode="lines", line={"color": colour}, hovertext=hover)
    figure.data[-1].hoverinfo = "text"
    if not unknown.empty:
        figure.add_scatter(
            name="unknown",
            x=unknown["start"],
            y=[0] * len(unknown),
            mode="markers",
            marker={"symbol": "line-ns-open", "size": 12, "color": UNKNOWN},
            hovertext=[f"unknown ({safe(d)})" for d in unknown["date"]],
            hoverinfo="text",
        )
