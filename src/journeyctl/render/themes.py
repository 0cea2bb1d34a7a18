"""Palettes of the three themes, as data: the graph builder reads colours only from here.

Colour is never the only carrier of meaning: every mark that a colour distinguishes also has a
glyph, a border style or a word (see `layout.py`), so the print theme can be plain greys.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.render.choices import ThemeName


@dataclass(frozen=True, slots=True)
class DiffInk:
    """How `render --diff-against` marks elements. Colour is the second carrier: every mark
    also has a glyph and a word in a badge (+ new, − removed, ~ changed, ↔ moved), removed
    elements a dashed frame and faded text, changed ones a thick frame."""

    added: str
    removed: str
    changed: str
    moved: str
    faded_text: str
    """Every text colour of a removed element."""
    faded_fill: str
    """The fill of a removed element's box."""
    faded_border: str


DIFF_LIGHT = DiffInk(
    added="#1a7f37",
    removed="#6e7781",
    changed="#bf5700",
    moved="#6639ba",
    faded_text="#a4abb3",
    faded_fill="#fbfbfc",
    faded_border="#b8bec5",
)
DIFF_DARK = DiffInk(
    added="#3fb950",
    removed="#8b949e",
    changed="#f0883e",
    moved="#bc8cff",
    faded_text="#5c636d",
    faded_fill="#1b1e24",
    faded_border="#4a515b",
)
DIFF_PRINT = DiffInk(
    added="#000000",
    removed="#606060",
    changed="#000000",
    moved="#000000",
    faded_text="#8c8c8c",
    faded_fill="#ffffff",
    faded_border="#8c8c8c",
)


@dataclass(frozen=True, slots=True)
class Palette:
    background: str
    text: str
    muted: str
    """Secondary text: channels, team names, phase labels."""
    border: str
    cell: str
    """Fill of ordinary lane cells."""
    header: str
    """Fill of the stage headers and the lane names."""
    laer: str
    """Text colour of the supplier's view (LAER)."""
    pimo: str
    """Text colour of the customer's view (PIMO)."""
    positive: str
    neutral: str
    negative: str
    no_moment: str
    critical: str
    """Border of a critical touchpoint (a moment of truth)."""
    unvalidated: str
    """Border and warning text of a stage without customer evidence."""
    handoff: str
    undeclared: str
    root_cause: str
    curve: str
    emotion: tuple[str, str, str, str, str]
    """Fill of an emotion point at -2, -1, 0, 1, 2."""
    severity: tuple[str, str, str]
    """Pain point severity low, medium, high."""
    status: tuple[str, str, str, str]
    """Opportunity status idea, planned, in-progress, done."""
    milestone: str
    diff: DiffInk
    """The marks of `render --diff-against`."""


LIGHT = Palette(
    background="#ffffff",
    text="#1f2328",
    muted="#57606a",
    border="#8c959f",
    cell="#f6f8fa",
    header="#e7ecf3",
    laer="#0b5cad",
    pimo="#8a4b00",
    positive="#d3f0d9",
    neutral="#eceff1",
    negative="#f9d3d0",
    no_moment="#ffffff",
    critical="#1f2328",
    unvalidated="#b3261e",
    handoff="#0b5cad",
    undeclared="#b3261e",
    root_cause="#8e24aa",
    curve="#1f2328",
    emotion=("#c62828", "#ef8a80", "#b0bec5", "#81c784", "#2e7d32"),
    severity=("#9e9d24", "#e65100", "#b3261e"),
    status=("#8c959f", "#0b5cad", "#e65100", "#2e7d32"),
    milestone="#0b5cad",
    diff=DIFF_LIGHT,
)

DARK = Palette(
    background="#16181d",
    text="#e6e8eb",
    muted="#a4acb6",
    border="#5c6470",
    cell="#22262e",
    header="#2c323c",
    laer="#7fb5ff",
    pimo="#ffb86b",
    positive="#1f4a2d",
    neutral="#353b45",
    negative="#5c2424",
    no_moment="#22262e",
    critical="#f5f5f5",
    unvalidated="#ff7b72",
    handoff="#7fb5ff",
    undeclared="#ff7b72",
    root_cause="#d2a8ff",
    curve="#e6e8eb",
    emotion=("#ff5c5c", "#ff9e94", "#8b949e", "#7ee787", "#3fb950"),
    severity=("#d4c95a", "#ffa657", "#ff7b72"),
    status=("#8b949e", "#7fb5ff", "#ffa657", "#7ee787"),
    milestone="#7fb5ff",
    diff=DIFF_DARK,
)

PRINT = Palette(
    background="#ffffff",
    text="#000000",
    muted="#404040",
    border="#000000",
    cell="#ffffff",
    header="#e8e8e8",
    laer="#000000",
    pimo="#000000",
    positive="#ffffff",
    neutral="#e0e0e0",
    negative="#a8a8a8",
    no_moment="#ffffff",
    critical="#000000",
    unvalidated="#000000",
    handoff="#000000",
    undeclared="#000000",
    root_cause="#404040",
    curve="#000000",
    emotion=("#000000", "#606060", "#a0a0a0", "#d0d0d0", "#ffffff"),
    severity=("#000000", "#000000", "#000000"),
    status=("#000000", "#000000", "#000000", "#000000"),
    milestone="#000000",
    diff=DIFF_PRINT,
)

THEMES: dict[ThemeName, Palette] = {
    ThemeName.light: LIGHT,
    ThemeName.dark: DARK,
    ThemeName.print: PRINT,
}


def faded(palette: Palette) -> Palette:
    """The palette a removed element is drawn with: every ink the faded text colour, every
    fill the faded fill, so that nothing of it competes with what the map has now."""
    ink = palette.diff
    text, fill = ink.faded_text, ink.faded_fill
    return Palette(
        background=palette.background,
        text=text,
        muted=text,
        border=ink.faded_border,
        cell=fill,
        header=fill,
        laer=text,
        pimo=text,
        positive=fill,
        neutral=fill,
        negative=fill,
        no_moment=fill,
        critical=ink.faded_border,
        unvalidated=text,
        handoff=text,
        undeclared=text,
        root_cause=text,
        curve=text,
        emotion=(fill, fill, fill, fill, fill),
        severity=(text, text, text),
        status=(text, text, text, text),
        milestone=text,
        diff=ink,
    )
