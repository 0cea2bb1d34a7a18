"""The map-wide rules that no single field can check: unique ids and resolving references.

Each problem carries the path of the offending value, so that it is reported at that value's
line even though it is found by a validator on the whole map.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic_core import PydanticCustomError

from journeyctl.load.sourcemap import PathKey
from journeyctl.quoting import quote
from journeyctl.suggest import closest

if TYPE_CHECKING:
    from journeyctl.model.elements import JourneyMap

REFERENCE_ERROR_TYPE = "journey_references"
_SHOWN_CHOICES = 12


@dataclass(frozen=True, slots=True)
class ReferenceProblem:
    path: PathKey
    message: str
    first_path: PathKey | None = None
    """For a duplicate: where the id was first used, so the message can name that line."""

    @staticmethod
    def as_validation_error(problems: list[ReferenceProblem]) -> PydanticCustomError:
        # A validator may raise one error only; the problems travel in its context and are
        # unpacked into one diagnostic each by journeyctl.validation.
        return PydanticCustomError(
            REFERENCE_ERROR_TYPE,
            "{count} reference problem(s)",
            {"count": len(problems), "problems": problems},
        )


def find_reference_problems(
    journey: JourneyMap, shared_teams: Iterable[str] = ()
) -> list[ReferenceProblem]:
    problems: list[ReferenceProblem] = []
    declared: dict[str, int] = {}
    for index, team in enumerate(journey.teams):
        if team.id in declared:
            problems.append(
                ReferenceProblem(
                    ("teams", index, "id"),
                    f"team id {team.id!r} is declared twice",
                    ("teams", declared[team.id], "id"),
                )
            )
        declared.setdefault(team.id, index)
    teams = set(shared_teams) | declared.keys()

    ids: dict[str, PathKey] = {}
    kinds: dict[str, str] = {}
    touchpoints: set[str] = set()
    stages: set[str] = set()
    pain_points: set[str] = set()

    def claim(identifier: str, path: PathKey, kind: str) -> None:
        if identifier in ids:
            problems.append(
                ReferenceProblem(
                    (*path, "id"),
                    f"id {identifier!r} is already used by {kinds[identifier]} "
                    f"{identifier!r}; ids must be unique across stages, touchpoints, "
                    "pain points and opportunities",
                    (*ids[identifier], "id"),
                )
            )
            return
        ids[identifier] = path
        kinds[identifier] = kind

    for s, stage in enumerate(journey.stages):
        claim(stage.id, ("stages", s), "the stage")
        stages.add(stage.id)
        for t, touchpoint in enumerate(stage.touchpoints):
            claim(touchpoint.id, ("stages", s, "touchpoints", t), "the touchpoint")
            touchpoints.add(touchpoint.id)
        for p, pain in enumerate(stage.pain_points):
            claim(pain.id, ("stages", s, "pain_points", p), "the pain point")
            pain_points.add(pain.id)
        for o, opportunity in enumerate(stage.opportunities):
            claim(opportunity.id, ("stages", s, "opportunities", o), "the opportunity")

    def expect(value: str | None, known: set[str], path: PathKey, what: str, kind: str) -> None:
        if value is None or value in known:
            return
        problems.append(ReferenceProblem(path, _unknown(what, value, kind, known)))

    expect(journey.owner, teams, ("owner",), "map owner", "a team")
    for s, stage in enumerate(journey.stages):
        base = ("stages", s)
        for t, touchpoint in enumerate(stage.touchpoints):
            expect(
                touchpoint.owner,
                teams,
                (*base, "touchpoints", t, "owner"),
                "touchpoint owner",
                "a team",
            )
        for h, handoff in enumerate(stage.handoffs):
            path = (*base, "handoffs", h)
            expect(handoff.from_, teams, (*path, "from"), "handoff from", "a team")
            expect(handoff.to, teams, (*path, "to"), "handoff to", "a team")
            expect(handoff.via, touchpoints, (*path, "via"), "handoff via", "a touchpoint")
            if handoff.from_ == handoff.to:
                problems.append(
                    ReferenceProblem(
                        (*path, "to"),
                        f"handoff goes from {handoff.from_!r} to itself; "
                        "`from` and `to` must be different teams",
                    )
                )
        for p, pain in enumerate(stage.pain_points):
            path = (*base, "pain_points", p)
            expect(
                pain.touchpoint,
                touchpoints,
                (*path, "touchpoint"),
                "pain point touchpoint",
                "a touchpoint",
            )
            expect(
                pain.root_cause,
                stages | touchpoints,
                (*path, "root_cause"),
                "pain point root_cause",
                "a stage or touchpoint",
            )
        for o, opportunity in enumerate(stage.opportunities):
            path = (*base, "opportunities", o)
            for a, addressed in enumerate(opportunity.addresses):
                expect(
                    addressed,
                    pain_points,
                    (*path, "addresses", a),
                    "opportunity addresses",
                    "a pain point",
                )
            expect(opportunity.owner, teams, (*path, "owner"), "opportunity owner", "a team")
    return problems


def _unknown(what: str, value: str, kind: str, known: set[str]) -> str:
    choices = sorted(known)
    if not choices:
        return f"{what} {quote(value)} is not {kind} (none is declared)"
    shown = ", ".join(choices[:_SHOWN_CHOICES])
    if len(choices) > _SHOWN_CHOICES:
        shown += f", ... ({len(choices) - _SHOWN_CHOICES} more)"
    message = f"{what} {quote(value)} is not {kind} (known: {shown})"
    close = closest(value, choices) if len(value) <= 100 else None
    if close:
        message += f"; did you mean {close!r}?"
    return message
