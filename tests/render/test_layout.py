"""The diagram as a graph: which lanes, marks and arrows a map gets (no Graphviz needed)."""

from __future__ import annotations

import journeyctl
from journeyctl.config import DEFAULT_SETTINGS
from journeyctl.model import walk
from journeyctl.render.layout import build_diagram, build_graph, dot_source
from journeyctl.render.options import Lane, RenderOptions, parse_lanes

from .helpers import EXAMPLES, checked

MAP = """\
journeyctl: 1
id: small
title: Small map
teams:
  - {id: sales, name: Sales Team}
  - {id: onboarding, name: Implementation Crew}
stages:
  - id: buy
    name: Buy
    goals: [Sign quickly]
    emotion: 1
    touchpoints:
      - {id: demo, name: Demo call, owner: sales, moment: positive}
      - {id: contract, name: Contract, owner: sales, critical: true, moment: negative}
    evidence:
      - {source: customer-interview, date: 2026-01-01}
  - id: start
    name: Start
    touchpoints:
      - {id: kickoff, name: Kickoff, owner: onboarding, emotion: -2}
      - {id: ticket, name: Ticket, owner: sales}
    handoffs:
      - {from: sales, to: onboarding, note: brief}
      - {from: sales, to: onboarding}
    pain_points:
      - {id: lost, description: Promises lost, severity: high, root_cause: demo}
      - {id: local, description: Local cause, root_cause: kickoff}
"""


def _diagram(text: str = MAP, **options: object):  # type: ignore[no-untyped-def]
    result = journeyctl.check(text, path="m.journey.yaml", config=DEFAULT_SETTINGS, lint=False)
    assert result.valid, result.diagnostics
    return build_diagram(result, RenderOptions.of(**options))  # type: ignore[arg-type]


def test_lanes_are_drawn_only_when_some_stage_has_content() -> None:
    source = _diagram().grid.source
    assert "key_goals" in source and "key_tp0" in source and "key_emo+1" in source
    assert "key_pain-points" in source
    for absent in ("actions", "thoughts", "opportunities", "milestones", "metrics"):
        assert f"key_{absent}" not in source


def test_lanes_option_picks_lanes() -> None:
    source = _diagram(lanes=parse_lanes("touchpoints,pain_points")).grid.source
    assert "key_tp0" in source and "key_pain-points" in source
    assert "key_goals" not in source and "key_emo" not in source


def test_parse_lanes_rejects_unknown_names() -> None:
    import pytest

    from journeyctl.render.options import UnknownLaneError

    assert parse_lanes("metrics, goals") == (Lane.goals, Lane.metrics)
    with pytest.raises(UnknownLaneError, match=r"unknown lane 'feelings'.*pain-points"):
        parse_lanes("feelings")


def test_handoff_arrows_follow_the_shared_ownership_walk() -> None:
    diagram = _diagram()
    handoffs = [a for a in diagram.arrows if not a.straight and not a.into_top]
    result = journeyctl.check(MAP, path="m.journey.yaml", config=DEFAULT_SETTINGS, lint=False)
    assert result.journey is not None
    changes = list(walk.ownership_changes(result.journey))
    assert [(c.before.id, c.touchpoint.id) for c in changes] == [
        ("contract", "kickoff"),
        ("kickoff", "ticket"),
    ]
    assert [(a.tail, a.head) for a in handoffs] == [("s0_tp1", "s1_tp0"), ("s1_tp0", "s1_tp1")]
    # the declared one is solid, the undeclared one (onboarding -> sales) dotted
    assert dict(handoffs[0].attrs)["style"] == "solid"
    assert dict(handoffs[1].attrs)["style"] == "dotted"
    source = diagram.grid.source
    # labelled with both teams' names in the box that takes the customer over, once
    assert source.count("Sales Team → Implementation Crew") == 1
    assert "Implementation Crew → Sales Team (undeclared)" in source


def test_a_handoff_without_via_that_no_change_accounts_for_is_written_in_its_stage() -> None:
    text = MAP.replace(
        "      - {from: sales, to: onboarding}\n",
        "      - {from: onboarding, to: sales, note: later}\n",
    ).replace("- {id: ticket, name: Ticket, owner: sales}", "- {id: ticket, name: Ticket}")
    header = next(
        line
        for line in _diagram(text).grid.source.splitlines()
        if line.strip().startswith('"s1_head" [')
    )
    assert "⇄ Implementation Crew → Sales Team" in header


def test_root_cause_in_another_stage_is_an_arrow_and_in_the_same_stage_text_only() -> None:
    diagram = _diagram()
    causes = [a for a in diagram.arrows if a.into_top]
    assert [(a.tail, a.head) for a in causes] == [("s0_tp0", "s1_pain-points")]
    assert dict(causes[0].attrs)["style"] == "dashed"
    source = diagram.grid.source
    assert "root cause: Demo call (Buy)" in source
    assert "root cause: Kickoff" in source


def test_a_stage_without_customer_evidence_is_marked() -> None:
    source = _diagram().grid.source
    heads = {
        line.split()[0].strip('"'): line
        for line in source.splitlines()
        if line.strip().startswith('"s') and '_head" [' in line
    }
    assert "dashed" not in heads["s0_head"] and "no customer evidence" not in heads["s0_head"]
    assert "dashed" in heads["s1_head"] and "no customer evidence" in heads["s1_head"]


def test_emotion_points_are_the_stage_emotion_or_the_mean_of_its_touchpoints() -> None:
    source = _diagram().grid.source
    assert "s0_emo+1" in source and "s1_emo-2" in source
    line = next(li for li in source.splitlines() if li.strip().startswith('"s1_emo-2"'))
    assert "dashed" in line  # a derived point is drawn open and dashed
    curve = [a for a in _diagram().arrows if a.straight]
    assert [(a.tail, a.head) for a in curve] == [("s0_emo+1", "s1_emo-2")]


def test_themes_differ_and_print_uses_no_colour() -> None:
    sources = {t: _diagram(theme=t).source for t in ("light", "dark", "print")}
    assert len(set(sources.values())) == 3
    import re

    colours = set(re.findall(r"#[0-9a-fA-F]{6}", sources["print"]))
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours  # greys only


def test_no_title_option_drops_the_title() -> None:
    assert "Small map" in _diagram().source
    assert "Small map" not in _diagram(title=False).source


def test_build_graph_and_dot_source_describe_the_same_graph() -> None:
    result = checked(EXAMPLES[0])
    assert build_graph(result).source == dot_source(result)


def test_an_invalid_map_cannot_be_drawn() -> None:
    import pytest

    result = journeyctl.check("journeyctl: 1\n", path="m.journey.yaml", lint=False)
    with pytest.raises(ValueError, match="invalid map"):
        build_diagram(result)
