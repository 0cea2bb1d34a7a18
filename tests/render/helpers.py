"""What the render tests share: the CLI as a user runs it, and readers for its outputs."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import journeyctl
from journeyctl.api import CheckResult
from journeyctl.config import DEFAULT_SETTINGS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.journey.yaml"))
DATA = HERE / "data"
GOLDEN = HERE / "golden"
HOSTILE = DATA / "hostile.journey.yaml"
TWELVE = DATA / "twelve-stages.journey.yaml"
SVG = "{http://www.w3.org/2000/svg}"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is needed")


def checked(path: Path) -> CheckResult:
    result = journeyctl.check(path, config=DEFAULT_SETTINGS, lint=False)
    assert result.valid, [d.message for d in result.diagnostics]
    return result


def run(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        env=env if env is not None else dict(os.environ),
        timeout=300,
    )


def svg_root(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def svg_text(root: ET.Element) -> str:
    """Every piece of text the SVG shows, in document order, joined by spaces; zero-width
    spaces (which follow an escaped backslash) removed."""
    parts = [t.text or "" for t in root.iter(f"{SVG}text")]
    return " ".join(parts).replace("\u200b", "")


def squeezed(text: str) -> str:
    """`text` without whitespace: wrapped lines compare equal to the unwrapped text."""
    return "".join(text.split())


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height
