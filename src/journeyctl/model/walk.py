"""Journey order, with paths: what rules iterate over to find and locate elements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyctl.load.sourcemap import PathKey
from journeyctl.model.vocabulary import Voice

if TYPE_CHECKING:
    from journeyctl.model import Evidence, JourneyMap, Stage, Touchpoint

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
