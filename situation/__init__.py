"""A humanitarian situation, from hand-written YAML to a validated model.

The flow runs one way, a module per step:

    YAML text ─ reader ─▶ plain data + positions ─ model (pydantic) ─▶ Situation
                               │                      │
                               └── references, quotes ┴─▶ Findings ─ locate/messages ─▶ Problems

- `reader`: YAML 1.2 into plain dicts and lists, safely (no tags, no duplicate keys, bounded aliases and depth).
- `model`: what a situation is; every field documented; `scales` and `taxonomy` hold the grades and event types.
- `references`, `quotes`: checks across the file (cited ids exist; quotes appear in their source's text).
- `locate`, `messages`: turn each finding into a `Problem` (file, line, column, field path, code, message).
- `loader.load_situation`: the one entry point the CLI, the dashboard and the tests share.
- `cli`, `schema`, `docs`: the edges, for people, editors and the docs page.

No module here imports Streamlit: the app only lays out what these functions return.
"""

from situation.loader import LoadResult, load_situation
from situation.model import Situation
from situation.problems import Problem

__all__ = ["LoadResult", "Problem", "Situation", "load_situation"]
