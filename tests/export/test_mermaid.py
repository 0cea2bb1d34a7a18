"""Mermaid exports, read back by Mermaid's own parser (tests/mermaid, under node).

Every diagram of the module goes to one node process (start-up is the slow part); the tests
then compare what Mermaid read (title, sections, tasks, scores, actors) with the map.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import journeyctl
from journeyctl.export import journey_diagram, mermaid_text
from journeyctl.export.mermaid import score
from journeyctl.markdown import WORD_JOINER, plain_line
from tests.conftest import EXAMPLES, ROOT
from tests.mermaid import parse_diagrams

HOSTILE = ROOT / "tests" / "data" / "hostile.journey.yaml"
MAPS = [*sorted(EXAMPLES.glob("*.journey.yaml")), HOSTILE]
UNWIDE = str.maketrans({"＃": "#", "；": ";", "：": ":", "，": ",", "＜": "<", "＞": ">"})

# Text that Mermaid's journey grammar would read as something else, plus random mixes of it.
NASTY = [
    "a: b",
    "a # b",
    "a; b",
    "#start",
    "%start",
    "a%%b",
    "%%{init: {'theme': 'forest'}}%%",
    "section",
    "Section two",
    "title x",
    "TITLE: y",
    "journey",
    "journey planning",
    "accTitle: t",
    "accDescr: d",
    "accDescr { d }",
    "} closing",
    "a, b",
    "<b>bold</b> <br> x",
    "line\nbreak",
    "tab\tand\r\ncrlf",
    "\u202eright-to-left",
    "  spaces  ",
    "```",
    "#35; entity",
    "fa:fa-user",
]


def _random_texts(count: int) -> list[str]:
    pieces = [*NASTY, "x", " ", ":", "#", ";", "%", ",", "\n", "{", "}", "<", ">", "é", "日本"]
    chooser = random.Random(20261127)
    texts = [
        "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 6))) for _ in range(count)
    ]
    return [text if text.strip() else f"x{text}" for text in texts]


def shown(text: str) -> str:
    """What Mermaid's reading of `text` says, as plain text: joiners out, ASCII back."""
    return text.replace(WORD_JOINER, "").translate(UNWIDE).strip()


def _result(path: Path) -> journeyctl.CheckResult:
    result = journeyctl.check(path, lint=False)
    assert result.journey is not None, result.diagnostics
    return result


def _synthetic(texts: list[str]) -> str:
    """A map whose titles, stage names, touchpoint names and team names are `texts`."""
    import json

    lines = ["journeyctl: 1", "id: nasty", f"title: {json.dumps(texts[0])}", "teams:"]
    lines += [f"  - {{id: t{i}, name: {json.dumps(t)}}}" for i, t in enumerate(texts)]
    lines.append("stages:")
    for i, text in enumerate(texts):
        lines += [f"  - id: s{i}", f"    name: {json.dumps(text)}", "    touchpoints:"]
        lines += [f"      - {{id: p{i}, name: {json.dumps(text)}, owner: t{i}}}"]
    return "\n".join(lines) + "\n"


RANDOM = _random_texts(150)
SYNTHETIC = [NASTY, RANDOM]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Any]:
    diagrams: dict[str, str] = {}
    for path in MAPS:
        result = _result(path)
        assert result.journey is not None
        diagrams[path.name] = journey_diagram(result.journey, result.team_name)
    for number, texts in enumerate(SYNTHETIC):
        result = journeyctl.check(_synthetic(texts), lint=False)
        assert result.journey is not None, result.diagnostics
        diagrams[f"synthetic-{number}"] = journey_diagram(result.journey, result.team_name)
    diagrams["cli"] = subprocess.run(
        [sys.executable, "-m", "journeyctl", "export", str(HOSTILE), "--to", "mermaid"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = list(diagrams)
    return dict(zip(names, parse_diagrams([diagrams[n] for n in names]), strict=True))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_mermaid_reads_every_stage_and_touchpoint(path: Path, parsed: dict[str, Any]) -> None:
    read = parsed[path.name]
    assert read["ok"], read["error"]
    assert read["type"] == "journey"
    result = _result(path)
    journey = result.journey
    assert journey is not None
    expected = []
    for stage in journey.stages:
        for tp in stage.touchpoints or [None]:
            name = tp.name if tp else stage.name
            owner = tp.owner if tp else None
            expected.append(
                {
                    "section": plain_line(stage.name),
                    "task": plain_line(name),
                    "score": score(tp.emotion if tp else None, stage.emotion),
                    "people": [plain_line(result.team_name(owner))] if owner else [],
                }
            )
    got = [
        {
            "section": shown(task["section"]),
            "task": shown(task["task"]),
            "score": task["score"],
            "people": [shown(p) for p in task["people"]],
        }
        for task in read["tasks"]
    ]
    assert got == expected
    assert shown(read["title"]) == plain_line(journey.title)


@pytest.mark.parametrize("number", range(len(SYNTHETIC)))
def test_nasty_text_survives_mermaid(number: int, parsed: dict[str, Any]) -> None:
    texts = SYNTHETIC[number]
    read = parsed[f"synthetic-{number}"]
    assert read["ok"], read["error"]
    assert [shown(t["task"]) for t in read["tasks"]] == [plain_line(t) for t in texts]
    assert [shown(t["section"]) for t in read["tasks"]] == [plain_line(t) for t in texts]
    assert [[shown(p) for p in t["people"]] for t in read["tasks"]] == [
        [plain_line(t)] for t in texts
    ]


def test_the_command_writes_the_same_diagram(parsed: dict[str, Any]) -> None:
    assert parsed["cli"] == parsed[HOSTILE.name]


def test_scores_follow_emotion() -> None:
    assert [score(e, None) for e in (-2, -1, 0, 1, 2)] == [1, 2, 3, 4, 5]
    assert score(None, -1) == 2
    assert score(None, None) == 3
    assert score(0, 2) == 3


def test_hostile_diagram_has_no_directive_comment_or_markup() -> None:
    result = _result(HOSTILE)
    assert result.journey is not None
    diagram = journey_diagram(result.journey, result.team_name)
    assert "%%" not in diagram
    assert "<" not in diagram and ">" not in diagram
    for line in diagram.splitlines()[2:]:
        body = line.strip().removeprefix("section ")
        assert "#" not in body and ";" not in body
    assert len(diagram.splitlines()) == 2 + 2 + 5 + 1


def test_text_that_is_nothing_gets_a_fallback() -> None:
    assert mermaid_text("\u202e", fallback="stage-id") == "stage-id"
