"""Output formats for diagnostics: one module per format, imported only when it is chosen.

Start-up time matters, so this package imports nothing heavy (no rich, json or xml): the
formatter's module is loaded by `get_formatter`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import TextIO

    from journeyctl.diagnostics import Report

FORMATS: Final = ("text", "json", "sarif", "github", "junit")


def get_formatter(name: str) -> Callable[[Report], str]:
    """The `format_report` function of format `name`; ValueError for an unknown name."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r} (expected: {', '.join(FORMATS)})")
    module = importlib.import_module(f"{__name__}.{name}")
    return cast("Callable[[Report], str]", module.format_report)


def get_streamer(name: str) -> Callable[[Report], Iterator[str]]:
    """The `iter_report` function of format `name`: the same document as `format_report`, in
    pieces, so that a run with 600,000 findings never holds its whole output in memory."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r} (expected: {', '.join(FORMATS)})")
    module = importlib.import_module(f"{__name__}.{name}")
    return cast("Callable[[Report], Iterator[str]]", module.iter_report)


def write_chunks(stream: TextIO, chunks: Iterable[str], batch: int = 2_000) -> None:
    """Write the pieces of a document, a few thousand per write call."""
    pending: list[str] = []
    for chunk in chunks:
        pending.append(chunk)
        if len(pending) >= batch:
            stream.write("".join(pending))
            pending.clear()
    if pending:
        stream.write("".join(pending))
