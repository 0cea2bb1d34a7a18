"""What a caller may choose about a diagram: theme, slide shape, lanes, title."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from journeyctl.render.choices import ALL_LANES, Format, Lane, Slide, ThemeName

__all__ = ["ALL_LANES", "Format", "Lane", "RenderOptions", "Slide", "ThemeName", "UnknownLaneError"]


class UnknownLaneError(ValueError):
    pass


def parse_lanes(value: str) -> tuple[Lane, ...]:
    """`goals,touchpoints,emotion` as lanes in the diagram's order; `pain_points` is accepted
    for `pain-points`. Raises UnknownLaneError naming the choices."""
    chosen: set[Lane] = set()
    for part in value.split(","):
        name = part.strip().lower().replace("_", "-")
        if not name:
            continue
        try:
            chosen.add(Lane(name))
        except ValueError:
            choices = ", ".join(lane.value for lane in ALL_LANES)
            message = f"unknown lane {part.strip()!r} (choose from {choices})"
            raise UnknownLaneError(message) from None
    return tuple(lane for lane in ALL_LANES if lane in chosen)


@dataclass(frozen=True, slots=True)
class RenderOptions:
    theme: ThemeName = ThemeName.light
    slide: Slide = Slide.wide
    """The builder picks column widths that bring the picture near this shape; the output
    step pads it to the exact ratio."""
    lanes: tuple[Lane, ...] = ALL_LANES
    """The lanes the caller wants; each is drawn only when some stage has content for it."""
    title: bool = True

    @classmethod
    def of(
        cls,
        *,
        theme: str = "light",
        slide: str = "16:9",
        lanes: Iterable[Lane] | None = None,
        title: bool = True,
    ) -> RenderOptions:
        return cls(
            ThemeName(theme), Slide(slide), tuple(lanes) if lanes is not None else ALL_LANES, title
        )
