"""A checked map as a Graphviz graph: the journey drawn the way CX teams draw it on a wall.

Stages are columns, left to right; lanes are rows. The grid is made of Graphviz's own ranks
(`rankdir=TB`): every row is a rank (`rank=same`), and invisible edges chain each column from
top to bottom (heavy, so that the column stays straight) and each row from left to right (so
that the stages keep their order). Cells of one row get the same minimum height and every
stage the same width, so the result reads as a table. The first column holds the lane names
and, beside each lane, the key to its marks: the legend sits next to what it explains and
shows only what the picture uses.

Touchpoints are one node each (one row per position in the stage), so handoff arrows and root
cause arrows can run between them; the emotion lane is five thin rows, one per level from +2
to -2, with one point per stage, joined into a curve.

Nothing here writes a file or runs a program: see `output.py`.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import graphviz  # type: ignore[import-untyped]

from journeyctl.model import walk
from journeyctl.model.vocabulary import Moment, OpportunityStatus, PainPointSeverity
from journeyctl.render import escape, marking
from journeyctl.render.arrows import Arrow
from journeyctl.render.compare import Mark
from journeyctl.render.options import Lane, RenderOptions
from journeyctl.render.themes import THEMES, Palette, faded

if TYPE_CHECKING:
    from journeyctl.api import CheckResult
    from journeyctl.model import JourneyMap, Stage, Touchpoint
    from journeyctl.render.compare import DiffView, ElementMark

FONT = "Helvetica,Arial,sans-serif"
BODY = 11.0
"""Point size of lane text; at the default slide size (1920 px wide) a 12-stage map keeps it
above 11 pixels."""
SMALL = 9.5
NAME = 13.0
LINE = 1.22
"""Line height as a multiple of the point size, for the row-height estimate."""
CHAR = 0.53
"""Average character width as a fraction of the point size (Helvetica / Liberation Sans)."""
KEY_WIDTH = 1.9
"""Width of the lane-name column, inches."""
COLUMN_WIDTHS = (1.5, 1.7, 1.95, 2.2, 2.5, 2.8, 3.2, 3.6, 4.0)
"""Candidate stage widths, inches; the builder picks the one nearest the slide's shape."""
NODESEP = 0.28
"""The gutter between stages, where handoff and root-cause arrows run."""
RANKSEP = 0.12
CELL_PAD = 5.0
"""Points of padding inside a cell, on each side."""
LEVELS = (2, 1, 0, -1, -2)

MOMENT_GLYPH = {Moment.POSITIVE: "▲", Moment.NEUTRAL: "■", Moment.NEGATIVE: "▼"}
SEVERITY_GLYPH = {
    PainPointSeverity.LOW: "●○○",
    PainPointSeverity.MEDIUM: "●●○",
    PainPointSeverity.HIGH: "●●●",
}
STATUS_GLYPH = {
    OpportunityStatus.IDEA: "○",
    OpportunityStatus.PLANNED: "◔",
    OpportunityStatus.IN_PROGRESS: "◑",
    OpportunityStatus.DONE: "●",
}
CRITICAL = "★"
LISTENING = "◉"
MILESTONE = "◆"
METRIC = "▸"
WARNING = "⚠"
HANDOFF = "⇄"
UNDECLARED = "⇢"


@dataclass(frozen=True)
class Diagram:
    """A journey diagram in two parts: the grid, which Graphviz's `dot` lays out, and the
    arrows (emotion curve, handoffs, root causes), which are drawn over the laid-out grid.

    `dot` routes arrows that cut across its ranks badly (loops around the picture, and extra
    space between columns for the arrows' virtual nodes); drawn after the layout, with the
    grid's cells as obstacles, they take the short way and leave the columns evenly spaced.
    """

    grid: graphviz.Digraph
    arrows: tuple[Arrow, ...]

    @property
    def source(self) -> str:
        """The whole diagram as one DOT graph (arrows unrouted: Graphviz routes them), for
        `--format dot` and any Graphviz tool."""
        edges = graphviz.Digraph()
        for arrow in self.arrows:
            tail, head = arrow.ports()
            edges.edge(tail, head, **dict(arrow.attrs))
        return with_statements(self.grid.source, edges.body)


def with_statements(source: str, statements: Sequence[str]) -> str:
    """DOT `source` with `statements` added before its closing brace."""
    end = source.rstrip().rfind("}")
    return source[:end] + "".join(statements) + "}\n"


def build_diagram(
    result: CheckResult, options: RenderOptions | None = None, diff: DiffView | None = None
) -> Diagram:
    """The diagram of a valid map. Raises ValueError for an invalid one (no `journey`).

    With `diff` (`journeyctl.render.compare.compare_results`), elements carry the marks of
    what changed since the other version, removed ones are drawn faded where they were, and
    a legend explains the marks.
    """
    if result.journey is None:
        raise ValueError(f"{result.path}: an invalid map cannot be drawn")
    options = options or RenderOptions()
    return _Builder(result.journey, dict(result.team_names), options, diff).build()


def build_graph(
    result: CheckResult, options: RenderOptions | None = None, diff: DiffView | None = None
) -> graphviz.Digraph:
    """The whole diagram as one `graphviz.Digraph` (grid and arrows)."""
    diagram = build_diagram(result, options, diff)
    whole = diagram.grid.copy()
    for arrow in diagram.arrows:
        tail, head = arrow.ports()
        whole.edge(tail, head, **dict(arrow.attrs))
    return whole


def dot_source(
    result: CheckResult, options: RenderOptions | None = None, diff: DiffView | None = None
) -> str:
    """The DOT text of the whole diagram, before layout."""
    return build_diagram(result, options, diff).source


# ------------------------------------------------------------------------------------------
# Cells: HTML-like labels with an estimate of their height


@dataclass
class _Cell:
    """The rows of one cell's label, and how tall they are (points), to size the row."""

    rows: list[str] = field(default_factory=list)
    height: float = 0.0

    def add(self, html: str, size: float, count: int = 1, port: str | None = None) -> None:
        attrs = f' PORT="{port}"' if port else ""
        self.rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT"{attrs}>{html}</TD></TR>')
        self.height += count * size * LINE + 2

    def item(self, mark: str, html: str, size: float, count: int = 1) -> None:
        """A list item: the mark in its own column, so wrapped lines hang indented."""
        self.rows.append(
            f'<TR><TD ALIGN="LEFT" VALIGN="TOP">{mark}</TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="10">{html}</TD></TR>'
        )
        self.height += count * size * LINE + 2

    def label(self, width_pt: float) -> str:
        body = "".join(self.rows) or "<TR><TD> </TD></TR>"
        return (
            f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" '
            f'WIDTH="{width_pt:.0f}">{body}</TABLE>>'
        )


def _font(html: str, size: float, color: str, *, bold: bool = False, italic: bool = False) -> str:
    if not html:
        return ""  # Graphviz rejects an empty <FONT>
    if bold:
        html = f"<B>{html}</B>"
    if italic:
        html = f"<I>{html}</I>"
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{color}">{html}</FONT>'


@dataclass(frozen=True)
class _Row:
    key: str
    """Node-name suffix, unique per row: `head`, `goals`, `tp0`, `emo+1`..."""
    lane: Lane | None


# ------------------------------------------------------------------------------------------


class _Builder:
    def __init__(
        self,
        journey: JourneyMap,
        teams: dict[str, str],
        options: RenderOptions,
        diff: DiffView | None = None,
    ):
        self.actual = journey
        """The map itself, for what the journey does (handoffs, emotions); `journey` is what
        is drawn, which with a diff includes removed elements."""
        self.diff = diff
        self.journey = diff.journey if diff is not None else journey
        journey = self.journey
        self.teams = teams
        self.options = options
        self.p: Palette = THEMES[options.theme]
        self.faded = faded(self.p)
        self.gone = {
            index
            for index, stage in enumerate(journey.stages)
            if diff is not None and diff.removed("stage", stage.id)
        }
        """Columns of removed stages."""
        self.lanes = [lane for lane in options.lanes if self._has(lane)]
        self.tp_rows = max((len(s.touchpoints) for s in journey.stages), default=0)
        self.rows = self._rows()
        own = {stage.id: _emotion(stage) for stage in self.actual.stages}
        self.emotions = [own.get(stage.id) for stage in journey.stages]
        self.names = {tp.id: tp.name for s in journey.stages for tp in s.touchpoints}
        self.stage_of = {tp.id: i for i, s in enumerate(journey.stages) for tp in s.touchpoints}
        self.stage_of |= {s.id: i for i, s in enumerate(journey.stages)}
        self._place_handoffs()
        self._tp_key: list[str] | None = None
        self.width = self._column_width()
        self.width_pt = self.width * 72 - 2 * CELL_PAD

    def _place_handoffs(self) -> None:
        """Where each handoff is written: a change of owner at the touchpoint that takes the
        customer over (with its arrow); a declared handoff that no change accounts for at its
        `via` touchpoint, or, without `via`, in its stage's header."""
        self.changes = (
            list(walk.ownership_changes(self.actual)) if Lane.touchpoints in self.lanes else []
        )
        self.arrivals: dict[str, list[tuple[str, bool]]] = {}
        used: set[int] = set()
        self.declared: list[bool] = []
        for change in self.changes:
            declared = change.declared()
            self.declared.append(declared is not None)
            for stage in (change.before_stage, change.stage):
                used.update(
                    id(h)
                    for h in stage.handoffs
                    if h.from_ == change.from_team and h.to == change.to_team
                )
            text = f"{self._team(change.from_team)} → {self._team(change.to_team)}"
            self.arrivals.setdefault(change.touchpoint.id, []).append((text, declared is not None))
        self.stage_handoffs: dict[str, list[str]] = {}
        for stage in self.journey.stages:
            for handoff in stage.handoffs:
                if id(handoff) in used:
                    continue
                text = f"{self._team(handoff.from_)} → {self._team(handoff.to)}"
                if handoff.via is not None and Lane.touchpoints in self.lanes:
                    written = self.arrivals.setdefault(handoff.via, [])
                    if (text, True) not in written:
                        written.append((text, True))
                else:
                    written_here = self.stage_handoffs.setdefault(stage.id, [])
                    if text not in written_here:
                        written_here.append(text)

    # -- what is shown -----------------------------------------------------------------------

    def _has(self, lane: Lane) -> bool:
        return any(_content(stage, lane) for stage in self.journey.stages)

    def _rows(self) -> list[_Row]:
        rows = [_Row("head", None)]
        for lane in self.lanes:
            if lane is Lane.touchpoints:
                rows += [_Row(f"tp{i}", lane) for i in range(self.tp_rows)]
            elif lane is Lane.emotion:
                rows += [_Row(f"emo{level:+d}", lane) for level in LEVELS]
            else:
                rows.append(_Row(lane.value, lane))
        return rows

    def _team(self, team_id: str | None) -> str:
        return self.teams.get(team_id, team_id) if team_id else ""

    def _chars(self, size: float, width_pt: float | None = None) -> int:
        usable = (width_pt if width_pt is not None else self.width_pt) - 4
        return max(8, int(usable / (size * CHAR)))

    # -- sizing ------------------------------------------------------------------------------

    def _column_width(self) -> float:
        """The stage width that makes the text largest on the slide: the picture is scaled to
        the slide's width, or to its height when taller than the slide's shape, so the best
        width is the one whose estimated picture needs the smallest slide. Few stages get
        wide columns, many stages narrow ones."""
        stages = len(self.journey.stages)
        target = self.options.slide.ratio or 16 / 9
        if stages > 30:
            return COLUMN_WIDTHS[0]
        best, best_size = COLUMN_WIDTHS[0], math.inf
        for width in COLUMN_WIDTHS:
            self.width, self.width_pt = width, width * 72 - 2 * CELL_PAD
            height = sum(self._row_height(row) for row in self.rows) / 72
            height += RANKSEP * (len(self.rows) - 1) + (0.9 if self.options.title else 0)
            total = KEY_WIDTH + stages * (width + NODESEP)
            size = max(total, height * target)
            if size < best_size * 0.98:  # a clearly smaller slide, else the narrower column
                best, best_size = width, size
        return best

    def _row_height(self, row: _Row, cells: dict[int, _Cell] | None = None) -> float:
        """Estimated height, points, of the row's tallest cell."""
        if row.lane is Lane.emotion:
            return 16
        if cells is None:
            cells = self._row_cells(row)
        return max((cell.height for cell in cells.values()), default=0.0) + 2 * CELL_PAD

    def _row_cells(self, row: _Row) -> dict[int, _Cell]:
        """The text cells of a row, by stage index (emotion rows have none)."""
        found: dict[int, _Cell] = {}
        for index, stage in enumerate(self.journey.stages):
            cell = self._cell(index, stage, row)
            if cell is not None:
                found[index] = cell
        return found

    # -- the graph ---------------------------------------------------------------------------

    def build(self) -> Diagram:
        p = self.p
        g = graphviz.Digraph(name=self.journey.id)
        g.attr(
            rankdir="TB",
            bgcolor=p.background,
            fontname=FONT,
            fontcolor=p.text,
            nodesep=f"{NODESEP}",
            ranksep=f"{RANKSEP}",
            newrank="true",
            splines="spline",
            outputorder="edgesfirst",
        )
        g.attr("node", fontname=FONT, fontcolor=p.text, fontsize=f"{BODY:g}", penwidth="1")
        g.attr("edge", fontname=FONT, fontcolor=p.text, fontsize=f"{SMALL:g}")
        if self.diff is not None:
            g.attr(label=self._title_and_legend(self.diff), labelloc="t", labeljust="l")
        elif self.options.title:
            g.attr(label=self._title(), labelloc="t", labeljust="l")

        # Statements are written here rather than through `Digraph.node`, whose quoting costs
        # more than building the whole picture: every value is ours (names, colours, numbers)
        # or an HTML-like label whose text `escape` has made safe.
        body = g.body
        columns: list[list[str]] = [[] for _ in range(len(self.journey.stages) + 1)]
        for row in self.rows:
            cells = self._row_cells(row)
            height = self._row_height(row, cells) / 72
            present: list[str] = []
            body.append("\t{\n\t\trank=same\n")
            key = f"key_{row.key}"
            body.append(_node_statement(key, self._key(row, height)))
            present.append(key)
            columns[0].append(key)
            for index, stage in enumerate(self.journey.stages):
                name = f"s{index}_{row.key}"
                attrs = self._node(index, stage, row, height, cells.get(index))
                if attrs is None:
                    continue
                body.append(_node_statement(name, attrs))
                present.append(name)
                columns[index + 1].append(name)
            body.extend(
                f'\t\t"{left}" -> "{right}" [style=invis]\n'
                for left, right in itertools.pairwise(present)
            )
            body.append("\t}\n")
        for column in columns:
            body.extend(
                f'\t"{upper}" -> "{lower}" [style=invis weight=100]\n'
                for upper, lower in itertools.pairwise(column)
            )
        arrows: list[Arrow] = []
        if Lane.emotion in self.lanes:
            self._curve(arrows)
        if Lane.touchpoints in self.lanes:
            self._handoffs(arrows)
        if Lane.pain_points in self.lanes:
            self._root_causes(arrows)
        return Diagram(g, tuple(arrows))

    def _title(self) -> str:
        j, p = self.journey, self.p
        parts = [_font(escape.text(j.title), 20, p.text, bold=True)]
        facts: list[str] = []
        if j.persona is not None:
            facts.append(f"Persona: {escape.text(j.persona.name)}")
        facts.append(f"{escape.text(j.state.value)} state")
        facts.append("end to end" if j.is_end_to_end else f"focus: {escape.text(j.scope)}")
        if j.updated is not None:
            facts.append(f"updated {j.updated.isoformat()}")
        parts.append(_font(" · ".join(facts), BODY, p.muted))
        return "<" + '<BR ALIGN="LEFT"/>'.join(parts) + '<BR ALIGN="LEFT"/>>'

    # -- cells -------------------------------------------------------------------------------

    # -- what changed (render --diff-against) ------------------------------------------------

    def _mark(self, kind: str, element_id: str) -> ElementMark | None:
        return self.diff.mark(kind, element_id) if self.diff is not None else None

    def _removed(self, index: int, stage: Stage, row: _Row) -> bool:
        """Whether a cell belongs to a removed element, drawn with the faded palette."""
        if self.diff is None:
            return False
        if index in self.gone:
            return True
        if row.lane is Lane.touchpoints:
            position = int(row.key[2:])
            return position < len(stage.touchpoints) and self.diff.removed(
                "touchpoint", stage.touchpoints[position].id
            )
        return False

    def _badge(self, cell: _Cell, found: ElementMark | None) -> None:
        """The element's marks as words at the top of its cell: they read without colour."""
        if found is None or not found.marks:
            return
        ink = self.p.diff
        wrapped = escape.wrap(marking.badge(found), self._chars(BODY * 1.1))
        color = marking.color(marking.main_mark(found), ink)
        cell.add(_font("<BR/>".join(wrapped), BODY, color, bold=True), BODY, len(wrapped))

    def _marked(
        self, attrs: dict[str, str], found: ElementMark | None, name: str | None = None
    ) -> dict[str, str]:
        """A node's attributes with the frame and SVG class of its marks (`name`: the SVG id
        of a stage header or a touchpoint, `stage-ID`, `touchpoint-ID`)."""
        if found is None or not found.marks:
            return attrs
        attrs = attrs | marking.frame(found, self.p.diff, attrs.get("style", ""))
        attrs["class"] = marking.css_class(found)
        if name is not None:
            attrs["id"] = name
        return attrs

    def _title_and_legend(self, diff: DiffView) -> str:
        """The title (unless --no-title) and the legend of the marks, as one table."""
        p, ink = self.p, self.p.diff
        rows: list[str] = []

        def row(html: str) -> None:
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{html}</TD></TR>')

        if self.options.title:
            title = self._title()[1:-1].removesuffix('<BR ALIGN="LEFT"/>')
            big, facts = title.split('<BR ALIGN="LEFT"/>', 1)
            row(big)
            row(facts)
            found = self._mark("map", self.actual.id)
            if found is not None and found.marks:
                words = escape.text(marking.badge(found))
                row(_font(words, BODY, marking.color(marking.main_mark(found), ink), bold=True))
        against = escape.wrap(f"Compared with {diff.against}:", 90, max_lines=2)
        cells = [
            f'<TD ALIGN="LEFT">{_font("<BR/>".join(against), BODY + 1, p.text, bold=True)}</TD>'
        ]
        used = diff.used
        for mark in marking.ORDER:
            if mark not in used:
                continue
            glyph = _font(marking.GLYPH[mark], BODY, marking.color(mark, ink), bold=True)
            fill = p.cell if mark is not Mark.removed else ink.faded_fill
            border = ink.faded_border if mark is Mark.removed else marking.color(mark, ink)
            look = ' STYLE="dashed"' if mark is Mark.removed else ""
            width = "1" if mark is Mark.removed else "3" if mark is not Mark.moved else "2"
            words = _font(escape.text(marking.LEGEND[mark]), BODY, p.text)
            cells.append(
                f'<TD BGCOLOR="{fill}" BORDER="{width}" COLOR="{border}"{look} '
                f'WIDTH="24" HEIGHT="18">{glyph}</TD><TD ALIGN="LEFT">{words}</TD>'
            )
        if not used:
            cells.append(f'<TD ALIGN="LEFT">{_font("no changes", BODY, p.text)}</TD>')
        legend = (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2">'
            f"<TR>{''.join(cells)}</TR></TABLE>"
        )
        row(legend)
        return (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            f"{''.join(rows)}</TABLE>>"
        )

    # -- cells -------------------------------------------------------------------------------

    def _node(
        self, index: int, stage: Stage, row: _Row, height: float, cell: _Cell | None
    ) -> dict[str, str] | None:
        if not self._removed(index, stage, row):
            return self._node_attrs(index, stage, row, height, cell)
        saved, self.p = self.p, self.faded
        try:
            return self._node_attrs(index, stage, row, height, cell)
        finally:
            self.p = saved

    def _node_attrs(
        self, index: int, stage: Stage, row: _Row, height: float, cell: _Cell | None
    ) -> dict[str, str] | None:
        p = self.p
        if row.lane is Lane.emotion:
            return self._emotion_point(index, row)
        if cell is None:
            return None
        if row.lane is Lane.touchpoints:
            touchpoint = stage.touchpoints[int(row.key[2:])]
            attrs = self._touchpoint(touchpoint, height, cell)
            if index in self.gone:  # removed with its stage
                return self._marked(attrs, self._mark("stage", stage.id))
            found = self._mark("touchpoint", touchpoint.id)
            return self._marked(attrs, found, f"touchpoint-{touchpoint.id}")
        attrs = {
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": p.cell,
            "color": p.border,
            "margin": f"{CELL_PAD / 72:.3f},{CELL_PAD / 72:.3f}",
            "width": f"{self.width:.2f}",
            "height": f"{height:.2f}",
            "label": cell.label(self.width_pt),
        }
        if row.lane is None:
            attrs["fillcolor"] = p.header
            if not walk.customer_evidence(stage):
                attrs |= {"style": "rounded,filled,dashed", "color": p.unvalidated}
                attrs["penwidth"] = "2.5"
            return self._marked(attrs, self._mark("stage", stage.id), f"stage-{stage.id}")
        if index in self.gone:
            return self._marked(attrs, self._mark("stage", stage.id))
        return attrs

    def _cell(self, index: int, stage: Stage, row: _Row) -> _Cell | None:
        """The content of a stage's cell in a text row; None when it has none."""
        if not self._removed(index, stage, row):
            return self._cell_content(index, stage, row)
        saved, self.p = self.p, self.faded
        try:
            return self._cell_content(index, stage, row)
        finally:
            self.p = saved

    def _cell_content(self, index: int, stage: Stage, row: _Row) -> _Cell | None:
        if row.lane is None:
            return self._header(stage)
        if row.lane is Lane.touchpoints:
            position = int(row.key[2:])
            if position >= len(stage.touchpoints):
                return None
            return self._touchpoint_cell(stage.touchpoints[position])
        if row.lane is Lane.emotion or not _content(stage, row.lane):
            return None
        return self._lane_cell(index, stage, row.lane)

    def _header(self, stage: Stage) -> _Cell:
        p, cell = self.p, _Cell()
        self._badge(cell, self._mark("stage", stage.id))
        laer = stage.laer.value.upper() if stage.laer else "no LAER phase"
        cell.add(_font(escape.text(laer), SMALL, p.laer if stage.laer else p.muted), SMALL)
        wrapped = escape.wrap(stage.name, self._chars(NAME * 1.08), max_lines=3)
        cell.add(_font("<BR/>".join(wrapped), NAME, p.text, bold=True), NAME, len(wrapped))
        pimo = stage.pimo.value.capitalize() if stage.pimo else "no PIMO phase"
        cell.add(_font(escape.text(pimo), SMALL, p.pimo if stage.pimo else p.muted), SMALL)
        if not walk.customer_evidence(stage):
            wrapped = escape.wrap(f"{WARNING} no customer evidence", self._chars(SMALL * 1.12))
            cell.add(
                _font("<BR/>".join(wrapped), SMALL, p.unvalidated, bold=True), SMALL, len(wrapped)
            )
        for text in self.stage_handoffs.get(stage.id, ()):
            wrapped = escape.wrap(f"{HANDOFF} {text}", self._chars(SMALL))
            cell.add(_font("<BR/>".join(wrapped), SMALL, p.handoff), SMALL, len(wrapped))
        return cell

    def _lane_cell(self, index: int, stage: Stage, lane: Lane) -> _Cell:
        p, cell = self.p, _Cell()
        chars = self._chars(BODY)

        def item(
            mark: str,
            text: str,
            color: str,
            *,
            italic: bool = False,
            ink: str | None = None,
            html: bool = False,
        ) -> None:
            """`mark` is plain text drawn in `color`, or with `html` a ready label piece."""
            wrapped = escape.wrap(text, chars - 2, max_lines=6)
            body = "<BR/>".join(wrapped)
            words = _font(body, BODY, ink or p.text, italic=italic)
            if mark:
                glyph = mark if html else _font(mark, BODY, color)
                cell.item(glyph, words, BODY, len(wrapped))
            else:
                cell.add(words, BODY, len(wrapped))

        def texts(values: list[str], mark: str, color: str, *, italic: bool = False) -> None:
            """A list of texts; with a diff, added ones marked + and removed ones (at the
            end) faded and marked −."""
            marks = self.diff.items.get((stage.id, lane.value)) if self.diff else None
            if marks is None:
                for text in values:
                    item(mark, text + ("”" if italic else ""), color, italic=italic)
                return
            ink, kept = self.p.diff, len(values) - len(marks.removed)
            added = Counter(marks.added)
            for number, text in enumerate(values):
                shown = text + ("”" if italic else "")
                if number >= kept:
                    glyph = _font(marking.GLYPH[Mark.removed], BODY, ink.removed, bold=True)
                    item(glyph, shown, color, italic=italic, ink=self.faded.text, html=True)
                elif added[text] > 0:
                    added[text] -= 1
                    glyph = _font(marking.GLYPH[Mark.added], BODY, ink.added, bold=True)
                    item(glyph, shown, color, italic=italic, html=True)
                else:
                    item(mark, shown, color, italic=italic)

        if lane is Lane.goals:
            texts(stage.goals, "•", p.muted)
        elif lane is Lane.actions:
            texts(stage.actions, "•", p.muted)
        elif lane is Lane.thoughts:
            texts(stage.thoughts, "“", p.muted, italic=True)
        elif lane is Lane.pain_points:
            for number, pain in enumerate(stage.pain_points):
                q = self._item_palette(cell, "pain_point", pain.id)
                color = q.severity[list(PainPointSeverity).index(pain.severity)]
                mark = f"{SEVERITY_GLYPH[pain.severity]} {pain.severity.value}"
                cell.add(_font(mark, SMALL, color, bold=True), SMALL, port=f"pp{number}")
                item("", pain.description, q.text, ink=q.text)
                if pain.root_cause is not None:
                    cause = self._cause_name(pain.root_cause, index)
                    wrapped = escape.wrap(f"root cause: {cause}", self._chars(SMALL) - 2)
                    html = _font("⇠", SMALL, q.root_cause, bold=True) + " "
                    html += _font("<BR/>".join(wrapped), SMALL, q.muted, italic=True)
                    cell.add(html, SMALL, len(wrapped))
        elif lane is Lane.opportunities:
            for opportunity in stage.opportunities:
                q = self._item_palette(cell, "opportunity", opportunity.id)
                color = q.status[list(OpportunityStatus).index(opportunity.status)]
                mark = f"{STATUS_GLYPH[opportunity.status]} {opportunity.status.value}"
                if opportunity.owner:
                    mark += f" · {escape.text(self._team(opportunity.owner))}"
                cell.add(_font(mark, SMALL, color, bold=True), SMALL)
                item("", opportunity.description, q.text, ink=q.text)
        elif lane is Lane.milestones:
            texts(stage.milestones, MILESTONE, p.milestone)
        elif lane is Lane.metrics:
            for metric in stage.metrics:
                text = metric.name + (f": {metric.target}" if metric.target else "")
                item(METRIC, text, p.muted)
                if metric.source:
                    source = escape.wrap(f"source: {metric.source}", self._chars(SMALL))
                    cell.add(_font("<BR/>".join(source), SMALL, p.muted), SMALL, len(source))
        return cell

    def _item_palette(self, cell: _Cell, kind: str, element_id: str) -> Palette:
        """The palette of a pain point or an opportunity in a lane cell (faded when removed),
        after writing its badge."""
        found = self._mark(kind, element_id)
        self._badge(cell, found)
        return self.faded if found is not None and found.has(Mark.removed) else self.p

    def _touchpoint_cell(self, touchpoint: Touchpoint) -> _Cell:
        p, cell = self.p, _Cell()
        self._badge(cell, self._mark("touchpoint", touchpoint.id))
        for text, declared in self.arrivals.get(touchpoint.id, ()):
            mark = HANDOFF if declared else UNDECLARED
            if not declared:
                text += " (undeclared)"
            wrapped = escape.wrap(f"{mark} {text}", self._chars(SMALL))
            color = p.handoff if declared else p.undeclared
            cell.add(_font("<BR/>".join(wrapped), SMALL, color, bold=True), SMALL, len(wrapped))
        marks = ""
        if touchpoint.moment is not None:
            marks += MOMENT_GLYPH[touchpoint.moment] + " "
        if touchpoint.critical:
            marks += CRITICAL + " "
        wrapped = escape.wrap(touchpoint.name, self._chars(BODY * 1.1) - 3, max_lines=4)
        name = _font("<BR/>".join(wrapped), BODY, p.text, bold=True)
        cell.add((_font(marks, BODY, p.text) if marks else "") + name, BODY, len(wrapped))
        facts = [text for text in (touchpoint.channel, self._team(touchpoint.owner)) if text]
        if not touchpoint.direct:
            facts.append("indirect")
        if touchpoint.emotion is not None:
            facts.append(f"emotion {touchpoint.emotion:+d}" if touchpoint.emotion else "emotion 0")
        if facts:
            small = escape.wrap(" · ".join(facts), self._chars(SMALL), max_lines=3)
            cell.add(_font("<BR/>".join(small), SMALL, p.muted), SMALL, len(small))
        if touchpoint.feedback is not None:
            post = touchpoint.feedback.method.value
            if touchpoint.feedback.metric:
                post += f": {touchpoint.feedback.metric}"
            small = escape.wrap(post, self._chars(SMALL) - 2, max_lines=2)
            html = (
                _font(LISTENING, SMALL, p.text) + " " + _font("<BR/>".join(small), SMALL, p.muted)
            )
            cell.add(html, SMALL, len(small))
        return cell

    def _touchpoint(self, touchpoint: Touchpoint, height: float, cell: _Cell) -> dict[str, str]:
        p = self.p
        fill = p.no_moment
        if touchpoint.moment is not None:
            fill = {Moment.POSITIVE: p.positive, Moment.NEUTRAL: p.neutral}.get(
                touchpoint.moment, p.negative
            )
        style = "rounded,filled" + ("" if touchpoint.direct else ",dashed")
        attrs = {
            "shape": "box",
            "style": style,
            "fillcolor": fill,
            "color": p.critical if touchpoint.critical else p.border,
            "penwidth": "3" if touchpoint.critical else "1",
            "margin": f"{CELL_PAD / 72:.3f},{CELL_PAD / 72:.3f}",
            "width": f"{self.width:.2f}",
            "height": f"{height:.2f}",
            "label": cell.label(self.width_pt),
        }
        return attrs

    # -- emotion -----------------------------------------------------------------------------

    def _emotion_point(self, index: int, row: _Row) -> dict[str, str] | None:
        found = self.emotions[index]
        if found is None or f"emo{found[0]:+d}" != row.key:
            return None
        level, own = found
        p = self.p
        return {
            "shape": "circle",
            "style": "filled" if own else "filled,dashed",
            "fixedsize": "true",
            "width": "0.3" if own else "0.26",
            "fillcolor": p.emotion[level + 2] if own else p.background,
            "color": p.curve,
            "penwidth": "1.5",
            "label": "<" + _font(f"{level:+d}" if level else "0", 8, _ink(p, level, own)) + ">",
        }

    def _curve(self, arrows: list[Arrow]) -> None:
        points = [(i, e) for i, e in enumerate(self.emotions) if e is not None]
        for (a, (la, _)), (b, (lb, _)) in itertools.pairwise(points):
            # a removed stage (drawn, without a point) is no gap in the journey
            skipped = any(i not in self.gone for i in range(a + 1, b))
            attrs = {
                "color": self.p.curve,
                "penwidth": "2.5",
                "dir": "none",
                "style": "dashed" if skipped else "solid",
            }
            arrows.append(
                Arrow(f"s{a}_emo{la:+d}", f"s{b}_emo{lb:+d}", a, b, _attrs(attrs), straight=True)
            )

    # -- arrows ------------------------------------------------------------------------------

    def _node_of_touchpoint(self) -> dict[str, str]:
        return {
            tp.id: f"s{index}_tp{position}"
            for index, stage in enumerate(self.journey.stages)
            for position, tp in enumerate(stage.touchpoints)
        }

    def _cause_name(self, cause: str, here: int) -> str:
        where = self.stage_of.get(cause)
        stage = self.journey.stages[where] if where is not None else None
        if cause in self.names:
            name = self.names[cause]
            return name if where == here or stage is None else f"{name} ({stage.name})"
        return f"stage {stage.name}" if stage is not None else cause

    def _handoffs(self, arrows: list[Arrow]) -> None:
        """An arrow from each touchpoint that passes the customer on to the one that takes
        them over; the teams are written in the receiving touchpoint's box."""
        nodes = self._node_of_touchpoint()
        p = self.p
        for change, declared in zip(self.changes, self.declared, strict=True):
            color = p.handoff if declared else p.undeclared
            attrs = {
                "color": color,
                "penwidth": "2.2" if declared else "1.6",
                "style": "solid" if declared else "dotted",
                "arrowsize": "0.9",
            }
            arrows.append(
                Arrow(
                    nodes[change.before.id],
                    nodes[change.touchpoint.id],
                    self.stage_of[change.before.id],
                    self.stage_of[change.touchpoint.id],
                    _attrs(attrs),
                )
            )

    def _root_causes(self, arrows: list[Arrow]) -> None:
        """A dashed arrow from a root cause in another stage to the pain point's cell (one in
        the same stage is named in the pain point's text only, so that arrows do not loop
        inside a column)."""
        touchpoints = self._node_of_touchpoint()
        show_touchpoints = Lane.touchpoints in self.lanes
        drawn: set[tuple[str, int]] = set()
        for index, stage in enumerate(self.journey.stages):
            for pain in stage.pain_points:
                if self.diff is not None and (
                    index in self.gone or self.diff.removed("pain_point", pain.id)
                ):
                    continue  # a removed pain point's cause is history
                cause = pain.root_cause
                where = self.stage_of.get(cause) if cause is not None else None
                if cause is None or where is None or where == index:
                    continue
                tail = touchpoints.get(cause) if show_touchpoints else None
                tail = tail or f"s{where}_head"
                if (tail, index) in drawn:
                    continue
                drawn.add((tail, index))
                attrs = {
                    "color": self.p.root_cause,
                    "style": "dashed",
                    "penwidth": "1.8",
                    "arrowsize": "0.9",
                }
                head = f"s{index}_{Lane.pain_points.value}"
                arrows.append(Arrow(tail, head, where, index, _attrs(attrs), into_top=True))

    # -- the key column ----------------------------------------------------------------------

    def _key(self, row: _Row, height: float) -> dict[str, str]:
        p = self.p
        width_pt = KEY_WIDTH * 72 - 2 * CELL_PAD
        cell = _Cell()
        chars = self._chars(SMALL, width_pt)

        def title(text: str) -> None:
            cell.add(_font(escape.text(text), BODY + 1, p.text, bold=True), BODY + 1)

        def note(text: str, mark: str = "", color: str | None = None) -> None:
            wrapped = escape.wrap(text, chars - (2 if mark else 0))
            html = _font("<BR/>".join(wrapped), SMALL, p.muted)
            if mark:
                html = _font(escape.text(mark), SMALL, color or p.text, bold=True) + " " + html
            cell.add(html, SMALL, len(wrapped))

        attrs = {
            "shape": "box",
            "style": "filled",
            "fillcolor": p.background,
            "color": p.background,
            "margin": f"{CELL_PAD / 72:.3f},0.02",
            "width": f"{KEY_WIDTH:.2f}",
            "height": f"{height:.2f}",
        }
        if row.lane is None:
            note("supplier's view (LAER)", "LAND", p.laer)
            title("Stage")
            note("customer's view (PIMO)", "Plan", p.pimo)
            if any(not walk.customer_evidence(s) for s in self.journey.stages):
                note("dashed frame: no customer evidence", WARNING, p.unvalidated)
            if any(h.via is None for s in self.journey.stages for h in s.handoffs):
                note("handoff declared for the stage", HANDOFF, p.handoff)
        elif row.lane is Lane.touchpoints:
            return attrs | {"label": self._touchpoint_key(row, width_pt, chars)}
        elif row.lane is Lane.emotion:
            return attrs | {"label": self._emotion_key(row, width_pt), "margin": "0.05,0"}
        elif row.lane is Lane.goals:
            title("Goals")
            note("what the customer wants")
        elif row.lane is Lane.actions:
            title("Actions")
            note("what the customer does to move on")
        elif row.lane is Lane.thoughts:
            title("Thoughts")
            note("what the customer thinks or asks")
        elif row.lane is Lane.pain_points:
            title("Pain points")
            for severity in reversed(PainPointSeverity):
                color = p.severity[list(PainPointSeverity).index(severity)]
                note(f"{severity.value} severity", SEVERITY_GLYPH[severity], color)
            if any(pp.root_cause for s in self.journey.stages for pp in s.pain_points):
                note("dashed arrow from its root cause in another stage", "⇢", p.root_cause)
        elif row.lane is Lane.opportunities:
            title("Opportunities")
            for status in OpportunityStatus:
                color = p.status[list(OpportunityStatus).index(status)]
                note(status.value, STATUS_GLYPH[status], color)
        elif row.lane is Lane.milestones:
            title("Milestones")
            note("success milestones the customer reaches", MILESTONE, p.milestone)
        elif row.lane is Lane.metrics:
            title("Metrics")
            note("how the stage is measured: target, source", METRIC)
        return attrs | {"label": cell.label(width_pt)}

    def _emotion_key(self, row: _Row, width_pt: float) -> str:
        """One level per emotion row; the lane's name at 0, and what the points are."""
        p, cell = self.p, _Cell()
        level = int(row.key[3:])
        scale = {2: "+2 happier", 1: "+1", 0: "0", -1: "−1", -2: "−2 unhappier"}[level]
        html = _font(scale, SMALL, p.muted)
        if level == 0:
            html = _font("Emotion", BODY + 1, p.text, bold=True) + "   " + html
        derived = any(e is not None and not e[1] for e in self.emotions)
        if level == 1:
            html += "   " + _font("● the stage's emotion", SMALL, p.text)
        if level == -1 and derived:
            html += "   " + _font("◯ mean of its touchpoints", SMALL, p.text)
        cell.add(html, BODY + 1 if level == 0 else SMALL)
        return cell.label(width_pt)

    def _touchpoint_key(self, row: _Row, width_pt: float, chars: int) -> str:
        """The touchpoint key, spread over the touchpoint rows so that no row grows for it."""
        if self._tp_key is None:
            self._tp_key = self._touchpoint_key_entries()
        entries = self._tp_key
        position = int(row.key[2:])
        per_row = max(3, math.ceil(len(entries) / max(self.tp_rows, 1)))
        mine = entries[position * per_row : (position + 1) * per_row]
        if position == self.tp_rows - 1:
            mine = entries[position * per_row :]
        body = "".join(mine) or "<TR><TD> </TD></TR>"
        return (
            f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0" '
            f'WIDTH="{width_pt:.0f}">{body}</TABLE>>'
        )

    def _touchpoint_key_entries(self) -> list[str]:
        """The rows of the touchpoint key: only the marks the picture uses."""
        p = self.p

        def line(html: str) -> str:
            return f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html}</TD></TR>'

        def swatch(fill: str, glyph: str, text: str, *, border: int = 1, style: str = "") -> str:
            look = f' STYLE="{style}"' if style else ""
            sample = (
                f'<TD BGCOLOR="{fill}" BORDER="{border}" COLOR="{p.border}"{look} '
                f'WIDTH="22" HEIGHT="15">{glyph}</TD>'
            )
            words = _font(escape.text(text), SMALL, p.muted)
            return f'<TR>{sample}<TD ALIGN="LEFT" CELLPADDING="2">{words}</TD></TR>'

        touchpoints = [tp for s in self.journey.stages for tp in s.touchpoints]
        moments = {tp.moment for tp in touchpoints}
        entries = [
            line(_font("Touchpoints", BODY + 1, p.text, bold=True)),
            line(_font("in order; channel · owning team · emotion", SMALL, p.muted)),
        ]
        for moment, fill in (
            (Moment.POSITIVE, p.positive),
            (Moment.NEUTRAL, p.neutral),
            (Moment.NEGATIVE, p.negative),
        ):
            if moment in moments:
                glyph = _font(MOMENT_GLYPH[moment], SMALL, p.text)
                entries.append(swatch(fill, glyph, f"{moment.value} moment"))
        if None in moments:
            entries.append(swatch(p.no_moment, " ", "no moment stated"))
        if any(tp.critical for tp in touchpoints):
            glyph = _font(CRITICAL, SMALL, p.text)
            entries.append(swatch(p.no_moment, glyph, "critical: a moment of truth", border=3))
        if any(not tp.direct for tp in touchpoints):
            entries.append(swatch(p.no_moment, " ", "indirect", style="dashed"))
        if any(tp.feedback for tp in touchpoints):
            glyph = _font(LISTENING, SMALL, p.text)
            entries.append(swatch(p.background, glyph, "listening post", border=0))
        declared = list(self.declared)
        if any(declared):
            glyph = _font(f"{HANDOFF} →", SMALL, p.handoff, bold=True)
            entries.append(swatch(p.background, glyph, "handoff: team → team", border=0))
        if not all(declared):
            glyph = _font(f"{UNDECLARED} ⋯", SMALL, p.undeclared, bold=True)
            entries.append(swatch(p.background, glyph, "undeclared handoff (dotted)", border=0))
        return entries


def _node_statement(name: str, attrs: dict[str, str]) -> str:
    """A DOT node statement; `label` is an HTML-like label (`<...>`), written as it is."""
    fields = " ".join(
        f"{key}={value}" if key == "label" else f'{key}="{value}"'
        for key, value in sorted(attrs.items())
    )
    return f'\t\t"{name}" [{fields}]\n'


def _attrs(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(values.items()))


def _ink(p: Palette, level: int, own: bool) -> str:
    """Text colour on an emotion point: legible on its fill."""
    if not own:
        return p.text
    fill = p.emotion[level + 2].lstrip("#")
    r, g, b = (int(fill[i : i + 2], 16) for i in (0, 2, 4))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


def _emotion(stage: Stage) -> tuple[int, bool] | None:
    """The stage's point on the curve: its own emotion, or else the rounded mean of its
    touchpoints' emotions (marked as such); None when neither is known."""
    if stage.emotion is not None:
        return stage.emotion, True
    known = [tp.emotion for tp in stage.touchpoints if tp.emotion is not None]
    if not known:
        return None
    return math.floor(sum(known) / len(known) + 0.5), False


def _content(stage: Stage, lane: Lane) -> bool:
    if lane is Lane.emotion:
        return _emotion(stage) is not None
    lists: dict[Lane, Sequence[object]] = {
        Lane.goals: stage.goals,
        Lane.actions: stage.actions,
        Lane.thoughts: stage.thoughts,
        Lane.touchpoints: stage.touchpoints,
        Lane.pain_points: stage.pain_points,
        Lane.opportunities: stage.opportunities,
        Lane.milestones: stage.milestones,
        Lane.metrics: stage.metrics,
    }
    return bool(lists[lane])
