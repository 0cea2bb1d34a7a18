"""What changed, as data for the diagram: each drawn element's mark, and the removed elements
put back where they were.

`journeyctl render MAP --diff-against OTHER` draws MAP with its elements compared to OTHER.
The comparison is `journeyctl.diff.compare.compare_maps`'s (elements matched by id, never by
position); this module only folds its changes onto what the diagram draws:

- stages and touchpoints (one box each), pain points and opportunities (items of a lane
  cell), and the map itself (its title) get a mark: `added`, `removed`, or `moved` and/or
  `changed`;
- a change the diagram has no element for (an evidence entry, a handoff, a metric, a goal, an
  `x-` key) marks the element that carries it as `changed`, naming the field: a stage whose
  evidence changed, a map whose persona or teams changed; the texts added to or removed from
  a stage's goals, actions, thoughts and milestones are also marked one by one (`items`);
- removed elements are drawn too, faded, where they were: `DiffView.journey` is the new map
  with each removed stage put back after the stage that preceded it in the old map (at the
  start when none did), each removed touchpoint in its old stage after the touchpoint that
  preceded it there, removed pain points and opportunities at the end of their old stage's
  list, and removed texts at the end of their list. A removed stage keeps only the elements
  removed with it (one that moved to another stage is drawn there).

The renderer (`layout.py`) turns the marks into Graphviz attributes through the theme; this
module knows nothing of colours or DOT.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from journeyctl.api import CheckResult
    from journeyctl.diff.changes import Change
    from journeyctl.model import JourneyMap, Stage


class Mark(StrEnum):
    """How an element differs from the other version. `added` and `removed` stand alone;
    `moved` and `changed` may both apply to one element."""

    added = "added"
    removed = "removed"
    changed = "changed"
    moved = "moved"


Key = tuple[str, str]
"""An element's identity: (kind, id), kind one of map, stage, touchpoint, pain_point,
opportunity."""

_DRAWN = ("stage", "touchpoint", "pain_point", "opportunity")
ITEM_LISTS = ("goals", "actions", "thoughts", "milestones")
"""A stage's lists of texts whose items are marked one by one."""
_CHILD_FIELDS = {
    "evidence": "evidence",
    "handoff": "handoffs",
    "metric": "metrics",
    "persona": "persona",
    "team": "teams",
}


@dataclass(frozen=True, slots=True)
class ElementMark:
    """The marks of one element, and what a reader needs to understand them."""

    marks: tuple[Mark, ...]
    """In the order added, removed, moved, changed."""
    fields: tuple[str, ...] = ()
    """For `changed`: the YAML keys that changed (`name`, `moment`, `x-jira`, `evidence`)."""
    from_stage: str | None = None
    """For a move to another stage: the stage's name in the other version."""
    from_position: int | None = None
    to_position: int | None = None
    """For a move within its stage (or of a stage): 1-based positions."""

    def has(self, mark: Mark) -> bool:
        return mark in self.marks


@dataclass(frozen=True)
class DiffView:
    """A map compared with another version of it, ready to draw."""

    against: str
    """The other version's name, as the user gave it (`main:maps/a.journey.yaml`)."""
    journey: JourneyMap
    """What to draw: the map with its removed elements put back where they were."""
    marks: Mapping[Key, ElementMark] = field(default_factory=dict)
    items: Mapping[tuple[str, str], ItemMarks] = field(default_factory=dict)
    """(stage id, list field) -> the items added to and removed from a list of texts (goals,
    actions, thoughts, milestones) of a stage that is in both versions."""

    def mark(self, kind: str, element_id: str) -> ElementMark | None:
        return self.marks.get((kind, element_id))

    def removed(self, kind: str, element_id: str) -> bool:
        found = self.marks.get((kind, element_id))
        return found is not None and Mark.removed in found.marks

    @property
    def used(self) -> frozenset[Mark]:
        """The marks the picture shows, for its legend."""
        found = {m for e in self.marks.values() for m in e.marks}
        if any(i.added for i in self.items.values()):
            found.add(Mark.added)
        if any(i.removed for i in self.items.values()):
            found.add(Mark.removed)
        return frozenset(found)


@dataclass(frozen=True, slots=True)
class ItemMarks:
    """Texts added to and removed from one list; the removed ones are drawn at its end."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


def compare_results(old: CheckResult, new: CheckResult, *, against: str) -> DiffView:
    """`new` compared with `old` (both valid). Raises ValueError for an invalid one."""
    from journeyctl.diff.compare import compare_maps

    for result in (old, new):
        if result.journey is None or result.document is None:
            raise ValueError(f"{result.path}: an invalid map cannot be compared")
    assert old.journey is not None and new.journey is not None
    assert old.document is not None and new.document is not None
    changes = compare_maps(old.journey, old.document.data, new.journey, new.document.data)
    return view_of(old.journey, new.journey, changes, against=against)


def view_of(
    old: JourneyMap, new: JourneyMap, changes: Sequence[Change], *, against: str
) -> DiffView:
    """The marks of `changes` (from `compare_maps(old, ..., new, ...)`) and the map to draw."""
    old_names = {stage.id: stage.name for stage in old.stages}
    found: dict[Key, _Marking] = {}
    items: dict[tuple[str, str], tuple[list[str], list[str]]] = {}

    def marking(key: Key) -> _Marking:
        return found.setdefault(key, _Marking())

    for change in changes:
        kind = (change.element or "map") if change.kind == "extension" else change.kind
        if kind == "stage" and change.field in ITEM_LISTS and change.id is not None:
            added, removed = items.setdefault((change.id, change.field), ([], []))
            if change.change == "added":
                added.append(change.new)
            elif change.change == "removed":
                removed.append(change.old)
        if kind in _DRAWN and change.id is not None and change.field is None:
            entry = marking((kind, change.id))
            if change.change == "moved":
                entry.moved = True
                if change.from_stage is not None:
                    entry.from_stage = old_names.get(change.from_stage, change.from_stage)
                entry.from_position, entry.to_position = change.from_position, change.to_position
            else:
                entry.whole = Mark(change.change)
        elif kind in _DRAWN and change.id is not None:
            marking((kind, change.id)).add_field(change.field or kind)
        elif kind in _CHILD_FIELDS and change.stage is not None:
            marking(("stage", change.stage)).add_field(_CHILD_FIELDS[kind])
        elif kind in _CHILD_FIELDS:  # persona, teams: the map's
            marking(("map", new.id)).add_field(_CHILD_FIELDS[kind])
        else:  # the map's own fields and x- keys
            marking(("map", new.id)).add_field(change.field or kind)
    marks = {key: entry.freeze() for key, entry in found.items()}
    lists = {key: ItemMarks(tuple(a), tuple(r)) for key, (a, r) in items.items()}
    return DiffView(against, _with_removed(old, new, marks, lists), marks, lists)


@dataclass(slots=True)
class _Marking:
    whole: Mark | None = None
    moved: bool = False
    fields: list[str] = field(default_factory=list)
    from_stage: str | None = None
    from_position: int | None = None
    to_position: int | None = None

    def add_field(self, name: str) -> None:
        if name not in self.fields:
            self.fields.append(name)

    def freeze(self) -> ElementMark:
        if self.whole is not None:
            return ElementMark((self.whole,))
        marks = ((Mark.moved,) if self.moved else ()) + ((Mark.changed,) if self.fields else ())
        return ElementMark(
            marks, tuple(self.fields), self.from_stage, self.from_position, self.to_position
        )


T = TypeVar("T")


def _merged(
    old_items: Sequence[T], new_items: Sequence[T], gone: set[str], key: str = "id"
) -> list[T]:
    """`new_items` with the `gone` ones of `old_items` put back after the item that preceded
    them in `old_items` (at the start when none did)."""
    result = list(new_items)
    position = {getattr(item, key): index for index, item in enumerate(result)}
    anchor: str | None = None
    inserted_after: dict[str | None, int] = {}
    for item in old_items:
        item_id = getattr(item, key)
        if item_id not in gone:
            if item_id in position:
                anchor = item_id
            continue
        at = position[anchor] + 1 if anchor is not None else 0
        at += inserted_after.get(anchor, 0)
        inserted_after[anchor] = inserted_after.get(anchor, 0) + 1
        result.insert(at, item)
        position = {getattr(x, key): index for index, x in enumerate(result)}
    return result


def _with_removed(
    old: JourneyMap,
    new: JourneyMap,
    marks: Mapping[Key, ElementMark],
    items: Mapping[tuple[str, str], ItemMarks],
) -> JourneyMap:
    def gone(kind: str) -> set[str]:
        return {i for (k, i), e in marks.items() if k == kind and Mark.removed in e.marks}

    stages_gone, touchpoints_gone = gone("stage"), gone("touchpoint")
    pains_gone, opportunities_gone = gone("pain_point"), gone("opportunity")
    gone_items = any(i.removed for i in items.values())
    if not (stages_gone or touchpoints_gone or pains_gone or opportunities_gone or gone_items):
        return new
    new_ids = {tp.id for s in new.stages for tp in s.touchpoints}
    new_ids |= {pain.id for s in new.stages for pain in s.pain_points}
    new_ids |= {o.id for s in new.stages for o in s.opportunities}
    old_stages = {stage.id: stage for stage in old.stages}
    stages: list[Stage] = []
    for stage in new.stages:
        before = old_stages.get(stage.id)
        if before is None:
            stages.append(stage)
            continue
        stages.append(
            stage.model_copy(
                update={
                    "touchpoints": _merged(before.touchpoints, stage.touchpoints, touchpoints_gone),
                    "pain_points": [
                        *stage.pain_points,
                        *(p for p in before.pain_points if p.id in pains_gone),
                    ],
                    "opportunities": [
                        *stage.opportunities,
                        *(o for o in before.opportunities if o.id in opportunities_gone),
                    ],
                }
                | {
                    name: [*getattr(stage, name), *items[(stage.id, name)].removed]
                    for name in ITEM_LISTS
                    if (stage.id, name) in items
                }
            )
        )
    removed_stages = [
        stage.model_copy(
            update={
                "touchpoints": [t for t in stage.touchpoints if t.id not in new_ids],
                "pain_points": [p for p in stage.pain_points if p.id not in new_ids],
                "opportunities": [o for o in stage.opportunities if o.id not in new_ids],
                "handoffs": [],
            }
        )
        for stage in old.stages
        if stage.id in stages_gone
    ]
    by_id = {stage.id: stage for stage in removed_stages}
    placed = _merged([by_id.get(stage.id, stage) for stage in old.stages], stages, stages_gone)
    return new.model_copy(update={"stages": placed})
