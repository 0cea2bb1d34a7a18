"""JSON: one array of objects with exactly the keys of `Diagnostic.as_dict()`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from journeyctl.output._common import sorted_diagnostics, surrogates_as_json_escapes

if TYPE_CHECKING:
    from journeyctl.diagnostics import Report


def format_report(report: Report) -> str:
    """The sorted diagnostics as a JSON array (`[]` when there is none)."""
    document = json.dumps(
        [d.as_dict() for d in sorted_diagnostics(report)], ensure_ascii=False, indent=2
    )
    return surrogates_as_json_escapes(document) + "\n"
