"""The JSON Schema of a situation file, as pydantic derives it from the model, for editors and other validators."""

from __future__ import annotations

from typing import Any

from situation.model.facts import Situation

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def situation_schema() -> dict[str, Any]:
    """The schema of a whole file; every property's description is the model field's docstring."""
    return {"$schema": SCHEMA_DIALECT, **Situation.model_json_schema()}
