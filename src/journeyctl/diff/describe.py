"""The words of a diff, shared by the text and Markdown formats.

A change is described as a list of pieces, each either our own words or text that came from
the map. The formats escape only (and always) the map's pieces: `visible()` for a terminal,
`escape_text()` for Markdown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from journeyctl.diff.changes import UNSET, Change, MapDiff

MARKS: Final = {"added": "+", "removed": "-", "changed": "~", "moved": "->"}
MAP_GROUP: Final = "map"
PERSONA_GROUP: Final = "persona"
TEAMS_GROUP: Final = "teams"


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    from_map: bool = False
    """Text written in the map (an id, a name, a value): escape it in every format."""


def ours(text: str) -> Piece:
    return Piece(text)


def theirs(text: str) -> Piece:
    return Piece(text, from_map=True)


def value_text(value: Any) -> str:
    """A field's value as JSON: strings quoted, numbers as numbers, `null` for none."""
    if value is UNSET:
        return "(none)"
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def subject(change: Change) -> list[Piece]:
    """`touchpoint demo`, `evidence customer-interview 2026-09-14`, `stage evaluate`."""
    kind = change.element if change.kind == "extension" and change.element else change.kind
    pieces = [ours(kind.replace("_", " "))]
    if change.id is not None and kind != "map":
        pieces += [ours(" "), theirs(change.id)]
    elif change.key is not None and set(change.key) == {"from", "to"}:
        pieces += [ours(" "), theirs(str(change.key["from"])), ours(" -> ")]
        pieces.append(theirs(str(change.key["to"])))
    elif change.key is not None:
        pieces += [ours(" "), theirs(" ".join(str(v) for v in change.key.values()))]
    return pieces


def describe(change: Change) -> list[Piece]:
    """One change as one line of pieces, without its mark."""
    pieces = subject(change)
    if change.field is not None:
        pieces += [ours(" "), theirs(change.field)]
        if change.change == "changed":
            pieces += [
                ours(": "),
                theirs(value_text(change.old)),
                ours(" -> "),
                theirs(value_text(change.new)),
            ]
        elif change.change == "added":
            pieces += [ours(" added: "), theirs(value_text(change.new))]
        else:
            pieces += [ours(" removed: "), theirs(value_text(change.old))]
        return pieces
    if change.name is not None and change.kind not in ("map", "persona"):
        pieces += [ours(" ("), theirs(change.name), ours(")")]
    elif change.name is not None:
        pieces += [ours(" "), theirs(value_text(change.name))]
    if change.change == "moved":
        if change.from_stage is not None:
            pieces += [
                ours(" moved from stage "),
                theirs(change.from_stage),
                ours(" to stage "),
                theirs(change.to_stage or ""),
            ]
        else:
            pieces += [ours(f" moved from position {change.from_position} to {change.to_position}")]
    else:
        pieces.append(ours(f" {change.change}"))
    return pieces


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    """`map`, `persona`, `teams`, or a stage id."""
    title: list[Piece]
    changes: Sequence[Change]


def groups(diff: MapDiff) -> Iterator[Group]:
    """The changes by group, groups in the order their first change comes."""
    by_key: dict[tuple[str, str], list[Change]] = {}
    for change in diff.changes:
        by_key.setdefault(_group_key(change), []).append(change)
    for (kind, key), changes in by_key.items():
        if kind == "stage":
            title = [ours("Stage "), theirs(key)]
            name = diff.stage_names.get(key)
            if name is not None and name != key:
                title += [ours(" ("), theirs(name), ours(")")]
        else:
            title = [ours({"map": "Map", "persona": "Persona", "teams": "Teams"}[kind])]
        yield Group(key if kind == "stage" else kind, title, changes)


def _group_key(change: Change) -> tuple[str, str]:
    stage = change.group
    if stage is not None:
        return ("stage", stage)
    kind = change.element if change.kind == "extension" and change.element else change.kind
    if kind == "persona":
        return (PERSONA_GROUP, "")
    if kind == "team":
        return (TEAMS_GROUP, "")
    return (MAP_GROUP, "")


def heading(diff: MapDiff) -> list[Piece]:
    """`old -> new`, with the map's states when a current map meets a future one."""
    pieces: list[Piece] = []
    if diff.states is not None:
        pieces += [ours(f"{diff.states[0]} -> {diff.states[1]}: ")]
    if diff.old is None:
        pieces += [theirs(diff.new or ""), ours(" (added)")]
    elif diff.new is None:
        pieces += [theirs(diff.old), ours(" (removed)")]
    else:
        pieces += [theirs(diff.old), ours(" -> "), theirs(diff.new)]
    return pieces


def counts(diff: MapDiff) -> str:
    """`7 changes; lint: 2 introduced, 0 resolved`."""
    n = len(diff.changes)
    lint = diff.lint
    return (
        f"{n} change{'s' if n != 1 else ''}; lint: {len(lint.introduced)} introduced, "
        f"{len(lint.resolved)} resolved"
    )
