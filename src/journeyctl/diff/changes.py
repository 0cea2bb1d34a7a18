"""What a diff is made of: change records, the lint delta, and one map pair's result.

These are plain data with a JSON shape (`as_dict`), so that every format (text, Markdown,
JSON) renders the same facts and a script reads exactly what a reviewer reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from journeyctl.diagnostics import Diagnostic

CHANGE_KINDS: Final = ("added", "removed", "changed", "moved")
ELEMENT_KINDS: Final = (
    "map",
    "persona",
    "team",
    "stage",
    "touchpoint",
    "pain_point",
    "opportunity",
    "evidence",
    "handoff",
    "metric",
    "extension",
)


class _Unset:
    """Marks `old`/`new` as absent, since `None` (null) is a value a field can change to."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final = _Unset()


@dataclass(frozen=True, slots=True)
class Change:
    """One change to one element, in the words of the YAML file.

    `field` is the YAML key (`from`, `feedback.metric`, `x-jira`); for a list of strings
    (`goals`) an item added carries `new` and an item removed carries `old`. A move carries
    either `from_stage`/`to_stage` (stage ids) or `from_position`/`to_position` (1-based
    positions in the list it was reordered in).
    """

    change: str
    kind: str
    id: str | None = None
    key: Mapping[str, Any] | None = None
    """Entries without an id: evidence by source and date, handoffs by from and to, metrics
    by name."""
    stage: str | None = None
    name: str | None = None
    """The element's display name, where it has one (for people, not for matching)."""
    element: str | None = None
    """For `extension` changes: the kind of the element that carries the `x-` key."""
    field: str | None = None
    old: Any = UNSET
    new: Any = UNSET
    from_stage: str | None = None
    to_stage: str | None = None
    from_position: int | None = None
    to_position: int | None = None

    @property
    def group(self) -> str | None:
        """The stage this change is listed under; None for the map, persona and teams."""
        if self.stage is not None:
            return self.stage
        if self.kind == "stage" or self.element == "stage":
            return self.id
        return None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: `change`, `kind`, then only the keys that apply, in a fixed order."""
        data: dict[str, Any] = {"change": self.change, "kind": self.kind}
        for name in ("element", "id", "key", "stage", "name", "field"):
            value = getattr(self, name)
            if value is not None:
                data[name] = dict(value) if name == "key" else value
        if self.old is not UNSET:
            data["old"] = self.old
        if self.new is not UNSET:
            data["new"] = self.new
        for name in ("from_stage", "to_stage", "from_position", "to_position"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data


@dataclass(frozen=True, slots=True)
class LintDelta:
    """Findings matched by fingerprint: a finding whose line moved is neither."""

    introduced: tuple[Diagnostic, ...] = ()
    resolved: tuple[Diagnostic, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "introduced": [d.as_dict() for d in self.introduced],
            "resolved": [d.as_dict() for d in self.resolved],
        }


@dataclass(frozen=True, slots=True)
class MapDiff:
    """The comparison of two versions of one map (or of a current and a future map).

    `old` or `new` is None when the map was added or removed as a whole.
    """

    old: str | None
    new: str | None
    changes: tuple[Change, ...]
    signals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Each raised signal and where it was raised (`stage evaluate`, `touchpoint demo`)."""
    lint: LintDelta = field(default_factory=LintDelta)
    title: str = ""
    """The map's title (the new one, or the old one of a removed map)."""
    states: tuple[str, str] | None = None
    """(old state, new state) when they differ: a current map against a future one."""
    stage_names: Mapping[str, str] = field(default_factory=dict)
    """Stage id to display name, new names first, for headings."""

    @property
    def raised(self) -> list[str]:
        return sorted(self.signals)

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "changes": [change.as_dict() for change in self.changes],
            "signals": self.raised,
            "lint": self.lint.as_dict(),
        }
