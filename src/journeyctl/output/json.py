"""JSON: one array of objects with exactly the keys of `Diagnostic.as_dict()`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from journeyctl.output._common import sorted_diagnostics, surrogates_as_json_escapes

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journeyctl.diagnostics import Diagnostic, Report


def format_report(report: Report) -> str:
    """The sorted diagnostics as a JSON array (`[]` when there is none)."""
    return "".join(iter_report(report))


def iter_report(report: Report) -> Iterator[str]:
    """`format_report` in pieces, one diagnostic each: the same text as `json.dumps` of the
    whole list with `indent=2`, without ever holding the whole document."""
    diagnostics = sorted_diagnostics(report)
    if not diagnostics:
        yield "[]\n"
        return
    yield "["
    for index, diagnostic in enumerate(diagnostics):
        yield ",\n" if index else "\n"
        yield _item(diagnostic)
    yield "\n]\n"


def _item(d: Diagnostic) -> str:
    # `json.dumps(..., indent=2)` runs the pure-Python encoder: ten times slower than this
    # template, whose strings go through the C string encoder. A test compares the two.
    span = d.span
    return surrogates_as_json_escapes(
        f'  {{\n    "path": {encode_string(d.path)},\n    "line": {span.line},\n'
        f'    "column": {span.column},\n    "end_line": {span.end_line},\n'
        f'    "end_column": {span.end_column},\n    "code": {encode_string(d.code)},\n'
        f'    "rule": {encode_string(d.rule)},\n'
        f'    "severity": {encode_string(d.severity.label)},\n'
        f'    "message": {encode_string(d.message)},\n'
        f'    "fingerprint": {encode_string(d.fingerprint)}\n  }}'
    )


def encode_string(text: str) -> str:
    """A JSON string, as `json.dumps(text, ensure_ascii=False)` writes it."""
    return _ENCODE(text)


_ENCODE = json.encoder.encode_basestring
