"""Suppression comments remove exactly the findings they name, on their line or file-wide."""

from __future__ import annotations

from tests.conftest import codes, line_of, lint_yaml

UNVALIDATED = """\
journeyctl: 1
id: trial-journey
title: Self-serve trial
stages:
  - id: trial{comment}
    name: Trial
    goals: [Try it]
    evidence:
      - {{source: team-workshop, date: 2026-09-01}}
  - id: buy
    name: Buy
    evidence:
      - {{source: walkthrough, date: 2026-09-01}}
"""


def jm201(text: str) -> list[int]:
    return [d.span.line for d in lint_yaml(text, select=("JM201", "JM010"))
            if d.code == "JM201"]  # fmt: skip


def test_without_a_comment_both_stages_are_reported() -> None:
    text = UNVALIDATED.format(comment="")
    assert jm201(text) == [line_of(text, "- id: trial"), line_of(text, "- id: buy")]


def test_a_comment_suppresses_the_named_rule_on_its_line_only() -> None:
    text = UNVALIDATED.format(comment="  # journeyctl: ignore[JM201] interviews booked for Q1")
    assert jm201(text) == [line_of(text, "- id: buy")]
    assert "JM010" not in codes(lint_yaml(text, select=("JM201", "JM010")))


def test_names_work_like_codes_and_lists_are_comma_separated() -> None:
    comment = "  # journeyctl: ignore[stage-without-goals, stage-not-customer-validated]"
    text = UNVALIDATED.format(comment=comment)
    assert jm201(text) == [line_of(text, "- id: buy")]


def test_a_comment_on_another_line_does_not_reach_the_finding() -> None:
    text = UNVALIDATED.format(comment="").replace(
        "    name: Trial", "    name: Trial  # journeyctl: ignore[JM201]"
    )
    found = lint_yaml(text, select=("JM201", "JM010"))
    assert [d.code for d in found if d.code == "JM201"] == ["JM201", "JM201"]
    unused = [d for d in found if d.code == "JM010"]
    assert [d.span.line for d in unused] == [line_of(text, "name: Trial")]


def test_ignore_file_suppresses_everywhere() -> None:
    text = "# journeyctl: ignore-file[JM201]\n" + UNVALIDATED.format(comment="")
    assert jm201(text) == []
    assert "JM010" not in codes(lint_yaml(text, select=("JM201", "JM010")))


def test_an_unused_suppression_is_reported_at_the_comment() -> None:
    text = UNVALIDATED.format(comment="  # journeyctl: ignore[JM302]")
    found = [d for d in lint_yaml(text) if d.code == "JM010"]
    assert len(found) == 1
    assert (found[0].span.line, found[0].span.column) == (line_of(text, "- id: trial"), 16)
    assert found[0].severity.label == "info"
    assert "JM302" in found[0].message


def test_no_unused_report_when_the_named_rule_did_not_run() -> None:
    text = UNVALIDATED.format(comment="  # journeyctl: ignore[JM302]")
    assert "JM010" not in codes(lint_yaml(text, ignore=("JM302",)))
    assert "JM010" not in codes(lint_yaml(text, select=("JM201", "JM010")))


def test_an_unknown_rule_in_a_suppression_is_reported() -> None:
    text = UNVALIDATED.format(comment="  # journeyctl: ignore[JM999]")
    found = [d for d in lint_yaml(text) if d.code == "JM010"]
    assert len(found) == 1 and "JM999" in found[0].message


def test_a_misspelt_rule_in_a_suppression_gets_a_suggestion() -> None:
    text = UNVALIDATED.format(comment="  # journeyctl: ignore[stage-not-customer-validatd]")
    (found,) = [d for d in lint_yaml(text) if d.code == "JM010"]
    assert "did you mean 'stage-not-customer-validated'?" in found.message


def test_comment_text_inside_a_quoted_scalar_is_not_a_suppression() -> None:
    text = UNVALIDATED.format(comment="").replace(
        "    name: Trial", '    name: "Trial # journeyctl: ignore-file[JM201]"'
    )
    assert len(jm201(text)) == 2


def test_comment_text_inside_a_block_scalar_is_not_a_suppression() -> None:
    text = UNVALIDATED.format(comment="").replace(
        "    name: Trial",
        "    name: Trial\n    description: |\n      # journeyctl: ignore-file[JM201]\n      text",
    )
    assert len(jm201(text)) == 2
    assert "JM010" not in codes(lint_yaml(text))
