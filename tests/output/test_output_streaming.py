"""The streamed formats write exactly what `json.dumps(..., indent=2)` of the whole document
would, a piece at a time, and never hold the whole document."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from journeyctl.diagnostics import Diagnostic, FileReport, Report, RuleInfo, Severity, Span
from journeyctl.output import get_streamer, sarif, write_chunks
from journeyctl.output import json as json_format
from journeyctl.output._common import sorted_diagnostics, surrogates_as_json_escapes

PATHS = ["a.journey.yaml", "/abs/b c.journey.yaml", "\udcff\n%.yaml", "C:/x/y.yaml", "a:b/c"]
texts = st.text(st.characters(codec="utf-8") | st.sampled_from('\\[]"\u202e\x1b\n'))


def report_of(messages: list[tuple[int, str, str]]) -> Report:
    found = [
        Diagnostic(PATHS[i % len(PATHS)], Span(i + 1, 2, i + 3, 1), "JM201", "rule",
                   list(Severity)[i % 3], message, fingerprint)
        for i, (_, message, fingerprint) in enumerate(messages)
    ]  # fmt: skip
    return Report([FileReport("x", found)], [RuleInfo("JM201", "rule", Severity.INFO, "s")], "1")


def whole_sarif(report: Report) -> str:
    diagnostics = sorted_diagnostics(report)
    rules, index_of = sarif._rules(report.rules, diagnostics)
    run = {
        "tool": {"driver": {"name": "journeyctl", "version": report.tool_version, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": list(sarif.results(diagnostics, index_of)),
    }
    log = {"$schema": sarif.SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return surrogates_as_json_escapes(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def whole_json(report: Report) -> str:
    items = [d.as_dict() for d in sorted_diagnostics(report)]
    return surrogates_as_json_escapes(json.dumps(items, ensure_ascii=False, indent=2)) + "\n"


@given(st.lists(st.tuples(st.integers(), texts, texts), max_size=8))
def test_streamed_json_and_sarif_are_the_whole_documents(
    messages: list[tuple[int, str, str]],
) -> None:
    report = report_of(messages)
    assert json_format.format_report(report) == whole_json(report)
    assert sarif.format_report(report) == whole_sarif(report)


class Sink:
    """A stream that remembers each write call."""

    def __init__(self) -> None:
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return len(text)


def test_every_format_streams_in_pieces() -> None:
    report = report_of([(0, f"message {i}", f"{i:016x}") for i in range(5_000)])
    for name in ("text", "json", "sarif", "github", "junit"):
        pieces = list(get_streamer(name)(report))
        if name != "junit":  # one test case per rule: a small tree, written at once
            assert len(pieces) >= 5_000, name

        sink = Sink()
        write_chunks(sink, pieces)  # type: ignore[arg-type]
        assert "".join(sink.writes) == "".join(pieces)
        assert len(sink.writes) <= len(pieces) // 1_000 + 2
