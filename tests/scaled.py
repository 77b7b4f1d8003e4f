"""The seed repeated n times, ids suffixed and references kept: a valid situation whose every section grows with n.

Every section grows together (sources, areas and claims as well as facts), so work that scans one list per entry of
another grows as n², which a test can see; the benchmarks' generator (benchmarks/generate.py) instead grows a crisis
over time, as a real file grows.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from situation.load.paths import Pattern, data_at
from situation.load.reader import read_yaml
from situation.load.references import REFERENCES, SECTIONS_WITH_IDS
from situation.model.facts import Situation
from situation.model.sections import SECTIONS
from tests.paths import SEED

_SECTIONS = tuple(section.name for section in SECTIONS)


def scaled_data(times: int) -> dict[str, Any]:
    """The seed's data with each section repeated `times` times (its source documents dropped: nothing to check)."""
    data = read_yaml(SEED.read_text(encoding="utf-8"), str(SEED), keep_marks=False).data
    for source in data["sources"]:
        source.pop("document", None)
    scaled = {key: value for key, value in data.items() if key not in _SECTIONS}
    for section in _SECTIONS:
        scaled[section] = []
    for copy_number in range(times):
        # A JSON round trip, not deepcopy: the seed's YAML anchors must become separate objects.
        part = json.loads(json.dumps({section: data.get(section, []) for section in _SECTIONS}))
        suffix = f"-{copy_number}"
        for with_ids in SECTIONS_WITH_IDS:
            for item in part[with_ids.name]:
                item["id"] += suffix
        for pattern, _section in REFERENCES:
            _suffix_at(part, pattern, suffix)
        for section in _SECTIONS:
            scaled[section].extend(part[section])
    return scaled


def _suffix_at(data: Any, pattern: Pattern, suffix: str) -> None:
    """Suffix every id at `pattern` (found with the checker's own walker) in place."""
    for path, value in list(data_at(data, pattern)):
        if isinstance(value, str):
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value + suffix


@cache
def scaled_seed(times: int) -> Situation:
    return Situation.model_validate(scaled_data(times))
