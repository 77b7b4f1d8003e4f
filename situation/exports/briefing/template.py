"""The briefing's page: one Jinja2 template with its styles inline, kept apart so `briefing` reads as plain Python.

A string rather than a file beside the package, so an installed copy never lacks it. Styles use the reader's own
system fonts (nothing to fetch), work on screen (down to a 390 px phone: wide tables scroll inside their box) and
on A4 paper, where `@page` margin boxes print our own header and footer on every page and no block is cut in two.
Jinja2's autoescape is on: `{{ text }}` is always escaped; only the charts are passed in as already-safe markup,
and text in the header and footer goes through `css_string`.
"""

TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{{ title }} — briefing as of {{ as_of }}</title>
{% set sans = "system-ui, DejaVu Sans, sans-serif" %}
{% set made_from = "Made from commit " ~ revision if revision else "Made from the team's situation file" %}
<style>
  @page {
    size: A4; margin: 13mm 12mm 12mm;
    @top-left { content: {{ title | css_string }}; font: 600 7.5pt {{ sans }}; color: #555; }
    @top-right { content: {{ ("Situation as of " ~ as_of) | css_string }}; font: 7.5pt {{ sans }}; color: #555; }
    @bottom-left { content: {{ made_from | css_string }}; font: 7pt {{ sans }}; color: #777; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt {{ sans }}; color: #555; }
  }
  :root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --flag: #a4330f; --soft: #f4f4f2;
          --band: #fff6e0; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); background: #fff; overflow-wrap: break-word;
         font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
  header.top { border-bottom: 3px solid var(--ink); margin-bottom: .6rem; }
  h1 { font-size: 1.7rem; margin: 0 0 .1rem; line-height: 1.2; }
  h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; padding-bottom: .15rem; border-bottom: 1px solid var(--line);
       break-after: avoid; }
  h3 { font-size: .95rem; margin: .2rem 0; break-after: avoid; }
  p { margin: .25rem 0; }
  .as-of { font-weight: 600; color: var(--muted); margin: 0 0 .4rem; }
  .meta { color: var(--muted); font-size: .85em; }
  .flag { color: var(--flag); font-weight: 600; }
  .band { border: 1px solid #d9b44a; border-left: 6px solid #d9b44a; background: var(--band); padding: .45rem .7rem;
          margin: .5rem 0; break-inside: avoid; }
  .band dl { display: grid; grid-template-columns: minmax(7rem, 11rem) 1fr; gap: .2rem .8rem; margin: 0; }
  .band dt { font-weight: 700; }
  .band dd { margin: 0; }
  .band .provenance { color: #555; font-size: .85em; }
  @media print { .band .who { display: none; } }  /* on paper the sections below give each line's sources */
  .summary { margin: .5rem 0; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem; }
  .card { border: 1px solid var(--line); border-radius: 4px; padding: .4rem .6rem; background: var(--soft); break-inside: avoid; }
  .card h3 { font-size: .85rem; }
  .card .value { font-size: 1.3rem; font-weight: 700; line-height: 1.25; }
  .card .unit { font-size: .9rem; font-weight: 400; }
  .card p { font-size: .85rem; margin: .1rem 0; }
  ul.highlights { padding-left: 1.1rem; margin: .3rem 0; }
  ul.highlights li { margin: .2rem 0; break-inside: avoid; }
  figure { margin: .5rem 0; break-inside: avoid; }
  figure svg { display: block; width: 100%; height: auto; max-width: 760px; }
  figcaption { color: var(--muted); font-size: .85em; }
  .scroll { overflow-x: auto; }
  table { width: 100%; border-collapse: collapse; font-size: .9em; }
  th, td { text-align: left; vertical-align: top; padding: .2rem .35rem; border-bottom: 1px solid var(--line); }
  th { background: var(--soft); }
  thead { display: table-header-group; }
  tr, .claim, .keep { break-inside: avoid; }
  td.nowrap, th.nowrap { white-space: nowrap; }
  th.col-name { width: 34%; } th.col-note { width: 44%; }
  .claim { border: 1px solid var(--line); border-radius: 4px; padding: .4rem .6rem; margin: .4rem 0; }
  .sides { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; margin-top: .3rem; }
  .sides h4 { margin: 0 0 .1rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
  .asserts h4 { color: #0b5a8a; } .denies h4 { color: var(--flag); }
  .sides ul { margin: 0; padding-left: 1.1rem; }
  blockquote { margin: .1rem 0 .1rem .2rem; padding-left: .5rem; border-left: 3px solid var(--line); font-style: italic; }
  .note { border: 1px solid var(--flag); padding: .4rem .6rem; }
  .columns { display: grid; grid-template-columns: minmax(0, 400px) 1fr; gap: 1rem; align-items: start; }
  .columns figure { margin-top: 0; }
  #grades { margin-top: .7rem; }
  table.key th { width: 16%; }
  table.key td { width: 14%; }
  .disclaimer { border-top: 1px solid var(--line); padding-top: .3rem; margin-top: .6rem; }
  footer { margin-top: 1rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .3rem; }
  @media (max-width: 640px) {
    body { padding: .8rem; }
    figure { overflow-x: auto; }
    figure svg { min-width: 600px; }  /* a chart keeps a legible size and scrolls in its own box */
    figure.map svg { min-width: 0; }
    .band dl, .sides, .columns { grid-template-columns: 1fr; }
    .band dt { margin-top: .3rem; }
  }
  @media print {
    body { max-width: none; padding: 0; font-size: 8.2pt; line-height: 1.3; }
    h1 { font-size: 17pt; }
    h2 { font-size: 11pt; margin-top: .8rem; }
    .cards { grid-template-columns: repeat(4, 1fr); gap: .4rem; }
    .card { background: none; padding: .3rem .45rem; }
    .card .value { font-size: 12pt; }
    .card .unit { font-size: 9pt; }
    .card p { font-size: 7.6pt; }
    ul.highlights { font-size: 7.8pt; margin-top: 0; }
    ul.highlights li { margin: .1rem 0; }
    table { font-size: 7.4pt; }
    th, td { padding: .15rem .3rem; }
    .scroll { overflow: visible; }
    footer.screen, .screen-only { display: none; }
  }
  {% if draft %}
  .watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; z-index: 10;
               pointer-events: none; font: 700 9rem/1 {{ sans }}; letter-spacing: .1em; color: rgba(164, 51, 15, .13);
               transform: rotate(-30deg); }
  .draft { border: 2px solid var(--flag); padding: .45rem .7rem; margin: .5rem 0; break-inside: avoid; }
  .draft strong { color: var(--flag); }
  .draft pre { white-space: pre-wrap; font-size: .8em; margin: .3rem 0 0; }
  @page { @top-center { content: "DRAFT — not published"; font: 700 8pt {{ sans }}; color: #a4330f; } }
  {% endif %}
</style>
</head>
<body>
{% if draft %}
<div class="watermark" aria-hidden="true">DRAFT</div>
<section class="draft" aria-label="Draft">
  <strong>{{ draft.headline }}</strong>
  <p>Not for sharing: this briefing is made from a draft that a reviewer has not published. What it changes from the
    published version:</p>
  <pre>{{ draft.story }}</pre>
</section>
{% endif %}
<header class="top">
  <h1>{{ title }}</h1>
  <p class="as-of">Situation as of <time datetime="{{ as_of_iso }}">{{ as_of }}</time></p>
</header>

<section id="headline" class="band" aria-label="Headline">
  <dl>
    {% for line in headline %}
    <dt>{{ line.label }}</dt>
    <dd>{{ line.text }} <span class="provenance">({{ line.when }}<span class="who"> · {{ line.who }}</span>)</span></dd>
    {% endfor %}
  </dl>
</section>
<p class="summary">{{ summary }}</p>
{% if chart_problem %}
<p class="note">Charts are left out of this briefing: they could not be drawn ({{ chart_problem }}).</p>
{% endif %}

{% macro card(c) %}
<div class="card">
  <h3>{{ c.title }}</h3>
  <div class="value">{{ c.value }}{% if c.unit %} <span class="unit">{{ c.unit }}</span>{% endif %}</div>
  {% if c.contested %}<p class="flag">Rests on a contested claim</p>{% endif %}
  {% if c.change %}<p>{{ c.change }}</p>{% endif %}
  {% if c.detail %}<p>{{ c.detail }}</p>{% endif %}
  <p class="meta">{% if c.area %}{{ c.area }} · {% endif %}{{ c.as_of }}{% if c.age %} ({{ c.age }}){% endif %}
    {% if c.stale %}— <span class="flag">needs re-verifying</span>{% endif %}</p>
  <p class="meta">{{ c.sources }} · credibility {{ c.credibility }}</p>
</div>
{% endmacro %}

{% macro rows_of(items, what) %}
<div class="scroll">
<table>
  <thead><tr><th>{{ what }}</th><th>Now</th><th class="nowrap">As of</th><th>Source · credibility</th></tr></thead>
  <tbody>
  {% for c in items %}
    <tr><td><strong>{{ c.title }}</strong>
      {% if c.detail %}<br><span class="meta">{{ c.detail }}</span>{% endif %}</td>
      <td>{{ c.value }}{% if c.unit %} {{ c.unit }}{% endif %}
        {% if c.contested %}<br><span class="flag">rests on a contested claim</span>{% endif %}
        {% if c.change %}<br><span class="meta">{{ c.change }}</span>{% endif %}</td>
      <td class="nowrap">{{ c.as_of }}{% if c.stale %}<br><span class="flag">needs re-verifying</span>{% endif %}</td>
      <td class="meta">{{ c.sources }} · {{ c.credibility }}</td></tr>
  {% endfor %}
  </tbody>
</table>
</div>
{% endmacro %}

<section id="key-figures">
  <h2>Key figures</h2>
  {% if figures %}<div class="cards">{% for c in figures %}{{ card(c) }}{% endfor %}</div>
  {% else %}<p>No figures recorded.</p>{% endif %}
  <div class="keep" id="grades">
  <h3>Key to the grades</h3>
  <p class="meta">As in the Admiralty system, a source's reliability (a letter, shown in brackets after its name) and each
    fact's credibility (a digit) are graded apart.</p>
  <div class="scroll">
  <table class="key">
    <tbody>
      <tr><th>Source reliability</th>
        {% for g in grades %}<td><strong>{{ g.reliability }}</strong> {{ g.reliability_meaning }}</td>{% endfor %}</tr>
      <tr><th>Credibility of the information</th>
        {% for g in grades %}<td><strong>{{ g.credibility }}</strong> {{ g.credibility_meaning }}</td>{% endfor %}</tr>
    </tbody>
  </table>
  </div>
  </div>
</section>

<section id="highlights">
  <h2>Areas</h2>
  <div class="{{ 'columns' if charts.map and highlights else '' }}">
  {% if charts.map %}
  <figure class="map">{{ charts.map }}<figcaption>Areas at rough positions, coloured by their latest status.</figcaption></figure>
  {% endif %}
  {% if highlights %}
  <ul class="highlights">
    {% for h in highlights %}
    <li><strong>{{ h.title }}</strong> ({{ h.as_of }}): {{ h.value }}
      {% if h.contested %}<span class="flag">[contested]</span>{% endif %}
      <span class="meta">— {{ h.sources }}; credibility {{ h.credibility }}</span></li>
    {% endfor %}
  </ul>
  {% elif not charts.map %}<p>No areas recorded.</p>{% endif %}
  </div>
</section>

<section id="shortages">
  <h2>Shortages</h2>
  {% if shortage_rows %}{{ rows_of(shortage_rows, "Shortage") }}
  {% else %}<p>No shortages recorded.</p>{% endif %}
  {% if charts.severity_heatmap %}
  <figure>{{ charts.severity_heatmap }}<figcaption>Latest severity per area and commodity, 1 (none or minor) to 5 (extreme);
    “Insufficient evidence” is written, never coloured.</figcaption></figure>
  {% endif %}
</section>

<section id="access">
  <h2>Access</h2>
  {% if charts.access_timeline %}
  <figure>{{ charts.access_timeline }}<figcaption>Status of each corridor and supply line over time.</figcaption></figure>
  {% endif %}
  {% if route_rows %}{{ rows_of(route_rows, "Route") }}
  {% else %}<p>No routes recorded.</p>{% endif %}
</section>

<section id="claims">
  <h2>Contested claims</h2>
  {% for claim in contested %}
  <div class="claim">
    <h3>{{ claim.statement }}</h3>
    <p class="meta">Status: {{ claim.status }} · analyst's credibility: {{ claim.credibility }}</p>
    <div class="sides">
      {% for side in ("asserts", "denies") %}
      <div class="{{ side }}">
        <h4>{{ "Asserts" if side == "asserts" else "Denies" }}</h4>
        <ul>
          {% for p in claim[side] %}
          <li>{{ p.source }}, {{ p.date }}{% if p.quote %}<blockquote>“{{ p.quote }}”</blockquote>{% endif %}</li>
          {% else %}
          <li class="meta">no source</li>
          {% endfor %}
        </ul>
      </div>
      {% endfor %}
    </div>
    {% if claim.note %}<p>{{ claim.note }}</p>{% endif %}
  </div>
  {% else %}
  <p>No claim is contested.</p>
  {% endfor %}
  {% if other_claims %}
  <h3>Other claims</h3>
  <div class="scroll">
  <table>
    <thead><tr><th>Claim</th><th>Status</th><th>Who says so</th><th>Credibility</th></tr></thead>
    <tbody>
    {% for claim in other_claims %}
      <tr><td>{{ claim.statement }}
        {% if claim.resolution %}<br><span class="meta">Settled: {{ claim.resolution }}</span>{% endif %}</td>
        <td>{{ claim.status }}</td>
        <td>{% for p in claim.asserts %}{{ p.source }}{% if not loop.last %}; {% endif %}{% endfor %}</td>
        <td>{{ claim.credibility }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  </div>
  {% endif %}
  {% if charts.claims_matrix %}
  <figure class="screen-only">{{ charts.claims_matrix }}<figcaption>Who asserts and who denies each claim.</figcaption></figure>
  {% endif %}
</section>

<section id="events">
  <h2>Events</h2>
  {% if charts.event_timeline %}
  <figure>{{ charts.event_timeline }}<figcaption>Events by date, area and ACLED type; an open marker: the source gives
    only a month or a season.</figcaption></figure>
  {% endif %}
  {% if event_rows %}
  <div class="scroll">
  <table>
    <thead><tr><th class="nowrap">Date</th><th>Area</th><th>What happened</th><th>Source · credibility</th></tr></thead>
    <tbody>
    {% for e in event_rows %}
      <tr>
        <td class="nowrap">{{ e.date }}</td><td>{{ e.area_name }}</td>
        <td><strong>{{ e.type_name }} · {{ e.sub_type_name }}</strong>: {{ e.summary }}
          {% if e.actors %}<br><span class="meta">Actors: {{ e.actors }}</span>{% endif %}
          {% if e.hurt %}<br><span class="meta">People hurt: {{ e.hurt }}</span>{% endif %}
          {% if e.contested %}<br><span class="flag">Rests on a contested claim</span>{% endif %}</td>
        <td class="meta">{{ e.sources }} · {{ e.credibility }}</td>
      </tr>
    {% endfor %}
    </tbody>
  </table>
  </div>
  {% else %}<p>No events recorded.</p>{% endif %}
  {% if hurt_totals %}
  <h3>People hurt, by area and month</h3>
  <div class="scroll">
  <table>
    <thead><tr><th>Area</th><th>Month</th><th>Events</th><th>Killed</th><th>Injured</th><th>Missing</th></tr></thead>
    <tbody>
    {% for t in hurt_totals %}
      <tr><td>{{ t.area_name }}</td><td>{{ t.period }}</td><td>{{ t.events }}</td><td>{{ t.killed or "" }}</td>
        <td>{{ t.injured or "" }}</td><td>{{ t.missing or "" }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  </div>
  <p class="meta">A sum that includes an open bound says “at least”; unknown figures are counted, never taken as 0.</p>
  {% endif %}
</section>

<section id="statements">
  <h2>Statements</h2>
  {% if statement_rows %}
  <div class="scroll">
  <table>
    <thead><tr><th class="nowrap">Date</th><th>Who</th><th>What</th><th>Reported by</th></tr></thead>
    <tbody>
    {% for s in statement_rows %}
      <tr><td class="nowrap">{{ s.date }}</td><td>{{ s.by_name }} [{{ s.by_reliability }}]</td>
        <td><strong>{{ s.kind }}</strong>: {{ s.summary }}{% if s.quote %}<blockquote>“{{ s.quote }}”</blockquote>{% endif %}</td>
        <td class="meta">{{ s.sources }}{% if s.reports %}<br>{{ s.reports }}{% endif %}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  </div>
  {% else %}<p>No calls, appeals, announcements or warnings recorded.</p>{% endif %}
</section>

<section id="sources">
  <h2>Sources</h2>
  <div class="scroll">
  <table>
    <thead><tr><th class="col-name">Source [reliability]</th><th>Kind</th><th>Relayed by</th><th>Facts</th>
      <th class="col-note">Note</th></tr></thead>
    <tbody>
    {% for s in source_rows %}
      <tr><td>{{ s.name }} <strong>[{{ s.reliability }}]</strong></td><td>{{ s.kind }}</td>
        <td>{{ s.via or "" }}</td><td>{{ s.facts }}</td><td>{{ s.note or "" }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  </div>
  {% if report_rows %}
  <h3>Reports cited</h3>
  <ul>
    {% for r in report_rows %}
    <li>{{ r.source_name }}, <cite>{{ r.title }}</cite>{% if r.number %} {{ r.number }}{% endif %}, {{ r.date }}
      {% if r.url %}— {{ r.url }}{% endif %} <span class="meta">({{ r.facts }} fact(s))</span></li>
    {% endfor %}
  </ul>
  {% endif %}
</section>

{% if contacts or disclaimer %}
<section id="contacts" class="keep">
  {% if contacts %}
  <h2>Contacts</h2>
  <ul>
    {% for c in contacts %}
    <li><strong>{{ c.name }}</strong>{% if c.organisation %}, {{ c.organisation }}{% endif %}
      {% if c.email %} · {{ c.email }}{% endif %}{% if c.phone %} · {{ c.phone }}{% endif %}</li>
    {% endfor %}
  </ul>
  {% endif %}
  {% if disclaimer %}<p class="disclaimer meta">{{ disclaimer }}</p>{% endif %}
</section>
{% endif %}

<footer class="screen">Briefing of “{{ title }}” as of {{ as_of }}, made from
  {% if revision %}commit {{ revision }} of {% endif %}the team's situation file.
  Unknown figures are written “unknown”, never 0.</footer>
</body>
</html>
"""
