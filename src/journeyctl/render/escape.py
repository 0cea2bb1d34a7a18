"""Map text into Graphviz's HTML-like labels: escaped, wrapped, and never markup.

Every label the renderer writes is an HTML-like label (`<...>`), whose special characters are
`&`, `<`, `>` and quotes, which `text` turns into entities. A map title such as `"]; x [label=`
or `<script>` therefore stays text inside the label: the DOT parser cannot leave the label
early, and Graphviz writes the characters back escaped into the SVG. Graphviz also expands
`\\N`, `\\G`, `\\L`... (node name, graph name) inside HTML-like labels, even when the backslash
is written as an entity, so a backslash is followed by a zero-width space, which ends the
escape and shows nothing.
"""

from __future__ import annotations

import textwrap
import unicodedata

_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "&#92;&#8203;",
}


def text(value: str) -> str:
    """`value` as the text of an HTML-like label: entities for the special characters,
    one space for any run of whitespace (a line break is ours to place), and no control or
    format characters (a bidi override would reorder the rest of the picture's text)."""
    cleaned = "".join(
        " " if ch.isspace() else ch
        for ch in value
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    collapsed = " ".join(cleaned.split())
    return "".join(_ENTITIES.get(ch, ch) for ch in collapsed)


def wrap(value: str, width: int, *, max_lines: int = 0) -> list[str]:
    """`value` broken into lines of at most `width` characters, each escaped.

    Long words (URLs, ids) are broken too, so that nothing widens its column. With
    `max_lines`, the rest is cut and the last line ends with an ellipsis.
    """
    plain = " ".join(value.split())
    lines = textwrap.wrap(
        plain, width=max(width, 4), break_long_words=True, break_on_hyphens=True
    ) or [""]
    if max_lines and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        kept[-1] = (last[: max(width - 1, 1)].rstrip() if len(last) >= width else last) + "…"
        lines = kept
    return [text(line) for line in lines]


def lines(value: str, width: int, *, max_lines: int = 0) -> str:
    """`wrap`'s lines joined with HTML-like line breaks."""
    return "<BR/>".join(wrap(value, width, max_lines=max_lines))
