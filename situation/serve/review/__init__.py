"""Review before publishing, the git way: viewers see the situations as a git reference holds them, editors their
drafts too, and a reviewer moves the reference.

    git objects ─ commits ─▶ a commit's views ─┐
    git refs ──── refs ───▶ the published ref, ├─ versions.open(wanted, roles) ─▶ what a session is shown
                            draft branches     │
    working tree ─ live.watch ─▶ its views ────┘
    draft ─ publish (validated, compare-and-swap, Reviewed-by) ─▶ the published ref moves ─▶ history

- `git`: git itself, run with fixed argument lists (never a shell): the one way this package reads or moves anything.
- `commits`: a commit's situations, read from git's objects (never the working tree) and loaded as the watcher loads.
- `refs`: the references followed (the published one, each draft branch opened), read anew when they move.
- `publish`: a draft made published, only as the reviewer saw it, validated, recorded with a `Reviewed-by:` trailer.
- `history`: the publications, from the published branch's first-parent line.
- `story`: what one version changes from another, from the one function of the views that says it.
- `versions`: per situations folder, what can be shown and `open()`, the one place that decides who is shown what.

Imports: `situation.serve.live` (the working tree's watcher and its views), `situation.serve.access` (roles), the layers
below `serve`; never `situation.ui`.
"""
