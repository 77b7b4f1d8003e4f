"""Serving a team: what a long-running server needs beyond one page, with no Streamlit, in two rooms that do not
know each other (an import-linter contract):

- `live/`: live reload, safely: the watcher, the kernel's file events, and the heap kept off the collector.
- `access/`: sign-in and the allow-list: who may open the dashboard and which situations each person sees.
- `review/`: review before publishing: the published git reference, drafts for editors, publishing, the publications.
  It builds on both rooms (the watcher's views, the roles).
- `state`: the one object per server process that holds what its safety rests on (the watchers and followed
  references, the wait after wrong passwords, the sign-ins), where no client message can reset it.

Imports: every layer below it (`model`, `load`, `views`, `hxl`, `exports`) and itself; never `situation.ui`.
"""
