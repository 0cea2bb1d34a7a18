"""The canonical layout of a loaded map: its text rewritten, comments and values kept.

The layout is built from the core loader's result (plain data plus the span of every key and
value) and the original text, never from a re-serialisation of the values: every scalar is
copied character for character from its source (quotes, escapes, `~`, `0x1F`, dates, anchors
and tags included), so a value cannot change spelling, and only the places of keys, entries
and comments change. Block scalars (`|`, `>`) and multi-line scalars are re-indented, line by
line, the way YAML folds them.

Comments are found in the text (a `#` after white space, outside every scalar) and attached by
position: a full-line comment (and the blank lines around it) to the key or list entry that
follows it, which it then moves with; an end-of-line comment to the last key, value or flow
collection that ends on its line before it, on whose line it stays. Comments before the first
key (a `yaml-language-server` line, a licence header) stay at the top; comments after the last
entry stay at the end.

Nothing here decides whether the result is right: `journeyctl.fmt.format_map` checks that it
loads to the same data, lints to the same findings and keeps every comment before it is used.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from journeyctl.fmt.order import Shape
from journeyctl.load import LoadedDocument, PathKey

WIDTH = 88
"""A collection of scalars goes on one line when it fits within this many columns."""
INDENT = 2
MAX_DEPTH = 100
"""Deeper maps are refused (the layout recurses once per level; journey maps need about 8)."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COMMENT_START = re.compile(r"(?:^|(?<=[ \t]))#")
_BLOCK_HEADER = re.compile(r"((?:[&!][^ \t]*[ \t]+)*)([|>])([0-9+-]*)")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]|: |:$| #")
_DIRECTIVE = re.compile(r"%([A-Za-z]+)[ \t]*([^ \t#]*)")


class LayoutError(Exception):
    """The file cannot be laid out safely; the message says why, for the user."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class _Node:
    path: PathKey
    kind: str
    """`map`, `seq`, `scalar` or `alias` (an alias is copied as it is written)."""
    start: int
    end: int
    line: int
    col: int
    """0-based column of the node's first character."""
    key_text: str = ""
    key_line: int = 0
    key_col: int = 0
    children: list[_Node] = field(default_factory=list)
    text: str = ""
    """A scalar's source text (for a block scalar: its header only)."""
    multiline: bool = False
    block: str = ""
    """A block scalar's indicator and modifiers (`|`, `>-`, `|+`, `|2`, ...); else empty."""
    content: list[str] = field(default_factory=list)
    """A block scalar's content lines, or a multi-line scalar's lines after the first."""
    dash_col: int = -1
    """For a list entry, the column of its `-` in the original (-1 in flow or unknown)."""
    key: Any = None


@dataclass(slots=True)
class _Comments:
    before: dict[PathKey, list[str]] = field(default_factory=dict)
    """Full-line comments ('#...') and blank lines ('') before an entry, in order."""
    key_eol: dict[PathKey, list[tuple[str, int]]] = field(default_factory=dict)
    value_eol: dict[PathKey, list[tuple[str, int]]] = field(default_factory=dict)
    trailing: list[str] = field(default_factory=list)
    inside: set[PathKey] = field(default_factory=set)
    """Collections with a comment attached anywhere below them: never put on one line."""


def layout(document: LoadedDocument, shape: Shape | None) -> str:
    """The canonical text of a valid map. Raises LayoutError."""
    return _Layout(document, shape).run()


class _Layout:
    def __init__(self, document: LoadedDocument, shape: Shape | None) -> None:
        self.text = document.text
        self.data = document.data
        self.source_map = document.source_map
        self.shape = shape
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        self.lines = _LINE_BREAK.split(self.text)
        self.covered: set[int] = set()
        """0-based lines inside a multi-line scalar (not its first line)."""
        self.hash_intervals: list[tuple[int, int]] = []
        """Offsets of scalar text that holds a `#`: no comment starts inside them."""
        self.ends: dict[int, list[tuple[int, PathKey, str]]] = {}
        """For each line, what ends on it: (end column, path, 'key' or 'value')."""
        self.anchors: list[tuple[int, int, PathKey]] = []
        self.out: list[str] = []
        self.comment_at: dict[int, list[tuple[str, int]]] = {}

    # -- reading -------------------------------------------------------------------------

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        """0-based line and column of an offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def run(self) -> str:
        root = self.node((), self.data, 0)
        if root.kind != "map" or self.lines[root.line][: root.col].strip(" "):
            raise LayoutError(
                "the map's first key must start a line (nothing before it but comments, "
                "directives and `---`)",
                root.line + 1,
            )
        header = self.header(root.line)
        comments = self.attach(root)
        self.out.extend(header)
        self.emit_mapping(root, self.shape, 0, None)
        trailing = _tidy(comments.trailing, drop_leading=False)
        if trailing and self.out:
            self.out.extend(trailing)
        while self.out and self.out[-1] == "":
            self.out.pop()
        return self.render()

    def node(self, path: PathKey, value: Any, depth: int) -> _Node:
        if depth > MAX_DEPTH:
            span = self.source_map.value(path)
            raise LayoutError(
                f"nesting is deeper than {MAX_DEPTH} levels, more than fmt formats", span.line
            )
        span = self.source_map.values[path]
        start = self.offset(span.line, span.column)
        end = self.offset(span.end_line, span.end_column)
        line, col = span.line - 1, span.column - 1
        first = self.text[start : start + 1]
        if first == "*":
            node = _Node(path, "alias", start, end, line, col, text=self.text[start:end])
            self.ends.setdefault(span.end_line - 1, []).append((span.end_column - 1, path, "value"))
            return node
        if isinstance(value, dict):
            node = _Node(path, "map", start, end, line, col)
            node.multiline = first != "{"
            for key, child_value in value.items():
                child_path = (*path, key)
                key_span = self.source_map.keys[child_path]
                if key_span.end_line != key_span.line:
                    raise LayoutError("a key written on several lines", key_span.line)
                child = self.node(child_path, child_value, depth + 1)
                child.key = key
                key_start = self.offset(key_span.line, key_span.column)
                child.key_text = self.text[
                    key_start : self.offset(key_span.end_line, key_span.end_column)
                ]
                child.key_line, child.key_col = key_span.line - 1, key_span.column - 1
                if "#" in child.key_text:
                    self.hash_intervals.append((key_start, key_start + len(child.key_text)))
                self.ends.setdefault(key_span.end_line - 1, []).append(
                    (key_span.end_column - 1, child_path, "key")
                )
                node.children.append(child)
            if node.children:
                first_key = node.children[0]
                if first not in "{" and (first_key.key_line, first_key.key_col) != (line, col):
                    raise LayoutError(
                        "an anchor or tag on a mapping (fmt formats them on scalars only)",
                        span.line,
                    )
            elif first != "{":
                raise LayoutError("an anchor or tag on a mapping", span.line)
            if first == "{":
                self.ends.setdefault(span.end_line - 1, []).append(
                    (span.end_column - 1, path, "value")
                )
            return node
        if isinstance(value, list):
            node = _Node(path, "seq", start, end, line, col)
            node.multiline = first != "["
            if first not in "[-":
                raise LayoutError(
                    "an anchor or tag on a list (fmt formats them on scalars only)", span.line
                )
            for index, item in enumerate(value):
                child = self.node((*path, index), item, depth + 1)
                if first == "-":
                    child.dash_col = self.dash_column(child.start)
                node.children.append(child)
            if first == "[":
                self.ends.setdefault(span.end_line - 1, []).append(
                    (span.end_column - 1, path, "value")
                )
            return node
        return self.scalar(
            path, start, end, span.line - 1, span.column - 1, span.end_line - 1, span.end_column - 1
        )

    def dash_column(self, start: int) -> int:
        """The column of the `-` that opens a block list entry starting at `start`."""
        line, col = self.position(start)
        before = self.lines[line][:col].rstrip(" ")
        if before.endswith("-"):
            return len(before) - 1
        return -1

    def scalar(
        self, path: PathKey, start: int, end: int, line: int, col: int, end_line: int, end_col: int
    ) -> _Node:
        source = self.text[start:end]
        node = _Node(path, "scalar", start, end, line, col)
        header = _BLOCK_HEADER.match(source)
        if header is not None:
            node.text = header.group(0)
            node.block = header.group(2) + header.group(3)
            last = end_line - 1 if end_col == 0 else end_line
            content = self.lines[line + 1 : last + 1]
            if "+" not in node.block:
                while content and not content[-1].strip(" "):
                    content.pop()
            node.content = content
            node.multiline = True
            for covered in range(line + 1, line + 1 + len(content)):
                self.covered.add(covered)
            if "#" in source and content:
                self.hash_intervals.append((self.starts[line + 1], end))
            return node
        node.text = source
        if "#" in source:
            self.hash_intervals.append((start, end))
        if end_line > line:
            pieces = _LINE_BREAK.split(source)
            node.text = pieces[0].rstrip(" \t")
            node.content = [piece.strip(" \t") for piece in pieces[1:]]
            node.multiline = True
            self.covered.update(range(line + 1, end_line + 1))
        if source:
            self.ends.setdefault(end_line, []).append((end_col, path, "value"))
        return node

    def header(self, first_line: int) -> list[str]:
        """Directives, `---` and comments before the first key, kept as they are."""
        kept: list[str] = []
        for number in range(first_line):
            raw = self.lines[number].rstrip(" \t")
            directive = _DIRECTIVE.match(raw)
            if directive is not None:
                name, version = directive.groups()
                if name != "YAML":
                    raise LayoutError(
                        f"a %{name} directive: fmt keeps only `%YAML 1.2` (tags are not part "
                        "of the format)",
                        number + 1,
                    )
                if version != "1.2":
                    raise LayoutError(
                        f"a `%YAML {version}` directive: YAML {version} readers take yes/no, "
                        "on/off and 0777 otherwise than journeyctl, which reads YAML 1.2; "
                        "remove the directive (or write %YAML 1.2) to format the file",
                        number + 1,
                    )
            kept.append(raw.lstrip(" \t") if raw.lstrip(" \t").startswith("#") else raw)
        return _tidy(kept, drop_leading=True)

    # -- comments ------------------------------------------------------------------------

    def attach(self, root: _Node) -> _Comments:
        comments = _Comments()
        self.collect_anchors(root, 0)
        self.anchors.sort()
        anchor_lines = [a[0] for a in self.anchors]
        self.hash_intervals.sort()
        hash_starts = [a for a, _ in self.hash_intervals]
        pending: list[tuple[int, str]] = []  # (line, comment or '') waiting for an anchor
        for number in range(root.line, len(self.lines)):
            if number in self.covered:
                line_text = self.lines[number]
                found = self.find_comment(number, line_text, hash_starts)
                if found is not None:
                    self.attach_eol(comments, number, *found, pending)
                continue
            line_text = self.lines[number]
            stripped = line_text.strip(" \t")
            if not stripped:
                pending.append((number, ""))
                continue
            if stripped.startswith("#"):
                pending.append((number, stripped.rstrip(" \t")))
                continue
            if stripped == "..." or stripped.startswith("... "):
                raise LayoutError("a document end marker `...`", number + 1)
            found = self.find_comment(number, line_text, hash_starts)
            if found is not None:
                self.attach_eol(comments, number, *found, pending)
            self.flush(comments, pending, anchor_lines)
        comments.trailing.extend(text for _, text in pending)
        self.comments = comments
        self.hoist(root, self.shape)
        commented = [path for path, entries in comments.before.items() if any(entries)]
        for path in [*commented, *comments.key_eol, *comments.value_eol]:
            for cut in range(len(path) - 1, -1, -1):
                comments.inside.add(path[:cut])
        return comments

    def hoist(self, node: _Node, shape: Shape | None) -> None:
        """Give a list entry the comments of what is written on its `-` line: they are
        written above the `-`, so they belong to the entry (and a second run agrees)."""
        before = self.comments.before
        for child in node.children:
            child_shape = shape.children.get(child.key) if shape and node.kind == "map" else shape
            if child.kind in ("map", "seq"):
                self.hoist(child, child_shape)
        if node.kind != "seq":
            return
        for item in node.children:
            probe = item
            while probe.kind in ("map", "seq") and probe.children:
                first = self.ordered(probe, shape)[0]
                moved = before.pop(first.path, None)
                if moved:
                    before.setdefault(item.path, []).extend(moved)
                if probe.kind == "map":
                    break
                probe = first

    def collect_anchors(self, node: _Node, depth: int) -> None:
        for child in node.children:
            if node.kind == "map":
                self.anchors.append((child.key_line, depth, child.path))
            else:
                self.anchors.append((child.line, depth, child.path))
            if child.kind in ("map", "seq"):
                self.collect_anchors(child, depth + 1)

    def find_comment(
        self, number: int, line_text: str, hash_starts: list[int]
    ) -> tuple[int, str] | None:
        if "#" not in line_text:
            return None
        base = self.starts[number]
        for match in _COMMENT_START.finditer(line_text):
            offset = base + match.start()
            index = bisect.bisect_right(hash_starts, offset) - 1
            if index >= 0 and self.hash_intervals[index][1] > offset:
                continue
            return match.start(), line_text[match.start() :].rstrip(" \t")
        return None

    def attach_eol(
        self,
        comments: _Comments,
        number: int,
        column: int,
        text: str,
        pending: list[tuple[int, str]],
    ) -> None:
        candidates = [c for c in self.ends.get(number, ()) if c[0] <= column]
        if not candidates:
            pending.append((number, text))  # `-   # note` above its entry: goes before it
            return
        _, path, kind = max(candidates, key=lambda c: (c[0], -len(c[1])))
        table = comments.key_eol if kind == "key" else comments.value_eol
        table.setdefault(path, []).append((text, column))

    def flush(
        self, comments: _Comments, pending: list[tuple[int, str]], anchor_lines: list[int]
    ) -> None:
        """Give the waiting full-line comments to the entry that follows them."""
        if not pending:
            return
        last = pending[-1][0]
        index = bisect.bisect_right(anchor_lines, last)
        if index >= len(self.anchors):
            return
        path = self.anchors[index][2]
        comments.before.setdefault(path, []).extend(text for _, text in pending)
        pending.clear()

    # -- writing -------------------------------------------------------------------------

    def render(self) -> str:
        for index, found in self.comment_at.items():
            line = self.out[index].rstrip(" ")
            text, column = found[0]
            gap = column - len(line) if column > len(line) else 2
            written = f"{line}{' ' * gap}{text}"
            if len(found) > 1:  # two comments met on one line: the later ones go above it
                indent = " " * (len(line) - len(line.lstrip(" ")))
                written = "\n".join([*(indent + t for t, _ in found[1:]), written])
            self.out[index] = written
        return "".join(line + "\n" for line in self.out)

    def note(self, line: int, found: list[tuple[str, int]] | None) -> None:
        if found:
            self.comment_at.setdefault(line, []).extend(found)

    def write_before(self, entries: list[str], indent: int, first: bool) -> None:
        for entry in _tidy(entries, drop_leading=first):
            self.out.append(" " * indent + entry if entry else "")

    def ordered(self, node: _Node, shape: Shape | None) -> list[_Node]:
        if node.kind != "map" or shape is None:
            return node.children
        by_key = {child.key: child for child in node.children}
        return [by_key[key] for key in shape.sort(list(by_key))]

    def entry_comments(self, item: _Node) -> list[str]:
        return self.comments.before.get(item.path, [])

    def emit_mapping(
        self, node: _Node, shape: Shape | None, indent: int, prefix: str | None
    ) -> None:
        for number, child in enumerate(self.ordered(node, shape)):
            child_shape = shape.children.get(child.key) if shape is not None else None
            if number == 0 and prefix is not None:
                start = prefix  # its comments were written above the entry's `-`
            else:
                self.write_before(self.comments.before.get(child.path, []), indent, number == 0)
                start = " " * indent
            self.emit_entry(child, child_shape, start + child.key_text + ":", indent)

    def emit_entry(self, child: _Node, shape: Shape | None, start: str, indent: int) -> None:
        found = [
            *self.comments.key_eol.get(child.path, ()),
            *self.comments.value_eol.get(child.path, ()),
        ]
        if child.kind in ("scalar", "alias"):
            self.note(self.emit_scalar(child, start, indent), found)
            return
        flow = self.flow(child, shape, len(start) + 1)
        self.out.append(start if flow is None else f"{start} {flow}")
        self.note(len(self.out) - 1, found)
        if flow is None:
            self.emit_block(child, shape, indent + INDENT, None)

    def emit_block(self, node: _Node, shape: Shape | None, indent: int, prefix: str | None) -> None:
        if node.kind == "map":
            self.emit_mapping(node, shape, indent, prefix)
        else:
            self.emit_sequence(node, shape, indent, prefix)

    def emit_sequence(
        self, node: _Node, shape: Shape | None, indent: int, prefix: str | None
    ) -> None:
        for number, item in enumerate(node.children):
            if number == 0 and prefix is not None:
                start = prefix + "- "
            else:
                self.write_before(self.entry_comments(item), indent, number == 0)
                start = " " * indent + "- "
            found = self.comments.value_eol.get(item.path)
            if item.kind in ("scalar", "alias"):
                self.note(self.emit_scalar(item, start[:-1], len(start) - 2), found)
                continue
            flow = self.flow(item, shape, len(start))
            if flow is not None:
                self.out.append(start + flow)
                self.note(len(self.out) - 1, found)
                continue
            mark = len(self.out)
            self.emit_block(item, shape, len(start), start)
            self.note(mark, found)

    def emit_scalar(self, node: _Node, start: str, indent: int) -> int:
        """Write `start` and the scalar after it (its owner, a key or a `-`, is at column
        `indent`); return the line its comments go on."""
        if not node.text:
            self.out.append(start)
            return len(self.out) - 1
        self.out.append(f"{start} {node.text}")
        comment_line = len(self.out) - 1
        if node.block:
            self.emit_block_content(node, indent)
        elif node.content:
            for piece in node.content:
                self.out.append(" " * (indent + INDENT) + piece if piece else "")
            comment_line = len(self.out) - 1
        return comment_line

    def emit_block_content(self, node: _Node, indent: int) -> None:
        lines = node.content
        if any(ch.isdigit() for ch in node.block):
            old_owner = node.key_col if node.key_text else node.dash_col
            if old_owner < 0:
                raise LayoutError(
                    "a block scalar with an indentation indicator in a flow collection",
                    node.line + 1,
                )
            digit = int(next(ch for ch in node.block if ch.isdigit()))
            old = old_owner + digit
            shift = indent - old_owner
        else:
            first = next((line for line in lines if line.strip(" ")), "")
            old = len(first) - len(first.lstrip(" "))
            shift = indent + INDENT - old
        for line in lines:
            if not line.strip(" "):
                # spaces beyond the content's indentation are content; the rest is layout
                self.out.append(" " * (old + shift) + line[old:] if len(line) > old else "")
            elif shift >= 0:
                self.out.append(" " * shift + line)
            else:
                self.out.append(line[-shift:])

    def flow(self, node: _Node, shape: Shape | None, column: int) -> str | None:
        """The collection on one line, if the layout rule puts it there."""
        if node.path in self.comments.inside:
            return None
        parts: list[str] = []
        for child in self.ordered(node, shape):
            if child.kind == "scalar" and (child.multiline or not _flow_safe(child.text)):
                return None
            if child.kind not in ("scalar", "alias"):
                return None
            value = child.text
            if node.kind == "map":
                if not _flow_safe(child.key_text):
                    return None
                value = f"{child.key_text}: {value}"
            parts.append(value)
        opening, closing = ("{", "}") if node.kind == "map" else ("[", "]")
        text = opening + ", ".join(parts) + closing
        if column + len(text) > WIDTH:
            return None
        return text


def _flow_safe(text: str) -> bool:
    """Whether a scalar's text means the same inside `[...]` or `{...}`."""
    if not text:
        return False
    if text[0] in "\"'":
        return True
    if text[0] in "|>":
        return False
    return _FLOW_UNSAFE.search(text) is None


def _tidy(entries: list[str], *, drop_leading: bool) -> list[str]:
    """Comments and blank lines with runs of blank lines made one."""
    tidy: list[str] = []
    for entry in entries:
        if not entry and ((not tidy and drop_leading) or (tidy and not tidy[-1])):
            continue
        tidy.append(entry)
    return tidy


def comment_texts(document: LoadedDocument) -> list[str]:
    """Every comment of a document, sorted: what fmt must keep, wherever it puts it."""
    reader = _Layout(document, None)
    reader.node((), document.data, 0)
    reader.hash_intervals.sort()
    hash_starts = [start for start, _ in reader.hash_intervals]
    found: list[str] = []
    for number, line_text in enumerate(reader.lines):
        stripped = line_text.strip(" \t")
        if number not in reader.covered and stripped.startswith("#"):
            found.append(stripped)
            continue
        comment = reader.find_comment(number, line_text, hash_starts)
        if comment is not None:
            found.append(comment[1])
    return sorted(found)
