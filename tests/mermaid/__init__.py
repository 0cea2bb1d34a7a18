"""Mermaid's own parser, run under node on many diagrams at once (tests/mermaid/parse.mjs)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
INSTALL_HINT = "run `make setup` (npm ci --prefix tests/mermaid) to install Mermaid's parser"


def parse_diagrams(texts: list[str]) -> list[dict[str, Any]]:
    """One `{ok, type, error, title, tasks}` per diagram, in order, from one node process."""
    node = shutil.which("node")
    assert node is not None, f"node is not installed: {INSTALL_HINT}"
    assert (HERE / "node_modules" / "mermaid").is_dir(), INSTALL_HINT
    done = subprocess.run(
        [node, str(HERE / "parse.mjs")],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    assert len(results) == len(texts)
    return results
