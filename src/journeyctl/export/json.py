"""A valid map as JSON for scripts and dashboards: the schema's shape, nothing left implicit.

Keys come in the model's field order with YAML's names (`from`, not `from_`); every default is
written out (`direct: true`, `severity: medium`, `null` for an absent optional value), so a
script never has to know the format's defaults. `x-` keys, which the model drops, are taken
from the loaded data and kept as written, after the element's own keys. The output validates
against schemas/journey-map.schema.json (a test checks every example).
"""

from __future__ import annotations

import datetime
import json
import math
from typing import TYPE_CHECKING, Any

from journeyctl.output._common import surrogates_as_json_escapes

if TYPE_CHECKING:
    from journeyctl.model import JourneyMap


def map_json(journey: JourneyMap, written: Any) -> str:
    """The JSON document (indented, ending with a newline); `written` is `document.data`."""
    data = journey.model_dump(mode="json", by_alias=True)
    document = json.dumps(_with_extensions(data, written), indent=2, ensure_ascii=False)
    return surrogates_as_json_escapes(document) + "\n"


def _with_extensions(model: Any, written: Any) -> Any:
    """`model` with the `x-` keys of `written` (the same element as loaded) added back."""
    if isinstance(model, dict) and isinstance(written, dict):
        merged = {key: _with_extensions(value, written.get(key)) for key, value in model.items()}
        for key, value in written.items():
            if isinstance(key, str) and key.startswith("x-"):
                merged[key] = plain(value)
        return merged
    if isinstance(model, list) and isinstance(written, list) and len(model) == len(written):
        return [_with_extensions(m, w) for m, w in zip(model, written, strict=True)]
    return model


def plain(value: Any) -> Any:
    """Loaded YAML data as JSON values: dates in ISO form, `.inf` and `.nan` as YAML spells
    them (JSON has no such numbers), keys as text."""
    if isinstance(value, dict):
        return {_key(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, datetime.date):  # datetime too
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    return value


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool):
        return json.dumps(key)
    return str(plain(key))
