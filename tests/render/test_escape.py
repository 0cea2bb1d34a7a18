"""Map text in labels: escaped for HTML-like labels, wrapped, never markup or DOT syntax."""

from __future__ import annotations

import json
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyctl.render import escape
from journeyctl.render.layout import build_diagram

from .helpers import HOSTILE, checked, needs_dot, run, squeezed, svg_root, svg_text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ('say "hi"', "say &quot;hi&quot;"),
        ("it's", "it&#39;s"),
        ("[x] {y}", "[x&#93; {y}"),
        ("]", "&#93;"),
        ("<script>", "&lt;script&gt;"),
        ("R&D &amp;", "R&amp;D &amp;amp;"),
        ('"]; x [label=', "&quot;&#93;; x [label="),
        ("C:\\New", "C:&#92;&#8203;New"),
        ("a\nb\t c", "a b c"),
        ("left\u202eright\u200b", "leftright"),
    ],
)
def test_text_escapes_each_special_character(raw: str, escaped: str) -> None:
    assert escape.text(raw) == escaped


def test_wrap_breaks_long_text_and_long_words_then_escapes() -> None:
    import html

    lines = escape.wrap("<b> " + "x" * 50, 20)
    plain = [html.unescape(line) for line in lines]
    assert lines[0].startswith("&lt;b&gt; ")  # escaped after wrapping: entities never split
    assert all(len(line) <= 20 for line in plain)
    assert "".join(plain).replace(" ", "") == "<b>" + "x" * 50


def test_wrap_cuts_after_max_lines_with_an_ellipsis() -> None:
    lines = escape.wrap("word " * 40, 12, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")


@needs_dot
def test_hostile_text_cannot_add_nodes_or_edges_to_the_graph() -> None:
    diagram = build_diagram(checked(HOSTILE))
    source = diagram.source
    laid_out = subprocess.run(
        ["dot", "-Tjson0"], input=source.encode(), capture_output=True, check=True
    )
    graph = json.loads(laid_out.stdout)
    names = {o["name"] for o in graph["objects"] if "nodes" not in o}
    assert not {"x", "a", "b", "injected", "evil"} & names
    assert all(n.startswith(("key_", "s0_", "s1_")) for n in names)
    ours = source.count(" -> ")
    assert len(graph.get("edges", [])) == ours


@needs_dot
def test_hostile_text_renders_as_text_in_the_svg(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = run("render", HOSTILE, "-o", tmp_path / "h.svg")
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "h.svg").read_bytes()
    root = svg_root(data)
    shown = squeezed(svg_text(root))
    for literal in [
        "<script>alert(1)</script>",
        '"]; x [label="pwned"] //',
        "[brackets] {braces}",
        "'single'",
        "</TD></TR></TABLE>> ]; evil [shape=box",
        "R&D <img src=x onerror=alert(1)>",
        'Ops \\N \\G \\l \\"',
        "<b>bold</b> <BR/> \\N \\G \\l",
        ']; injected [label="x"]; a -> b [',
        '"]; }; digraph x { a -> b',
        "&amp; &lt;b&gt; stays as typed",
        "<script>document.cookie</script> & more",
        "<i>Fix</i> & ship",
        "Second </FONT></B>",
    ]:
        assert squeezed(literal) in shown, literal
    # the bidi override is dropped, the words stay
    assert "\u202e" not in shown and "overrideand" in shown
    assert not any(el.tag.endswith(("script", "img", "foreignObject")) for el in root.iter())
    for element in root.iter():
        assert not [a for a in element.attrib if a.lower().startswith("on")], element.attrib
        for name, value in element.attrib.items():
            assert "javascript:" not in value.lower(), (name, value)


@needs_dot
@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=60).filter(lambda t: t.strip()))
def test_any_text_in_any_label_leaves_the_graph_as_built(value: str) -> None:
    """Whatever the text, the DOT parses and has exactly the nodes the builder made."""
    import journeyctl
    from journeyctl.config import DEFAULT_SETTINGS

    quoted = json.dumps(value)  # a YAML double-quoted scalar
    text = (
        f"journeyctl: 1\nid: m\ntitle: {quoted}\nteams:\n  - {{id: t, name: {quoted}}}\n"
        f"stages:\n  - id: s\n    name: {quoted}\n    goals: [{quoted}]\n"
        f"    touchpoints:\n      - {{id: a, name: {quoted}, channel: {quoted}, owner: t}}\n"
    )
    result = journeyctl.check(text, path="m.journey.yaml", config=DEFAULT_SETTINGS, lint=False)
    if not result.valid:  # e.g. a surrogate the YAML loader rejects: nothing to draw
        return
    source = build_diagram(result).source
    done = subprocess.run(["dot", "-Tjson0"], input=source.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr
    graph = json.loads(done.stdout)
    names = sorted(o["name"] for o in graph["objects"] if "nodes" not in o)
    assert names == sorted(["key_head", "key_goals", "key_tp0", "s0_head", "s0_goals", "s0_tp0"]), (
        names
    )
