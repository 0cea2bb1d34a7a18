"""Findings keep their identity: a fingerprint follows the element, not the line or the date."""

from __future__ import annotations

import datetime

import journeyctl
from tests.conftest import EXAMPLES, TODAY

B2B = (EXAMPLES / "acme-analytics-b2b.journey.yaml").read_text(encoding="utf-8")


def _by_fingerprint(text: str, today: datetime.date = TODAY) -> dict[str, tuple[str, str]]:
    result = journeyctl.check(text, path="m.journey.yaml", today=today)
    assert result.valid
    fingerprints = [d.fingerprint for d in result.diagnostics]
    assert len(set(fingerprints)) == len(fingerprints), "two findings share a fingerprint"
    return {d.fingerprint: (d.code, d.message) for d in result.diagnostics}


def test_every_finding_has_a_short_hex_fingerprint() -> None:
    found = _by_fingerprint(B2B)
    assert found
    assert all(len(f) == 16 and int(f, 16) >= 0 for f in found)


def test_fingerprints_survive_lines_inserted_above() -> None:
    before = _by_fingerprint(B2B)
    shifted = B2B.replace("stages:\n", "# a note\n# and another\n\nstages:\n", 1)
    after = journeyctl.check(shifted, path="m.journey.yaml", today=TODAY)
    assert {d.fingerprint for d in after.diagnostics} == set(before)
    assert {d.span.line for d in after.diagnostics} != {
        d.span.line for d in journeyctl.check(B2B, path="m.journey.yaml", today=TODAY).diagnostics
    }


def test_fingerprints_survive_reordered_stages() -> None:
    head, _, body = B2B.partition("stages:\n")
    blocks = body.split("\n  - id: ")
    first, rest = blocks[0], blocks[1:]
    assert len(rest) >= 2
    swapped = "\n  - id: ".join([first, rest[1], rest[0], *rest[2:]])
    reordered = f"{head}stages:\n{swapped}"
    assert reordered != B2B
    before, after = _by_fingerprint(B2B), _by_fingerprint(reordered)
    stage_findings = {f for f, (code, _) in before.items() if code in {"JM201", "JM202", "JM204"}}
    assert stage_findings, "the example should have evidence findings on its stages"
    assert stage_findings <= set(after)


def test_fingerprints_do_not_change_with_today() -> None:
    early = _by_fingerprint(B2B, today=datetime.date(2027, 11, 1))
    late = _by_fingerprint(B2B, today=datetime.date(2028, 1, 15))
    stale = [f for f, (code, _) in early.items() if code == "JM202"]
    assert stale, "the example should have a stale-evidence finding"
    for fingerprint in stale:
        assert fingerprint in late
        assert late[fingerprint][1] != early[fingerprint][1], "the message says the new age"


def test_findings_of_one_rule_on_one_element_differ() -> None:
    """JM602 reports each missing LAER phase on the map itself: three findings, three ids."""
    only_land = """\
journeyctl: 1
id: land-only
title: Land only
stages:
  - {id: buy, name: Buy, laer: land}
"""
    result = journeyctl.check(only_land, select=["JM602"], today=TODAY)
    assert [d.code for d in result.diagnostics] == ["JM602"] * 3
    assert len({d.fingerprint for d in result.diagnostics}) == 3


def test_evidence_findings_are_told_apart_by_source_and_date() -> None:
    one = "      - {source: customer-interview, date: 2026-09-01, participants: 1}\n"
    two = "      - {source: customer-interview, date: 2026-09-02, participants: 2}\n"
    head = "journeyctl: 1\nid: thin\ntitle: Thin\nstages:\n  - id: buy\n    name: Buy\n"
    text = f"{head}    evidence:\n{one}{two}"
    result = journeyctl.check(text, select=["JM204"], today=TODAY)
    assert [d.code for d in result.diagnostics] == ["JM204", "JM204"]
    first, second = (d.fingerprint for d in result.diagnostics)
    assert first != second
    reordered = f"{head}    evidence:\n{two}{one}"
    again = journeyctl.check(reordered, select=["JM204"], today=TODAY)
    assert {d.fingerprint for d in again.diagnostics} == {first, second}
