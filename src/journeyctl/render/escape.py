"""Map text into Graphviz's HTML-like labels: escaped, wrapped, and never markup.

Every label the renderer writes is an HTML-like label (`<...>`), whose special characters are
`&`, `<`, `>` and quotes, which `text` turns into entities. A map title such as `"]; x [label=`
or `<script>` therefore stays text inside the label: the DOT parser cannot leave the label
early, and Graphviz writes the characters back escaped into the SVG. Graphviz also expands
`\\N`, `\\G`, `\\L`... (node name, graph name) inside HTML-like labels, even when the backslash
is written as an entity, so a backslash is followed by a zero-width space, which ends the
escape and shows nothing. And its HTML lexer rejects a text that is only `]` or `]]`, so `]`
is an entity as well.
"""

from __future__ import annotations

import unicodedata

_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "&#92;&#8203;",
    "]": "&#93;",
}
_TABLE = str.maketrans(_ENTITIES)


def text(value: str) -> str:
    """`value` as the text of an HTML-like label: entities for the special characters, one
    space for any run of whitespace (a line break is ours to place), and no control or
    format characters (a bidi override would reorder the rest of the picture's text)."""
    if not value.isprintable():  # rare: control, format or non-space separator characters
        value = "".join(
            " " if ch.isspace() else ch
            for ch in value
            if ch.isspace() or unicodedata.category(ch)[0] != "C"
        )
    if "  " in value or value[:1] == " " or value[-1:] == " ":
        value = " ".join(value.split())
    return value.translate(_TABLE)


def wrap(value: str, width: int, *, max_lines: int = 0) -> list[str]:
    """`value` broken into lines of at most `width` characters, each escaped.

    Long words (URLs, ids) are broken too, so that nothing widens its column. With
    `max_lines`, the rest is cut and the last line ends with an ellipsis.
    """
    words = value.split()
    width = max(width, 4)
    lines: list[str] = []
    line = ""
    for word in words:
        while len(word) > width:  # a URL or an id longer than the column
            room = width - len(line) - (1 if line else 0)
            if room < 4:
                lines.append(line)
                line, room = "", width
            lines.append((line + " " if line else "") + word[:room])
            line, word = "", word[room:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: max(width - 1, 1)].rstrip() if len(last) >= width else last) + "…"
    return [text(line) for line in lines]


def lines(value: str, width: int, *, max_lines: int = 0) -> str:
    """`wrap`'s lines joined with HTML-like line breaks."""
    return "<BR/>".join(wrap(value, width, max_lines=max_lines))
