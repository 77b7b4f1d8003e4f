"""The situation carried away from the dashboard: tables as CSV, JSON and HXL, and the offline briefing.

- `formats`: the export formats, tables and formula characters, named once (imports nothing, so the CLI's
  parser can read them without loading pandas).
- `tables_out`: the derived tables as CSV, JSON and HXL files.
- `briefing`, `briefing_template`, `svg`: the offline HTML briefing with its static charts; `briefing_layout`: the
  dashboard's figures sized and labelled for a printed page (its headline band is the Overview's own,
  `situation.views.headline`); `pdf`: the briefing printed to A4 by the Chromium kaleido uses.

HXL's hashtags and cells are `situation.hxl`'s, which also reads HXL in.

Imports: `situation.model`, `situation.load`, `situation.views`, `situation.hxl` and itself.
"""
