"""What a situation is, and nothing else: the layer every other one builds on.

- `sections`: the sections of a file declared once (name, what an entry is and its key prefix, its nested list,
  whether it has ids); everything that goes through the sections reads them here, and every fact key is made here.
- `facts`: the pydantic model of a situation file, `Situation`, built from
  - `fields`: ids, text, figures, days, ranges and counts, quotes, references, and what a sourced fact carries;
  - `sources` (sources and reports), `places` (areas, their status and outlines), `tracked` (indicators,
    shortages and routes, observed over time), `claims` (claims and statements) and `events`;
  every field documented; an entry's title is a property of its class, its key its section's.
- `dates`: days, months and seasons as sources give them, with their first and last day.
- `scales`: the grades (source reliability A–F, credibility 1–6, shortage severity 1–5) and what each means.
- `taxonomy`: ACLED's event types and sub-types.
- `geography`: outlines (rings of longitude/latitude) and the boundaries read from a situation's files, by p-code.
- `schema`, `model_page`: the JSON Schema and `docs/model.md`, generated from the classes above.

Every field's docstring is its description: pydantic puts it in the JSON Schema, and `model_page` writes the model
page from it, so code, schema and docs say the same thing. Unknown is `null`, never 0. Cross-references (a cited
source, area or indicator that must exist) are checked in `situation.load.references`, on the raw data, so they are
reported even when other fields are wrong.

Imports: the standard library, pydantic and itself only.
"""
