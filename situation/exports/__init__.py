"""The situation carried away from the dashboard: tables as CSV, JSON and HXL, and the offline briefing.

- `formats`: the export formats and tables, named once (imports nothing, so the CLI's parser can read them
  without loading pandas).
- `tables_out`: the derived tables as CSV, JSON and HXL files.
- `briefing/`: the offline HTML briefing with its static charts, and the same page printed to an A4 PDF.

HXL's hashtags and cells are `situation.hxl`'s, which also reads HXL in.

Imports: `situation.model`, `situation.load`, `situation.views`, `situation.hxl` and itself.
"""
