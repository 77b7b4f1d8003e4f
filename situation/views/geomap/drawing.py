"""The map: areas on their outlines, filled by status or by a shortage's severity, with routes, events and labels.

Drawn with plain `go.Scatter` traces on longitude/latitude axes (`fill="toself"` for an outline), never a geo trace:
plotly's geo and map traces fetch base outlines or tiles from a CDN, and this map must draw with no network at all
(a browser test blocks every request off the machine). The same figure is the briefing's static SVG.

- Outlines come from the team's boundary files by p-code, else from an area's own `shape:` (hand-drawn, so its edge
  is dashed and the legend and hover say "approximate"); an area with neither is a dot at its `lat`/`lon`.
- Every feature of the boundary files that no area names (the country, its neighbours) is drawn faintly for context.
- Areas are drawn parents first, so a city's districts lie on top of the city.
- Labels are placed without overlap for the narrowest screen the dashboard serves: each name tries a few spots round
  its area and is left to the hover and the table when none is free (`situation.views.geomap.placement`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from situation.model.facts import Situation
from situation.model.geography import Outline, Point
from situation.model.tracked import Route
from situation.views.figures import MAX_MARKERS, safe
from situation.views.geomap.geometry import (
    HEIGHT,
    MARGIN,
    Bounds,
    Placed,
    filled,
    pixels_per_degree,
    placed_areas,
    rings_xy,
    scale_ratio,
    view_bounds,
)
from situation.views.geomap.placement import LETTERING, SPREAD, Lettering, place_labels, too_small_to_name
from situation.views.medium import SCREEN, Medium
from situation.views.palette import (
    AREA_STATUS_COLOURS,
    EVENT_TYPE_COLOURS,
    EVENT_TYPE_SYMBOLS,
    INDICATOR,
    ROUTE_STATUS_COLOURS,
    SEVERITY_COLOURS,
    UNKNOWN,
)

MAX_LABELLED_AREAS = 60
"""Name areas on the map up to this many; past it, names only on hover (labels would cover the map)."""
PRINTED_SIZE = (400, 260)
"""Pixels of the printed map, which shares its row with the list of areas, so its names print at their own size."""
_CONTEXT_FILL = "rgba(128,128,128,0.10)"
_CONTEXT_LINE = "rgba(128,128,128,0.7)"
_ROUTE_DASH = {"open": "solid", "fragile": "dash", "contested": "dashdot", "closed": "dot"}


def _with_alpha(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def fill_of_areas(areas: pd.DataFrame, shortages: pd.DataFrame | None, commodity: str | None) -> dict[str, tuple[str, str]]:
    """Area id -> (legend entry, colour): its status, or its latest severity of `commodity` when one is chosen."""
    if commodity is None or shortages is None:
        return {
            row.area: (
                f"{row.status}".replace("_", " ") if isinstance(row.status, str) else "status unknown",
                AREA_STATUS_COLOURS.get(str(row.status), UNKNOWN),
            )
            for row in areas.itertuples()
        }
    chosen = shortages[shortages["commodity"] == commodity].sort_values("start").groupby("area").last()
    fills = {}
    for area in areas["area"]:
        if area not in chosen.index:
            fills[area] = ("no data", "#dddddd")
            continue
        severity = chosen.loc[area, "severity"]
        if pd.isna(severity):
            fills[area] = (str(chosen.loc[area, "severity_label"]), UNKNOWN)
        else:
            fills[area] = (str(chosen.loc[area, "severity_label"]), SEVERITY_COLOURS[int(severity) - 1])
    return fills


def geo_map(
    situation: Situation,
    areas: pd.DataFrame,
    events: pd.DataFrame,
    access: pd.DataFrame,
    *,
    focus: str | None = None,
    shortages: pd.DataFrame | None = None,
    commodity: str | None = None,
    medium: Medium = SCREEN,
) -> go.Figure:
    """The map of `situation` (as of its date): every area drawn, the view on `focus` and the areas inside it.

    On paper it is a fixed 400 × 260 beside the list of areas, untitled, with no events (they have their own chart and
    table, and their marks would cover the places) and every place named (`situation.views.geomap.placement`)."""
    title = "Areas and events" if commodity is None else f"{commodity.replace('_', ' ').capitalize()} shortage by area"
    lettering = LETTERING[medium]
    figure = go.Figure()
    if medium.template is not None:
        figure.update_layout(template=medium.template)
    figure.update_layout(
        title={"text": safe(title), "x": 0} if medium.titled else None,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin=MARGIN if medium.titled else dict.fromkeys(MARGIN, medium.margin),
        hoverlabel={"align": "left"},
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.01,
            "itemclick": False,
            "itemdoubleclick": False,
        },
    )
    if medium.printed:
        figure.update_layout(width=PRINTED_SIZE[0], height=PRINTED_SIZE[1], font={"size": medium.font})
    else:
        figure.update_layout(height=HEIGHT)
    rows = areas.set_index("area")
    placed = [p for p in placed_areas(situation) if p.area in rows.index]
    latest_access = access.sort_values("start").groupby("route").last() if not access.empty else pd.DataFrame()
    routes = [r for r in situation.access if r.path is not None and r.id in latest_access.index]
    bounds = view_bounds(situation, placed, focus, [[(lon, lat) for lon, lat in r.path or []] for r in routes])
    if medium.printed:  # a map of fixed size: its names may use all of it
        bounds = filled(bounds, lettering.plot)
    west, south, east, north = bounds
    reach = max(east - west, north - south)
    clip = (west - reach, south - reach, east + reach, north + reach)  # outlines beyond this are never in view
    joined = {p.outline.pcode for p in placed if p.outline is not None and p.outline.file is not None}
    _context(figure, [o for o in situation.geography.outlines if o.pcode not in joined or o.pcode is None], clip)
    fills = fill_of_areas(areas, shortages, commodity)
    _areas(figure, placed, rows, fills, clip)
    _routes(figure, routes, latest_access)
    markers = [] if medium.printed else _events(figure, placed, events, spread=SPREAD / pixels_per_degree(bounds))
    if len(placed) <= MAX_LABELLED_AREAS:  # past it, names on hover only: a label each would cover the map
        wanted = situation.areas_within(focus) if focus else None
        _labels(figure, placed, focus, bounds, [p.anchor for p in placed] + markers, wanted, lettering)
    figure.update_xaxes(range=[bounds[0], bounds[2]], showgrid=False, zeroline=False, showticklabels=False, title=None)
    figure.update_yaxes(
        range=[bounds[1], bounds[3]],
        scaleanchor="x",
        scaleratio=scale_ratio(bounds),
        showgrid=False,
        zeroline=False,
        showticklabels=False,
        title=None,
    )
    return figure


def _areas(
    figure: go.Figure, placed: Sequence[Placed], rows: pd.DataFrame, fills: dict[str, tuple[str, str]], clip: Bounds
) -> None:
    """Outlines filled, one trace per depth and fill (parents under their districts; a few traces for many areas), and
    a marker per area: the dot of an area without outline, the hover with its provenance at an outline's centre."""
    groups: dict[tuple[int, str, bool], list[Placed]] = {}
    for p in placed:
        if p.outline is not None:
            groups.setdefault((p.depth, fills[p.area][0], p.outline.approximate), []).append(p)
    shown: set[str] = set()
    for (_, entry, approximate), members in sorted(groups.items(), key=lambda item: item[0][0]):
        colour = dict(fills.values())[entry]
        xs, ys = rings_xy([m.outline for m in members if m.outline is not None], clip)
        figure.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            fillcolor=_with_alpha(colour, 0.55),
            line={"color": colour, "width": 1.5, "dash": "dash" if approximate else "solid"},
            name=entry,
            legendgroup=entry,
            showlegend=entry not in shown,
            hoveron="fills",
            text=safe(entry),
            hoverinfo="text",
            meta=[m.area for m in members],  # which areas a fill draws, for tests and readers of the SVG
        )
        shown.add(entry)
    if any(p.outline is not None and p.outline.approximate for p in placed):
        figure.add_scatter(
            x=[None],
            y=[None],
            mode="lines",
            line={"color": UNKNOWN, "dash": "dash"},
            name="approximate outline (hand-drawn)",
        )
    by_entry: dict[str, list[Placed]] = {}
    for p in placed:
        by_entry.setdefault(fills[p.area][0], []).append(p)
    for entry, members in by_entry.items():
        figure.add_scatter(
            x=[m.anchor[0] for m in members],
            y=[m.anchor[1] for m in members],
            mode="markers",
            meta=[safe(m.name) for m in members],  # names are placed as annotations (`_labels`): these say which dot is which
            marker={
                "size": [14 if m.outline is None else 6 for m in members],
                "color": dict(fills.values())[entry],
                "line": {"width": 1, "color": "#444"},
            },
            name=entry,
            legendgroup=entry,
            showlegend=entry not in shown,
            hovertext=[_area_hover(m, rows.loc[m.area], entry) for m in members],
            hoverinfo="text",
        )
        shown.add(entry)


def _labels(
    figure: go.Figure,
    placed: Sequence[Placed],
    focus: str | None,
    bounds: Bounds,
    obstacles: Sequence[Point],
    wanted: set[str] | None,
    lettering: Lettering,
) -> None:
    """Names where they fit: the chosen area first, then the largest, so a city is named before its districts; on a
    screen a district too small to point at is left to its city's name and the hover, on paper every place is named."""
    order = sorted(placed, key=lambda p: (wanted is not None and p.area not in wanted, p.depth, p.name))
    per_degree = pixels_per_degree(bounds, lettering.plot)
    drawn = {p.area for p in placed}
    named = [p for p in order if lettering.every_name or p.area == focus or not too_small_to_name(p, per_degree, drawn)]
    for label in place_labels([(p.name, p.anchor) for p in named], bounds, obstacles, lettering):
        where = {"xanchor": label.xanchor, "yanchor": label.yanchor, "font": {"size": lettering.font}, "name": "area-label"}
        if label.leader:  # from the place to the name's near edge, both in degrees, so the line keeps its place
            figure.add_annotation(
                x=label.place[0],
                y=label.place[1],
                ax=label.at[0],
                ay=label.at[1],
                axref="x",
                ayref="y",
                text=safe(label.text),
                arrowhead=0,
                arrowwidth=1,
                arrowcolor="#777",
                standoff=6,
                **where,
            )
        else:
            figure.add_annotation(x=label.at[0], y=label.at[1], text=safe(label.text), showarrow=False, **where)


def _context(figure: go.Figure, outlines: Sequence[Outline], clip: Bounds) -> None:
    """The boundary files' features no area names: the country and its neighbours, faint, named on hover."""
    shown = False
    for outline in outlines:
        xs, ys = rings_xy([outline], clip)
        if not xs:
            continue
        figure.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            fillcolor=_CONTEXT_FILL,
            line={"color": _CONTEXT_LINE, "width": 1},
            name="boundaries (context)",
            legendgroup="context",
            showlegend=not shown,
            hoveron="fills",
            text=safe(outline.name),
            hoverinfo="text",
        )
        shown = True


def _area_hover(p: Placed, row: pd.Series, entry: str) -> str:
    """The same provenance as an area's card: status, who controls it, since when, and who says so."""
    lines = [f"<b>{safe(p.name)}</b>", safe(entry)]
    if isinstance(row.get("controlled_by"), str):
        lines.append(f"controlled by {safe(row['controlled_by'])}")
    if isinstance(row.get("date"), str):
        lines.append(f"as of {safe(row['date'])} · {safe(row.get('sources'))}")
    if isinstance(row.get("pcode"), str):
        lines.append(f"p-code {safe(row['pcode'])}")
    if p.outline is not None and p.outline.approximate:
        lines.append("<i>outline approximate (hand-drawn)</i>")
    elif p.outline is None:
        lines.append("<i>position approximate</i>")
    return "<br>".join(lines)


def _routes(figure: go.Figure, routes: Sequence[Route], latest: pd.DataFrame) -> None:
    """Routes with a `path:` as lines in their latest status's colour and dash: one trace per status, however many."""
    by_status: dict[str, tuple[list[float | None], list[float | None], list[str]]] = {}
    for route in routes:
        row = latest.loc[route.id]
        status = str(row["status"]) if isinstance(row["status"], str) else "unknown"
        xs, ys, hovers = by_status.setdefault(status, ([], [], []))
        hover = f"<b>{safe(route.name)}</b><br>{safe(status)} · {safe(row['date'])}<br>{safe(row['sources'])}"
        hover += "<br><i>path approximate</i>"
        path = route.path or []
        xs += [lon for lon, _ in path] + [None]
        ys += [lat for _, lat in path] + [None]
        hovers += [hover] * len(path) + [""]
    for status, (xs, ys, hovers) in by_status.items():
        figure.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": ROUTE_STATUS_COLOURS.get(status, UNKNOWN), "width": 4, "dash": _ROUTE_DASH.get(status, "dot")},
            name=f"route: {status}",
            hovertext=hovers,
            hoverinfo="text",
        )


def _events(figure: go.Figure, placed: Sequence[Placed], events: pd.DataFrame, spread: float) -> list[Point]:
    """Events at their area, spread on a small ring so none hides another, a symbol and colour per ACLED type; where
    their markers are, for the labels to keep clear of."""
    anchors = {p.area: p.anchor for p in placed}
    located = events[events["area"].isin(anchors)] if not events.empty else events
    if located.empty:
        return []
    if len(located) > MAX_MARKERS:  # one marker per area, sized by its count, not one per event
        counts = located.groupby(["area", "area_name"], as_index=False).size()
        figure.add_scatter(
            name="events (count)",
            x=[anchors[a][0] for a in counts["area"]],
            y=[anchors[a][1] for a in counts["area"]],
            mode="markers",
            marker={"size": 6 + 24 * np.sqrt(counts["size"] / counts["size"].max()), "symbol": "x", "color": INDICATOR},
            hovertext=[f"{safe(r.area_name)}: {r.size:,} events" for r in counts.itertuples()],
            hoverinfo="text",
        )
        return []
    ring = located.groupby("area").cumcount()
    angle = ring * 2.4
    lon = located["area"].map(lambda a: anchors[a][0]) + spread * np.cos(angle)
    lat = located["area"].map(lambda a: anchors[a][1]) + spread * np.sin(angle)
    located = located.assign(map_lon=lon, map_lat=lat)
    for (event_type, type_name), group in located.groupby(["type", "type_name"], sort=True):
        figure.add_scatter(
            x=group["map_lon"],
            y=group["map_lat"],
            mode="markers",
            name=f"event: {safe(type_name)}",
            marker={
                "size": 10,
                "symbol": EVENT_TYPE_SYMBOLS.get(str(event_type), "circle"),
                "color": EVENT_TYPE_COLOURS.get(str(event_type), UNKNOWN),
                "line": {"width": 1, "color": "#222"},
            },
            hovertext=[
                f"<b>{safe(r.sub_type_name)}</b> · {safe(r.date)}<br>{safe(r.summary)}<br>{safe(r.sources)}"
                for r in group.itertuples()
            ],
            hoverinfo="text",
        )
    return list(zip(located["map_lon"], located["map_lat"], strict=True))


def attribution(situation: Situation) -> str:
    """What the map rests on, for under it: the boundary files' attributions, and a word on approximate outlines."""
    parts = list(situation.geography.attributions)
    if any((o := situation.outline_of(a)) is not None and o.approximate for a in situation.areas):
        parts.append("dashed outlines are approximate, drawn by hand (replace them with COD-AB from HDX)")
    return " · ".join(parts)
