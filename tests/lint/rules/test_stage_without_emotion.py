"""JM403 stage-without-emotion: a stage where neither it nor any touchpoint states an emotion."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM403",))
    assert all(d.code == "JM403" and d.rule == "stage-without-emotion" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: emotions
title: Emotions
stages:
  - id: silent
    name: No emotion anywhere
    touchpoints:
      - {id: welcome-email, name: Welcome email}
  - id: neutral-stage
    name: Stage emotion 0
    emotion: 0
  - id: from-touchpoint
    name: Touchpoint emotion only
    touchpoints:
      - {id: call, name: Call}
      - {id: chat, name: Chat, emotion: -2}
  - id: zero-touchpoint
    name: Touchpoint emotion 0
    touchpoints:
      - {id: docs, name: Docs, emotion: 0}
  - id: indirect
    name: Indirect touchpoint emotion
    touchpoints:
      - {id: review, name: Review site, direct: false, emotion: 1}
  - id: bare
    name: No touchpoints at all
  - id: empty-touchpoints
    name: Empty list
    touchpoints: []
"""


def test_only_stages_with_no_emotion_anywhere_are_reported_at_their_id() -> None:
    found = _found(TEXT)
    assert [line for line, _ in found] == [
        line_of(TEXT, r"- id: silent"),
        line_of(TEXT, r"- id: bare"),
        line_of(TEXT, r"- id: empty-touchpoints"),
    ]
    silent, bare, empty = (message for _, message in found)
    assert "'silent'" in silent and "emotion" in silent
    assert "'bare'" in bare
    assert "'empty-touchpoints'" in empty


def test_emotion_zero_on_the_stage_is_a_stated_emotion() -> None:
    text = TEXT.replace("    emotion: 0\n", "    emotion: 0\n    touchpoints: []\n")
    assert line_of(text, r"- id: neutral-stage") not in [line for line, _ in _found(text)]


def test_a_touchpoint_emotion_elsewhere_does_not_count_for_this_stage() -> None:
    text = """\
journeyctl: 1
id: other-stage
title: Other stage
stages:
  - id: first
    name: First
  - id: second
    name: Second
    emotion: 2
    touchpoints:
      - {id: demo, name: Demo, emotion: 2}
"""
    assert [line for line, _ in _found(text)] == [line_of(text, r"- id: first")]
