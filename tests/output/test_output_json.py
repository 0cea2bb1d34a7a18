"""The JSON format: one array, exactly the documented keys and types."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from journeyctl.output.json import format_report
from tests.conftest import JSON_KEYS

from .cases import ACME, HOSTILE_MESSAGE, HOSTILE_PATH, make_empty_report, make_report, single

TYPES = {
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "code": str,
    "rule": str,
    "severity": str,
    "message": str,
    "fingerprint": str,
}


def test_one_array_of_objects_with_exactly_the_documented_keys() -> None:
    out = format_report(make_report())
    assert out.endswith("]\n")
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 8
    for item in data:
        assert list(item) == JSON_KEYS
        for key, kind in TYPES.items():
            assert type(item[key]) is kind, (key, item[key])
        assert item["severity"] in {"error", "warning", "info"}


def test_sorted_like_text() -> None:
    data = json.loads(format_report(make_report()))
    keys = [(d["path"], d["line"], d["column"], d["code"]) for d in data]
    assert keys == sorted(keys)
    assert data[0] == {
        "path": ACME,
        "line": 12,
        "column": 5,
        "end_line": 12,
        "end_column": 9,
        "code": "JM302",
        "rule": "touchpoint-without-owner",
        "severity": "warning",
        "message": "touchpoint 'demo' has no owner",
        "fingerprint": "",
    }


def test_map_text_round_trips_exactly() -> None:
    data = json.loads(format_report(make_report()))
    hostile = [d for d in data if d["line"] == 3]
    assert hostile[0]["path"] == HOSTILE_PATH
    assert hostile[0]["message"] == HOSTILE_MESSAGE


def test_unicode_is_written_as_is() -> None:
    assert "Café ☕ 日本語" in format_report(make_report())


def test_nothing_to_report_is_an_empty_array() -> None:
    assert format_report(make_empty_report()) == "[]\n"


def test_a_file_name_that_is_not_utf8_still_writes_as_utf8() -> None:
    # os.fsdecode(b"caf\xe9.journey.yaml") on a UTF-8 system.
    path = "maps/caf\udce9.journey.yaml"
    out = format_report(single("x", path=path))
    out.encode("utf-8")
    assert json.loads(out)[0]["path"] == path


@given(st.text())
def test_any_message_round_trips(message: str) -> None:
    assert json.loads(format_report(single(message)))[0]["message"] == message
