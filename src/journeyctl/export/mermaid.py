"""A map as a Mermaid `journey` diagram, which GitHub and GitLab draw from a code block.

One `section` per stage and one task per touchpoint (or one per stage that has none). A task's
score is the emotion plus 3 (Mermaid draws 1..5 as faces): the touchpoint's emotion, else its
stage's, else 3 (neutral). Its actor is the name of the team that owns the touchpoint.

Map text is made safe for Mermaid's journey grammar, checked against Mermaid's own parser in
the tests. In that grammar `#` and a line-start `%` open comments, `%%` anywhere opens a
comment or a directive (`%%{init: ...}%%` changes the configuration), `;` and line breaks end a
statement, `:` separates a task from its score and actors, `,` separates actors, and a text
that begins with `journey`, `title`, `section`, `accTitle` or `accDescr` (in any case) is read as
that keyword. So:

- line breaks and runs of blanks become one space, control characters U+FFFD (as in Markdown);
- `#`, `;` and `:` become their full-width forms `＃`, `；` and `：` (the title keeps `:`,
  which its grammar allows), and `,` in an actor becomes `，`;
- `<` and `>` become `＜` and `＞`: Mermaid strips what looks like HTML from a title and
  breaks task lines at `<br>`, and no version of it should ever see markup from a map;
- `%%` gets an invisible U+2060 WORD JOINER between its two signs, and a text that starts
  with `%` or with a keyword gets one in front, so Mermaid reads it as plain text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from journeyctl.markdown import WORD_JOINER, plain_line

if TYPE_CHECKING:
    from journeyctl.model import JourneyMap

_FULL_WIDTH = {
    "#": "\uff03",
    ";": "\uff1b",
    ":": "\uff1a",
    ",": "\uff0c",
    "<": "\uff1c",
    ">": "\uff1e",
}
_KEYWORD = re.compile(r"(?:journey|title|section|acctitle|accdescr)", re.IGNORECASE)
_DOUBLE_PERCENT = re.compile(r"%(?=%)")
NEUTRAL_SCORE = 3


def mermaid_text(text: str, *, keep: str = "", fallback: str = "(unnamed)") -> str:
    """`text` as one line that Mermaid's journey grammar reads as plain text.

    `keep` lists the characters among `#;:,<>` that may stay (`:` in a title); `,` is replaced
    only where it is not kept, which callers use for actors.
    """
    line = plain_line(text).translate(_table(keep))
    if "%%" in line:
        line = _DOUBLE_PERCENT.sub("%" + WORD_JOINER, line)
    if line.startswith("%") or _KEYWORD.match(line):
        line = WORD_JOINER + line
    return line or fallback


@functools.cache
def _table(keep: str) -> dict[int, str]:
    return {ord(char): wide for char, wide in _FULL_WIDTH.items() if char not in keep}


def score(emotion: int | None, stage_emotion: int | None) -> int:
    """1..5 from an emotion of -2..2: the touchpoint's, else its stage's, else neutral."""
    chosen = emotion if emotion is not None else stage_emotion
    return NEUTRAL_SCORE if chosen is None else chosen + NEUTRAL_SCORE


def journey_diagram(journey: JourneyMap, team_name: Callable[[str], str]) -> str:
    """The Mermaid source, ending with a newline; `team_name` maps a team id to its name."""
    lines = ["journey", f"    title {mermaid_text(journey.title, keep=':,')}"]
    for stage in journey.stages:
        lines.append(f"    section {mermaid_text(stage.name, keep=',', fallback=stage.id)}")
        if not stage.touchpoints:
            lines.append(_task(stage.name, stage.id, score(None, stage.emotion), None))
        for touchpoint in stage.touchpoints:
            owner = team_name(touchpoint.owner) if touchpoint.owner else None
            task_score = score(touchpoint.emotion, stage.emotion)
            lines.append(_task(touchpoint.name, touchpoint.id, task_score, owner))
    return "\n".join(lines) + "\n"


def _task(name: str, element_id: str, task_score: int, actor: str | None) -> str:
    task = f"      {mermaid_text(name, keep=',', fallback=element_id)}: {task_score}"
    if actor is not None:
        task += f": {mermaid_text(actor, fallback='(team)')}"
    return task
