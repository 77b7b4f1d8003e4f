"""From YAML text to a validated `Situation`, or to every mistake in it, each located.

- `reader`: YAML 1.2 into plain data with the position of every node, safely (no tags, no duplicate keys,
  bounded aliases and depth).
- `problems`, `codes`: the one error type (file, line, column, field path, code, message) and the list of
  every code with its meaning and severity; reporters write problems as text or JSON.
- `locate`, `messages`: pydantic's errors pointed at a line and said in plain words.
- `indentation`: a YAML indentation slip said as "line it up with the items above", not as libyaml's parser state.
- `paths`, `references`, `quotes`: checks across the file (cited ids exist, quotes appear in their source).
- `sanity`: dates and values that cannot be so (a fact after `as_of`, a negative count) or that a team may mean.
- `confine`: files are read only inside the situations folder and the named document roots, only regular files
  that are not hidden (a source's text only a text file), and only up to a size, so a committed file can neither read
  the server's files nor exhaust it. docs/budgets.md lists every limit a file meets.
- `loader`: `load_situation`, the one entry point the CLI, the dashboard and the tests share.
- `entries`: live reload's shortcut: a save re-reads only the top-level entries it changed (same result as a whole
  read, which anything unusual falls back to).
- `revisions`: a file as it was at an earlier git revision, and the revisions a picker offers, in words.
- `boundaries`: the admin-boundary files a situation names (GeoJSON, TopoJSON), read inside the roots and joined to
  areas by p-code; `bounded_json` reads their JSON within budgets (nesting, number length, values), each refusal located.

Imports: `situation.model` and itself.
"""
