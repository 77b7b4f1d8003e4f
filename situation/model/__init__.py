"""What a situation is, and nothing else: the layer every other one builds on.

- `facts`: the pydantic model of a situation file (sources, areas, indicators, shortages, access, claims,
  events), every field documented; a fact's key and title are properties of its class.
- `dates`: days, months and seasons as sources give them, with their first and last day.
- `scales`: the grades (source reliability A–F, credibility 1–6, shortage severity 1–5) and what each means.
- `taxonomy`: ACLED's event types and sub-types.
- `geography`: outlines (rings of longitude/latitude) and the boundaries read from a situation's files, by p-code.
- `schema`, `model_page`: the JSON Schema and `docs/model.md`, generated from the classes above.

Imports: the standard library, pydantic and itself only.
"""
