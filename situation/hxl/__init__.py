"""HXL, the Humanitarian Exchange Language: the hashtags we write and read, and figures carried in from HDX.

- `tags`: the HXL hashtags of every exported column and the patterns the import looks for, defined once
  (docs/hxl.md's tables are generated from it).
- `cells`: a cell's text as a value, without guessing (a number with separators, a date), and the rule that keeps a
  spreadsheet from running a cell as a formula, both ways.
- HXL in, a module per step: `read` (libhxl finds the hashtag row and the columns), then `draft` (rows to a draft
  situation for the team to review, every refused row a located `Problem`).

The exports (`situation.exports`) write HXL with `tags` and `cells`; `situation import-hxl` runs `draft`.

Imports: `situation.model`, `situation.load` and itself; never `situation.views` (an independence import-linter
keeps), and libhxl only in `read` and `draft`.
"""
