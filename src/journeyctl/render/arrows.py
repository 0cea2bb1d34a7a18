"""Arrows drawn over the laid-out grid, routed through its gutters like a wall chart's strings.

`dot` lays out the grid (cells in rows and columns) well, but routes arrows that cut across
its ranks badly: loops around the whole picture, and extra space between columns for the
arrows' virtual nodes. Graphviz's obstacle-avoiding router (`neato -n2 -Gsplines=true`) draws
them well but takes seconds for a small map. So the arrows are routed here, from the cells'
positions after layout: out of a cell's side into the gutter between two stages, along the
gutter, across the gap between two rows when the arrow must pass other stages, and into the
target's side (or top). The result is a list of DOT edge statements with explicit `pos`
splines, which `neato -n2` draws as they are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]

ARROW_LENGTH = 10.0
"""Length of an arrowhead at arrowsize 1, points."""
CORNER = 7.0
"""Radius of the rounded corners, points."""
LANE_STEP = 4.0
"""Spacing of arrows that share a gutter, points."""


@dataclass(frozen=True, slots=True)
class Arrow:
    """An arrow between two cells, by node name and stage column (0 = first stage)."""

    tail: str
    head: str
    tail_column: int
    head_column: int
    attrs: tuple[tuple[str, str], ...]
    into_top: bool = False
    """Enter the head cell from above (a pain point's cell) rather than from its side."""
    straight: bool = False
    """A straight line from centre to centre, without arrowhead (the emotion curve)."""

    def ports(self) -> tuple[str, str]:
        """Tail and head with compass points, for the unrouted DOT source."""
        if self.straight:
            return self.tail, self.head
        if self.tail_column == self.head_column:
            return f"{self.tail}:s", f"{self.head}:n"
        out, into = ("e", "w") if self.head_column > self.tail_column else ("w", "e")
        return f"{self.tail}:{out}", f"{self.head}:{'n' if self.into_top else into}"


@dataclass(frozen=True, slots=True)
class Box:
    """A laid-out node: centre and size in points, Graphviz coordinates (y grows upwards)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def top(self) -> float:
        return self.y + self.height / 2

    @property
    def bottom(self) -> float:
        return self.y - self.height / 2


def boxes_from_json(objects: Iterable[Mapping[str, object]]) -> dict[str, Box]:
    """Node boxes from the `objects` of Graphviz's `-Tjson0` output."""
    found: dict[str, Box] = {}
    for item in objects:
        pos, name = item.get("pos"), item.get("name")
        if not isinstance(pos, str) or not isinstance(name, str) or "nodes" in item:
            continue
        x, y = (float(v) for v in pos.split(",")[:2])
        width = float(str(item.get("width", "0"))) * 72
        height = float(str(item.get("height", "0"))) * 72
        found[name] = Box(x, y, width, height)
    return found


class _Grid:
    """Columns (stage x-extents) and row gaps, read from the laid-out boxes."""

    def __init__(self, boxes: Mapping[str, Box]):
        self.boxes = boxes
        columns: dict[int, list[Box]] = {}
        for name, box in boxes.items():
            prefix = name.split("_", 1)[0]
            if prefix.startswith("s") and prefix[1:].isdigit() and "_emo" not in name:
                columns.setdefault(int(prefix[1:]), []).append(box)
        self.left = {c: min(b.left for b in bs) for c, bs in columns.items()}
        self.right = {c: max(b.right for b in bs) for c, bs in columns.items()}
        key = [b for n, b in boxes.items() if n.startswith("key_")]
        self.key_right = max((b.right for b in key), default=0.0)
        rows: dict[float, list[Box]] = {}
        for box in boxes.values():
            rows.setdefault(round(box.y, 1), []).append(box)
        self.rows = sorted(
            ((max(b.top for b in bs), min(b.bottom for b in bs)) for bs in rows.values()),
            reverse=True,
        )
        self.used: dict[tuple[str, float], int] = {}

    def gutter(self, column: int, side: str) -> float:
        """x of the gutter to the right (`e`) or left (`w`) of a stage column."""
        if side == "e":
            nxt = self.left.get(column + 1)
            right = self.right[column]
            return (right + nxt) / 2 if nxt is not None else right + 12
        prev = self.right.get(column - 1, self.key_right if column == 0 else None)
        left = self.left[column]
        return (left + prev) / 2 if prev is not None else left - 12

    def gap_above(self, box: Box) -> float:
        """y of the free band between `box`'s row and the row above it."""
        above = [bottom for top, bottom in self.rows if bottom > box.top + 0.5]
        return (min(above) + box.top) / 2 if above else box.top + 6

    def lane(self, kind: str, at: float) -> float:
        """Spread arrows that share a gutter or a gap: 0, +4, -4, +8 ... points."""
        count = self.used.get((kind, round(at, 1)), 0)
        self.used[(kind, round(at, 1))] = count + 1
        step = (count + 1) // 2 * LANE_STEP
        return step if count % 2 else -step


def route(arrows: Sequence[Arrow], boxes: Mapping[str, Box]) -> list[str]:
    """DOT edge statements with explicit splines for `arrows`, over the laid-out `boxes`."""
    grid = _Grid(boxes)
    statements = []
    for arrow in arrows:
        tail, head = boxes.get(arrow.tail), boxes.get(arrow.head)
        if tail is None or head is None:
            continue
        attrs = dict(arrow.attrs)
        if arrow.straight:
            statements.append(_statement(arrow, [(tail.x, tail.y), (head.x, head.y)], None, attrs))
            continue
        size = float(attrs.get("arrowsize", "1")) * ARROW_LENGTH
        path = _path(arrow, tail, head, grid)
        tip = path[-1]
        before = path[-2]
        length = math.dist(before, tip) or 1.0
        base = (
            tip[0] + (before[0] - tip[0]) * size / length,
            tip[1] + (before[1] - tip[1]) * size / length,
        )
        statements.append(_statement(arrow, [*path[:-1], base], tip, attrs))
    return statements


def _path(arrow: Arrow, tail: Box, head: Box, grid: _Grid) -> list[Point]:
    """The corner points of the arrow's route, from the tail's side to the head's."""
    if arrow.tail_column == arrow.head_column:
        if not arrow.into_top and _nothing_between(tail, head, grid):
            return [(tail.x, tail.bottom), (head.x, head.top)]
        x = grid.gutter(arrow.tail_column, "e")
        x += grid.lane("gutter", x)
        into = (head.x, head.top) if arrow.into_top else (head.right, head.y)
        start = (tail.right, tail.y)
        if arrow.into_top:
            gap = grid.gap_above(head) + grid.lane("gap", head.top)
            return [start, (x, tail.y), (x, gap), (into[0], gap), into]
        return [start, (x, tail.y), (x, head.y), into]
    forward = arrow.head_column > arrow.tail_column
    out_side, in_side = ("e", "w") if forward else ("w", "e")
    start = (tail.right, tail.y) if forward else (tail.left, tail.y)
    x1 = grid.gutter(arrow.tail_column, out_side)
    x1 += grid.lane("gutter", x1)
    if arrow.into_top:
        gap = grid.gap_above(head) + grid.lane("gap", head.top)
        return [start, (x1, tail.y), (x1, gap), (head.x, gap), (head.x, head.top)]
    end = (head.left, head.y) if forward else (head.right, head.y)
    if abs(arrow.head_column - arrow.tail_column) == 1:
        return [start, (x1, tail.y), (x1, head.y), end]
    x2 = grid.gutter(arrow.head_column, in_side)
    x2 += grid.lane("gutter", x2)
    gap = grid.gap_above(head) + grid.lane("gap", head.top)
    return [start, (x1, tail.y), (x1, gap), (x2, gap), (x2, head.y), end]


def _nothing_between(upper: Box, lower: Box, grid: _Grid) -> bool:
    return not any(
        b is not upper
        and b is not lower
        and b.bottom < upper.bottom
        and b.top > lower.top
        and b.left < upper.x < b.right
        for b in grid.boxes.values()
    )


def _statement(arrow: Arrow, path: list[Point], tip: Point | None, attrs: dict[str, str]) -> str:
    points = _bezier(path)
    pos = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
    if tip is not None:
        pos = f"e,{tip[0]:.2f},{tip[1]:.2f} " + pos
    fields = [f'pos="{pos}"'] + [f'{k}="{v}"' for k, v in sorted(attrs.items())]
    return f'\t"{arrow.tail}" -> "{arrow.head}" [{" ".join(fields)}]\n'


def _bezier(path: Sequence[Point]) -> list[Point]:
    """Control points of a cubic B-spline through a polyline, with rounded corners."""
    if len(path) < 2:
        return list(path)
    out: list[Point] = [path[0]]

    def line_to(point: Point) -> None:
        last = out[-1]
        out.extend([last, point, point])

    for index in range(1, len(path) - 1):
        before, corner, after = path[index - 1], path[index], path[index + 1]
        r = min(CORNER, math.dist(before, corner) / 2, math.dist(corner, after) / 2)
        entry = _towards(corner, before, r)
        leave = _towards(corner, after, r)
        line_to(entry)
        out.extend([corner, corner, leave])
    line_to(path[-1])
    return out


def _towards(start: Point, target: Point, distance: float) -> Point:
    length = math.dist(start, target)
    if length == 0:
        return start
    t = distance / length
    return (start[0] + (target[0] - start[0]) * t, start[1] + (target[1] - start[1]) * t)
