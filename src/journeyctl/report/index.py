"""The report of many maps: an index row per map and the coverage matrix of the portfolio.

The matrix puts maps in rows and the LAER and PIMO phases in columns; a cell says whether the
map has a stage in that phase and whether customers validated it, so a CX lead sees at a
glance where the whole portfolio rests on assumptions.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeyctl.diagnostics import Severity
from journeyctl.markdown import code_span, escape_cell, github_slug, link, rendered_text
from journeyctl.report import facts
from journeyctl.report.markdown_parts import heading, plural, table
from journeyctl.report.single import map_title

if TYPE_CHECKING:
    from journeyctl.api import CheckResult

_HEADING = re.compile(r"^#{1,6} (.*)$")
INDEX_HEADINGS = ("Journey maps", "Maps", "Coverage")
"""The index's headings, in order (a combined report needs them to number its anchors)."""


@dataclass(frozen=True, slots=True)
class MapSummary:
    """What the index needs of one map: small, so that worker processes can return it."""

    path: str
    title: str
    valid: bool
    state: str
    stages: int
    validated: int
    errors: int
    warnings: int
    coverage: tuple[tuple[int, int], ...]
    """(stages, validated) per phase of `facts.PHASES`; empty for an invalid map."""


def summarize(result: CheckResult) -> MapSummary:
    errors = sum(1 for d in result.diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for d in result.diagnostics if d.severity is Severity.WARNING)
    journey = result.journey
    if journey is None:
        return MapSummary(
            result.path, map_title(result), False, "invalid", 0, 0, errors, warnings, ()
        )
    cells = facts.coverage(journey)
    return MapSummary(
        result.path,
        journey.title,
        True,
        journey.state.value,
        len(journey.stages),
        facts.validated_count(journey),
        errors,
        warnings,
        tuple((cells[phase].stages, cells[phase].validated) for phase in facts.PHASES),
    )


def index_report(
    summaries: Sequence[MapSummary], targets: Sequence[str], *, today: datetime.date
) -> str:
    """The index and the coverage matrix; `targets[i]` is where map i's report is (a file or
    `#anchor`)."""
    title, maps, cover = INDEX_HEADINGS
    invalid = sum(1 for s in summaries if not s.valid)
    intro = (
        f"{plural(len(summaries), 'map')}, {invalid} invalid; "
        f"evidence ages counted to {today.isoformat()}."
    )
    return "\n".join(
        [
            heading(1, title),
            intro + "\n",
            heading(2, maps),
            _index_table(summaries, targets),
            heading(2, cover),
            _coverage(summaries, targets),
        ]
    )


def _map_cell(summary: MapSummary, target: str) -> str:
    return f"{link(escape_cell(summary.title), target)} {code_span(summary.path, cell=True)}"


def _index_table(summaries: Sequence[MapSummary], targets: Sequence[str]) -> str:
    rows = []
    for summary, target in zip(summaries, targets, strict=True):
        validated = (
            f"{summary.validated} of {summary.stages} stages"
            + (f" ({round(100 * summary.validated / summary.stages)}%)" if summary.stages else "")
            if summary.valid
            else ""
        )
        rows.append(
            [
                _map_cell(summary, target),
                summary.state if summary.valid else "**invalid**",
                str(summary.stages) if summary.valid else "",
                validated,
                str(summary.errors),
                str(summary.warnings),
            ]
        )
    header = ["Map", "State", "Stages", "Validated by customers", "Errors", "Warnings"]
    return table(header, rows, align="llrlrr")


def _cell(stages: int, validated: int) -> str:
    if stages == 0:
        return "·"
    if validated == stages:
        return "✓" if stages == 1 else f"✓ {validated}/{stages}"
    if validated == 0:
        return "✗" if stages == 1 else f"✗ 0/{stages}"
    return f"◐ {validated}/{stages}"


def _coverage(summaries: Sequence[MapSummary], targets: Sequence[str]) -> str:
    phases = [phase.value for phase in facts.PHASES]
    rows = []
    totals = [[0, 0] for _ in phases]
    for summary, target in zip(summaries, targets, strict=True):
        if not summary.valid:
            continue
        title = link(escape_cell(summary.title), target)
        rows.append([title, *(_cell(*cell) for cell in summary.coverage)])
        for total, (stages, validated) in zip(totals, summary.coverage, strict=True):
            total[0] += stages
            total[1] += validated
    if not rows:
        return "No valid map to show.\n"
    rows.append(["**All maps**", *(_cell(stages, validated) for stages, validated in totals)])
    legend = (
        "The first four columns are the LAER phases (the supplier's view), the last four the "
        "PIMO phases (the customer's). ✓: every stage of the map in that phase is validated by "
        "customers; ◐: some are (validated/stages); ✗: none is, so the map rests on "
        "assumptions there; ·: the map has no stage in that phase."
    )
    invalid = sum(1 for s in summaries if not s.valid)
    if invalid:
        legend += f" {plural(invalid, 'invalid map is', 'invalid maps are')} left out."
    return table(["Map", *phases], rows, align="l" + "c" * len(phases)) + f"\n{legend}\n"


def combined_report(
    summaries: Sequence[MapSummary], sections: Sequence[str], *, today: datetime.date
) -> str:
    """One document: the index, then each map's report (made with heading level 2), which the
    index links to by the anchors GitHub gives their headings."""
    anchors = _first_heading_anchors(sections)
    index = index_report(summaries, [f"#{anchor}" for anchor in anchors], today=today)
    return "\n".join([index, *sections])


def _first_heading_anchors(sections: Sequence[str]) -> list[str]:
    """GitHub numbers repeated anchors through the whole document (`summary`, `summary-1`):
    walk every heading in order, and keep the anchor of each section's first."""
    seen: dict[str, int] = {}
    for text in INDEX_HEADINGS:
        github_slug(text, seen)
    anchors = []
    for section in sections:
        first = None
        fenced = False
        for line in section.splitlines():
            if line.startswith("```"):
                fenced = not fenced
            elif not fenced and (found := _HEADING.match(line)):
                slug = github_slug(rendered_text(found.group(1)), seen)
                first = first or slug
        anchors.append(first or "")
    return anchors
