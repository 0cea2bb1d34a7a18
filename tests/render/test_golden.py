"""The DOT of every example against reviewed golden files.

After an intended change to the picture, regenerate them with
`JOURNEYCTL_UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py`, look at the
rendered examples (`make images`), and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journeyctl.render.layout import dot_source

from .helpers import EXAMPLES, GOLDEN, checked


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_dot_of_each_example_matches_its_golden_file(example: Path) -> None:
    golden = GOLDEN / (example.name.removesuffix(".journey.yaml") + ".dot")
    source = dot_source(checked(example))
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1":
        golden.write_text(source, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with JOURNEYCTL_UPDATE_GOLDEN=1"
    assert source == golden.read_text(encoding="utf-8")


def test_every_example_has_a_golden_file_and_no_golden_file_is_orphaned() -> None:
    names = {p.name.removesuffix(".journey.yaml") for p in EXAMPLES}
    assert {p.stem for p in GOLDEN.glob("*.dot")} == names
