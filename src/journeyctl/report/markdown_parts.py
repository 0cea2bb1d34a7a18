"""Small Markdown builders the report uses: tables and headings from already-escaped cells."""

from __future__ import annotations

from collections.abc import Sequence


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, align: str = "") -> str:
    """A GFM table; `header` and `rows` are escaped cells (`escape_cell`, `code_span(cell=True)`).

    `align` gives one letter per column: `l`, `r` or `c` (default left). An empty cell is
    written as a dash so that a row never ends in `| |`, which some viewers collapse.
    """
    marks = {"l": "---", "r": "--:", "c": ":-:"}
    rule = [marks[align[i]] if i < len(align) else "---" for i in range(len(header))]
    lines = [_row(header), _row(rule)]
    lines += [_row([cell or "–" for cell in row]) for row in rows]
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def heading(level: int, text: str) -> str:
    return f"{'#' * min(level, 6)} {text}\n"


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (plural_form or noun + 's')}"
