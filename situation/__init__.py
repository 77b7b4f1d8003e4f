"""A humanitarian situation, from hand-written YAML to a dashboard, a briefing and HXL: one package, one way.

Data flows down this list, and each sub-package imports only from the ones listed before it (import-linter
checks it in the test command):

    model/    what a situation is: the facts and their fields, dates as sources give them, grading scales,
              the event taxonomy; the JSON Schema and the model's reference page are generated from it.
    load/     YAML text → validated `Situation`, or every located `Problem`: the safe reader, cross-reference
              and quote checks, the error type, its codes and reporters, earlier git revisions.
    views/    what a person reads, with no Streamlit: derived tables (pandas), cards, plotly figures, the
              as-of view and staleness, and the semantic diff of two versions.
    exports/  the situation carried away: CSV/JSON/HXL files, the offline briefing, HXL import.
    serve/    a shared server: the live file watcher and who may see what (sign-in, allow-lists).
    ui/       the Streamlit pages: the only code that imports Streamlit; it lays out what views/ returns.
    cli/      `python -m situation …`: the thin command-line edge over load/, views/, exports/ and serve/.

    YAML ─ load.reader ─▶ data + positions ─ model (pydantic) ─▶ Situation ─ views.tables ─▶ figures, cards ─▶ ui
                                └─ load.references, load.quotes ─▶ Problems (file, line, column, path, code, message)
"""
