"""JM303 touchpoint-without-channel."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml

TEXT = """\
journeyctl: 1
id: m
title: M
stages:
  - id: learn
    name: Learn
    touchpoints:
      - id: ad
        name: LinkedIn ad
        channel: advertising
      - id: peer-review
        name: Peer review
        direct: false
  - id: no-touchpoints
    name: No touchpoints
  - id: try
    name: Try
    touchpoints:
      - {id: sandbox, name: Sandbox, channel: some-custom-channel}
      - {id: welcome, name: Welcome}
"""


def test_each_touchpoint_without_channel_is_reported_at_its_id() -> None:
    found = lint_yaml(TEXT, select=("JM303",))
    assert [(d.code, d.span.line) for d in found] == [
        ("JM303", line_of(TEXT, r"- id: peer-review")),
        ("JM303", line_of(TEXT, r"id: welcome")),
    ]
    assert "'peer-review'" in found[0].message and "no channel" in found[0].message
    assert "'welcome'" in found[1].message
    assert all(d.severity is Severity.INFO and "\n" not in d.message for d in found)


def test_free_text_channels_are_accepted() -> None:
    lines = [d.span.line for d in lint_yaml(TEXT, select=("JM303",))]
    assert line_of(TEXT, r"id: sandbox") not in lines
