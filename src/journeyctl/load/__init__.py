"""Safe, positioned loading of one YAML document, each step bounded.

(1) size limit and strict UTF-8 decode; (2) the C parser's events, (3) folded in one
iterative pass into plain data plus a source map, refusing what is unsafe as it streams by
(depth, tags, merge keys, duplicate keys, alias expansion). Any failure is a LoadError with a
position; nothing here reads files (I/O stays at the edge) or knows the map format.

The YAML parser is imported by `load_text` only: `load.files` (the bounded reader) and
`load.limits` serve the result cache's warm runs, which never parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeyctl.load.decode import decode
from journeyctl.load.errors import LoadError
from journeyctl.load.limits import DEFAULT_LIMITS, Limits
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
    from journeyctl.load.events import build

    built = build(text, limits)
    return LoadedDocument(text, built.data, built.source_map, built.hash_scalars)
