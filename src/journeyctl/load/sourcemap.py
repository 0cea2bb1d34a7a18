"""Where each element of a loaded document came from.

Positions are keyed by the element's path in the plain data, the same tuple that pydantic
reports as an error's `loc` (`("stages", 2, "touchpoints", 0, "owner")`), so a schema error,
a reference error and a lint finding all find their line the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyctl.diagnostics import FILE_START, Span

PathKey = tuple[str | int, ...]


@dataclass(slots=True)
class SourceMap:
    values: dict[PathKey, Span] = field(default_factory=dict)
    """The span of the node at each path (the whole mapping, sequence or scalar)."""
    keys: dict[PathKey, Span] = field(default_factory=dict)
    """The span of the key whose value lives at each path (mappings' entries only)."""
    first_key: dict[PathKey, PathKey] = field(default_factory=dict)
    """For each mapping, the path of its first entry: where a missing key is reported."""

    def value(self, path: PathKey) -> Span:
        """The value at `path`, or the nearest enclosing node that has a position."""
        return self._nearest(self.values, path)

    def key(self, path: PathKey) -> Span:
        """The key of the entry at `path`; for a list item, the item itself."""
        if path in self.keys:
            return self.keys[path]
        return self.value(path)

    def element(self, path: PathKey) -> Span:
        """Where a finding about the element at `path` points: its `id` key if it has one."""
        for anchor in ("id",):
            if (*path, anchor) in self.keys:
                return self.keys[(*path, anchor)]
        if path in self.first_key:
            return self.keys[self.first_key[path]]
        return self.key(path)

    def _nearest(self, table: dict[PathKey, Span], path: PathKey) -> Span:
        probe = path
        while probe:
            span = table.get(probe)
            if span is not None:
                return span
            probe = probe[:-1]
        return table.get((), FILE_START)
