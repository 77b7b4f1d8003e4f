"""The offline briefing: one self-contained HTML page laid out like a situation report, and that page printed on A4.

- `page`: what the briefing says, gathered from the views for the template (`build_briefing`).
- `template`: the Jinja2 page with its styles inline (screen, phone and A4 print).
- `layout`: the dashboard's charts sized for a printed page.
- `svg`: every chart drawn as static SVG by kaleido in one Chromium session; `pdf`: the page printed to A4 by that
  Chromium.

Imports: `situation.model`, `situation.views`, the rest of `situation.exports` and itself.
"""
