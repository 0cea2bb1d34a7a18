"""Golden tests: the examples are already canonical; a messy copy becomes the reviewed file."""

from __future__ import annotations

from pathlib import Path

import pytest

import journeyctl
from journeyctl.fmt import format_map, same_data
from journeyctl.fmt.layout import comment_texts
from tests.conftest import EXAMPLES, TODAY

DATA = Path(__file__).parent / "data"
MESSY = DATA / "messy.journey.yaml"
GOLDEN = DATA / "messy.formatted.journey.yaml"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.journey.yaml")), ids=lambda p: p.name)
def test_every_example_is_already_canonical(example: Path) -> None:
    result = format_map(example.read_bytes(), path=example.name, today=TODAY)
    assert result.text is not None, result.refusal
    assert result.text == example.read_text(encoding="utf-8")


def test_the_messy_copy_becomes_the_reviewed_golden_file() -> None:
    result = format_map(MESSY.read_bytes(), path=MESSY.name, today=TODAY)
    assert result.text == GOLDEN.read_text(encoding="utf-8")


def test_the_golden_file_is_canonical_and_means_what_the_messy_copy_means() -> None:
    again = format_map(GOLDEN.read_bytes(), path=GOLDEN.name, today=TODAY)
    assert again.text is not None and not again.changed
    before = journeyctl.check(MESSY, today=TODAY)
    after = journeyctl.check(GOLDEN, today=TODAY)
    assert before.document and after.document
    assert same_data(before.document.data, after.document.data)
    assert comment_texts(before.document) == comment_texts(after.document)
    assert [(d.code, d.message) for d in before.diagnostics] == [
        (d.code, d.message) for d in after.diagnostics
    ]


def test_the_messy_copy_is_messy_in_the_ways_it_claims() -> None:
    text = MESSY.read_text(encoding="utf-8")
    assert "\n    -   name: Implementation" in text  # four-space indents
    assert text.index("title:") < text.index("journeyctl:")  # keys out of order
    assert "{name: Customer Success,\n" in text and "goals:\n            - " in text  # mixed
    assert sum("#" in line for line in text.splitlines()) >= 10  # comments on many lines
