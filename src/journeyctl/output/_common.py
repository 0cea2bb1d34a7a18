"""Helpers shared by the output formats: ordering, and making map text safe to show."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyctl.diagnostics import Diagnostic, Report

# C0 and C1 controls, DEL, lone surrogates (from undecodable file names) and the two
# non-characters U+FFFE/U+FFFF: none can be shown on a terminal or carried by XML 1.0. The
# Unicode line and paragraph separators too, which editors and str.splitlines() break on.
# And the invisible characters that reorder or hide text (bidi overrides and isolates, zero
# width space, direction marks, BOM): messages quote map text escaped already (through
# journeyctl.quoting), and this catches the rest, such as file names.
# Patterns stay strings: `re` compiles (and caches) them on first use, not at import.
_INVISIBLE = "\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_UNSHOWABLE = f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff{_INVISIBLE}]"
# The same but for tab, LF and CR, which a format may carry in its own way (the line and
# paragraph separators stay escaped: a log viewer may break a line on them).
_UNSHOWABLE_INLINE = (
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff{_INVISIBLE}]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character written as a backslash escape (`\\n`, `\\x1b`).

    Keeps one diagnostic on one line, and keeps a map's text from driving the terminal
    (ANSI escapes) or breaking XML.
    """
    # str.isprintable() is False for every character of the pattern: a quick way out.
    if text.isprintable():
        return text
    return re.sub(_UNSHOWABLE, _escape, text)


def visible_inline(text: str) -> str:
    """Like `visible`, but leaves tab, LF and CR alone."""
    if text.isprintable():
        return text
    return re.sub(_UNSHOWABLE_INLINE, _escape, text)


def sorted_diagnostics(report: Report) -> list[Diagnostic]:
    """All diagnostics of the report by (path, line, column, code, message)."""
    return sorted(report.diagnostics, key=lambda d: d.sort_key)


def surrogates_as_json_escapes(document: str) -> str:
    """Write lone surrogates in a JSON document as `\\udcXX` escapes.

    `json.dumps(ensure_ascii=False)` copies a lone surrogate (a file name that is not UTF-8,
    decoded with surrogateescape) into its output, which then cannot be written as UTF-8.
    Such a character can only stand inside a JSON string, where `\\udcXX` is a valid escape
    that reads back as the same string.
    """
    try:
        document.encode("utf-8")
    except UnicodeEncodeError:
        return document.encode("utf-8", "backslashreplace").decode("utf-8")
    return document
