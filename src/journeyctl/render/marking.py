"""The diff marks as the diagram shows them: badge words, frames and legend entries.

Every mark is carried twice, so that it reads without colour (the print theme, a greyscale
printout, a colour-blind reader): a glyph and a word in a badge at the top of the element
(`+ added`, `− removed`, `~ changed: name`, `↔ moved from Adopt`), and a frame (thick for
added, changed and moved elements, dashed and faded for removed ones). The colours come from
the theme's `DiffInk`.
"""

from __future__ import annotations

from typing import Final

from journeyctl.render.compare import ElementMark, Mark
from journeyctl.render.themes import DiffInk

GLYPH: Final = {Mark.added: "+", Mark.removed: "−", Mark.changed: "~", Mark.moved: "↔"}
ORDER: Final = (Mark.added, Mark.removed, Mark.moved, Mark.changed)
MAX_FIELDS = 3
"""Changed fields named in a badge; more are counted (`name, moment, owner +2`)."""

LEGEND: Final = {
    Mark.added: "added",
    Mark.removed: "removed: faded, dashed frame, where it was",
    Mark.moved: "moved: from where it was",
    Mark.changed: "changed: thick frame, what changed named",
}


def color(mark: Mark, ink: DiffInk) -> str:
    return {
        Mark.added: ink.added,
        Mark.removed: ink.removed,
        Mark.changed: ink.changed,
        Mark.moved: ink.moved,
    }[mark]


def main_mark(element: ElementMark) -> Mark:
    """The mark that colours the frame: changed wins over moved."""
    return Mark.changed if element.has(Mark.changed) else element.marks[0]


def badge(element: ElementMark) -> str:
    """The badge's words (plain text, to be escaped): `↔ moved from Adopt · ~ changed: name`."""
    parts: list[str] = []
    for mark in ORDER:
        if not element.has(mark):
            continue
        words = f"{GLYPH[mark]} {mark.value}"
        if mark is Mark.moved:
            if element.from_stage is not None:
                words += f" from {element.from_stage}"
            elif element.from_position is not None:
                words += f" (was {_ordinal(element.from_position)})"
        if mark is Mark.changed and element.fields:
            shown = list(element.fields[:MAX_FIELDS])
            more = len(element.fields) - len(shown)
            words += ": " + ", ".join(shown) + (f" +{more}" if more else "")
        parts.append(words)
    return " · ".join(parts)


def frame(element: ElementMark, ink: DiffInk, style: str) -> dict[str, str]:
    """Node attributes for the element's frame; `style` is the node's own style, kept (a
    dashed indirect touchpoint stays dashed)."""
    mark = main_mark(element)
    if mark is Mark.removed:
        styles = style.split(",")
        if "dashed" not in styles:
            styles.append("dashed")
        return {"style": ",".join(styles), "penwidth": "1.5", "color": ink.faded_border}
    width = "2.5" if mark is Mark.moved else "3.5"
    return {"color": color(mark, ink), "penwidth": width}


def css_class(element: ElementMark) -> str:
    """SVG classes for the element's node (`diff-moved diff-changed`), for scripts and CSS."""
    return " ".join(f"diff-{mark.value}" for mark in ORDER if element.has(mark))


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
