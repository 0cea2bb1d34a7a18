"""The edge of rendering: run Graphviz's `dot`, fit the picture to a slide, write the file.

A slide is fitted by padding, never by stretching: `dot` lays the graph out once (`-Tdot`,
which reports the bounding box), then the laid-out graph is drawn as it is (`-Kneato -n2`,
no second layout) with a padding that brings it to the slide's ratio. For PNG the resolution
defaults to the one that makes the image exactly `SLIDE_PIXELS` wide.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.render.options import Format

if TYPE_CHECKING:
    from journeyctl.render.layout import Diagram

__all__ = ["Format", "RenderError", "find_dot", "install_hint", "padding", "render", "write_atomic"]

SLIDE_PIXELS = 1920
"""Width of a full-HD slide: the default PNG width."""
MARGIN_IN = 0.2
"""Padding around the picture, inches, before fitting it to the slide."""
DOT_TIMEOUT_S = 600
INSTALL_HINT = (
    "Graphviz's 'dot' program is needed to render {fmt}; install Graphviz "
    "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; "
    "https://graphviz.org/download/), or write DOT with --format dot"
)


class RenderError(Exception):
    """Graphviz is missing or failed: a usage-level error (exit 2), with a one-line message."""


def install_hint(fmt: Format) -> str:
    return INSTALL_HINT.format(fmt=fmt.value.upper())


def find_dot() -> str | None:
    return shutil.which("dot")


def render(
    diagram: Diagram, fmt: Format, *, ratio: float | None, dpi: float | None = None
) -> bytes:
    """The picture of `diagram` in `fmt`; for DOT, the diagram's source.

    `dot` lays the grid out (and reports every cell's box as JSON); the arrows are routed
    through the gutters of that layout (`arrows.route`); `neato -n2` measures the whole as it
    stands (`-Tplain`) and draws it, padded to the slide's ratio, without a second layout.
    """
    if fmt is Format.dot:
        return diagram.source.encode("utf-8")
    dot = find_dot()
    if dot is None:
        raise RenderError(install_hint(fmt))
    from journeyctl.render.arrows import boxes_from_json, route
    from journeyctl.render.layout import with_statements

    with tempfile.TemporaryDirectory(prefix="journeyctl-") as folder:
        laid_out, geometry = Path(folder) / "grid.dot", Path(folder) / "grid.json"
        _run(
            [dot, "-Tdot", "-o", str(laid_out), "-Tjson0", "-o", str(geometry)],
            diagram.grid.source.encode("utf-8"),
        )
        grid = laid_out.read_text(encoding="utf-8")
        data = json.loads(geometry.read_text(encoding="utf-8"))
    statements = route(diagram.arrows, boxes_from_json(data.get("objects", [])))
    whole = with_statements(grid, statements).encode("utf-8")
    # `neato -n2` measures the drawing anew (the title, the splines): ask it for the size
    plain = _run([dot, "-Kneato", "-n2", "-Tplain"], whole).split(maxsplit=4)
    width, height = float(plain[2]), float(plain[3])
    pad_x, pad_y = padding(width, height, ratio)
    argv = [dot, "-Kneato", "-n2", f"-T{fmt.value}", f"-Gpad={pad_x:.4f},{pad_y:.4f}"]
    if fmt is Format.png:
        total = width + 2 * pad_x
        chosen = dpi if dpi is not None else SLIDE_PIXELS / total
        argv.append(f"-Gdpi={chosen:.4f}")
    return _run(argv, whole)


def padding(width: float, height: float, ratio: float | None) -> tuple[float, float]:
    """Inches to add on each side (x, y) so that the picture has `ratio` (width / height)."""
    w, h = width + 2 * MARGIN_IN, height + 2 * MARGIN_IN
    if ratio is None:
        return MARGIN_IN, MARGIN_IN
    if w / h < ratio:
        return MARGIN_IN + (h * ratio - w) / 2, MARGIN_IN
    return MARGIN_IN, MARGIN_IN + (w / ratio - h) / 2


def _run(argv: list[str], stdin: bytes) -> bytes:
    try:
        done = subprocess.run(
            argv, input=stdin, capture_output=True, timeout=DOT_TIMEOUT_S, check=False
        )
    except FileNotFoundError as exc:  # removed between which() and run()
        raise RenderError(INSTALL_HINT.format(fmt="images")) from exc
    except subprocess.TimeoutExpired as exc:
        raise RenderError(f"Graphviz's dot took longer than {DOT_TIMEOUT_S} s") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {done.returncode}"
        raise RenderError(f"Graphviz's dot failed: {reason}")
    return done.stdout


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, so that a failure
    leaves no partial file and a reader never sees one."""
    folder = path.parent if str(path.parent) else Path()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
