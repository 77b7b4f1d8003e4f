"""What a person reads, worked out as plain values, with no Streamlit: the layer the pages and exports draw.

- `labels`: how a value, a source and a grade read in words.
- `tables`: the situation flattened into pandas frames, one row per dated observation, with its sources.
- `headline`: the band that leads the Overview and page 1 of the briefing (the file's `headline:` or a default).
- `medium`: a screen or a printed page: what each changes in a figure, which every drawing takes and reads.
- `cards`, `figures`: the overview's indicator cards and the plotly charts, from those tables; `palette`: one
  colour and symbol per category (event type, status, stance), the same on every view.
- `attribution`: who said what: each quote with its speaker, and the sources behind the claims chart.
- `attribution`: who said what: quotes with their sources, and the caption of the claims.
- `geomap/`: the map: its geometry (outlines by p-code or their own shapes, the view, degrees to pixels) apart from
  its drawing (areas filled, routes, events) and the placing of its names; drawn with no network, and the briefing
  prints the same figure.
- `history`: the situation as it stood on an earlier day, and how old each fact is.
- `derived`: everything the pages and the briefing draw from one version, each table built once and kept with it.
- `scope`: what a page shows of a version: the rows, cards and claims of the area chosen, and how the view is said.
- `diff`: what changed between two versions, fact by fact.

Imports: `situation.model`, `situation.load` and itself.
"""
