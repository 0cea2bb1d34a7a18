"""The pure diff of two valid maps: elements matched by identity, never by position.

Stages, touchpoints, pain points, opportunities and teams are matched by `id`, anywhere in
the map: a touchpoint whose id now sits in another stage is one `moved` change, and a
reordering within a list of stages or of a stage's touchpoints is reported only for the
elements whose relative order changed (see `order.moved`). Entries without an id are matched
by their natural key within their stage: evidence by (source, date), handoffs by (from, to),
metrics by name; when a key repeats within one stage, equal keys are matched in file order
(the first old one with the first new one, and so on), and the rest are added or removed.
Lists of strings (goals, actions, thoughts, milestones, desired outcomes, addresses) are
compared as sets of items: reordering them is no change. `x-` keys, which the models drop,
are read from the loaded data at the same place and compared as values (kind `extension`).

Values are compared by the model, not by the text: a reindented file, reordered keys, added
comments or an explicitly written default (`direct: true`) change nothing.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from journeyctl.diff.changes import UNSET, Change
from journeyctl.diff.order import moved
from journeyctl.model import JourneyMap, Stage

_CHILDREN = frozenset(
    {
        "persona",
        "teams",
        "stages",
        "touchpoints",
        "handoffs",
        "pain_points",
        "opportunities",
        "evidence",
        "metrics",
    }
)
"""Fields holding elements of their own: compared element by element, not as values."""
_STRING_LISTS = frozenset(
    {"goals", "actions", "thoughts", "milestones", "desired_outcomes", "addresses"}
)

Data = Mapping[str, Any]
_EMPTY: Data = {}


def jsonable(value: Any) -> Any:
    """A model or YAML value as JSON data: enums by value, dates as ISO text, keys as text.

    Non-finite floats (`.nan`, `.inf` in an `x-` value) become text, which JSON can carry.
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, BaseModel):
        return _scalars(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types: `true` is not `1`, `1` is not `1.0`, a date is not text."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@dataclass(frozen=True, slots=True)
class _Fields:
    """A model's fields by what the diff does with them: (attribute, YAML key) pairs."""

    values: tuple[tuple[str, str], ...]
    """Compared as values (a nested element such as `feedback` as a dict of values)."""
    string_lists: tuple[tuple[str, str], ...]
    """Compared as sets of items."""
    nested: tuple[str, ...]
    """YAML keys of single nested elements (`feedback`), whose `x-` keys count too."""


_FIELDS: dict[type[BaseModel], _Fields] = {}
_NESTED = frozenset({"feedback"})


def _fields(model: type[BaseModel]) -> _Fields:
    """The field categories of a model, cached per class."""
    found = _FIELDS.get(model)
    if found is None:
        pairs = [(name, info.alias or name) for name, info in model.model_fields.items()]
        found = _Fields(
            tuple((n, k) for n, k in pairs if k not in _CHILDREN and k not in _STRING_LISTS),
            tuple((n, k) for n, k in pairs if k in _STRING_LISTS),
            tuple(k for _, k in pairs if k in _NESTED),
        )
        _FIELDS[model] = found
    return found


def _scalars(element: BaseModel) -> dict[str, Any]:
    """The element's own values by YAML key, without child elements and string lists."""
    return {key: jsonable(getattr(element, name)) for name, key in _fields(type(element)).values}


@dataclass(frozen=True, slots=True)
class _Where:
    """The identity every change of one element carries."""

    kind: str
    id: str | None = None
    key: Mapping[str, Any] | None = None
    stage: str | None = None
    name: str | None = None

    def make(self, change: str, **values: Any) -> Change:
        return Change(
            change, self.kind, id=self.id, key=self.key, stage=self.stage, name=self.name, **values
        )


# The loaded data is plain dicts and lists: `type(...) is dict` is much cheaper than an
# isinstance check against the Mapping ABC, and this runs for every element of a large map.


def _items(data: Any, key: str) -> list[Any]:
    found = data.get(key) if type(data) is dict else None
    return found if type(found) is list else []


def _child(data: Any, key: str, index: int | None = None) -> Data:
    found = data.get(key) if type(data) is dict else None
    if index is not None:
        found = found[index] if type(found) is list and index < len(found) else None
    return found if type(found) is dict else _EMPTY


def element_changes(
    where: _Where, old: BaseModel, new: BaseModel, old_data: Data, new_data: Data
) -> list[Change]:
    """Changed values, items added to or removed from string lists, and `x-` keys."""
    fields = _fields(type(old))
    if old == new:  # the common case, compared in C: only `x-` keys can differ
        found = extension_changes(where, old_data, new_data)
        for key in fields.nested:
            found += extension_changes(where, _child(old_data, key), _child(new_data, key), key)
        return found
    found = []
    old_values, new_values = _scalars(old), _scalars(new)
    for key, before in old_values.items():
        after = new_values[key]
        if same(before, after):
            continue
        if isinstance(before, dict) and isinstance(after, dict):  # feedback: field by field
            for sub in [*before, *(k for k in after if k not in before)]:
                b, a = before.get(sub), after.get(sub)
                if not same(b, a):
                    found.append(where.make("changed", field=f"{key}.{sub}", old=b, new=a))
        else:
            found.append(where.make("changed", field=key, old=before, new=after))
    for name, key in fields.string_lists:
        before_items, after_items = getattr(old, name), getattr(new, name)
        if before_items != after_items:
            found.extend(_string_items(where, key, before_items, after_items))
    found.extend(extension_changes(where, old_data, new_data))
    for key in fields.nested:
        found.extend(extension_changes(where, _child(old_data, key), _child(new_data, key), key))
    return found


def _string_items(
    where: _Where, key: str, old: Sequence[str], new: Sequence[str]
) -> Iterable[Change]:
    """Items removed, then items added, each in file order (a repeated item counts twice)."""
    before, after = Counter(old), Counter(new)
    gone, came = before - after, after - before
    for item in old:
        if gone[item] > 0:
            gone[item] -= 1
            yield where.make("removed", field=key, old=item)
    for item in new:
        if came[item] > 0:
            came[item] -= 1
            yield where.make("added", field=key, new=item)


def extension_changes(where: _Where, old: Data, new: Data, prefix: str = "") -> list[Change]:
    """`x-` keys of one mapping added, removed or changed, in file order."""
    found: list[Change] = []
    dotted = f"{prefix}." if prefix else ""
    keys = [k for k in old if type(k) is str and k.startswith("x-")]
    keys += [k for k in new if type(k) is str and k.startswith("x-") and k not in old]
    if not keys:
        return []
    for key in keys:
        before = jsonable(old[key]) if key in old else UNSET
        after = jsonable(new[key]) if key in new else UNSET
        if before is not UNSET and after is not UNSET and same(before, after):
            continue
        change = "added" if before is UNSET else "removed" if after is UNSET else "changed"
        found.append(
            Change(
                change,
                "extension",
                element=where.kind,
                id=where.id,
                key=where.key,
                stage=where.stage,
                name=where.name,
                field=f"{dotted}{key}",
                old=before,
                new=after,
            )
        )
    return found


# ------------------------------------------------------------------------------------------
# The map


def compare_maps(old: JourneyMap, old_data: Data, new: JourneyMap, new_data: Data) -> list[Change]:
    """Every change from `old` to `new`: map, persona, teams, then stage by stage.

    Stages come in the new map's order, each followed by its elements' changes (touchpoints,
    pain points, opportunities, evidence, handoffs, metrics); stages removed come last, in
    their old order.
    """
    changes = element_changes(_Where("map", new.id), old, new, old_data, new_data)
    changes.extend(_persona(old, old_data, new, new_data))
    changes.extend(_teams(old, old_data, new, new_data))
    changes.extend(_Stages(old, old_data, new, new_data).changes())
    return changes


def _persona(old: JourneyMap, old_data: Data, new: JourneyMap, new_data: Data) -> list[Change]:
    before, after = old.persona, new.persona
    if before is None and after is None:
        return []
    if before is None and after is not None:
        return [Change("added", "persona", name=after.name)]
    if after is None and before is not None:
        return [Change("removed", "persona", name=before.name)]
    assert before is not None and after is not None
    where = _Where("persona", name=after.name)
    return element_changes(
        where, before, after, _child(old_data, "persona"), _child(new_data, "persona")
    )


def _teams(old: JourneyMap, old_data: Data, new: JourneyMap, new_data: Data) -> list[Change]:
    found: list[Change] = []
    old_teams = {team.id: (index, team) for index, team in enumerate(old.teams)}
    new_ids = {team.id for team in new.teams}
    for index, team in enumerate(new.teams):
        where = _Where("team", team.id, name=team.name)
        if team.id not in old_teams:
            found.append(where.make("added"))
            continue
        old_index, before = old_teams[team.id]
        found.extend(
            element_changes(
                where,
                before,
                team,
                _child(old_data, "teams", old_index),
                _child(new_data, "teams", index),
            )
        )
    found.extend(
        Change("removed", "team", id=team.id, name=team.name)
        for team in old.teams
        if team.id not in new_ids
    )
    return found


@dataclass(frozen=True, slots=True)
class _Placed:
    """An element with an id, where it stands: its stage, its index there, its data."""

    stage: str
    index: int
    element: Any
    data: Data


_WITH_ID: tuple[tuple[str, str], ...] = (
    ("touchpoints", "touchpoint"),
    ("pain_points", "pain_point"),
    ("opportunities", "opportunity"),
)
_KEYED: tuple[tuple[str, str, Callable[[Any], dict[str, Any]]], ...] = (
    ("evidence", "evidence", lambda e: {"source": e.source.value, "date": e.date.isoformat()}),
    ("handoffs", "handoff", lambda h: {"from": h.from_, "to": h.to}),
    ("metrics", "metric", lambda m: {"name": m.name}),
)


class _Stages:
    """Stages and everything in them, matched by id across the whole map."""

    def __init__(self, old: JourneyMap, old_data: Data, new: JourneyMap, new_data: Data) -> None:
        self.old, self.new = old, new
        self.old_stage_data = _items(old_data, "stages")
        self.new_stage_data = _items(new_data, "stages")
        self.old_stages = {stage.id: index for index, stage in enumerate(old.stages)}
        self.new_stages = {stage.id: index for index, stage in enumerate(new.stages)}
        self.old_placed = {
            field: self._place(old.stages, self.old_stage_data, field) for field, _ in _WITH_ID
        }
        self.new_placed = {
            field: self._place(new.stages, self.new_stage_data, field) for field, _ in _WITH_ID
        }

    @staticmethod
    def _place(stages: Sequence[Stage], data: list[Any], field: str) -> dict[str, _Placed]:
        placed: dict[str, _Placed] = {}
        for stage_index, stage in enumerate(stages):
            stage_data = data[stage_index] if stage_index < len(data) else _EMPTY
            for index, element in enumerate(getattr(stage, field)):
                placed[element.id] = _Placed(
                    stage.id, index, element, _child(stage_data, field, index)
                )
        return placed

    def _stage_data(self, side: str, index: int) -> Data:
        data = self.old_stage_data if side == "old" else self.new_stage_data
        found = data[index] if index < len(data) else None
        return found if type(found) is dict else _EMPTY

    def changes(self) -> list[Change]:
        found: list[Change] = []
        reordered = moved(
            [s.id for s in self.old.stages if s.id in self.new_stages],
            [s.id for s in self.new.stages if s.id in self.old_stages],
        )
        for index, stage in enumerate(self.new.stages):
            where = _Where("stage", stage.id, name=stage.name)
            if stage.id not in self.old_stages:
                found.append(where.make("added"))
                found.extend(self._contents(stage, index, None))
                continue
            old_index = self.old_stages[stage.id]
            if stage.id in reordered:
                found.append(
                    where.make("moved", from_position=old_index + 1, to_position=index + 1)
                )
            found.extend(
                element_changes(
                    where,
                    self.old.stages[old_index],
                    stage,
                    self._stage_data("old", old_index),
                    self._stage_data("new", index),
                )
            )
            found.extend(self._contents(stage, index, old_index))
        for stage in self.old.stages:
            if stage.id not in self.new_stages:
                found.append(Change("removed", "stage", id=stage.id, name=stage.name))
        return found

    def _contents(self, stage: Stage, index: int, old_index: int | None) -> list[Change]:
        """The changes of one stage's elements. An element of a stage added or removed as a
        whole is part of that change, unless it came from, or went to, another stage."""
        found: list[Change] = []
        old_stage = self.old.stages[old_index] if old_index is not None else None
        for field, kind in _WITH_ID:
            old_placed, new_placed = self.old_placed[field], self.new_placed[field]
            elements = getattr(stage, field)
            if field == "touchpoints" and old_stage is not None:
                stayed = {e.id for e in elements if _stage_of(old_placed, e.id) == stage.id}
                shuffled = moved(
                    [e.id for e in old_stage.touchpoints if e.id in stayed],
                    [e.id for e in elements if e.id in stayed],
                )
            else:
                shuffled = set()
            for element in elements:
                where = _Where(
                    kind, element.id, stage=stage.id, name=getattr(element, "name", None)
                )
                before = old_placed.get(element.id)
                if before is None:
                    if old_stage is not None:
                        found.append(where.make("added"))
                    continue
                after = new_placed[element.id]
                if before.stage != stage.id:
                    found.append(where.make("moved", from_stage=before.stage, to_stage=stage.id))
                elif element.id in shuffled:
                    found.append(
                        where.make(
                            "moved", from_position=before.index + 1, to_position=after.index + 1
                        )
                    )
                found.extend(
                    element_changes(where, before.element, element, before.data, after.data)
                )
            if old_stage is not None:
                found.extend(
                    Change(
                        "removed",
                        kind,
                        id=element.id,
                        stage=stage.id,
                        name=getattr(element, "name", None),
                    )
                    for element in getattr(old_stage, field)
                    if element.id not in new_placed
                )
        if old_stage is not None and old_index is not None:
            found.extend(self._keyed(old_stage, stage, old_index, index))
        return found

    def _keyed(self, old_stage: Stage, stage: Stage, old_index: int, index: int) -> list[Change]:
        found: list[Change] = []
        old_data, new_data = self._stage_data("old", old_index), self._stage_data("new", index)
        for field, kind, key_of in _KEYED:
            before, after = getattr(old_stage, field), getattr(stage, field)
            pairs, removed, added = match_keyed(
                [_freeze(key_of(e)) for e in before], [_freeze(key_of(e)) for e in after]
            )
            for old_i, new_i in pairs:
                element = after[new_i]
                where = _Where(kind, key=key_of(element), stage=stage.id)
                found.extend(
                    element_changes(
                        where,
                        before[old_i],
                        element,
                        _child(old_data, field, old_i),
                        _child(new_data, field, new_i),
                    )
                )
            found.extend(Change("added", kind, key=key_of(after[i]), stage=stage.id) for i in added)
            found.extend(
                Change("removed", kind, key=key_of(before[i]), stage=stage.id) for i in removed
            )
        return found


def _stage_of(placed: Mapping[str, _Placed], element_id: str) -> str | None:
    found = placed.get(element_id)
    return found.stage if found is not None else None


def _freeze(key: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(key.values())


def match_keyed(
    old_keys: Sequence[Any], new_keys: Sequence[Any]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair entries with equal keys, equal keys in file order.

    Returns (pairs of old and new indexes, old indexes removed, new indexes added).
    """
    waiting: dict[Any, deque[int]] = defaultdict(deque)
    for index, key in enumerate(old_keys):
        waiting[key].append(index)
    pairs: list[tuple[int, int]] = []
    added: list[int] = []
    for index, key in enumerate(new_keys):
        queue = waiting.get(key)
        if queue:
            pairs.append((queue.popleft(), index))
        else:
            added.append(index)
    paired = {old for old, _ in pairs}
    removed = [index for index in range(len(old_keys)) if index not in paired]
    return pairs, removed, added
