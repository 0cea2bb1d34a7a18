"""The pure diff: each change named exactly once, the right signals, nothing for layout."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import journeyctl
from journeyctl.diff import diff_results
from tests.conftest import EXAMPLES, TODAY

ACME = EXAMPLES / "acme-analytics-b2b.journey.yaml"
EDITED = Path(__file__).parent / "data" / "acme-edited.journey.yaml"

MINIMAL = """\
journeyctl: 1
id: demo-map
title: Demo
owner: cs
teams:
  - {id: cs, name: Customer Success}
  - {id: sales, name: Sales}
stages:
  - id: one
    name: One
    emotion: 1
    goals: [a, b]
    touchpoints:
      - {id: t1, name: T1, owner: cs, moment: positive, critical: true, emotion: 1}
      - {id: t2, name: T2, owner: cs}
      - {id: t3, name: T3}
      - {id: t4, name: T4}
    evidence:
      - {source: customer-interview, date: 2026-09-01, participants: 3}
      - {source: customer-interview, date: 2026-09-01, participants: 4}
  - id: two
    name: Two
    touchpoints:
      - {id: t5, name: T5, owner: sales}
    opportunities:
      - {id: o1, description: Do it, owner: sales}
"""


def check(source: str | Path, name: str = "map.journey.yaml") -> journeyctl.CheckResult:
    result = journeyctl.check(source, path=name, today=TODAY)
    assert result.valid, result.diagnostics
    return result


def changes(old: str | Path, new: str | Path) -> list[dict[str, Any]]:
    return [c.as_dict() for c in diff_results(check(old), check(new)).changes]


def test_realistic_edit_names_each_change_once_with_the_right_signals() -> None:
    result = diff_results(check(ACME), check(EDITED))
    assert [c.as_dict() for c in result.changes] == [
        {
            "change": "changed",
            "kind": "map",
            "id": "acme-analytics-b2b",
            "field": "title",
            "old": "ACME Analytics, from first call to renewal",
            "new": "ACME Analytics, from first demo to renewal",
        },
        {
            "change": "changed",
            "kind": "extension",
            "element": "opportunity",
            "id": "price-calculator",
            "stage": "evaluate",
            "field": "x-jira",
            "old": "MKT-412",
            "new": "MKT-413",
        },
        {
            "change": "changed",
            "kind": "stage",
            "id": "implement",
            "name": "Implement",
            "field": "emotion",
            "old": -1,
            "new": -2,
        },
        {
            "change": "moved",
            "kind": "touchpoint",
            "id": "usage-report",
            "stage": "adopt",
            "name": "Monthly usage report",
            "from_stage": "expand",
            "to_stage": "adopt",
        },
        {
            "change": "added",
            "kind": "touchpoint",
            "id": "community-forum",
            "stage": "adopt",
            "name": "Community forum answer",
        },
        {
            "change": "changed",
            "kind": "touchpoint",
            "id": "qbr",
            "stage": "expand",
            "name": "Quarterly business review",
            "field": "moment",
            "old": "positive",
            "new": "neutral",
        },
        {
            "change": "removed",
            "kind": "evidence",
            "key": {"source": "customer-survey", "date": "2026-07-15"},
            "stage": "renew",
        },
    ]
    # The lost customer survey leaves `renew` unvalidated: JM201 is an error, so new-errors.
    assert result.raised == ["emotion-drop", "moment-worse", "new-errors", "validation-lost"]
    assert result.signals["validation-lost"] == ("stage renew",)
    assert [d.code for d in result.lint.introduced] == ["JM502", "JM201"]
    assert result.lint.resolved == ()


def test_identical_maps_have_no_changes() -> None:
    result = diff_results(check(ACME), check(ACME))
    assert result.changes == ()
    assert result.signals == {}
    assert result.lint.introduced == result.lint.resolved == ()


def _relayout(text: str) -> str:
    """The same map: keys in reverse order, indented by four, defaults written out, comments."""
    yaml = YAML(typ="rt")
    data = yaml.load(text)

    def reverse(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: reverse(node[k]) for k in reversed(list(node))}
        if isinstance(node, list):
            return [reverse(item) for item in node]
        return node

    out = io.StringIO()
    dumper = YAML(typ="rt")
    dumper.indent(mapping=4, sequence=6, offset=4)
    dumper.width = 200
    dumper.dump(reverse(data), out)
    lines = ["# reviewed in the Q4 workshop", ""]
    for line in out.getvalue().splitlines():
        stripped = line.lstrip()
        if stripped.startswith("- "):
            lines.append(" " * (len(line) - len(stripped)) + "# an entry")
        lines.append(line)
        if stripped == "id: demo":  # keys reversed: the touchpoint's last key
            indent = " " * (len(line) - len(stripped))
            lines.append(f"{indent}direct: true  # the default, written out")
    return "\n".join(lines) + "\n"


def test_layout_only_changes_are_no_changes() -> None:
    text = ACME.read_text(encoding="utf-8")
    relaid = _relayout(text)
    assert relaid != text and "direct: true  # the default" in relaid
    result = diff_results(check(text), check(relaid))
    assert result.changes == ()
    assert result.signals == {}
    # Findings match by fingerprint, not line: every line moved, and none is new.
    assert result.lint.introduced == result.lint.resolved == ()


def test_one_move_within_a_stage_is_one_change() -> None:
    new = MINIMAL.replace(
        "      - {id: t1, name: T1, owner: cs, moment: positive, critical: true, emotion: 1}\n",
        "",
    ).replace(
        "      - {id: t4, name: T4}\n",
        "      - {id: t4, name: T4}\n"
        "      - {id: t1, name: T1, owner: cs, moment: positive, critical: true, emotion: 1}\n",
    )
    assert changes(MINIMAL, new) == [
        {
            "change": "moved",
            "kind": "touchpoint",
            "id": "t1",
            "stage": "one",
            "name": "T1",
            "from_position": 1,
            "to_position": 4,
        }
    ]


def test_stage_reordering_moves_the_stage_not_its_touchpoints() -> None:
    first, second = MINIMAL.split("  - id: two\n")
    head, stage_one = first.split("stages:\n")
    new = f"{head}stages:\n  - id: two\n{second}{stage_one}"
    assert changes(MINIMAL, new) == [
        {
            "change": "moved",
            "kind": "stage",
            "id": "two",
            "name": "Two",
            "from_position": 2,
            "to_position": 1,
        }
    ]


def test_repeated_evidence_keys_match_in_file_order() -> None:
    new = MINIMAL.replace("participants: 4}", "participants: 5}")
    assert changes(MINIMAL, new) == [
        {
            "change": "changed",
            "kind": "evidence",
            "key": {"source": "customer-interview", "date": "2026-09-01"},
            "stage": "one",
            "field": "participants",
            "old": 4,
            "new": 5,
        }
    ]


def test_string_lists_are_sets_of_items() -> None:
    assert changes(MINIMAL, MINIMAL.replace("goals: [a, b]", "goals: [b, a]")) == []
    assert changes(MINIMAL, MINIMAL.replace("goals: [a, b]", "goals: [b, c]")) == [
        {"change": "removed", "kind": "stage", "id": "one", "name": "One", "field": "goals",
         "old": "a"},
        {"change": "added", "kind": "stage", "id": "one", "name": "One", "field": "goals",
         "new": "c"},
    ]  # fmt: skip


def test_extension_keys_keep_their_types_and_yaml_field_names() -> None:
    old = MINIMAL.replace("title: Demo\n", "title: Demo\nx-budget: 1\n")
    new = MINIMAL.replace("title: Demo\n", "title: Demo\nx-budget: true\nx-new: [1, 2]\n")
    assert changes(old, new) == [
        {"change": "changed", "kind": "extension", "element": "map", "id": "demo-map",
         "field": "x-budget", "old": 1, "new": True},
        {"change": "added", "kind": "extension", "element": "map", "id": "demo-map",
         "field": "x-new", "new": [1, 2]},
    ]  # fmt: skip


def test_handoff_fields_are_yaml_keys() -> None:
    old = MINIMAL.replace(
        "    opportunities:", "    handoffs:\n      - {from: cs, to: sales}\n    opportunities:"
    )
    new = old.replace("{from: cs, to: sales}", "{from: cs, to: sales, note: Call}")
    assert changes(old, new) == [
        {"change": "changed", "kind": "handoff", "key": {"from": "cs", "to": "sales"},
         "stage": "two", "field": "note", "old": None, "new": "Call"},
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "signal"),
    [
        (("      - {id: t4, name: T4}\n", ""), "touchpoint-removed"),
        (("critical: true, ", ""), "critical-removed"),
        (("{id: t2, name: T2, owner: cs}", "{id: t2, name: T2}"), "owner-removed"),
        (("{id: o1, description: Do it, owner: sales}", "{id: o1, description: Do it}"),
         "owner-removed"),
        (("owner: cs\nteams", "teams"), "owner-removed"),
        (("moment: positive", "moment: negative"), "moment-worse"),
        (("emotion: 1}", "emotion: 0}"), "emotion-drop"),
        (("    evidence:\n      - {source: customer-interview, date: 2026-09-01, participants: 3}"
          "\n      - {source: customer-interview, date: 2026-09-01, participants: 4}\n",
          "    evidence:\n      - {source: team-workshop, date: 2026-09-01}\n"),
         "validation-lost"),
    ],
)  # fmt: skip
def test_each_signal(edit: tuple[str, str], signal: str) -> None:
    assert MINIMAL.count(edit[0]) == 1
    new = MINIMAL.replace(*edit)
    result = diff_results(check(MINIMAL), check(new))
    assert signal in result.raised
    assert set(result.raised) - {signal, "new-errors"} == set()


def test_a_removed_stage_is_one_change_and_raises_its_signals() -> None:
    new = MINIMAL.split("  - id: two\n")[0]
    result = diff_results(check(MINIMAL), check(new))
    assert [c.as_dict() for c in result.changes] == [
        {"change": "removed", "kind": "stage", "id": "two", "name": "Two"}
    ]
    assert result.signals["stage-removed"] == ("stage two",)
    assert result.signals["touchpoint-removed"] == ("touchpoint t5",)


def test_touchpoint_moved_out_of_a_removed_stage_is_a_move() -> None:
    stage_one, _ = MINIMAL.split("  - id: two\n")
    new = stage_one.replace(
        "      - {id: t4, name: T4}\n",
        "      - {id: t4, name: T4}\n      - {id: t5, name: T5, owner: sales}\n",
    )
    result = diff_results(check(MINIMAL), check(new))
    assert [(c.change, c.kind, c.id) for c in result.changes] == [
        ("moved", "touchpoint", "t5"),
        ("removed", "stage", "two"),
    ]
    assert "touchpoint-removed" not in result.signals


def test_current_and_future_maps() -> None:
    future = MINIMAL.replace("title: Demo\n", "title: Demo\nstate: future\n")
    result = diff_results(check(MINIMAL), check(future))
    assert result.states == ("current", "future")
    assert [c.as_dict() for c in result.changes] == [
        {"change": "changed", "kind": "map", "id": "demo-map", "field": "state",
         "old": "current", "new": "future"},
    ]  # fmt: skip


def test_added_and_removed_maps() -> None:
    added = diff_results(None, check(MINIMAL))
    assert [c.as_dict() for c in added.changes] == [
        {"change": "added", "kind": "map", "id": "demo-map", "name": "Demo"}
    ]
    assert added.as_dict()["old"] is None
    removed = diff_results(check(MINIMAL), None)
    assert removed.raised == ["critical-removed", "stage-removed", "touchpoint-removed"]


def test_an_invalid_map_cannot_be_compared() -> None:
    invalid = journeyctl.check("journeyctl: 1\n", path="bad.journey.yaml")
    with pytest.raises(ValueError, match="invalid map"):
        diff_results(check(MINIMAL), invalid)


def test_persona_and_teams() -> None:
    persona = "persona:\n  name: Priya\n  desired_outcomes: [Fast reports]\n"
    with_persona = MINIMAL.replace("teams:\n", persona + "teams:\n")
    assert changes(MINIMAL, with_persona) == [
        {"change": "added", "kind": "persona", "name": "Priya"}
    ]
    edited = with_persona.replace("[Fast reports]", "[Fast reports, One number]").replace(
        "{id: sales, name: Sales}", "{id: sales, name: Sales team}"
    )
    assert changes(with_persona, edited) == [
        {"change": "added", "kind": "persona", "name": "Priya", "field": "desired_outcomes",
         "new": "One number"},
        {"change": "changed", "kind": "team", "id": "sales", "name": "Sales team",
         "field": "name", "old": "Sales", "new": "Sales team"},
    ]  # fmt: skip
    assert changes(with_persona, MINIMAL) == [
        {"change": "removed", "kind": "persona", "name": "Priya"}
    ]


def test_feedback_fields_are_dotted() -> None:
    old = MINIMAL.replace("{id: t3, name: T3}", "{id: t3, name: T3, feedback: {method: nps}}")
    new = old.replace("feedback: {method: nps}", "feedback: {method: nps, metric: NPS, x-k: 1}")
    assert changes(old, new) == [
        {"change": "changed", "kind": "touchpoint", "id": "t3", "stage": "one", "name": "T3",
         "field": "feedback.metric", "old": None, "new": "NPS"},
        {"change": "added", "kind": "extension", "element": "touchpoint", "id": "t3",
         "stage": "one", "name": "T3", "field": "feedback.x-k", "new": 1},
    ]  # fmt: skip


def test_awkward_extension_values_are_json() -> None:
    import json

    old = MINIMAL.replace("title: Demo\n", "title: Demo\nx-a: 1\n")
    new = MINIMAL.replace("title: Demo\n", "title: Demo\nx-a: [.nan, 2026-01-02, {1: -.inf}]\n")
    result = diff_results(check(old), check(new))
    document = json.loads(json.dumps(result.as_dict(), allow_nan=False))
    assert document["changes"][0]["new"] == ["nan", "2026-01-02", {"1": "-inf"}]


@pytest.mark.parametrize("other", sorted(EXAMPLES.glob("*.journey.yaml")), ids=lambda p: p.name)
def test_different_examples_compare(other: Path) -> None:
    """Two unrelated maps: everything is added, removed or changed, nothing fails."""
    result = diff_results(check(ACME), check(other))
    kinds = {(c.change, c.kind) for c in result.changes}
    assert kinds <= {
        (change, kind)
        for change in ("added", "removed", "changed", "moved")
        for kind in ("map", "persona", "team", "stage", "touchpoint", "pain_point",
                     "opportunity", "evidence", "handoff", "metric", "extension")
    }  # fmt: skip
    if other != ACME:
        assert result.changes
