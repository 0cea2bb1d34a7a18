"""Lines and columns as an editor counts them: CR LF, CR and LF end a line; nothing else does.

libyaml follows YAML 1.1 and also ends lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR,
which editors show inside a line; where the text holds one of those, positions are counted
from the parser's character offsets instead of its line numbers.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from journeyctl.diagnostics import Span

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


class Positions:
    def __init__(self, text: str) -> None:
        self._text = text
        self._trust_parser = not any(char in text for char in _YAML_ONLY_BREAKS)
        self._starts: list[int] | None = None

    def span(self, start: Any, end: Any) -> Span:
        """The span between two parser marks."""
        if self._trust_parser:
            return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        return Span(*self.line_column(start.index), *self.line_column(end.index))

    def point(self, mark: Any) -> Span:
        if self._trust_parser:
            return Span.point(mark.line + 1, mark.column + 1)
        return Span.point(*self.line_column(mark.index))

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        if self._starts is None:
            self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(self._text))]
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
