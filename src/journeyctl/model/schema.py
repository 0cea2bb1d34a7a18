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
    return schema


def schema_text() -> str:
    return json.dumps(journey_map_schema(), indent=2, ensure_ascii=False) + "\n"
