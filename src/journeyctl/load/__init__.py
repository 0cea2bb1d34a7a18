"""Safe, positioned loading of one YAML document, in the bounded steps of DESIGN.md.

(1) size limit and strict UTF-8 decode, (2) a linear nesting pre-scan, (3) C-accelerated
compose, (4) an iterative walk to plain data plus a source map. Any failure is a LoadError
with a position; nothing here reads files (I/O stays at the edge) or knows the map format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeyctl.load.compose import compose
from journeyctl.load.decode import decode
from journeyctl.load.errors import LoadError
from journeyctl.load.limits import DEFAULT_LIMITS, Limits
from journeyctl.load.nesting import check_nesting
from journeyctl.load.sourcemap import PathKey, SourceMap

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "LoadError",
    "LoadedDocument",
    "PathKey",
    "SourceMap",
    "load_bytes",
    "load_text",
]


@dataclass(slots=True)
class LoadedDocument:
    text: str
    data: Any
    source_map: SourceMap
    hash_scalars: list[tuple[int, int]]


def load_bytes(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadedDocument:
    return load_text(decode(raw, limits.max_file_size), limits)


def load_text(text: str, limits: Limits = DEFAULT_LIMITS) -> LoadedDocument:
    check_nesting(text, limits.max_depth)
    composed = compose(text, limits.max_alias_nodes, limits.max_depth)
    return LoadedDocument(text, composed.data, composed.source_map, composed.hash_scalars)
