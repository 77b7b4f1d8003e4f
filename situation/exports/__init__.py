"""The situation carried away from the dashboard, and HXL carried in.

- `formats`: the export formats, tables and formula characters, named once (imports nothing, so the CLI's
  parser can read them without loading pandas).
- `tables_out`: the derived tables as CSV, JSON and HXL files.
- `briefing`, `briefing_template`, `svg`: the offline HTML briefing with its static charts; `briefing_layout`: the
  dashboard's figures sized and labelled for a printed page (its headline band is the Overview's own,
  `situation.views.headline`); `pdf`: the briefing printed to A4 by the Chromium kaleido uses.
- `hxl_tags`: the HXL hashtags we write and read (docs/hxl.md's tables are generated from it).
- HXL in, a module per step: `hxl_read` (libhxl finds the hashtag row and the columns), `hxl_cells` (a cell's
  text to a number or a date, without guessing), `hxl_import` (rows to a draft situation for the team to review).

Imports: `situation.model`, `situation.load`, `situation.views` and itself.
"""
