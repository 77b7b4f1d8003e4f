"""The Streamlit layer: the only part of the project that imports Streamlit.

It lays out what the plain modules return (cards, tables, figures) and keeps no logic of its own beyond
choosing what to show: which situation, which page, which area. Caching lives here, at the page edge.

- `app`: the entry point (`dashboard.py` calls `main()`): which situation, day and area, and the pages.
- `pages`: each page's layout; `cache`: one `situation.views.derived.Derived` per version and day, for every viewer.
- `signin`: the sign-in gate; `downloads`: the sidebar's briefing, PDF and tables.
- `switcher`: which version is on show (published, a past publication, an editor's draft); `draft`: the draft banner
  and the reviewer's publish control; `history`: the History page of publications.
- `guard`: a page that fails to draw shows its last good view; `notice`: a new version is said, with what changed.
- `push`: wakes every open page when a file changes; `cache_clearing`: refuses a client's "clear caches" (the two uses
  of Streamlit internals).
- `style`, `text`: the band's and cards' markup, and text from the YAML shown literally.
"""
