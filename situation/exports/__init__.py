"""The situation carried away from the dashboard, and HXL carried in.

- `tables_out`: the derived tables as CSV, JSON and HXL files.
- `briefing`, `briefing_template`, `svg`: the offline HTML briefing with its static charts.
- `hxl_import`: an HXL-tagged CSV read into a draft situation for the team to review.

Imports: `situation.model`, `situation.load`, `situation.views` and itself.
"""
