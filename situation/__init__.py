"""A humanitarian situation, from hand-written YAML to a dashboard, a briefing and HXL: one package, one way.

Data flows down this list, and each sub-package imports only from the ones listed before it (import-linter
checks it in the test command):

    model/    what a situation is: its sections, declared once (`model.sections`), the facts and their fields, dates
              as sources give them, grading scales, the event taxonomy; the JSON Schema and the model's reference
              page are generated from it.
    load/     YAML text → validated `Situation`, or every located `Problem`: the safe reader, cross-reference
              and quote checks, the error type, its codes and reporters, earlier git revisions.
    views/    what a person reads, with no Streamlit: one bundle per version (`views.derived`: tables, cards,
              headline), plotly figures drawn for a screen or for paper, the map, the as-of view, what a page shows of
              an area, and the semantic diff of two versions. Never imports load/.
    hxl/      the Humanitarian Exchange Language: the hashtags we write and read, and HXL in. Beside views/: neither
              imports the other.
    exports/  the situation carried away: every format named once (`exports.formats`), CSV/JSON/HXL files, the
              offline briefing and its PDF.
    serve/    a shared server: live reload (`serve.live`) and who may see what (`serve.access`), apart.
    ui/       the Streamlit pages: the only code that imports Streamlit; it lays out what views/ returns.
    cli/      `python -m situation …`: the thin command-line edge over load/, views/, exports/ and serve/.

    YAML ─ load.reader ─▶ data + positions ─ model (pydantic) ─▶ Situation ─ views.derived ─▶ tables, figures, cards ─▶ ui
                                └─ load.references, load.quotes ─▶ Problems (file, line, column, path, code, message)
"""
