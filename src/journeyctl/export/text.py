"""A map as canonical, line-oriented text: what `git diff` shows through a textconv driver.

One line per fact, and every line says where it belongs, because a diff hunk shows only three
lines of context: `stage setup touchpoint setup-ticket channel: web`. Elements with an id are
named by it; those without one by what identifies them (a handoff by `from->to`, a metric by
its name, evidence by source and date), so inserting an element changes only its own lines.
Keys come in the format's order whatever order the file uses, then `x-` keys and (in an
invalid map) unknown keys as written; comments, quoting and flow or block style do not show.
Values are as written: an omitted default stays omitted. Line breaks and control characters
in values are shown as `\\n`-style escapes, so a fact stays on its line; a string that would
read as another type (`"true"`, `"1"`, `""`) is shown quoted.

It reads the loaded data, not the validated model, so it works on any map that is YAML,
valid or not; for text that is not YAML it gives one line saying why.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from journeyctl.load.scalars import resolve_plain
from journeyctl.output._common import visible


@dataclass(frozen=True)
class Child:
    """A list (or single mapping) of elements: how each entry is labelled and named."""

    label: str
    kind: Kind
    naming: tuple[str, ...] = ()
    """The keys whose values name an entry (joined by `joiner`); none for a single mapping."""
    joiner: str = " "


@dataclass(frozen=True)
class Kind:
    """How one kind of element is written: its keys in order, and its child elements."""

    keys: tuple[str, ...]
    children: dict[str, Child] = field(default_factory=dict)


# The format's keys in the models' field order (YAML names). Written out rather than read
# from the models so that a textconv run, once per file version in `git log -p`, does not
# build the pydantic models; a test keeps these equal to the models' fields.
KEYS: dict[str, tuple[str, ...]] = {
    "map": ("journeyctl", "id", "title", "description", "scope", "state", "owner", "updated",
            "persona", "teams", "stages"),
    "persona": ("name", "description", "desired_outcomes"),
    "team": ("id", "name"),
    "stage": ("id", "name", "laer", "pimo", "description", "goals", "actions", "thoughts",
              "emotion", "milestones", "metrics", "touchpoints", "handoffs", "pain_points",
              "opportunities", "evidence"),
    "metric": ("name", "target", "source"),
    "touchpoint": ("id", "name", "channel", "owner", "direct", "moment", "critical", "emotion",
                   "feedback"),
    "feedback": ("method", "metric"),
    "handoff": ("from", "to", "via", "note"),
    "pain_point": ("id", "description", "severity", "touchpoint", "root_cause"),
    "opportunity": ("id", "description", "addresses", "owner", "status"),
    "evidence": ("source", "date", "participants", "summary", "link"),
}  # fmt: skip


def _kinds() -> Kind:
    """The format's element kinds: what `map_text` walks."""
    touchpoint = Kind(KEYS["touchpoint"], {"feedback": Child("feedback", Kind(KEYS["feedback"]))})
    stage = Kind(
        KEYS["stage"],
        {
            "metrics": Child("metric", Kind(KEYS["metric"]), ("name",)),
            "touchpoints": Child("touchpoint", touchpoint, ("id",)),
            "handoffs": Child("handoff", Kind(KEYS["handoff"]), ("from", "to"), "->"),
            "pain_points": Child("pain_point", Kind(KEYS["pain_point"]), ("id",)),
            "opportunities": Child("opportunity", Kind(KEYS["opportunity"]), ("id",)),
            "evidence": Child("evidence", Kind(KEYS["evidence"]), ("source", "date")),
        },
    )
    return Kind(
        KEYS["map"],
        {
            "persona": Child("persona", Kind(KEYS["persona"])),
            "teams": Child("team", Kind(KEYS["team"]), ("id",)),
            "stages": Child("stage", stage, ("id",)),
        },
    )


def file_text(raw: bytes) -> str:
    """The text of a file's bytes, whatever they hold: what the textconv driver prints.

    Only loads the YAML (default limits, no configuration, no validation): an invalid map is
    shown as far as it can be read, and a file that is not YAML gives one line.
    """
    from journeyctl.load import LoadError, load_bytes

    try:
        document = load_bytes(raw)
    except LoadError as exc:
        return unreadable_text(exc.message, exc.span.line)
    return map_text(document.data)


def map_text(data: Any) -> str:
    """The text of loaded map data (`document.data`), ending with a newline."""
    if not isinstance(data, dict):
        return "\n".join(_facts("(not a mapping)", data)) + "\n"
    return "\n".join(_element("", data, _kinds())) + "\n"


def unreadable_text(message: str, line: int) -> str:
    """The one line for a file that is not YAML (git still shows that it changed)."""
    return f"(not readable as YAML, line {line}): {visible(message)}\n"


def _element(
    prefix: str, data: dict[Any, Any], kind: Kind, skip: tuple[str, ...] = ()
) -> Iterator[str]:
    """An element's lines; `skip` names the keys already shown in `prefix`."""
    written = [key for key in kind.keys if key in data and key not in skip]
    extra = [key for key in data if key not in kind.keys]
    for key in written + extra:
        value = data[key]
        child = kind.children.get(key) if isinstance(key, str) else None
        if child is not None and isinstance(value, (dict, list)):
            yield from _children(prefix, child, value, blank=not prefix and key == "stages")
        else:
            yield from _facts(f"{prefix}{_value(key)}", value)


def _children(
    prefix: str, child: Child, value: dict[Any, Any] | list[Any], *, blank: bool
) -> Iterator[str]:
    if isinstance(value, dict):
        if child.naming:  # a mapping where a list belongs: show it as written
            yield from _facts(f"{prefix}{child.label}", value)
        else:
            yield from _element(f"{prefix}{child.label} ", value, child.kind)
        return
    if not value:
        yield f"{prefix}{child.label}: []"
    for index, entry in enumerate(value):
        if blank:
            yield ""
        if not isinstance(entry, dict) or not child.naming:
            yield from _facts(f"{prefix}{child.label} #{index + 1}", entry)
            continue
        parts = [entry.get(key) for key in child.naming]
        if all(part is not None and not isinstance(part, (dict, list)) for part in parts):
            name, skip = child.joiner.join(_value(part) for part in parts), child.naming
        else:
            name, skip = f"#{index + 1}", ()
        yield f"{prefix}{child.label} {name}"
        yield from _element(f"{prefix}{child.label} {name} ", entry, child.kind, skip)


def _facts(key: str, value: Any) -> Iterator[str]:
    """A value's lines: a scalar on one line, a list item per line, a mapping key by key."""
    if isinstance(value, list):
        if not value:
            yield f"{key}: []"
        for item in value:
            if isinstance(item, (dict, list)):
                yield from _facts(f"{key}[]", item)
            else:
                yield f"{key}: {_value(item)}"
    elif isinstance(value, dict):
        if not value:
            yield f"{key}: {{}}"
        for name, item in value.items():
            yield from _facts(f"{key}.{_value(name)}", item)
    else:
        yield f"{key}: {_value(value)}"


def _value(value: Any) -> str:
    """A scalar as one line: text as written (quoted when it would read as another type)."""
    if isinstance(value, str):
        if not value or value != value.strip() or not isinstance(resolve_plain(value), str):
            return visible(json.dumps(value, ensure_ascii=False))
        return visible(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return visible(str(value))
