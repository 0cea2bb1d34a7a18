"""The pull-request comment, read back with a real Markdown parser (markdown-it-py, GFM)."""

from __future__ import annotations

from markdown_it.token import Token

import journeyctl
from journeyctl.diff import diff_results
from journeyctl.diff.markdown import FOLD_AFTER, format_markdown
from journeyctl.diff.signals import SIGNALS
from tests.conftest import TODAY
from tests.diff.test_compare import ACME, EDITED, MINIMAL
from tests.markdown.gfm import GFM, github_would_link, inline_text, unsafe_tokens, walk


def check(source: object, name: str) -> journeyctl.CheckResult:
    result = journeyctl.check(source, path=name, today=TODAY)  # type: ignore[arg-type]
    assert result.valid, result.diagnostics
    return result


def render(old: object, new: object) -> tuple[str, list[Token]]:
    result = diff_results(check(old, "old.journey.yaml"), check(new, "new.journey.yaml"))
    document = format_markdown([result])
    return document, GFM.parse(document)


def table_rows(tokens: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        if token.type == "inline" and rows:
            rows[-1].append(inline_text(token))
        if token.type == "table_close":
            break
    return rows


def test_summary_table_and_changes_parse() -> None:
    document, tokens = render(ACME, EDITED)
    assert document.startswith("### Journey map changes\n\n**1 map, 7 changes**; signals: ")
    rows = table_rows(tokens)
    assert rows[0] == ["Signal", "Raised", "Where"]
    assert [row[0] for row in rows[1:]] == list(SIGNALS)
    raised = {row[0]: row[1] for row in rows[1:]}
    assert raised == {
        name: "yes" if name in {"validation-lost", "emotion-drop", "moment-worse", "new-errors"}
        else "no"
        for name in SIGNALS
    }  # fmt: skip
    items = [inline_text(t) for t in tokens if t.type == "inline"]
    assert "Stage adopt (Adopt)" in items
    assert "-> touchpoint usage-report (Monthly usage report) moved from stage expand to " \
        "stage adopt" in items  # fmt: skip
    assert "~ stage implement emotion: -1 -> -2" in items
    assert "Lint findings introduced" in items
    assert unsafe_tokens(tokens) == []
    assert "<details>" not in document  # 7 changes: shown, not folded


def test_many_changes_fold_into_details() -> None:
    touchpoints = "".join(f"      - {{id: n{i}, name: N{i}}}\n" for i in range(FOLD_AFTER + 1))
    new = MINIMAL.replace(
        "      - {id: t4, name: T4}\n", "      - {id: t4, name: T4}\n" + touchpoints
    )
    _, tokens = render(MINIMAL, new)
    blocks = [t.content for t in tokens if t.type == "html_block"]
    assert blocks[0].startswith("<details>\n<summary>16 changes</summary>")
    assert blocks[-1].strip() == "</details>"
    # the list inside is still Markdown: a blank line separates it from the HTML block
    added = [t for t in tokens if t.type == "inline" and inline_text(t).startswith("+ touchpoint")]
    assert len(added) == FOLD_AFTER + 1


HOSTILE = [
    "@alice please look",
    "<script>alert(1)</script>",
    "fixes #12 and GH-3",
    "[click](javascript:alert(1))",
    "<!-- hidden -->",
    "https://evil.example.com and www.evil.example.com",
    "| cell | split |",
    "![img](https://evil.example.com/x.png)",
]


def _hostile_map(index: int, text: str) -> str:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    return (
        MINIMAL.replace("title: Demo", f'title: "{quoted}"')
        .replace("{id: t2, name: T2, owner: cs}", f'{{id: t2, name: "{quoted}", owner: cs}}')
        .replace("goals: [a, b]", f'goals: [a, b, "{quoted}"]')
        + f'x-note: "{quoted} {index}"\n'
    )


def test_hostile_map_text_cannot_mention_link_or_inject_html() -> None:
    for index, text in enumerate(HOSTILE):
        old = _hostile_map(index, "plain")
        new = _hostile_map(index, text).replace("name: Two", f'name: "{text.replace(chr(34), "")}"')
        document, tokens = render(old, new)
        assert unsafe_tokens(tokens) == [], (text, document)
        for token in walk(tokens):
            if token.type == "inline":
                assert github_would_link(inline_text(token)) == [], (text, document)
        # the table keeps three cells in every row
        assert all(len(row) == 3 for row in table_rows(tokens)), document
        assert "<script>" not in document and "<!--" not in document
