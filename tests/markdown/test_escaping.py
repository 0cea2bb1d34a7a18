"""Map text through `journeyctl.markdown`, parsed back by a real Markdown parser."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeyctl.markdown import code_span, escape_cell, escape_text, github_slug, link, plain_line
from tests.markdown.gfm import (
    GFM,
    github_would_link,
    inline_text,
    unsafe_tokens,
    walk,
    without_joiners,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- hidden --> text",
    "<details><summary>x</summary></details>",
    "&lt;b&gt; written as entities &amp; &#64;",
    "[click](javascript:alert(1)) and ![img](http://x/y.png)",
    "[ref]: http://evil.example",
    "<http://evil.example> https://evil.example/a www.evil.example",
    "mail me: someone@example.com",
    "cc @alice and @org/team, @Bob-2",
    "fixes #1, closes #23, see GH-4 and owner/repo#5 and gh-6",
    "**bold** _em_ ~~strike~~ `code` $x^2$",
    "a | b | c",
    "- list item",
    "+ plus item",
    "1. numbered",
    "2) numbered",
    "# heading",
    "=== setext",
    "> quote",
    "    indented code",
    "line one\nline two\r\nline three\u2028four",
    "trailing backslash \\",
    "```\nfence\n```",
    "\x00nul \x1b[31mred \udce9 surrogate",
    "\u202eevil bidi",
    "  padded  ",
    "x\\|y",
    "[^footnote]",
    "| --- |",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_itself_and_nothing_else(text: str) -> None:
    tokens = GFM.parse(escape_text(text))
    assert unsafe_tokens(tokens) == []
    blocks = [t.type for t in tokens if t.type != "inline"]
    assert blocks in ([], ["paragraph_open", "paragraph_close"]), blocks
    inline = [t for t in tokens if t.type == "inline"]
    shown = inline_text(inline[0]) if inline else ""
    assert [c.type for c in walk(inline) if c.type != "inline"] in ([], ["text"])
    assert without_joiners(shown) == plain_line(text)
    assert github_would_link(shown) == []


def test_mentions_and_references_are_broken_only_by_invisible_joiners() -> None:
    escaped = escape_text("@alice fixes #12 GH-3 a@b.co https://x.example")
    assert escaped == (
        "\u2060@\u2060alice fixes \\#\u206012 GH-\u20603 a\u2060@\u2060b.co https:\u2060//x.example"
    )


def test_ordinary_text_stays_readable() -> None:
    assert escape_text("Sign up and pay — 30% off (EUR 5.00)!") == (
        "Sign up and pay — 30% off (EUR 5.00)!"
    )
    assert escape_text("  two\n lines ") == "two lines"


printable = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(printable)
def test_any_text_is_one_safe_paragraph(text: str) -> None:
    tokens = GFM.parse(escape_text(text))
    assert unsafe_tokens(tokens) == []
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) <= 1
    shown = inline_text(inline[0]) if inline else ""
    assert without_joiners(shown) == plain_line(text)
    assert github_would_link(shown) == []


def table(cells: list[str]) -> str:
    return "\n".join(
        [
            "| " + " | ".join(f"h{i}" for i in range(len(cells))) + " |",
            "|" + "---|" * len(cells),
            "| " + " | ".join(cells) + " |",
        ]
    )


@given(st.lists(printable, min_size=1, max_size=4))
def test_cells_stay_cells(texts: list[str]) -> None:
    tokens = GFM.parse(table([escape_cell(t) or " " for t in texts]))
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == len(texts)
    assert unsafe_tokens(tokens) == []
    body = tokens[[t.type for t in tokens].index("tbody_open") :]
    shown = [inline_text(t) for t in body if t.type == "inline"]
    assert [without_joiners(s) for s in shown] == [plain_line(t) for t in texts]


@pytest.mark.parametrize("text", ["a|b", "`tick`", "``double`` and `single`", "<b>", "@x #1"])
def test_code_spans_round_trip_in_cells(text: str) -> None:
    tokens = GFM.parse(table([code_span(text, cell=True), "x"]))
    assert len([t for t in tokens if t.type == "td_open"]) == 2
    codes = [c for c in walk(tokens) if c.type == "code_inline"]
    assert len(codes) == 1
    assert codes[0].content == text


def test_code_span_of_nothing_is_nothing() -> None:
    assert code_span("\n ") == ""


def test_link_targets_are_encoded() -> None:
    rendered = GFM.parse(link(escape_text("A (map)"), "maps/a b(1).md#x"))
    opens = [t for t in walk(rendered) if t.type == "link_open"]
    assert [t.attrs["href"] for t in opens] == ["maps/a%20b%281%29.md#x"]


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Onboarding: first value", "onboarding-first-value"),
        ("Café & co.", "café--co"),
        ("A\u2060@\u2060b #\u20601", "ab-1"),
        ("snake_case-2", "snake_case-2"),
    ],
)
def test_github_slugs(heading: str, slug: str) -> None:
    assert github_slug(heading) == slug


def test_repeated_slugs_are_numbered() -> None:
    seen: dict[str, int] = {}
    assert [github_slug("Map", seen) for _ in range(3)] == ["map", "map-1", "map-2"]


@given(st.text(st.sampled_from("a |`\\<>@#\n"), min_size=1, max_size=20))
def test_any_code_span_stays_in_its_cell(text: str) -> None:
    span = code_span(text, cell=True)
    tokens = GFM.parse(table([span or "x", "last"]))
    cells = [inline_text(t) for t in tokens if t.type == "inline"]
    assert cells[-1] == "last"
    codes = [c.content for c in walk(tokens) if c.type == "code_inline"]
    line = plain_line(text)
    if line:
        assert codes == [line]
