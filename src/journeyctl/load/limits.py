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
    max_files: int = 100_000
    """Files one run may read; more is a usage error rather than a surprise hour of work."""


DEFAULT_LIMITS = Limits()
