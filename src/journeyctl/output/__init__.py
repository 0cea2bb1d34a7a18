"""Output formats for diagnostics: one module per format, imported only when it is chosen.

Start-up time matters, so this package imports nothing heavy (no rich, json or xml): the
formatter's module is loaded by `get_formatter`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    from collections.abc import Callable

    from journeyctl.diagnostics import Report

FORMATS: Final = ("text", "json", "sarif", "github", "junit")


def get_formatter(name: str) -> Callable[[Report], str]:
    """The `format_report` function of format `name`; ValueError for an unknown name."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r} (expected: {', '.join(FORMATS)})")
    module = importlib.import_module(f"{__name__}.{name}")
    return cast("Callable[[Report], str]", module.format_report)
