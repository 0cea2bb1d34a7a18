"""The JSON Schema of the map format, generated from the models (never written by hand)."""

from __future__ import annotations

import json
from typing import Any


def journey_map_schema() -> dict[str, Any]:
    from journeyctl.model import JourneyMap

    schema = JourneyMap.model_json_schema(by_alias=True, mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }
    _describe_values(schema)
    return schema


def _describe_values(schema: dict[str, Any]) -> None:
    """Give every value of every vocabulary its meaning: `oneOf` constants with a description
    (standard JSON Schema, shown by editors when completing) next to the plain `enum`."""
    from journeyctl.model.vocabulary import VALUE_DESCRIPTIONS

    definitions = schema.get("$defs", {})
    for vocabulary, descriptions in VALUE_DESCRIPTIONS.items():
        definition = definitions.get(vocabulary.__name__)
        if definition is None:
            continue
        values = definition["enum"]
        missing = set(values) - descriptions.keys()
        if missing:  # a new enum value without a description is a bug: fail loudly here
            raise ValueError(f"{vocabulary.__name__}: no description for {sorted(missing)}")
        definition["oneOf"] = [
            {"const": value, "description": descriptions[value]} for value in values
        ]


def schema_text() -> str:
    return json.dumps(journey_map_schema(), indent=2, ensure_ascii=False) + "\n"
