"""JM204 thin-evidence: a customer-voice entry stating too few participants, at its `source`."""

from __future__ import annotations

from journeyctl.config import Settings
from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml

TEXT = """\
journeyctl: 1
id: thin
title: Thin evidence
stages:
  - id: plan
    name: Plan
    evidence:
      - date: 2026-09-01
        source: customer-interview
        participants: 3
      - source: customer-survey
        date: 2026-09-02
        participants: 5
      - source: usability-test
        date: 2026-09-03
  - id: adopt
    name: Adopt
    evidence:
      - {source: support-tickets, date: 2026-10-04, participants: 0}
      - {source: stakeholder-interview, date: 2026-10-05, participants: 1}
      - {source: team-workshop, date: 2026-10-06, participants: 2}
      - {source: product-analytics, date: 2026-10-07, participants: 4}
"""


def _found(text: str, settings: Settings | None = None) -> list[tuple[int, str]]:
    kwargs = {"settings": settings} if settings is not None else {}
    found = lint_yaml(text, select=("JM204",), **kwargs)
    assert all(d.code == "JM204" and d.rule == "thin-evidence" for d in found)
    return [(d.span.line, d.message) for d in found]


def test_each_thin_customer_entry_is_reported_at_its_source_key() -> None:
    found = _found(TEXT)
    assert [line for line, _ in found] == [
        # the entry's `source` key, even when it is not the entry's first key
        line_of(TEXT, r"source: customer-interview"),
        line_of(TEXT, r"source: support-tickets"),
        line_of(TEXT, r"source: product-analytics"),
    ]
    interview, tickets, analytics = (message for _, message in found)
    assert "customer-interview" in interview and "'plan'" in interview
    assert "3 participants" in interview and "fewer than 5" in interview
    assert "2026-09-01" in interview
    assert "support-tickets" in tickets and "'adopt'" in tickets and "0 participants" in tickets
    assert "4 participants" in analytics
    assert all("\n" not in message for _, message in found)


def test_the_column_is_that_of_the_source_key() -> None:
    text = TEXT
    found = lint_yaml(text, select=("JM204",))
    first_line = text.splitlines()[found[0].span.line - 1]
    assert first_line.index("source") + 1 == found[0].span.column


def test_default_severity_is_info() -> None:
    assert {d.severity for d in lint_yaml(TEXT, select=("JM204",))} == {Severity.INFO}


def test_exactly_the_minimum_is_enough_and_unstated_is_not_reported() -> None:
    found = _found(TEXT)
    assert line_of(TEXT, r"source: customer-survey") not in [line for line, _ in found]
    assert line_of(TEXT, r"source: usability-test") not in [line for line, _ in found]


def test_internal_voices_are_ignored() -> None:
    lines = [line for line, _ in _found(TEXT)]
    assert line_of(TEXT, r"stakeholder-interview") not in lines
    assert line_of(TEXT, r"team-workshop") not in lines


def test_one_participant_is_singular() -> None:
    text = TEXT.replace("participants: 3", "participants: 1")
    assert "has 1 participant," in _found(text)[0][1]


def test_min_participants_comes_from_the_configuration() -> None:
    stricter = Settings(rules={"thin-evidence": {"min_participants": 6}})
    assert [line for line, _ in _found(TEXT, stricter)] == [
        line_of(TEXT, r"source: customer-interview"),
        line_of(TEXT, r"source: customer-survey"),
        line_of(TEXT, r"source: support-tickets"),
        line_of(TEXT, r"source: product-analytics"),
    ]
    assert "fewer than 6" in _found(TEXT, stricter)[0][1]
    # 0 as the minimum: nothing is thin, not even a stated 0
    assert _found(TEXT, Settings(rules={"JM204": {"min_participants": 0}})) == []


def test_stages_without_evidence_give_none() -> None:
    text = "journeyctl: 1\nid: m\ntitle: M\nstages:\n  - {id: a, name: A}\n"
    text += "  - id: b\n    name: B\n    evidence: []\n"
    assert _found(text) == []
