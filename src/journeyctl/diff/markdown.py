"""The diff as a pull-request comment (GitHub-flavoured Markdown).

A summary line, a table of the signals, then each map's changes grouped by stage (folded in a
`<details>` block when there are many), and the lint findings introduced and resolved. Every
piece of map text goes through `journeyctl.markdown`'s escaping, so a map cannot mention
people, reference issues, link, or inject HTML into the comment; everything else is our own
fixed text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from journeyctl.diagnostics import Diagnostic
from journeyctl.diff.changes import MapDiff
from journeyctl.diff.describe import MARKS, Piece, describe, groups, heading
from journeyctl.diff.signals import SIGNALS
from journeyctl.markdown import escape_cell, escape_text

FOLD_AFTER: Final = 15
"""A map with more changes than this has them in a collapsed `<details>` block."""
_WHERE_SHOWN: Final = 5


def format_markdown(diffs: Sequence[MapDiff]) -> str:
    out: list[str] = ["### Journey map changes", "", _summary(diffs), ""]
    out += _signal_table(diffs, several=len(diffs) > 1)
    for diff in diffs:
        out += ["", *_map_section(diff)]
    return "\n".join(out) + "\n"


def _md(pieces: Sequence[Piece]) -> str:
    return "".join(escape_text(p.text) if p.from_map else p.text for p in pieces)


def _summary(diffs: Sequence[MapDiff]) -> str:
    if not diffs:
        return "No journey maps changed."
    changes = sum(len(d.changes) for d in diffs)
    introduced = sum(len(d.lint.introduced) for d in diffs)
    resolved = sum(len(d.lint.resolved) for d in diffs)
    raised = sorted({name for d in diffs for name in d.signals}, key=list(SIGNALS).index)
    maps = f"{len(diffs)} map{'s' if len(diffs) != 1 else ''}"
    signals = ", ".join(f"`{name}`" for name in raised) if raised else "none"
    return (
        f"**{maps}, {changes} change{'s' if changes != 1 else ''}**; "
        f"signals: {signals}; lint: {introduced} introduced, {resolved} resolved."
    )


def _signal_table(diffs: Sequence[MapDiff], *, several: bool) -> list[str]:
    rows = ["| Signal | Raised | Where |", "| --- | --- | --- |"]
    for name in SIGNALS:
        where = [
            (f"{d.new or d.old}: " if several else "") + item
            for d in diffs
            for item in d.signals.get(name, ())
        ]
        shown = ", ".join(where[:_WHERE_SHOWN])
        if len(where) > _WHERE_SHOWN:
            shown += f" and {len(where) - _WHERE_SHOWN} more"
        raised = "**yes**" if where else "no"
        rows.append(f"| `{name}` | {raised} | {escape_cell(shown)} |")
    return rows


def _map_section(diff: MapDiff) -> list[str]:
    out = [f"#### {_md(heading(diff))}", ""]
    if diff.title:
        out += [f"_{escape_text(diff.title)}_", ""]
    body: list[str] = []
    for group in groups(diff):
        body += [f"**{_md(group.title)}**", ""]
        body += [f"- `{MARKS[c.change]}` {_md(describe(c))}" for c in group.changes]
        body.append("")
    if not diff.changes:
        out += ["No changes to the journey.", ""]
    elif len(diff.changes) > FOLD_AFTER:
        summary = f"{len(diff.changes)} changes"
        out += ["<details>", f"<summary>{summary}</summary>", "", *body, "</details>", ""]
    else:
        out += body
    for title, found in (
        ("Lint findings introduced", diff.lint.introduced),
        ("Lint findings resolved", diff.lint.resolved),
    ):
        if found:
            out += [f"**{title}**", ""]
            out += [f"- {_diagnostic(d)}" for d in found]
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return out


def _diagnostic(d: Diagnostic) -> str:
    return (
        f"{escape_text(d.path)}:{d.span.line}: {d.severity.label} `{d.code}` "
        f"{escape_text(d.message)} ({escape_text(d.rule)})"
    )
