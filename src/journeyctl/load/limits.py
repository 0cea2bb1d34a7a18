"""Bounds on the work one input may cause; each is a configuration key under `limits`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_size: int = 10_000_000
    """Bytes; a larger file is rejected before it is decoded."""
    max_depth: int = 64
    """Nesting of flow brackets or block indentation, checked before any parser runs."""
    max_alias_nodes: int = 10_000
    """Nodes that alias expansion may add on top of the document's own nodes."""
    max_nodes: int = 600_000
    """YAML nodes (every key, value, list and mapping) one document may hold; a node nested
    deeper than `DEEP_NODE_LEVELS` counts once more per that many levels (its path is kept)."""
    max_files: int = 100_000
    """Files one run may read; more is a usage error rather than a surprise hour of work."""


DEEP_NODE_LEVELS = 32
"""Nesting levels that make a node count once more against `max_nodes`: the loader keeps
each node's path (8 bytes a level), so a node 1,000 levels deep costs as much memory as
about thirty shallow ones."""

DEFAULT_LIMITS = Limits()
