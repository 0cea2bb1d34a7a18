"""The choices of `journeyctl render` (lanes, slide shapes, formats, themes) as plain enums.

Apart from the options and palettes, so that the command line can offer them at start-up
without building the renderer's data classes.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class ThemeName(StrEnum):
    light = "light"
    dark = "dark"
    print = "print"


class Lane(StrEnum):
    """The rows of the diagram, top to bottom (the stage headers are always drawn)."""

    goals = "goals"
    actions = "actions"
    thoughts = "thoughts"
    touchpoints = "touchpoints"
    emotion = "emotion"
    pain_points = "pain-points"
    opportunities = "opportunities"
    milestones = "milestones"
    metrics = "metrics"


ALL_LANES: tuple[Lane, ...] = tuple(Lane)


class Slide(StrEnum):
    """The aspect ratio the picture is padded to (never stretched)."""

    wide = "16:9"
    standard = "4:3"
    none = "none"

    @property
    def ratio(self) -> float | None:
        return {Slide.wide: 16 / 9, Slide.standard: 4 / 3, Slide.none: None}[self]


class Format(StrEnum):
    """The output formats; DOT needs no Graphviz installed."""

    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"

    @property
    def binary(self) -> bool:
        return self in (Format.png, Format.pdf)

    @classmethod
    def of_path(cls, path: Path) -> Format | None:
        """The format a file name asks for (`map.svg`, `deck/map.PNG`, `map.gv`)."""
        suffix = path.suffix.lower().lstrip(".")
        if suffix == "gv":
            return cls.dot
        try:
            return cls(suffix)
        except ValueError:
            return None
