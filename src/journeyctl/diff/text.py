"""The diff for a terminal: grouped by stage, one line per change, marked + - ~ ->.

Colour is the caller's decision (`color=`); map text is always passed through `visible()`, so
that no escape sequence in a map reaches the terminal, and through rich `Text` objects rather
than markup, so that `[bold]` in a map stays literal.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeyctl.diff.changes import MapDiff
from journeyctl.diff.describe import MARKS, Piece, counts, describe, groups, heading
from journeyctl.output._common import visible
from journeyctl.output.text import format_line

Segment = tuple[str, str]
"""(text, rich style); the style is ignored without colour."""
Line = list[Segment]

_MARK_STYLES = {"+": "green", "-": "red", "~": "yellow", "->": "cyan"}


def format_text(diffs: Sequence[MapDiff], *, color: bool = False) -> str:
    """Every diff, one after the other, separated by a blank line."""
    lines: list[Line] = []
    for index, diff in enumerate(diffs):
        if index:
            lines.append([])
        lines.extend(_diff_lines(diff))
    if not diffs:
        lines.append([("no journey maps changed", "")])
    if not color:
        return "".join("".join(text for text, _ in line) + "\n" for line in lines)
    return _coloured(lines)


def _pieces(pieces: Sequence[Piece], style: str = "") -> Line:
    return [(visible(p.text) if p.from_map else p.text, style) for p in pieces]


def _diff_lines(diff: MapDiff) -> list[Line]:
    lines: list[Line] = [_pieces(heading(diff), "bold")]
    if diff.title:
        lines.append([(visible(diff.title), "")])
    lines.append([(counts(diff), "dim")])
    if diff.signals:
        lines.append([("signals:", "bold red")])
        for name, where in diff.signals.items():
            lines.append([(f"  {name}: ", "bold red"), (visible(", ".join(where)), "")])
    else:
        lines.append([("signals: none", "dim")])
    for group in groups(diff):
        lines.append(_pieces(group.title, "bold"))
        for change in group.changes:
            mark = MARKS[change.change]
            lines.append([(f"  {mark} ", _MARK_STYLES[mark]), *_pieces(describe(change))])
    for title, found, mark in (
        ("lint introduced:", diff.lint.introduced, "+"),
        ("lint resolved:", diff.lint.resolved, "-"),
    ):
        if found:
            lines.append([(title, "bold")])
            lines.extend([(f"  {mark} ", _MARK_STYLES[mark]), (format_line(d), "")] for d in found)
    return lines


def _coloured(lines: list[Line]) -> str:
    # rich costs tens of milliseconds to import: only coloured output pays for it.
    import io

    from rich.console import Console
    from rich.text import Text

    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        for segment, style in line:
            text.append(segment, style=style or None)
    buffer = io.StringIO()
    # Every setting explicit, so that neither the environment nor the real stdout changes the
    # result: the caller has already decided on colour.
    console = Console(
        file=buffer,
        force_terminal=True,
        force_jupyter=False,
        force_interactive=False,
        color_system="standard",
        no_color=False,
        width=max(80, max(len(line) for line in text.plain.split("\n")) + 1),
        soft_wrap=True,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    console.print(text, soft_wrap=True)
    return buffer.getvalue()
