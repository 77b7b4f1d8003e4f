"""The situation carried away from the dashboard: tables as CSV, JSON and HXL, and the offline briefing.

- `formats`: every export format, named once with its label, file suffix, whether it is bytes and its writer, and
  the tables the table formats hold; the CLI and the dashboard's Download box both read it (and it imports almost
  nothing, so the CLI's parser can read it without loading pandas).
- `rows`: which columns of the views' tables each exported table carries, with the admin areas and key figures.
- `files`: how those tables are written: CSV (one file or a zip), HXL-tagged CSV, JSON.
- `briefing/`: the offline HTML briefing with its static charts, and the same page printed to an A4 PDF.

Every export reads one version's bundle (`situation.views.derived.Derived`), so a table is built once for the pages
and the downloads alike. HXL's hashtags and cells are `situation.hxl`'s, which also reads HXL in.

Imports: `situation.model`, `situation.views`, `situation.hxl` and itself.
"""
