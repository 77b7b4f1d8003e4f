"""Serving a team: what a long-running server needs beyond one page, with no Streamlit, in two rooms that do not
know each other (an import-linter contract):

- `live/`: live reload, safely: the watcher, the kernel's file events, and the heap kept off the collector.
- `access/`: sign-in and the allow-list: who may open the dashboard and which situations each person sees.

Imports: every layer below it (`model`, `load`, `views`, `hxl`, `exports`) and itself; never `situation.ui`.
"""
