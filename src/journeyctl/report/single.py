"""The report of one map: what a team reads on its wiki or in a pull request.

Every piece of map text goes through `journeyctl.markdown` (no HTML, link, mention or issue
reference can come from a map); everything else is journeyctl's own Markdown.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from journeyctl.diagnostics import Diagnostic, Severity
from journeyctl.export.mermaid import journey_diagram
from journeyctl.markdown import code_span, escape_cell, escape_text, link
from journeyctl.model.vocabulary import Voice
from journeyctl.model.walk import customer_evidence
from journeyctl.report import facts
from journeyctl.report.markdown_parts import heading, plural, table

if TYPE_CHECKING:
    from journeyctl.api import CheckResult
    from journeyctl.model import JourneyMap, Stage

Diagram = Literal["mermaid", "svg"]

EMOTIONS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    today: datetime.date
    diagram: Diagram = "mermaid"
    svg_target: str | None = None
    """Where the SVG is, relative to the report (with `diagram="svg"`)."""
    level: int = 1
    """The heading level of the map's title: 2 when the report is a section of an index."""


def map_title(result: CheckResult) -> str:
    """The map's title; for an invalid map the `title` as written if it is text, else the path."""
    if result.journey is not None:
        return result.journey.title
    data = result.document.data if result.document is not None else None
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else result.path


def map_report(result: CheckResult, options: ReportOptions) -> str:
    """The Markdown report of one map, valid or not."""
    if result.journey is None:
        return invalid_report(result, options)
    journey = result.journey
    top = options.level
    parts = [
        heading(top, escape_text(journey.title) or code_span(journey.id)),
        _facts_line(result, journey) + "\n",
    ]
    if journey.description:
        parts.append(escape_text(journey.description) + "\n")
    parts += _persona(journey, top + 1)
    parts += [heading(top + 1, "Summary"), _summary(result, journey, options.today)]
    parts += [heading(top + 1, "Journey"), _diagram(result, journey, options)]
    parts += [heading(top + 1, "Stages"), _stages(result, journey)]
    parts += [heading(top + 1, "Pain points"), _pain_points(result, journey)]
    parts += [heading(top + 1, "Evidence"), _evidence(journey, options.today)]
    parts += [heading(top + 1, "Lint findings"), findings_table(result.diagnostics)]
    return "\n".join(parts)


def invalid_report(result: CheckResult, options: ReportOptions) -> str:
    title = escape_text(map_title(result))
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    return "\n".join(
        [
            heading(options.level, f"{title}: not a valid journey map"),
            f"{code_span(result.path)} does not validate, so there is nothing to report on "
            f"yet. {plural(len(errors), 'problem')} to fix (`journeyctl validate` shows the "
            "same):\n",
            findings_table(result.diagnostics),
        ]
    )


def findings_table(diagnostics: Sequence[Diagnostic]) -> str:
    """Diagnostics with their rule names, in file order."""
    if not diagnostics:
        return "No findings.\n"
    rows = [
        [
            d.severity.label,
            code_span(d.code, cell=True),
            code_span(d.rule, cell=True),
            str(d.span.line),
            escape_cell(d.message),
        ]
        for d in diagnostics
    ]
    return table(["Severity", "Code", "Rule", "Line", "Message"], rows, align="lllr")


def _facts_line(result: CheckResult, journey: JourneyMap) -> str:
    parts = [
        code_span(result.path),
        f"map {code_span(journey.id)}",
        f"scope {escape_text(journey.scope)}",
        f"state {journey.state.value}",
    ]
    if journey.owner:
        parts.append(f"kept by {escape_text(result.team_name(journey.owner))}")
    if journey.updated:
        parts.append(f"updated {journey.updated.isoformat()}")
    return " · ".join(parts)


def _persona(journey: JourneyMap, level: int) -> list[str]:
    persona = journey.persona
    if persona is None:
        return [heading(level, "Persona"), "No persona is named.\n"]
    who = f"**{escape_text(persona.name)}**"
    if persona.description:
        who += f": {escape_text(persona.description)}"
    parts = [heading(level, "Persona"), who + "\n"]
    if persona.desired_outcomes:
        outcomes = "".join(f"- {escape_text(text)}\n" for text in persona.desired_outcomes)
        parts.append("Desired outcomes:\n\n" + outcomes)
    else:
        parts.append("No desired outcomes are written down.\n")
    return parts


def _summary(result: CheckResult, journey: JourneyMap, today: datetime.date) -> str:
    stages = len(journey.stages)
    validated = facts.validated_count(journey)
    dated = facts.customer_dated(journey)
    open_counts = facts.open_by_severity(journey)
    by_severity = {s: 0 for s in Severity}
    for diagnostic in result.diagnostics:
        by_severity[diagnostic.severity] += 1
    rows = [
        ["Stages", str(stages)],
        ["Touchpoints", str(facts.touchpoint_count(journey))],
        ["Critical moments", str(facts.critical_count(journey))],
        [
            "Stages validated by customers",
            f"{validated} of {stages} ({_percent(validated, stages)})",
        ],
        ["Newest customer evidence", _dated(dated[-1], today) if dated else "none"],
        ["Oldest customer evidence", _dated(dated[0], today) if dated else "none"],
        [
            "Open pain points",
            f"{sum(open_counts.values())} ("
            + ", ".join(f"{count} {severity.value}" for severity, count in open_counts.items())
            + ")",
        ],
        [
            "Lint findings",
            ", ".join(
                plural(by_severity[s], s.label, "info" if s is Severity.INFO else None)
                for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            ),
        ],
    ]
    return table(["Measure", "Value"], rows) + f"\nAges are counted to {today.isoformat()}.\n"


def _dated(item: facts.Dated, today: datetime.date) -> str:
    date = item.evidence.date
    return (
        f"{date.isoformat()} ({facts.age_text(date, today)} old, "
        f"{item.evidence.source.value} in {escape_cell(item.stage.name)})"
    )


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _diagram(result: CheckResult, journey: JourneyMap, options: ReportOptions) -> str:
    if options.diagram == "svg":
        target = options.svg_target or "journey.svg"
        return f"!{link('Journey diagram of ' + escape_text(journey.title), target)}\n"
    source = journey_diagram(journey, result.team_name)
    return f"```mermaid\n{source}```\n"


def _stages(result: CheckResult, journey: JourneyMap) -> str:
    rows = []
    for number, stage in enumerate(journey.stages, start=1):
        owners = dict.fromkeys(
            result.team_name(tp.owner) for tp in stage.touchpoints if tp.owner is not None
        )
        touchpoints = [
            escape_cell(tp.name) + (" (critical)" if tp.critical else "")
            for tp in stage.touchpoints
        ]
        rows.append(
            [
                str(number),
                f"{escape_cell(stage.name)} {code_span(stage.id, cell=True)}",
                stage.laer.value if stage.laer else "",
                stage.pimo.value if stage.pimo else "",
                " · ".join(escape_cell(goal) for goal in stage.goals),
                _emotion(stage.emotion),
                " · ".join(touchpoints),
                " · ".join(escape_cell(name) for name in owners),
                _validation(stage),
            ]
        )
    header = ["#", "Stage", "LAER", "PIMO", "Goals", "Emotion", "Touchpoints", "Owners"]
    return table([*header, "Validated by customers"], rows, align="r")


def _emotion(value: int | None) -> str:
    if value is None:
        return ""
    return f"{value:+d} {EMOTIONS[value]}" if value else f"0 {EMOTIONS[0]}"


def _validation(stage: Stage) -> str:
    customer = customer_evidence(stage)
    if customer:
        newest = max(entry.date for entry in customer)
        return f"yes: {plural(len(customer), 'entry', 'entries')}, newest {newest.isoformat()}"
    if stage.evidence:
        sources = dict.fromkeys(entry.source.value for entry in stage.evidence)
        return f"**no**: only {', '.join(sources)}"
    return "**no**: no evidence"


def _pain_points(result: CheckResult, journey: JourneyMap) -> str:
    closed = facts.done_addressed(journey)
    opportunities: dict[str, list[str]] = {}
    for stage in journey.stages:
        for opportunity in stage.opportunities:
            owner = (
                f", {escape_cell(result.team_name(opportunity.owner))}" if opportunity.owner else ""
            )
            text = (
                f"{code_span(opportunity.id, cell=True)} {escape_cell(opportunity.description)} "
                f"({opportunity.status.value}{owner})"
            )
            for pain_id in opportunity.addresses:
                opportunities.setdefault(pain_id, []).append(text)
    touchpoint_names = {tp.id: tp.name for stage in journey.stages for tp in stage.touchpoints}
    found = [(stage, pain) for stage in journey.stages for pain in stage.pain_points]
    if not found:
        return "No pain points are recorded.\n"
    rank = {"high": 0, "medium": 1, "low": 2}
    found.sort(key=lambda item: (item[1].id in closed, rank[item[1].severity.value]))
    rows = [
        [
            f"{code_span(pain.id, cell=True)} {escape_cell(pain.description)}",
            escape_cell(stage.name),
            pain.severity.value,
            escape_cell(touchpoint_names.get(pain.touchpoint, pain.touchpoint))
            if pain.touchpoint
            else "",
            " · ".join(opportunities.get(pain.id, [])) or "none",
            "addressed" if pain.id in closed else "**open**",
        ]
        for stage, pain in found
    ]
    header = ["Pain point", "Stage", "Severity", "Touchpoint", "Opportunities", "State"]
    note = "A pain point is open until an opportunity with status `done` addresses it."
    return table(header, rows) + f"\n{note}\n"


def _evidence(journey: JourneyMap, today: datetime.date) -> str:
    rows = [
        [
            escape_cell(stage.name),
            entry.source.value,
            "customer" if entry.source.voice is Voice.CUSTOMER else "internal",
            entry.date.isoformat(),
            facts.age_text(entry.date, today),
            "" if entry.participants is None else str(entry.participants),
            escape_cell(entry.summary or ""),
        ]
        for stage in journey.stages
        for entry in stage.evidence
    ]
    if not rows:
        return "No evidence is recorded.\n"
    header = ["Stage", "Source", "Voice", "Date", "Age", "Participants", "Summary"]
    return table(header, rows, align="lllllr")
