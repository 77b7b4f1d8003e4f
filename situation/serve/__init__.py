"""Serving a team: what a long-running server needs beyond one page, with no Streamlit.

- `watch`: live reload; the last good model of every file and what is wrong with it now.
- `access_control`: who may open the dashboard and which situations each person sees.

Imports: every layer below it (`model`, `load`, `views`, `exports`) and itself; never `situation.ui`.
"""
