"""Live reload: every open page shows a saved edit within a second, and never a half-written or broken file.

- `watch`: watches the situations and keeps, for each file, its last good model and what is wrong with it now;
  validates once per change for every viewer, reading again only the entries a save changed.
- `file_events`: the kernel's word that a save is complete (inotify close-write and moved-to), with polling where
  events do not arrive.
- `heap`: a version's objects frozen out of the garbage collector's full walks once it is on show.

Imports: `situation.model`, `situation.load` and itself; never `situation.serve.access` (import-linter keeps the two
apart: who may see a file is decided on what this package shows, not inside it).
"""
