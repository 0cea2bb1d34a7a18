"""Reports read back with a Markdown parser (GFM tables on), as a user or GitHub reads them."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import journeyctl
from journeyctl.markdown import WORD_JOINER, github_slug, plain_line
from journeyctl.model.walk import customer_evidence
from journeyctl.report import ReportOptions, combined_report, map_report, summarize
from tests.conftest import EXAMPLES, ROOT, TODAY
from tests.markdown.gfm import github_would_link, unsafe_tokens
from tests.mermaid import parse_diagrams
from tests.report.markdown_tables import parse

HOSTILE = ROOT / "tests" / "data" / "hostile.journey.yaml"
EXAMPLE_MAPS = sorted(EXAMPLES.glob("*.journey.yaml"))
MAPS = [*EXAMPLE_MAPS, HOSTILE]
SECTIONS = ["Persona", "Summary", "Journey", "Stages", "Pain points", "Evidence", "Lint findings"]


def checked(path: Path) -> journeyctl.CheckResult:
    return journeyctl.check(path, today=TODAY)


def report_of(path: Path, **options: Any) -> str:
    return map_report(checked(path), ReportOptions(TODAY, **options))


def plain(text: str) -> str:
    return text.replace(WORD_JOINER, "")


@pytest.fixture(scope="module")
def mermaid_read() -> dict[str, Any]:
    """Every Mermaid block of every report of this module, read by Mermaid in one batch."""
    reports = {path.name: report_of(path) for path in MAPS}
    reports["combined"] = combined(EXAMPLE_MAPS)
    blocks = [
        (name, content)
        for name, report in reports.items()
        for info, content in parse(report).fences
        if info == "mermaid"
    ]
    results = parse_diagrams([content for _, content in blocks])
    found: dict[str, Any] = {}
    for (name, _), result in zip(blocks, results, strict=True):
        found.setdefault(name, []).append(result)
    return found


def combined(paths: list[Path], today: datetime.date = TODAY) -> str:
    results = [checked(p) for p in paths]
    sections = [map_report(r, ReportOptions(today, level=2)) for r in results]
    return combined_report([summarize(r) for r in results], sections, today=today)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_a_report_has_every_section_stage_pain_point_evidence_and_finding(path: Path) -> None:
    result = checked(path)
    journey = result.journey
    assert journey is not None
    parsed = parse(report_of(path))
    assert (parsed.headings[0][0], plain(parsed.headings[0][1])) == (1, plain_line(journey.title))
    assert [text for level, text in parsed.headings if level == 2] == SECTIONS

    stages = parsed.table("Stages")
    assert len(stages.rows) == len(journey.stages)
    for row, stage in zip(stages.rows, journey.stages, strict=True):
        assert plain(row[1]) == f"{plain_line(stage.name)} {stage.id}"
        goals = " · ".join(plain_line(goal) for goal in stage.goals)
        assert plain(row[4]) == (goals or "–")
        assert row[2] == (stage.laer.value if stage.laer else "–")
        assert row[-1].startswith("yes" if customer_evidence(stage) else "no")

    pains = [pain for stage in journey.stages for pain in stage.pain_points]
    if pains:
        table = parsed.table("Pain points")
        assert sorted(plain(cell).split(" ")[0] for cell in table.column("Pain point")) == sorted(
            pain.id for pain in pains
        )
    evidence = [entry for stage in journey.stages for entry in stage.evidence]
    assert len(parsed.table("Evidence").rows) == len(evidence)

    findings = parsed.table("Lint findings")
    assert len(findings.rows) == len(result.diagnostics) > 0
    assert findings.column("Code") == [d.code for d in result.diagnostics]
    assert findings.column("Rule") == [d.rule for d in result.diagnostics]
    assert [plain(m) for m in findings.column("Message")] == [
        plain_line(d.message) for d in result.diagnostics
    ]
    assert [info for info, _ in parsed.fences] == ["mermaid"]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_report_diagrams_are_read_by_mermaid(path: Path, mermaid_read: dict[str, Any]) -> None:
    journey = checked(path).journey
    assert journey is not None
    [read] = mermaid_read[path.name]
    assert read["ok"], read["error"]
    expected = sum(len(stage.touchpoints) or 1 for stage in journey.stages)
    assert len(read["tasks"]) == expected


def test_the_combined_report_diagrams_are_read_by_mermaid(mermaid_read: dict[str, Any]) -> None:
    assert len(mermaid_read["combined"]) == len(EXAMPLE_MAPS)
    assert all(read["ok"] for read in mermaid_read["combined"])


def test_the_summary_counts_as_the_format_says() -> None:
    summary = parse(report_of(EXAMPLES / "onboarding-focus.journey.yaml")).table("Summary")
    values = dict(zip(summary.column("Measure"), summary.column("Value"), strict=True))
    assert values["Stages"] == "3"
    assert values["Touchpoints"] == "9"
    assert values["Critical moments"] == "3"
    assert values["Stages validated by customers"] == "2 of 3 (67%)"
    assert values["Newest customer evidence"] == (
        "2026-10-15 (43 days old, support-tickets in Technical set-up)"
    )
    assert values["Oldest customer evidence"] == (
        "2026-08-31 (88 days old, customer-survey in Welcome)"
    )
    assert values["Open pain points"] == "2 (1 high, 0 medium, 1 low)"
    assert values["Lint findings"] == "1 error, 2 warnings, 1 info"


def test_a_done_opportunity_closes_its_pain_point() -> None:
    parsed = parse(report_of(HOSTILE))
    summary = parsed.table("Summary")
    values = dict(zip(summary.column("Measure"), summary.column("Value"), strict=True))
    assert values["Open pain points"] == "0 (0 high, 0 medium, 0 low)"
    assert parsed.table("Pain points").column("State") == ["addressed"]


def test_a_hostile_map_gives_a_safe_report() -> None:
    report = report_of(HOSTILE)
    parsed = parse(report)
    assert unsafe_tokens(parsed.tokens) == []
    assert parsed.link_targets() == []
    for text in parsed.text:
        assert github_would_link(text) == [], text
    assert "<script" not in report.replace("&lt;script", "")
    # every table keeps its cells: the hostile text is whole in the cell it belongs to
    persona = [text for text in parsed.text if "onerror" in text]
    assert plain(persona[0]).startswith("@bob <img src=x onerror=alert(1)>: | a | b |")
    goals = parsed.table("Stages").column("Goals")
    assert plain(goals[0]) == "goal | with pipe · <i>html</i> goal"
    summary = parsed.table("Evidence").column("Summary")
    assert [plain(s) for s in summary] == [
        "@erin said: <em>fine</em> | #8",
        "`code` and ``double`` and | pipe",
    ]
    assert len(parsed.table("Evidence").rows) == 2


def test_an_svg_diagram_is_a_linked_image_instead_of_mermaid() -> None:
    parsed = parse(report_of(EXAMPLE_MAPS[0], diagram="svg", svg_target="acme b2b.svg"))
    assert parsed.fences == []
    assert parsed.link_targets() == ["acme%20b2b.svg"]


def test_an_invalid_map_gives_a_report_that_says_so() -> None:
    text = "journeyctl: 1\nid: bad\ntitle: 'Broken <b>map</b> @x'\nstages: []\nowner: Not A Slug\n"
    result = journeyctl.check(text, path="maps/bad.journey.yaml", today=TODAY)
    parsed = parse(map_report(result, ReportOptions(TODAY)))
    assert plain(parsed.headings[0][1]) == "Broken <b>map</b> @x: not a valid journey map"
    findings = parsed.table(parsed.headings[0][1])
    assert findings.column("Code") == [d.code for d in result.diagnostics]
    assert len(findings.rows) == 2
    assert unsafe_tokens(parsed.tokens) == []


def test_the_index_links_to_each_map_section_and_shows_the_coverage_matrix() -> None:
    parsed = parse(combined(EXAMPLE_MAPS))
    index = parsed.table("Maps")
    assert len(index.rows) == len(EXAMPLE_MAPS)
    titles = []
    for path in EXAMPLE_MAPS:
        journey = checked(path).journey
        assert journey is not None
        titles.append(journey.title)
    assert [row[0] for row in index.rows] == [
        f"{title} {path.as_posix()}" for title, path in zip(titles, EXAMPLE_MAPS, strict=True)
    ]
    # every link goes to a heading, by the anchors GitHub makes (numbered through the page)
    seen: dict[str, int] = {}
    anchors = [github_slug(text, seen) for _, text in parsed.headings]
    targets = parsed.link_targets()
    assert len(targets) == 2 * len(EXAMPLE_MAPS)
    for target, title in zip(targets, titles * 2, strict=True):
        assert target.startswith("#") and target[1:] in anchors
        assert parsed.headings[anchors.index(target[1:])] == (2, title)

    matrix = parsed.table("Coverage")
    assert matrix.header == [
        "Map", "land", "adopt", "expand", "renew", "plan", "implement", "monitor", "optimize"
    ]  # fmt: skip
    assert len(matrix.rows) == len(EXAMPLE_MAPS) + 1
    by_title = {row[0]: row[1:] for row in matrix.rows}
    assert by_title[titles[2]] == ["·", "◐ 2/3", "·", "·", "·", "✓ 2/2", "·", "·"]
    assert by_title["All maps"][1] == "◐ 4/5"


def test_repeated_titles_get_numbered_anchors() -> None:
    example = EXAMPLES / "onboarding-focus.journey.yaml"
    parsed = parse(combined([example, example]))
    assert parsed.link_targets()[:2] == [
        "#acme-analytics-onboarding-from-signature-to-first-value",
        "#acme-analytics-onboarding-from-signature-to-first-value-1",
    ]


def test_index_links_reach_sections_whatever_their_titles() -> None:
    parsed = parse(combined([HOSTILE, EXAMPLE_MAPS[0], HOSTILE]))
    seen: dict[str, int] = {}
    anchors = [github_slug(text, seen) for _, text in parsed.headings]
    targets = parsed.link_targets()
    assert len(targets) == 2 * 3
    for target in targets:
        assert target.startswith("#") and target[1:] in anchors, target
    assert len(set(targets[:3])) == 3
    assert unsafe_tokens(parsed.tokens) == ["link_open"] * len(targets)  # the index's own
    for text in parsed.text:
        assert github_would_link(text) == [], text


@settings(max_examples=60)
@given(
    st.lists(
        st.text(
            st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=30
        ).filter(str.strip),
        min_size=4,
        max_size=4,
    )
)
def test_any_map_text_gives_a_safe_report_with_its_tables_whole(texts: list[str]) -> None:
    import json

    title, stage, touchpoint, team = (json.dumps(t) for t in texts)
    source = (
        f"journeyctl: 1\nid: m\ntitle: {title}\nteams: [{{id: t, name: {team}}}]\n"
        f"stages:\n  - id: s\n    name: {stage}\n    goals: [{touchpoint}, {stage}]\n"
        f"    touchpoints: [{{id: p, name: {touchpoint}, owner: t}}]\n"
        f"    pain_points: [{{id: x, description: {title}}}]\n"
        f"    evidence: [{{source: customer-survey, date: 2026-01-01, summary: {team}}}]\n"
    )
    result = journeyctl.check(source, today=TODAY)
    assert result.journey is not None, result.diagnostics
    parsed = parse(map_report(result, ReportOptions(TODAY)))
    assert unsafe_tokens(parsed.tokens) == []
    for text in parsed.text:
        assert github_would_link(text) == [], text
    row = parsed.table("Stages").rows[0]
    shown = [plain(cell) for cell in row]
    expect = [plain(plain_line(text)) for text in texts]
    assert shown[1] == f"{expect[1]} s".strip()
    assert shown[4] == (f"{expect[2]} · {expect[1]}".strip() or "–")
    assert shown[6] == (expect[2] or "–")
    assert shown[7] == (expect[3] or "–")
    assert [plain(s) for s in parsed.table("Evidence").column("Summary")] == [expect[3] or "–"]
