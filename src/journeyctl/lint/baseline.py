"""A baseline: the findings a repository already had, so that only new ones are reported.

For adopting journeyctl in a repository with hundreds of maps: `lint --write-baseline FILE`
records every finding by its fingerprint (which survives moved lines and another `--today`),
and `--baseline FILE` (or the `baseline` configuration key) reports only findings that are not
in it. An entry that no longer matches a finding of a checked file is "fixed": the run says
so, and writing the baseline again drops it, so the file only shrinks.

Paths in the file are relative to the baseline's own folder, so the same file works from any
current folder. Validation errors (JM001-JM003) are never recorded: a broken map is not a
finding to live with. Pure functions over data; reading and writing the file is the caller's.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from journeyctl.diagnostics import VALIDATION_CODES, Diagnostic

FORMAT_KEY = "journeyctl-baseline"
FORMAT_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that is not one (the message says why)."""


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    path: str
    """Relative to the baseline file's folder, with `/`."""
    code: str
    fingerprint: str
    message: str
    """For the person reading the file or a "fixed" line; never used to match."""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.code, self.fingerprint)


Relative = Callable[[str], str]
"""A diagnostic's path as the baseline writes it."""


def entries_for(diagnostics: Iterable[Diagnostic], relative: Relative) -> list[Entry]:
    """The entries that record `diagnostics` (validation errors left out), sorted."""
    return sorted(
        Entry(relative(d.path), d.code, d.fingerprint, d.message)
        for d in diagnostics
        if d.code not in VALIDATION_CODES
    )


def baseline_text(entries: Sequence[Entry]) -> str:
    document = {
        FORMAT_KEY: FORMAT_VERSION,
        "findings": [
            {"path": e.path, "code": e.code, "fingerprint": e.fingerprint, "message": e.message}
            for e in sorted(entries)
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def parse_baseline(text: str) -> list[Entry]:
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise BaselineError(f"not a JSON document ({exc.args[0]})") from None
    if not isinstance(document, dict) or document.get(FORMAT_KEY) != FORMAT_VERSION:
        raise BaselineError(
            f"not a journeyctl baseline (written by `journeyctl lint --write-baseline FILE`, "
            f'it starts with {{"{FORMAT_KEY}": {FORMAT_VERSION}'
        )
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise BaselineError("`findings` must be a list")
    entries = []
    for index, item in enumerate(findings):
        fields = ("path", "code", "fingerprint", "message")
        if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in fields):
            raise BaselineError(f"finding {index + 1} needs path, code, fingerprint and message")
        entries.append(Entry(*(item[f] for f in fields)))
    return entries


def split(
    diagnostics: Sequence[Diagnostic],
    entries: Sequence[Entry],
    relative: Relative,
    checked: Iterable[str],
) -> tuple[list[Diagnostic], list[Entry]]:
    """The diagnostics the baseline does not hold, and its entries that no finding of a
    checked file (`checked`: diagnostic paths) matches any more: the fixed ones."""
    remaining = Counter(e.key for e in entries)
    new = []
    for d in diagnostics:
        key = (relative(d.path), d.code, d.fingerprint)
        if d.code not in VALIDATION_CODES and remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(d)
    checked_paths = {relative(path) for path in checked}
    fixed = []
    for entry in sorted(entries):
        if entry.path in checked_paths and remaining[entry.key] > 0:
            remaining[entry.key] -= 1
            fixed.append(entry)
    return new, fixed
