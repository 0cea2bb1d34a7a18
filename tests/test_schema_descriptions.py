"""The JSON Schema tells editors what each vocabulary value means and what open fields hold."""

from __future__ import annotations

import enum
import json

import pytest

from journeyctl.model import vocabulary
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "journey-map.schema.json").read_text())
VOCABULARIES = [
    value
    for value in vars(vocabulary).values()
    if isinstance(value, type)
    and issubclass(value, enum.Enum)
    and value.__name__ in SCHEMA["$defs"]
]


def test_every_vocabulary_of_the_schema_is_covered() -> None:
    assert {v.__name__ for v in VOCABULARIES} >= {"Laer", "Pimo", "Moment", "EvidenceSource"}


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_enum_value_has_a_description(vocabulary: type[enum.Enum]) -> None:
    definition = SCHEMA["$defs"][vocabulary.__name__]
    described = {item["const"]: item["description"] for item in definition["oneOf"]}
    assert list(described) == definition["enum"] == [member.value for member in vocabulary]
    assert all(len(text) > 15 and text.endswith((".", "?")) for text in described.values())


def test_open_fields_offer_examples() -> None:
    channel = SCHEMA["$defs"]["Touchpoint"]["properties"]["channel"]
    assert {"email", "video-call", "in-app", "review-site"} <= set(channel["examples"])
    assert "onboarding" in SCHEMA["properties"]["scope"]["examples"]
    assert "CSAT" in SCHEMA["$defs"]["Feedback"]["properties"]["metric"]["examples"]
