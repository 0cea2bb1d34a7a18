"""What a report says about a map, computed once from the validated model.

Kept apart from the Markdown so that the single-map report, the index and the coverage matrix
count the same way: a stage is validated when it has customer-voice evidence (the test of rule
JM201), and a pain point is open unless an opportunity with status `done` addresses it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeyctl.model.vocabulary import Laer, OpportunityStatus, PainPointSeverity, Pimo
from journeyctl.model.walk import customer_evidence

if TYPE_CHECKING:
    from journeyctl.model import Evidence, JourneyMap, PainPoint, Stage

PHASES: tuple[Laer | Pimo, ...] = (*Laer, *Pimo)
"""The columns of the coverage matrix: the four LAER phases, then the four PIMO phases."""


@dataclass(frozen=True, slots=True)
class Dated:
    """One piece of customer evidence and the stage it validates."""

    evidence: Evidence
    stage: Stage


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many stages a map has in one phase, and how many of them customers validated."""

    stages: int = 0
    validated: int = 0


def is_validated(stage: Stage) -> bool:
    return bool(customer_evidence(stage))


def touchpoint_count(journey: JourneyMap) -> int:
    return sum(len(stage.touchpoints) for stage in journey.stages)


def critical_count(journey: JourneyMap) -> int:
    return sum(1 for stage in journey.stages for tp in stage.touchpoints if tp.critical)


def validated_count(journey: JourneyMap) -> int:
    return sum(1 for stage in journey.stages if is_validated(stage))


def customer_dated(journey: JourneyMap) -> list[Dated]:
    """Customer-voice evidence, oldest first (journey order among equal dates)."""
    found = [Dated(e, stage) for stage in journey.stages for e in customer_evidence(stage)]
    return sorted(found, key=lambda item: item.evidence.date)


def done_addressed(journey: JourneyMap) -> frozenset[str]:
    """Ids of the pain points that a `done` opportunity anywhere in the map addresses."""
    return frozenset(
        pain_id
        for stage in journey.stages
        for opportunity in stage.opportunities
        if opportunity.status is OpportunityStatus.DONE
        for pain_id in opportunity.addresses
    )


def open_pain_points(journey: JourneyMap) -> list[tuple[Stage, PainPoint]]:
    closed = done_addressed(journey)
    return [
        (stage, pain)
        for stage in journey.stages
        for pain in stage.pain_points
        if pain.id not in closed
    ]


def open_by_severity(journey: JourneyMap) -> dict[PainPointSeverity, int]:
    """Open pain points per severity, highest first, every severity present."""
    counts = {severity: 0 for severity in reversed(PainPointSeverity)}
    for _, pain in open_pain_points(journey):
        counts[pain.severity] += 1
    return counts


def coverage(journey: JourneyMap) -> dict[Laer | Pimo, Coverage]:
    """For each LAER and PIMO phase: the map's stages there and how many are validated."""
    cells: dict[Laer | Pimo, Coverage] = {phase: Coverage() for phase in PHASES}
    for stage in journey.stages:
        for phase in (stage.laer, stage.pimo):
            if phase is not None:
                old = cells[phase]
                cells[phase] = Coverage(old.stages + 1, old.validated + is_validated(stage))
    return cells


def age_days(date: datetime.date, today: datetime.date) -> int:
    return (today - date).days


def age_text(date: datetime.date, today: datetime.date) -> str:
    """`43 days`, `today`, or `in 5 days` for a date after `today`."""
    days = age_days(date, today)
    if days == 0:
        return "today"
    if days < 0:
        return f"in {-days} day{'s' if days != -1 else ''}"
    return f"{days} day{'s' if days != 1 else ''}"
