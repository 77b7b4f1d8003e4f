"""What a person reads, worked out as plain values, with no Streamlit: the layer the pages and the exports draw.

- `labels`: how a value, a source and a grade read in words (a source's short name among them).
- `columns`, `tables`: the situation flattened into pandas frames, one row per dated observation, with its sources.
- `history`: the situation as it stood on an earlier day, and how old each fact is.
- `headline`: the band that leads the Overview and page 1 of the briefing (the file's `headline:` or a default).
- `cards`: the Overview's cards; `attribution`: who said what (each quote with its speaker, the claims' caption).
- `medium`: a screen or a printed page, which every drawing takes: what each changes in a figure.
- `figures`: the plotly charts, from the tables; `palette`: one colour and symbol per category (event type, status,
  stance), the same on every view.
- `geomap/`: the map: its geometry (outlines by p-code or their own shapes, the view, degrees to pixels) apart from
  its drawing (areas filled, routes, events) and the placing of its names, for a screen or for paper; drawn with no
  network.
- `derived`: everything the pages and the briefing draw from one version, each table built once and kept with it.
- `scope`: what a page shows of a version: the rows, cards and claims of the area chosen, and how the view is said.
- `diff`: what changed between two versions, fact by fact.

Imports: `situation.model` and itself; never `situation.load` (an import-linter contract keeps the two independent:
the views read a validated model, however it was loaded).
"""
