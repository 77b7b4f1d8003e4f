"""The few styles Streamlit's own elements lack: the headline band, one type scale for cards, and the phone.

Sent once per run as a style-only `st.html` (Streamlit puts it in the page without taking space). Colours that carry
meaning come from `situation.views.palette`; text keeps the theme's own colour, so light and dark both read.
A phone gets a smaller title, tables that scroll inside themselves rather than widening the page, and a sidebar
that closes once a page is chosen from it.
"""

from __future__ import annotations

import html

import streamlit as st

from situation.views.headline import HeadlineLine
from situation.views.palette import TONE_COLOURS

PHONE = 640
"""Below this width (px) the layout is the phone's."""

_CSS = """
<style>
.headline-band { display: grid; gap: .35rem; margin: .25rem 0 .5rem 0; }
.headline-line { border-left: .3rem solid var(--tone); padding: .2rem .6rem; border-radius: .2rem;
  background: color-mix(in srgb, var(--tone) 10%, transparent); line-height: 1.35; }
.headline-line .label { font-weight: 600; }
.headline-line .text { font-size: 1rem; }
.headline-line .provenance { font-size: .78rem; opacity: .75; display: block; }
.headline-line a { color: inherit; }
.card-title { font-size: .875rem; font-weight: 600; margin-bottom: .1rem; }
.card-value { font-size: 1.5rem; line-height: 1.25; font-weight: 500; overflow-wrap: anywhere; }
.card-value.long { font-size: 1.1rem; }
.card-meta { font-size: .8rem; opacity: .75; }
.grade-key { font-size: .8rem; border-collapse: collapse; }
.grade-key td { padding: 0 .6rem .1rem 0; vertical-align: top; }
[data-testid="stMain"] { overflow-x: hidden; }
@media (max-width: {PHONE}px) {
  [data-testid="stMain"] h1 { font-size: 1.6rem; padding-top: .5rem; }
  [data-testid="stMainBlockContainer"] { padding-left: .75rem; padding-right: .75rem; padding-top: 3rem; }
  .headline-line .text { font-size: .92rem; }
  .headline-line .provenance { font-size: .72rem; }
  [data-testid="stDataFrame"], [data-testid="stTable"] { max-width: 100%; overflow-x: auto; }
}
</style>
"""

_CLOSE_SIDEBAR_ON_PHONE = """
<script>
if (!window.__closesSidebarOnPhone) {
  window.__closesSidebarOnPhone = true;
  document.addEventListener('click', (event) => {
    if (window.innerWidth >= {PHONE} || !event.target.closest('[data-testid="stSidebarNav"] a')) return;
    setTimeout(() => {
      const sidebar = document.querySelector('[data-testid="stSidebar"]');
      if (sidebar && sidebar.getBoundingClientRect().right > 10) {  // still open, over the page
        sidebar.querySelector('button[aria-label="Collapse sidebar"], [data-testid="stSidebarCollapseButton"] button')?.click();
      }
    }, 150);
  }, true);
}
</script>
"""


def apply() -> None:
    """The page's styles, and the phone's sidebar closing after navigation."""
    st.html(_CSS.replace("{PHONE}", str(PHONE)))
    st.html(_CLOSE_SIDEBAR_ON_PHONE.replace("{PHONE}", str(PHONE)), unsafe_allow_javascript=True)


def headline_band(lines: list[HeadlineLine], claim_link: str) -> None:
    """The band: a line per fact, its tone as a coloured edge, its provenance under it; a claim links to its entry.

    `claim_link` is the Sources & claims page's address with the view's query, to which '#claim-ID' is added.
    """
    rows = []
    for line in lines:
        text = html.escape(line.text)
        if line.claim:
            text += f' <a href="{html.escape(claim_link)}#claim-{html.escape(line.claim)}">see the claim</a>'
        rows.append(
            f'<div class="headline-line tone-{line.tone}" style="--tone: {TONE_COLOURS[line.tone]}" '
            f'data-key="{html.escape(line.key)}"><span class="label">{html.escape(line.label)}:</span> '
            f'<span class="text">{text}</span><span class="provenance">{html.escape(line.provenance)}</span></div>'
        )
    st.html(f'<div class="headline-band" data-testid="headline-band">{"".join(rows)}</div>')
