"""Map text made safe for GitHub-flavoured Markdown: the one escaping module of report and diff.

Map text is hostile. A title can hold `<script>`, a `|` that would split a table row, a
`[link](javascript:...)`, or `@alice` and `fixes #1`, which GitHub turns into a notification
and a cross-reference (or closes an issue) when a report is posted as a comment. Every piece of
map text that reaches Markdown goes through `escape_text` (or `escape_cell` in a table, or
`code_span`), and nothing else in the output comes from the map.

How each danger is handled, and why this way:

- Markdown syntax: the characters that can open inline syntax (`` \\ ` * _ [ ] ~ $ # ``, and
  `|` in cells) get a backslash; `<`, `>` and `&` become `&lt;`, `&gt;` and `&amp;`, so raw
  HTML, HTML comments and entities written in a map reach the page as the text that was
  written. Block syntax only matters at the start of a line: newlines are flattened to spaces
  and a leading `-`, `+`, `=` or `1.` is escaped, so a value never becomes a list or heading.
- Mentions and issue references: backslashes and entities do not help here, because GitHub
  finds `@name` and `#123` in the text of the *rendered* HTML, after `\\#` and `&#35;` have
  become `#` again. So a U+2060 WORD JOINER is put where GitHub's patterns need a name or a
  digit: after every `@` (and before it, which stops e-mail autolinks), after every `#`
  (`#123`, `owner/repo#1`, `fixes #1`), and after the `-` of `GH-123`. The joiner is
  invisible, is not a letter or digit for GitHub's patterns, and unlike a zero-width space
  offers no line break. Renovate's release notes use the same trick (with U+200B) in
  millions of GitHub comments.
- Autolinks: GitHub links bare `https://...` and `www....`; a word joiner after the scheme's
  `:` and after `www` keeps them text, so a map cannot put a clickable link in a report.
- Characters that are not text (C0/C1 controls, lone surrogates, bidirectional overrides that
  can make text read differently than it is) become U+FFFD or a space.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "WORD_JOINER",
    "code_span",
    "escape_cell",
    "escape_text",
    "github_slug",
    "link",
    "plain_line",
    "rendered_text",
]

WORD_JOINER = "\u2060"

_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_SPACES = re.compile(r"[ \t]+")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

# One pass over the text: each special character and its replacement.
_INLINE = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "~": "\\~",
    "$": "\\$",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "#": "\\#" + WORD_JOINER,
    "@": WORD_JOINER + "@" + WORD_JOINER,
}
_INLINE_RE = re.compile("|".join(re.escape(key) for key in _INLINE))
_GH_REFERENCE = re.compile(r"\b(gh-)(?=\d)", re.IGNORECASE)
_SCHEME = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)")
_WWW = re.compile(r"\b(www)(?=\.)", re.IGNORECASE)
_LEADING_BLOCK = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")
# Whether escape_text has anything to do: most map text is plain words (the fast path).
_ANY_SPECIAL = re.compile(
    r"[\\`*_\[\]~$&<>#@]|gh-\d|www\.|[A-Za-z0-9]://|^[-+=]|^\d{1,9}[.)]", re.IGNORECASE
)


def plain_line(text: str) -> str:
    """One line of showable text: line breaks and runs of blanks become one space, controls
    and lone surrogates U+FFFD, bidirectional controls nothing; trimmed."""
    if text.isprintable() and "  " not in text:  # no control, format or separator character
        return text.strip()
    text = _NOT_TEXT.sub("\ufffd", _BIDI.sub("", text))
    text = _LINE_BREAKS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def escape_text(text: str) -> str:
    """Inline Markdown that renders as exactly `text` (flattened to one line), with no HTML,
    no link, no mention and no issue reference."""
    line = plain_line(text)
    if not _ANY_SPECIAL.search(line):
        return line
    escaped = _INLINE_RE.sub(lambda match: _INLINE[match.group()], line)
    escaped = _GH_REFERENCE.sub(r"\1" + WORD_JOINER, escaped)
    escaped = _SCHEME.sub(r"\1" + WORD_JOINER, escaped)
    escaped = _WWW.sub(r"\1" + WORD_JOINER, escaped)
    return _LEADING_BLOCK.sub(_escape_leading, escaped)


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def rendered_text(markdown: str) -> str:
    """The text that inline Markdown made by `escape_text` renders to (for heading anchors)."""
    import html

    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown))


def escape_cell(text: str) -> str:
    """`escape_text` for a GFM table cell: `|` is escaped too, so a row keeps its cells."""
    return escape_text(text).replace("|", "\\|")


def code_span(text: str, *, cell: bool = False) -> str:
    """`text` as an inline code span, for ids, paths and rule names.

    A fence longer than any run of backticks inside, padded with a space when the text
    starts or ends with a backtick. GitHub neither mentions nor links inside code, and code
    spans show `<` as text, so only backticks, line breaks and (in a `cell`) `|` need care:
    GFM splits table cells on `|` even inside code, and removes the backslash of `\\|`.
    """
    line = plain_line(text)
    if not line:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", line)), default=0)
    fence = "`" * (longest + 1)
    if line.startswith("`") or line.endswith("`"):
        line = f" {line} "
    if cell:
        line = line.replace("|", "\\|")
    return f"{fence}{line}{fence}"


def link(label_markdown: str, target: str) -> str:
    """A link whose label is already-escaped Markdown and whose target is a path or `#anchor`
    made by journeyctl (never map text): spaces and parentheses are percent-encoded."""
    from urllib.parse import quote

    return f"[{label_markdown}]({quote(target, safe='/#-._~')})"


def github_slug(heading_text: str, seen: dict[str, int] | None = None) -> str:
    """The anchor GitHub gives a heading whose rendered text is `heading_text`.

    Lowercase; letters, digits, marks, `-`, `_` and spaces are kept and every other character
    (punctuation, symbols, invisible format characters) is dropped; spaces become `-`. With
    `seen`, repeated slugs get `-1`, `-2`, ... as on GitHub.
    """
    kept = [
        char
        for char in heading_text.lower()
        if char in "-_ " or unicodedata.category(char)[0] in "LNM"
    ]
    slug = "".join(kept).replace(" ", "-")
    if seen is None:
        return slug
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"
