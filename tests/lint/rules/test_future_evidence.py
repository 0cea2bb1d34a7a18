"""JM205 future-evidence: evidence dated after `--today`, of any source, at the entry."""

from __future__ import annotations

import datetime

from journeyctl.diagnostics import Severity
from tests.conftest import TODAY, line_of, lint_yaml


def _map(*evidence: str) -> str:
    entries = "".join(f"      - {entry}\n" for entry in evidence)
    return (
        f"journeyctl: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    evidence:\n{entries}"
    )


def _future(text: str, today: datetime.date = TODAY) -> list[tuple[int, int, str]]:
    found = lint_yaml(text, select=("JM205",), today=today)
    assert all(d.code == "JM205" and d.rule == "future-evidence" for d in found)
    return [(d.span.line, d.span.column, d.message) for d in found]


def test_today_is_not_the_future_and_tomorrow_is() -> None:
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    text = _map(
        f"{{source: customer-interview, date: {TODAY.isoformat()}}}",
        f"{{source: team-workshop, date: {tomorrow}}}",
    )
    [(line, column, message)] = _future(text)
    assert line == line_of(text, "team-workshop")
    assert column == text.splitlines()[line - 1].index("source") + 1  # at its `source` key
    assert f"team-workshop evidence of stage 's' is dated {tomorrow}, 1 day after" in message


def test_every_future_entry_is_reported_and_today_moves_the_line() -> None:
    text = _map(
        "{source: customer-survey, date: 2027-01-10}",
        "{source: assumption, date: 2062-05-01}",
    )
    assert len(_future(text)) == 2
    assert _future(text, today=datetime.date(2027, 2, 1))[0][2].startswith("assumption")
    assert _future(text, today=datetime.date(2062, 5, 1)) == []


def test_default_severity_is_warning_and_the_fingerprint_ignores_today() -> None:
    text = _map("{source: customer-survey, date: 2027-01-10}")
    [first] = lint_yaml(text, select=("JM205",))
    [later] = lint_yaml(text, select=("JM205",), today=datetime.date(2026, 12, 1))
    assert first.severity is Severity.WARNING
    assert first.fingerprint == later.fingerprint and first.message != later.message
