"""JM203 one-sided-evidence: customer evidence of only one kind of data, over the whole map."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml

HEAD = "# a map\njourneyctl: 1\nid: one-sided\ntitle: M\nstages:\n"


def _map(*evidence_per_stage: tuple[str, ...]) -> str:
    text = HEAD
    for index, evidence in enumerate(evidence_per_stage):
        text += f"  - id: s{index}\n    name: S{index}\n"
        if evidence:
            text += "    evidence:\n"
            text += "".join(f"      - {{source: {s}, date: 2026-10-01}}\n" for s in evidence)
    return text


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM203",))
    assert all(d.code == "JM203" and d.rule == "one-sided-evidence" for d in found)
    return [(d.span.line, d.message) for d in found]


def test_all_qualitative_gives_one_finding_at_the_map_id() -> None:
    text = _map(("customer-interview",), ("usability-test", "support-tickets"))
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: one-sided")
    assert "'one-sided'" in message and "qualitative" in message
    assert "quantitative" in message  # says what to add
    assert "customer-interview" in message and "usability-test" in message
    assert "\n" not in message


def test_all_quantitative_gives_one_finding() -> None:
    text = _map(("product-analytics", "crm-records"), ("customer-survey",))
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: one-sided")
    assert "is quantitative" in message and "qualitative data" in message


def test_default_severity_is_warning() -> None:
    [finding] = lint_yaml(_map(("customer-survey",)), select=("JM203",))
    assert finding.severity is Severity.WARNING


def test_mixed_across_stages_gives_none() -> None:
    assert _found(_map(("customer-interview",), ("product-analytics",))) == []


def test_mixed_within_a_stage_gives_none() -> None:
    assert _found(_map(("support-tickets", "crm-records"))) == []


def test_no_customer_evidence_gives_none() -> None:
    assert _found(_map((), ())) == []
    assert _found(_map(("team-workshop", "assumption"), ("walkthrough",))) == []
    text = HEAD + "  - id: s\n    name: S\n    evidence: []\n"
    assert _found(text) == []


def test_internal_evidence_does_not_balance_customer_evidence() -> None:
    # a stakeholder interview is qualitative, but it is the company's voice
    text = _map(("customer-survey", "stakeholder-interview", "team-workshop"))
    [(_, message)] = _found(text)
    assert "is quantitative" in message and "stakeholder" not in message
