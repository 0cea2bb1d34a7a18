"""Property tests: valid maps written every way people write them, with comments everywhere.

A generator builds a valid map and writes it with a random layout (indent width, lists under
their key or not, flow or block, keys shuffled) and comments in every place people put them:
above an entry, at the end of a line, between list items, at the end of the file, plus
suppression comments. Each comment names the element it was written beside. fmt must keep
the data, every comment, and the lint findings; each comment must still sit beside (or
directly above) its element; and a second run must change nothing.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import journeyctl
from journeyctl.fmt import format_map, same_data
from journeyctl.fmt.layout import comment_texts
from tests.conftest import TODAY

WORDS = ["alpha", "beta", "Gamma", "delta", "Epsilon", "zeta", "eta", "theta"]


@dataclass
class Scalar:
    text: str


@dataclass
class Lines(Scalar):
    """A scalar over several lines: `>-` or `|` block, or plain text continued."""

    style: str = "plain"
    lines: tuple[str, ...] = ()


@dataclass
class Mapping:
    entries: list[tuple[str, Any]]


@dataclass
class Sequence:
    items: list[Any]


@dataclass
class Layout:
    indent: int
    indent_lists: bool
    draw: Any
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    lines: list[str] = field(default_factory=list)
    expectations: list[tuple[str, tuple[Any, ...], str]] = field(default_factory=list)
    """(comment, path, 'above' | 'eol')."""

    def comment(self, path: tuple[Any, ...], where: str) -> str:
        text = f"# {where} {next(self.counter)}"
        self.expectations.append((text, path, where))
        return text


texts = st.builds(
    lambda words, quote: (
        f'"{" ".join(words)}"'
        if quote == 1
        else f"'{' '.join(words)}'"
        if quote == 2
        else " ".join(words)
    ),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    st.integers(0, 4),
)
dates = st.dates(datetime.date(2025, 1, 1), datetime.date(2026, 11, 1)).map(str)


@st.composite
def journey(draw: Any) -> Mapping:
    teams = draw(
        st.lists(
            st.sampled_from(["cs", "sales", "support", "marketing"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    stage_count = draw(st.integers(1, 3))
    ids = itertools.count(1)
    stages = []
    for _ in range(stage_count):
        entries: list[tuple[str, Any]] = [
            ("id", Scalar(f"stage-{next(ids)}")),
            ("name", Scalar(draw(texts))),
        ]
        if draw(st.booleans()):
            entries.append(
                ("goals", Sequence([Scalar(draw(texts)) for _ in range(draw(st.integers(0, 3)))]))
            )
        if draw(st.booleans()):
            entries.append(("emotion", Scalar(str(draw(st.integers(-2, 2))))))
        touchpoints = []
        for _ in range(draw(st.integers(0, 2))):
            point: list[tuple[str, Any]] = [
                ("id", Scalar(f"point-{next(ids)}")),
                ("name", Scalar(draw(texts))),
            ]
            if draw(st.booleans()):
                point.append(("owner", Scalar(draw(st.sampled_from(teams)))))
            if draw(st.booleans()):
                point.append(
                    (
                        "feedback",
                        Mapping([("method", Scalar("survey")), ("metric", Scalar("CSAT"))]),
                    )
                )
            touchpoints.append(Mapping(point))
        if touchpoints:
            entries.append(("touchpoints", Sequence(touchpoints)))
        evidence = [
            Mapping(
                [
                    (
                        "source",
                        Scalar(
                            draw(
                                st.sampled_from(
                                    ["customer-interview", "assumption", "customer-survey"]
                                )
                            )
                        ),
                    ),
                    ("date", Scalar(draw(dates))),
                ]
                + (
                    [("participants", Scalar(str(draw(st.integers(0, 30)))))]
                    if draw(st.booleans())
                    else []
                )
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
        if evidence:
            entries.append(("evidence", Sequence(evidence)))
        if draw(st.booleans()):
            entries.append(("x-note", Scalar(draw(texts))))
        if draw(st.booleans()):
            words = draw(
                st.lists(
                    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), min_size=2, max_size=3
                )
            )
            style = draw(st.sampled_from([">-", "|", "plain"]))
            entries.append(("description", Lines("", style, tuple(" ".join(w) for w in words))))
        stages.append(Mapping(entries))
    root: list[tuple[str, Any]] = [
        ("journeyctl", Scalar("1")),
        ("id", Scalar("generated-map")),
        ("title", Scalar(draw(texts))),
        ("updated", Scalar(draw(dates))),
        (
            "teams",
            Sequence([Mapping([("id", Scalar(t)), ("name", Scalar(t.title()))]) for t in teams]),
        ),
        ("stages", Sequence(stages)),
    ]
    if draw(st.booleans()):
        root.append(
            (
                "x-tags",
                Sequence([Scalar(w) for w in draw(st.lists(st.sampled_from(WORDS), max_size=3))]),
            )
        )
    if draw(st.booleans()):
        root.append(("description", Scalar(draw(texts))))
    return Mapping(root)


def scalars_only(node: Mapping | Sequence) -> bool:
    values = [v for _, v in node.entries] if isinstance(node, Mapping) else node.items
    return all(isinstance(v, Scalar) and not isinstance(v, Lines) for v in values)


def flow_text(node: Mapping | Sequence) -> str:
    if isinstance(node, Mapping):
        return "{" + ", ".join(f"{k}: {v.text}" for k, v in node.entries) + "}"
    return "[" + ", ".join(v.text for v in node.items) + "]"


def write_mapping(
    out: Layout, node: Mapping, path: tuple[Any, ...], indent: int, prefix: str | None
) -> None:
    entries = list(node.entries)
    if out.draw(st.booleans()):
        entries = out.draw(st.permutations(entries))
    for number, (key, value) in enumerate(entries):
        here = (*path, key)
        if number == 0 and prefix is not None:
            start = prefix
        else:
            if out.draw(st.integers(0, 5)) == 0:
                out.lines.append("")
            if out.draw(st.integers(0, 3)) == 0:
                # above the file's first key: a file comment, which stays at the top
                where = "header" if not path and number == 0 else "above"
                out.lines.append(" " * indent + out.comment(here, where))
            start = " " * indent
        write_value(out, key, value, here, indent, start)


def write_value(
    out: Layout, key: str, value: Any, path: tuple[Any, ...], indent: int, start: str
) -> None:
    eol = out.draw(st.integers(0, 3)) == 0
    suppress = (
        key == "id" and len(path) == 3 and path[0] == "stages" and out.draw(st.integers(0, 3)) == 0
    )
    if isinstance(value, Lines):
        inner = " " * (indent + out.indent)
        if value.style == "plain":
            out.lines.append(f"{start}{key}: {value.lines[0]}")
            out.lines.extend(inner + line for line in value.lines[1:])
            return
        header = f"{start}{key}: {value.style}"
        out.lines.append(header + ("  " + out.comment(path, "eol") if eol else ""))
        out.lines.extend(inner + line for line in value.lines)
        return
    if isinstance(value, Scalar):
        line = f"{start}{key}: {value.text}"
        if suppress:
            line += "  # journeyctl: ignore[JM201]"
        elif eol:
            line += "  " + out.comment(path, "eol")
        out.lines.append(line)
        return
    if scalars_only(value) and out.draw(st.booleans()):
        line = f"{start}{key}: {flow_text(value)}"
        out.lines.append(line + ("  " + out.comment(path, "eol") if eol else ""))
        return
    out.lines.append(f"{start}{key}:" + ("  " + out.comment(path, "eol") if eol else ""))
    if isinstance(value, Mapping):
        write_mapping(out, value, path, indent + out.indent, None)
    else:
        inner = indent + out.indent if out.indent_lists else indent
        write_sequence(out, value, path, inner)


def write_sequence(out: Layout, node: Sequence, path: tuple[Any, ...], indent: int) -> None:
    if not node.items:
        out.lines[-1] += ""  # an empty block list cannot be written: use flow
        out.lines[-1] = (
            out.lines[-1].split("  #")[0].rstrip(":")
            + ": []"
            + ("  #" + out.lines[-1].split("  #")[1] if "  #" in out.lines[-1] else "")
        )
        return
    for number, item in enumerate(node.items):
        here = (*path, number)
        if out.draw(st.integers(0, 3)) == 0:
            out.lines.append(" " * indent + out.comment(here, "above"))
        dash = " " * indent + "-" + " " * (out.indent - 1)
        if isinstance(item, Scalar):
            eol = out.draw(st.integers(0, 3)) == 0
            out.lines.append(dash + item.text + ("  " + out.comment(here, "eol") if eol else ""))
        elif scalars_only(item) and out.draw(st.booleans()):
            out.lines.append(dash + flow_text(item))
        else:
            write_mapping(out, item, here, len(dash), dash)
        del number


@st.composite
def written_maps(draw: Any) -> tuple[str, list[tuple[str, tuple[Any, ...], str]]]:
    root = draw(journey())
    out = Layout(indent=draw(st.sampled_from([2, 4])), indent_lists=draw(st.booleans()), draw=draw)
    if draw(st.booleans()):
        out.lines.append("# yaml-language-server: $schema=../schemas/journey-map.schema.json")
    write_mapping(out, root, (), 0, None)
    if draw(st.booleans()):
        out.lines.append("# end of file")
    return "\n".join(out.lines) + "\n", out.expectations


def findings(result: journeyctl.CheckResult) -> list[tuple[str, str, str]]:
    return sorted((d.code, d.fingerprint, d.message) for d in result.diagnostics)


@given(written_maps())
def test_fmt_keeps_data_comments_and_findings_and_is_idempotent(
    case: tuple[str, list[tuple[str, tuple[Any, ...], str]]],
) -> None:
    text, expectations = case
    before = journeyctl.check(text, path="m.journey.yaml", today=TODAY)
    assert before.valid, (text, [d.message for d in before.diagnostics])
    result = format_map(text, path="m.journey.yaml", today=TODAY)
    assert result.text is not None, (result.refusal, text)
    after = journeyctl.check(result.text, path="m.journey.yaml", today=TODAY)
    assert after.valid and before.document and after.document
    assert same_data(before.document.data, after.document.data)
    assert comment_texts(after.document) == comment_texts(before.document)
    assert findings(after) == findings(before)
    again = format_map(result.text, path="m.journey.yaml", today=TODAY)
    assert again.text == result.text, (text, result.text)
    assert all(line == line.rstrip() for line in result.text.splitlines())
    assert result.text.endswith("\n") and not result.text.endswith("\n\n")
    assert_attached(result.text, after, expectations)


def assert_attached(
    text: str, after: journeyctl.CheckResult, expectations: list[tuple[str, tuple[Any, ...], str]]
) -> None:
    """Each comment is on its element's line, or directly above it (comments between)."""
    assert after.document is not None
    source_map = after.document.source_map
    lines = text.splitlines()
    for comment, path, where in expectations:
        number = next(i for i, line in enumerate(lines) if line.endswith(comment)) + 1
        element = source_map.keys[path] if path in source_map.keys else source_map.values[path]
        if where == "eol":
            assert element.line == number, (comment, path, text)
            continue
        if where == "header":
            assert all(line.startswith("#") or not line for line in lines[:number]), text
            continue
        below = number
        while lines[below].lstrip().startswith("#") or not lines[below].strip():
            below += 1
        assert element.line == below + 1, (comment, path, text)
