"""The briefing's page: one Jinja2 template with its styles inline, kept apart so `briefing` reads as plain Python.

A string rather than a file beside the package, so an installed copy never lacks it. Styles use the reader's own
system fonts (nothing to fetch), work on screen and on A4 paper, and keep every block whole across page breaks.
Jinja2's autoescape is on: `{{ text }}` is always escaped; only the charts are passed in as already-safe markup.
"""

TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{{ title }} — briefing as of {{ as_of }}</title>
<style>
  @page { size: A4; margin: 14mm 13mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; } }
  :root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --flag: #a4330f; --soft: #f4f4f2; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); background: #fff;
         font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
  header { border-bottom: 3px solid var(--ink); margin-bottom: 1rem; }
  h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
  h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line);
       break-after: avoid; }
  h3 { font-size: 1rem; margin: .2rem 0; }
  p { margin: .3rem 0; }
  .as-of { font-weight: 600; color: var(--muted); margin: 0 0 .6rem; }
  .summary { font-size: 1.05rem; }
  .meta { color: var(--muted); font-size: .85rem; }
  .flag { color: var(--flag); font-weight: 600; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .6rem; }
  .card { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .7rem; background: var(--soft);
          break-inside: avoid; }
  .card .value { font-size: 1.35rem; font-weight: 700; }
  .card .unit { font-size: .95rem; font-weight: 400; }
  ul.highlights { padding-left: 1.2rem; }
  ul.highlights li { margin: .3rem 0; break-inside: avoid; }
  figure { margin: .8rem 0; break-inside: avoid; }
  figure svg { display: block; width: 100%; height: auto; max-width: 760px; }
  figcaption { color: var(--muted); font-size: .8rem; }
  table { width: 100%; border-collapse: collapse; font-size: .88rem; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--line); }
  th { background: var(--soft); }
  thead { display: table-header-group; }
  tr, .claim, section.block { break-inside: avoid; }
  .claim { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .7rem; margin: .6rem 0; }
  .sides { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; margin-top: .4rem; }
  .sides h4 { margin: 0 0 .2rem; font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; }
  .asserts h4 { color: #0b5a8a; } .denies h4 { color: var(--flag); }
  .sides ul { margin: 0; padding-left: 1.1rem; }
  blockquote { margin: .2rem 0 .2rem .2rem; padding-left: .5rem; border-left: 3px solid var(--line); font-style: italic; }
  .note { border: 1px solid var(--flag); padding: .4rem .6rem; }
  footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .4rem; }
  @media print {
    body { max-width: none; padding: 0; font-size: 9.5pt; }
    .card { background: none; }
  }
</style>
</head>
<body>
<header>
  <h1>{{ title }}</h1>
  <p class="as-of">Situation as of <time datetime="{{ as_of_iso }}">{{ as_of }}</time></p>
</header>

<section id="highlights">
  <h2>Highlights</h2>
  <p class="summary">{{ summary }}</p>
  {% if highlights %}
  <ul class="highlights">
    {% for h in highlights %}
    <li><strong>{{ h.title }}</strong> ({{ h.as_of }}): {{ h.value }}
      {% if h.contested %}<span class="flag">[contested]</span>{% endif %}
      <span class="meta">— {{ h.sources }}; credibility {{ h.credibility }}</span></li>
    {% endfor %}
  </ul>
  {% endif %}
  {% if chart_problem %}
  <p class="note">Charts are left out of this briefing: they could not be drawn ({{ chart_problem }}).</p>
  {% endif %}
  {% if charts.map %}
  <figure>{{ charts.map }}<figcaption>Areas at rough positions, coloured by status; crosses are events.</figcaption></figure>
  {% endif %}
</section>

{% macro card(c) %}
<div class="card">
  <h3>{{ c.title }}</h3>
  <div class="value">{{ c.value }}{% if c.unit %} <span class="unit">{{ c.unit }}</span>{% endif %}</div>
  {% if c.area %}<p>{{ c.area }}</p>{% endif %}
  {% if c.contested %}<p class="flag">Rests on a contested claim</p>{% endif %}
  {% if c.change %}<p>{{ c.change }}</p>{% endif %}
  {% if c.detail %}<p>{{ c.detail }}</p>{% endif %}
  <p class="meta">As of {{ c.as_of }}{% if c.age %} ({{ c.age }}){% endif %}
    {% if c.stale %}— <span class="flag">needs re-verifying</span>{% endif %}</p>
  <p class="meta">Source: {{ c.sources }}</p>
  <p class="meta">Credibility: {{ c.credibility }}</p>
</div>
{% endmacro %}

<section id="key-figures">
  <h2>Key figures</h2>
  {% if figures %}<div class="cards">{% for c in figures %}{{ card(c) }}{% endfor %}</div>
  {% else %}<p>No figures recorded.</p>{% endif %}
</section>

<section id="shortages">
  <h2>Shortages</h2>
  {% if charts.shortages %}
  <figure>{{ charts.shortages }}<figcaption>Latest severity per area and commodity (1 minor to 5 extreme);
    “Insufficient evidence” is written, never coloured.</figcaption></figure>
  {% endif %}
  {% if shortages %}<div class="cards">{% for c in shortages %}{{ card(c) }}{% endfor %}</div>
  {% else %}<p>No shortages recorded.</p>{% endif %}
</section>

<section id="access">
  <h2>Access</h2>
  {% if charts.access %}
  <figure>{{ charts.access }}<figcaption>Status of each corridor and supply line over time.</figcaption></figure>
  {% endif %}
  {% if access %}<div class="cards">{% for c in access %}{{ card(c) }}{% endfor %}</div>
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
  {% endif %}
  {% if charts.claims %}
  <figure>{{ charts.claims }}<figcaption>Who asserts and who denies each claim.</figcaption></figure>
  {% endif %}
</section>

<section id="events">
  <h2>Events</h2>
  {% if charts.events %}
  <figure>{{ charts.events }}<figcaption>Events by date and area, by ACLED type; an open marker means the source gives
    only a month or a season.</figcaption></figure>
  {% endif %}
  {% if events %}
  <table>
    <thead><tr><th>Date</th><th>Area</th><th>What happened</th><th>Source and credibility</th></tr></thead>
    <tbody>
    {% for e in events %}
      <tr>
        <td>{{ e.date }}</td><td>{{ e.area }}</td>
        <td><strong>{{ e.type }}</strong><br>{{ e.summary }}
          {% if e.actors %}<br><span class="meta">Actors: {{ e.actors }}</span>{% endif %}
          {% if e.hurt %}<br><span class="meta">People hurt: {{ e.hurt }}</span>{% endif %}
          {% if e.contested %}<br><span class="flag">Rests on a contested claim</span>{% endif %}</td>
        <td class="meta">{{ e.sources }}<br>credibility {{ e.credibility }}</td>
      </tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}<p>No events recorded.</p>{% endif %}
  {% if hurt_totals %}
  <h3>People hurt, by area and month</h3>
  <table>
    <thead><tr><th>Area</th><th>Month</th><th>Events</th><th>Killed</th><th>Injured</th><th>Missing</th></tr></thead>
    <tbody>
    {% for t in hurt_totals %}
      <tr><td>{{ t.area_name }}</td><td>{{ t.period }}</td><td>{{ t.events }}</td><td>{{ t.killed or "" }}</td>
        <td>{{ t.injured or "" }}</td><td>{{ t.missing or "" }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  <p class="meta">A sum that includes an open bound says “at least”; unknown figures are counted, never taken as 0.</p>
  {% endif %}
</section>

<section id="statements">
  <h2>Statements</h2>
  {% if statements %}
  <table>
    <thead><tr><th>Date</th><th>Who</th><th>What</th><th>Reported by</th></tr></thead>
    <tbody>
    {% for s in statements %}
      <tr><td>{{ s.date }}</td><td>{{ s.by_name }} [{{ s.by_reliability }}]</td>
        <td><strong>{{ s.kind }}</strong>: {{ s.summary }}{% if s.quote %}<blockquote>“{{ s.quote }}”</blockquote>{% endif %}</td>
        <td class="meta">{{ s.sources }}{% if s.reports %}<br>{{ s.reports }}{% endif %}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}<p>No calls, appeals, announcements or warnings recorded.</p>{% endif %}
</section>

<section id="sources">
  <h2>Sources</h2>
  <table>
    <thead><tr><th>Source</th><th>Kind</th><th>Reliability</th><th>Relayed by</th><th>Facts</th><th>Note</th></tr></thead>
    <tbody>
    {% for s in sources %}
      <tr><td>{{ s.name }}</td><td>{{ s.kind }}</td><td>{{ s.reliability }} — {{ s.reliability_meaning }}</td>
        <td>{{ s.via or "" }}</td><td>{{ s.facts }}</td><td>{{ s.note or "" }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% if reports %}
  <h3>Reports cited</h3>
  <ul>
    {% for r in reports %}
    <li>{{ r.source_name }}, <cite>{{ r.title }}</cite>{% if r.number %} {{ r.number }}{% endif %}, {{ r.date }}
      {% if r.url %}— {{ r.url }}{% endif %} <span class="meta">({{ r.facts }} fact(s))</span></li>
    {% endfor %}
  </ul>
  {% endif %}
  <p class="meta">Reliability of a source is graded A (completely reliable) to F (cannot be judged); credibility of each fact
    1 (confirmed) to 6 (cannot be judged), apart from its source, as in the Admiralty system.</p>
</section>

<footer>Briefing of “{{ title }}” as of {{ as_of }}, made from the team's situation file.
  Unknown figures are written “unknown”, never 0.</footer>
</body>
</html>
"""
