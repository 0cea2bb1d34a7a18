"""Step 2: a linear pre-scan that rejects deep nesting before any parser runs.

The C composer recurses once per nesting level, takes quadratic time on deep flow nesting and
crashes the process (SIGSEGV, which no `except` catches) near 30,000 levels; the pure-Python
parser raises RecursionError near 500. So depth is measured here on the raw text, cheaply and
conservatively: flow brackets outside quoted scalars and comments, block indentation levels,
and compact `- - -` sequence entries. It may overestimate (a plain scalar whose continuation
lines keep indenting), never underestimate, and only matters at `max_depth` (64 by default),
far beyond any real journey map (about 8 levels).
"""

from __future__ import annotations

import re

from journeyctl.diagnostics import Span
from journeyctl.load.errors import LoadError

_SPECIAL = re.compile(r"""[\[\]{}"'|>#,]""")
_DOUBLE_QUOTED_REST = re.compile(r'(?:[^"\\]|\\.)*"')
_SINGLE_QUOTED_REST = re.compile(r"(?:[^']|'')*'")
_COMPACT_DASHES = re.compile(r"(?:-(?:[ \t]+|$))+")
_BLOCK_SCALAR_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
_INDICATORS_BEFORE_VALUE = frozenset(":-?,[{")


def check_nesting(text: str, max_depth: int) -> None:
    """Raise LoadError at the first place where nesting exceeds `max_depth`."""
    flow_depth = 0
    quote: re.Pattern[str] | None = None
    block_scalar_parent: int | None = None
    indents: list[int] = []

    for number, line in enumerate(text.splitlines(), start=1):
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        if block_scalar_parent is not None:
            if not content.strip() or indent > block_scalar_parent:
                continue
            block_scalar_parent = None

        position = 0
        if quote is not None:
            closing = quote.match(line)
            if closing is None:
                continue
            quote, position = None, closing.end()
        elif flow_depth == 0:
            if not content or content.startswith("#"):
                continue
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
            dashes = _COMPACT_DASHES.match(content)
            compact = dashes.group().count("-") if dashes else 0
            if len(indents) + compact > max_depth:
                _too_deep(number, indent + 1, max_depth)

        block_depth = len(indents)
        for match in _SPECIAL.finditer(line, position):
            start = match.start()
            if start < position:
                continue  # inside a quoted scalar already skipped
            char = match.group()
            at_value_start = _at_value_start(line, start)
            if char == "#":
                if start == 0 or line[start - 1] in " \t":
                    break
            elif char in "\"'":
                if not at_value_start:
                    continue
                rest = (_DOUBLE_QUOTED_REST if char == '"' else _SINGLE_QUOTED_REST).match(
                    line, start + 1
                )
                if rest is None:
                    quote = _DOUBLE_QUOTED_REST if char == '"' else _SINGLE_QUOTED_REST
                    break
                position = rest.end()
            elif char in "[{":
                if flow_depth or at_value_start:
                    flow_depth += 1
                    if block_depth + flow_depth > max_depth:
                        _too_deep(number, start + 1, max_depth)
            elif char in "]}":
                flow_depth = max(0, flow_depth - 1)
            elif (
                char in "|>"
                and flow_depth == 0
                and at_value_start
                and _BLOCK_SCALAR_HEADER.match(line, start)
            ):
                block_scalar_parent = indent
                break


def _at_value_start(line: str, index: int) -> bool:
    """Whether a scalar or collection may begin at `index` (not in the middle of plain text)."""
    before = index - 1
    while before >= 0 and line[before] in " \t":
        before -= 1
    if before < 0:
        return True
    previous = line[before]
    if previous not in _INDICATORS_BEFORE_VALUE:
        return False
    # `:`, `-` and `?` are indicators only when followed by a space; `a:b` is plain text.
    return previous in ",[{" or before + 1 < index


def _too_deep(line: int, column: int, max_depth: int) -> None:
    raise LoadError(
        f"nesting is deeper than {max_depth} levels; journey maps need far fewer "
        "(raise limits.max_depth in the configuration if this file is right)",
        Span.point(line, column),
    )
