"""The diff as JSON for scripts: one object per map pair (an array of them for `--base`)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from journeyctl.diff.changes import MapDiff
from journeyctl.output._common import surrogates_as_json_escapes


def format_json(diffs: Sequence[MapDiff], *, many: bool) -> str:
    """`{"old", "new", "changes", "signals", "lint"}`, or an array of such objects when `many`
    (always for `--base`, so that a script reads one shape whatever the number of maps)."""
    data: object = [d.as_dict() for d in diffs] if many else diffs[0].as_dict()
    return surrogates_as_json_escapes(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
