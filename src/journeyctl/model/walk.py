"""Journey order, with paths: what rules iterate over to find and locate elements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from journeyctl.load.sourcemap import PathKey
from journeyctl.model.vocabulary import Voice

if TYPE_CHECKING:
    from journeyctl.model import Evidence, Handoff, JourneyMap, Stage, Touchpoint

MAP: PathKey = ()
"""A map-level finding points at the top-level `id`."""


def stages(journey: JourneyMap) -> Iterator[tuple[PathKey, Stage]]:
    for index, stage in enumerate(journey.stages):
        yield ("stages", index), stage


def touchpoints(journey: JourneyMap) -> Iterator[tuple[PathKey, Stage, Touchpoint]]:
    """Every touchpoint in journey order: stages in file order, then touchpoints in file order."""
    for stage_path, stage in stages(journey):
        for index, touchpoint in enumerate(stage.touchpoints):
            yield (*stage_path, "touchpoints", index), stage, touchpoint


def customer_evidence(stage: Stage) -> list[Evidence]:
    """The stage's evidence entries that carry a customer voice (docs/format.md's table)."""
    return [entry for entry in stage.evidence if entry.source.voice is Voice.CUSTOMER]


class OwnershipChange(NamedTuple):
    """Where the customer passes from one team to another: two owned touchpoints that follow
    each other in journey order (unowned ones in between are skipped) with different owners."""

    path: PathKey
    """The path of `touchpoint`, the one that takes the customer over."""
    before_stage: Stage
    before: Touchpoint
    stage: Stage
    touchpoint: Touchpoint

    @property
    def from_team(self) -> str:
        return self.before.owner or ""

    @property
    def to_team(self) -> str:
        return self.touchpoint.owner or ""

    def declared(self) -> Handoff | None:
        """The handoff that declares this change, in the stage of either touchpoint: one
        `from` the first owner `to` the second (direction matters; `via` is not consulted)."""
        for stage in (self.before_stage, self.stage):
            for handoff in stage.handoffs:
                if handoff.from_ == self.from_team and handoff.to == self.to_team:
                    return handoff
        return None


def ownership_changes(journey: JourneyMap) -> Iterator[OwnershipChange]:
    """Every change of owner between consecutive owned touchpoints, in journey order, across
    stage boundaries. What JM304 checks and what diagrams draw as handoff arrows."""
    previous: tuple[Stage, Touchpoint] | None = None
    for path, stage, touchpoint in touchpoints(journey):
        if touchpoint.owner is None:
            continue  # an unowned touchpoint neither takes nor passes on the customer
        if previous is not None and previous[1].owner != touchpoint.owner:
            yield OwnershipChange(path, previous[0], previous[1], stage, touchpoint)
        previous = (stage, touchpoint)
