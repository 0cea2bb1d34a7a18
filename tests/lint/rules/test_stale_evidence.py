"""JM202 stale-evidence: the newest customer-voice evidence of a stage decides its age."""

from __future__ import annotations

import datetime

from journeyctl.config import Settings
from journeyctl.diagnostics import Severity
from tests.conftest import TODAY, line_of, lint_yaml


def _map(*stages: str) -> str:
    return "journeyctl: 1\nid: m\ntitle: M\nstages:\n" + "".join(stages)


def _stage(stage_id: str, *evidence: str) -> str:
    text = f"  - id: {stage_id}\n    name: {stage_id.title()}\n"
    if evidence:
        text += "    evidence:\n" + "".join(f"      - {entry}\n" for entry in evidence)
    return text


def _days_ago(days: int) -> str:
    return (TODAY - datetime.timedelta(days=days)).isoformat()


def _stale(text: str, settings: Settings | None = None) -> list[tuple[int, str]]:
    kwargs = {"settings": settings} if settings is not None else {}
    found = lint_yaml(text, select=("JM202",), **kwargs)
    assert all(d.code == "JM202" and d.rule == "stale-evidence" for d in found)
    return [(d.span.line, d.message) for d in found]


def test_exactly_max_age_days_old_is_not_stale() -> None:
    text = _map(_stage("s", f"{{source: customer-interview, date: {_days_ago(365)}}}"))
    assert _stale(text) == []


def test_one_day_more_is_stale_and_points_at_the_stage() -> None:
    old = _days_ago(366)
    text = _map(_stage("renew", f"{{source: customer-interview, date: {old}}}"))
    [(line, message)] = _stale(text)
    assert line == line_of(text, r"- id: renew")
    assert "'renew'" in message and old in message
    assert "366 days" in message and "365" in message
    assert "\n" not in message


def test_default_severity_is_warning() -> None:
    text = _map(_stage("s", "{source: customer-survey, date: 2020-01-01}"))
    [finding] = lint_yaml(text, select=("JM202",))
    assert finding.severity is Severity.WARNING


def test_the_newest_customer_entry_decides_whatever_the_order() -> None:
    fresh = f"{{source: product-analytics, date: {_days_ago(10)}}}"
    old = "{source: customer-interview, date: 2019-03-01}"
    assert _stale(_map(_stage("s", fresh, old))) == []
    assert _stale(_map(_stage("s", old, fresh))) == []


def test_fresh_internal_evidence_does_not_renew_a_stale_stage() -> None:
    text = _map(
        _stage(
            "s",
            "{source: customer-interview, date: 2024-05-01}",
            f"{{source: team-workshop, date: {_days_ago(1)}}}",
            f"{{source: walkthrough, date: {_days_ago(1)}}}",
        )
    )
    [(_, message)] = _stale(text)
    assert "2024-05-01" in message


def test_a_stage_without_customer_evidence_is_left_to_jm201() -> None:
    text = _map(
        _stage("no-evidence"),
        "  - id: empty\n    name: Empty\n    evidence: []\n",
        _stage("internal-only", "{source: assumption, date: 2010-01-01}"),
    )
    assert _stale(text) == []


def test_several_stages_each_reported_at_its_own_line() -> None:
    text = _map(
        _stage("first", "{source: customer-interview, date: 2023-01-01}"),
        _stage("second", f"{{source: customer-survey, date: {_days_ago(3)}}}"),
        _stage("third", "{source: support-tickets, date: 2022-06-30}"),
    )
    found = _stale(text)
    assert [line for line, _ in found] == [
        line_of(text, r"- id: first"),
        line_of(text, r"- id: third"),
    ]
    assert "'first'" in found[0][1] and "'third'" in found[1][1]


def test_evidence_dated_after_today_is_fresh() -> None:
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    text = _map(_stage("s", f"{{source: crm-records, date: {tomorrow}}}"))
    assert _stale(text) == []


def test_today_is_the_one_given() -> None:
    text = _map(_stage("s", "{source: customer-interview, date: 2026-01-01}"))
    assert lint_yaml(text, select=("JM202",), today=datetime.date(2026, 12, 31)) == []
    assert len(lint_yaml(text, select=("JM202",), today=datetime.date(2027, 1, 2))) == 1


def test_max_age_days_comes_from_the_configuration() -> None:
    text = _map(
        _stage("month", f"{{source: customer-interview, date: {_days_ago(30)}}}"),
        _stage("older", f"{{source: customer-interview, date: {_days_ago(31)}}}"),
    )
    assert _stale(text) == []
    by_name = Settings(rules={"stale-evidence": {"max_age_days": 30}})
    found = _stale(text, by_name)
    assert [line for line, _ in found] == [line_of(text, r"- id: older")]
    assert "more than 30" in found[0][1]
    by_code = Settings(rules={"JM202": {"max_age_days": 30}})
    assert _stale(text, by_code) == found
