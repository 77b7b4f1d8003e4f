"""Make a situation N times the size of the seed: every section repeated N times, ids suffixed, references kept.

    python benchmarks/generate.py 100 > /tmp/aleppo-x100.yaml

The copies cite their own sources, areas and claims, so the file is valid and exercises every check.
The source documents are dropped: the quotes of a generated file have no text to be checked against.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from situation.load.paths import Pattern, data_at
from situation.load.reader import read_yaml
from situation.load.references import REFERENCES, SECTIONS_WITH_IDS

SEED = Path(__file__).resolve().parent.parent / "seeds" / "aleppo-2016-08.yaml"
_SECTIONS = ("sources", "areas", "indicators", "shortages", "access", "claims", "events")


def scaled_situation(times: int, seed: Path = SEED) -> dict[str, Any]:
    """The seed's data with each section repeated `times` times."""
    data = read_yaml(seed.read_text(encoding="utf-8"), str(seed), keep_marks=False).data
    for source in data["sources"]:
        source.pop("document", None)
    scaled = {key: value for key, value in data.items() if key not in _SECTIONS}
    for section in _SECTIONS:
        scaled[section] = []
    for copy_number in range(times):
        # A JSON round trip, not deepcopy: the seed's YAML anchors must become separate objects.
        part = json.loads(json.dumps({section: data.get(section, []) for section in _SECTIONS}))
        suffix = f"-{copy_number}"
        for section in SECTIONS_WITH_IDS:
            for item in part[section]:
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


def scaled_yaml(times: int) -> str:
    """The scaled situation as YAML text, block style as a person writes it."""
    return yaml.dump(
        scaled_situation(times), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True
    )


if __name__ == "__main__":
    sys.stdout.write(scaled_yaml(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
