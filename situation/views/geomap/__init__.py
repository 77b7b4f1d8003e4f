"""The map, drawn with no network: areas filled on their outlines, routes, events and names placed apart.

- `geometry`: where each area is (its outline or its point), the view's bounds, and degrees to pixels.
- `placement`: the names, placed so that none overprints another or covers a marker.
- `drawing`: the plotly figure (`geo_map`), the fill of each area and what the map rests on (`attribution`).

Imports: `situation.model`, `situation.views` and itself.
"""
