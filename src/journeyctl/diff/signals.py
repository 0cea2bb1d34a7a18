"""The signals a reviewer cares about, each a name that `--fail-on` accepts.

Signals are computed from the two models by id, not from the change records: a touchpoint
that disappears with its stage is not listed as a change of its own (the stage's removal is
the change), yet it still raises `touchpoint-removed`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from journeyctl.diagnostics import Severity
from journeyctl.model.vocabulary import Moment
from journeyctl.model.walk import customer_evidence

if TYPE_CHECKING:
    from journeyctl.diagnostics import Diagnostic
    from journeyctl.model import JourneyMap, Stage, Touchpoint

SIGNALS: Final = {
    "validation-lost": "a stage that had customer evidence has none",
    "emotion-drop": "a stage's or touchpoint's emotion went down",
    "moment-worse": "a touchpoint's moment got worse (positive to neutral or negative, "
    "neutral to negative)",
    "critical-removed": "a critical touchpoint was removed or is no longer critical",
    "stage-removed": "a stage was removed",
    "touchpoint-removed": "a touchpoint was removed",
    "owner-removed": "the map, a touchpoint or an opportunity lost its owner",
    "new-errors": "lint errors were introduced",
}
"""Every signal, in the order reports list them, with what raises it."""
ANY: Final = "any"
"""`--fail-on any`: any change, any introduced finding."""

_MOMENT_RANK = {Moment.NEGATIVE: 0, Moment.NEUTRAL: 1, Moment.POSITIVE: 2}


def raise_signals(
    old: JourneyMap | None, new: JourneyMap | None, introduced: Iterable[Diagnostic]
) -> dict[str, tuple[str, ...]]:
    """Each raised signal with where it was raised, in `SIGNALS` order.

    A map removed as a whole removes its stages and touchpoints; a map added raises only
    `new-errors`, when its findings include errors.
    """
    where: dict[str, list[str]] = {name: [] for name in SIGNALS}
    old_stages = {stage.id: stage for stage in old.stages} if old else {}
    new_stages = {stage.id: stage for stage in new.stages} if new else {}
    old_touchpoints = dict(_touchpoints(old))
    new_touchpoints = dict(_touchpoints(new))

    for stage_id, stage in old_stages.items():
        after = new_stages.get(stage_id)
        if after is None:
            where["stage-removed"].append(f"stage {stage_id}")
            continue
        if customer_evidence(stage) and not customer_evidence(after):
            where["validation-lost"].append(f"stage {stage_id}")
        if _dropped(stage.emotion, after.emotion):
            where["emotion-drop"].append(f"stage {stage_id}: {stage.emotion} -> {after.emotion}")

    for tp_id, before in old_touchpoints.items():
        now = new_touchpoints.get(tp_id)
        if now is None:
            where["touchpoint-removed"].append(f"touchpoint {tp_id}")
            if before.critical:
                where["critical-removed"].append(f"touchpoint {tp_id}")
            continue
        if before.critical and not now.critical:
            where["critical-removed"].append(f"touchpoint {tp_id}: no longer critical")
        if _dropped(before.emotion, now.emotion):
            where["emotion-drop"].append(f"touchpoint {tp_id}: {before.emotion} -> {now.emotion}")
        if (
            before.moment is not None
            and now.moment is not None
            and _MOMENT_RANK[now.moment] < _MOMENT_RANK[before.moment]
        ):
            where["moment-worse"].append(
                f"touchpoint {tp_id}: {before.moment.value} -> {now.moment.value}"
            )
        if before.owner is not None and now.owner is None:
            where["owner-removed"].append(f"touchpoint {tp_id}")

    if old is not None and new is not None:
        if old.owner is not None and new.owner is None:
            where["owner-removed"].append(f"map {new.id}")
        new_opportunities = {o.id: o for s in new.stages for o in s.opportunities}
        for stage in old.stages:
            for opportunity in stage.opportunities:
                now_opportunity = new_opportunities.get(opportunity.id)
                if (
                    now_opportunity is not None
                    and opportunity.owner is not None
                    and now_opportunity.owner is None
                ):
                    where["owner-removed"].append(f"opportunity {opportunity.id}")

    where["new-errors"] = [
        f"{d.code} {d.rule} (line {d.span.line})"
        for d in introduced
        if d.severity is Severity.ERROR
    ]
    return {name: tuple(found) for name, found in where.items() if found}


def _touchpoints(journey: JourneyMap | None) -> Iterator[tuple[str, Touchpoint]]:
    if journey is None:
        return
    stage: Stage
    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            yield touchpoint.id, touchpoint


def _dropped(before: int | None, after: int | None) -> bool:
    """Only a value that went down: an emotion removed or added is not a drop."""
    return before is not None and after is not None and after < before
