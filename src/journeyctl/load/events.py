"""Steps 2 and 3: the C parser's events, folded into plain data and a source map in one pass.

No node tree is composed: libyaml's parser is iterative, and this loop keeps its own stack,
so nesting depth is counted exactly on the events and rejected at `max_depth` before anything
deeper is read; nothing recurses, whatever the input (a composer recurses once per level and
crashes the process near 30,000). The unsafe parts of YAML are refused as they stream by: any
tag outside the core schema, merge keys, duplicate keys, aliases to no anchor or to an
enclosing one, and alias expansion beyond a node budget ("billion laughs": an alias reuses the
anchored data, and each use adds the anchored subtree's size to the budget).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from journeyctl.diagnostics import FILE_START, Span
from journeyctl.load.errors import LoadError
from journeyctl.load.limits import DEEP_NODE_LEVELS, Limits
from journeyctl.load.positions import Positions
from journeyctl.load.scalars import (
    CORE,
    MAP,
    SCALAR_TAGS,
    SEQ,
    STR,
    ScalarError,
    construct,
    resolve_plain,
)
from journeyctl.load.sourcemap import PathKey, SourceMap
from journeyctl.quoting import ECHO_LIMIT, quote, shorten

try:  # the C parser of ruamel.yaml.clib; the pure-Python parser is iterative too, only slower
    from _ruamel_yaml import CParser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - exercised only where the clib cannot be installed
    CParser = None


EMPTY = "file is empty: a journey map needs at least `journeyctl`, `id`, `title` and `stages`"
_MID_FILE_BOM = (
    "byte order mark (U+FEFF) in the middle of the file; it is allowed only as the file's "
    "first character (delete it: editors often hide it)"
)
# Blank lines, comments and document end markers (`...`) only: libyaml calls a lone `...` a
# syntax error ("did not find expected node content"), but to a reader the file is empty.
_NOTHING_BUT_END_MARKERS = re.compile(r"(?:[ \t]*(?:\.\.\.)?[ \t]*(?:#[^\n]*)?(?:\r\n|\r|\n|$))*")


@dataclass(slots=True)
class Built:
    data: Any
    source_map: SourceMap
    hash_scalars: list[tuple[int, int]]
    """Character offsets (start, end) of scalars whose text holds a `#`: not comments."""


@dataclass(slots=True)
class _Open:
    """A mapping or sequence being filled."""

    path: PathKey
    container: Any
    start: Any
    anchor: str | None
    size: int = 1
    key: str | None = None
    """For a mapping: the key whose value comes next (None: the next scalar is a key)."""
    keys: dict[str, Span] = field(default_factory=dict)


@dataclass(slots=True)
class _Anchor:
    value: Any
    size: int
    open: bool


def build(text: str, limits: Limits) -> Built:
    source_map = SourceMap()
    values, keys, first_key = source_map.values, source_map.keys, source_map.first_key
    hash_scalars: list[tuple[int, int]] = []
    positions = Positions(text)
    anchors: dict[str, _Anchor] = {}
    stack: list[_Open] = []
    root: list[Any] = []
    documents = 0
    expanded = 0
    nodes = 0
    max_nodes = limits.max_nodes

    def place(value: Any, span: Span, size: int) -> PathKey | None:
        """Put a finished value where it belongs; None when it was a mapping key."""
        if not stack:
            root.append(value)
            values[()] = span
            return ()
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.container, list):
            path = (*parent.path, len(parent.container))
            parent.container.append(value)
            values[path] = span
            return path
        if parent.key is None:
            if not isinstance(value, str):
                raise LoadError("a mapping key must be a plain string, not a list or mapping", span)
            if value in parent.keys:
                raise LoadError(
                    f"duplicate key {quote(value)} (first defined at line "
                    f"{parent.keys[value].line}); YAML keeps only one of them",
                    span,
                )
            parent.keys[value] = span
            parent.key = value
            path = (*parent.path, value)
            keys[path] = span
            if len(parent.keys) == 1:
                first_key[parent.path] = path
            return None
        path = (*parent.path, parent.key)
        parent.container[parent.key] = value
        parent.key = None
        values[path] = span
        return path

    try:
        for event in _events(text):
            kind = type(event).__name__
            if kind in _NODE_EVENTS:
                # Counted before the node is kept: memory grows with nodes (about 1 KB each
                # once validated and linted), so the budget is what bounds it.
                nodes += 1 + len(stack) // DEEP_NODE_LEVELS
                if nodes > max_nodes:
                    raise LoadError(
                        f"more than {max_nodes:,} YAML nodes (keys, values, lists and "
                        "mappings); journey maps need far fewer (raise limits.max_nodes in "
                        "the configuration if this file is right)",
                        positions.point(event.start_mark),
                    )
            if kind == "ScalarEvent":
                span = positions.span(event.start_mark, event.end_mark)
                value = _scalar(event, span)
                is_key = (
                    bool(stack)
                    and isinstance(stack[-1].container, dict)
                    and (stack[-1].key is None)
                )
                if is_key and event.tag is None and event.implicit[0] and event.value == "<<":
                    raise LoadError(
                        "merge keys (`<<`) are not supported in journey maps; write the keys out",
                        span,
                    )
                if is_key and not isinstance(value, str):
                    value = event.value  # `1:` or `true:` as a key is the text, not a number
                if "#" in event.value:
                    hash_scalars.append((event.start_mark.index, event.end_mark.index))
                place(value, span, 1)
                if event.anchor is not None:
                    anchors[event.anchor] = _Anchor(value, 1, open=False)
            elif kind in ("MappingStartEvent", "SequenceStartEvent"):
                mapping = kind == "MappingStartEvent"
                tag = event.tag
                if tag is not None and tag != "!" and tag != (MAP if mapping else SEQ):
                    _reject_tag(tag, positions.span(event.start_mark, event.end_mark))
                if stack and isinstance(stack[-1].container, dict) and stack[-1].key is None:
                    raise LoadError(
                        "a mapping key must be a plain string, not a list or mapping",
                        positions.span(event.start_mark, event.end_mark),
                    )
                if len(stack) >= limits.max_depth:
                    raise LoadError(
                        f"nesting is deeper than {limits.max_depth} levels; journey maps need "
                        "far fewer (raise limits.max_depth in the configuration if this file "
                        "is right)",
                        positions.point(event.start_mark),
                    )
                parent = stack[-1] if stack else None
                path: PathKey
                if parent is None:
                    path = ()
                elif isinstance(parent.container, list):
                    path = (*parent.path, len(parent.container))
                else:
                    path = (*parent.path, parent.key)  # type: ignore[arg-type]
                container: Any = {} if mapping else []
                stack.append(_Open(path, container, event.start_mark, event.anchor))
                if event.anchor is not None:
                    anchors[event.anchor] = _Anchor(container, 0, open=True)
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                finished = stack.pop()
                span = positions.span(finished.start, event.end_mark)
                place(finished.container, span, finished.size)
                if finished.anchor is not None:
                    anchors[finished.anchor] = _Anchor(finished.container, finished.size, False)
            elif kind == "AliasEvent":
                span = positions.span(event.start_mark, event.end_mark)
                anchor = anchors.get(event.anchor)
                if anchor is None:
                    raise LoadError(
                        f"undefined alias *{event.anchor}: no anchor "
                        f"&{event.anchor} comes before it",
                        span,
                    )
                if anchor.open:
                    raise LoadError(
                        f"alias *{event.anchor} refers to itself (it is inside its "
                        f"own anchor &{event.anchor}); journey maps cannot be "
                        "recursive",
                        span,
                    )
                expanded += anchor.size
                if expanded > limits.max_alias_nodes:
                    raise LoadError(
                        f"aliases expand to more than {limits.max_alias_nodes:,} extra nodes "
                        '(a "billion laughs" file?); raise limits.max_alias_nodes in the '
                        "configuration if this file is right",
                        span,
                    )
                place(anchor.value, span, anchor.size)
            elif kind == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    raise LoadError(
                        "another document starts here; a journey map is a single document",
                        positions.span(event.start_mark, event.end_mark),
                    )
    except MarkedYAMLError as exc:
        if _NOTHING_BUT_END_MARKERS.fullmatch(text):
            raise LoadError(EMPTY) from None
        mark = exc.problem_mark
        bom = text.find("\ufeff")
        if bom >= 0 and (mark is None or bom <= mark.index):
            # libyaml reads a mid-file BOM as nothing, and fails later on what it did to the
            # structure: name the invisible character that caused it, where it is
            raise LoadError(_MID_FILE_BOM, Span.point(*positions.line_column(bom))) from None
        span = positions.point(mark) if mark is not None else FILE_START
        raise LoadError(_describe(exc, text, positions), span) from None
    except YAMLError as exc:
        raise _reader_error(exc, positions) from None
    if not root:
        raise LoadError(EMPTY)
    return Built(root[0], source_map, hash_scalars)


_NODE_EVENTS = frozenset(("ScalarEvent", "MappingStartEvent", "SequenceStartEvent", "AliasEvent"))


def _events(text: str) -> Iterator[Any]:
    if CParser is not None:
        parser = CParser(text)
        get_event = parser.get_event
        while True:
            event = get_event()
            if event is None:
                return
            yield event
            if type(event).__name__ == "StreamEndEvent":
                return
    else:  # pragma: no cover
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)


def _scalar(event: Any, span: Span) -> Any:
    tag, text = event.tag, event.value
    if tag == "!" or tag == STR or (tag is None and not event.implicit[0]):
        return text
    if tag is not None and tag not in SCALAR_TAGS:
        _reject_tag(tag, span)
    try:
        return resolve_plain(text) if tag is None else construct(tag, text)
    except ScalarError as exc:
        raise LoadError(str(exc), span) from None


def _reject_tag(tag: str, span: Span) -> None:
    shown = "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag
    raise LoadError(
        f"YAML tag {quote(shown)} is not allowed; journey maps use plain strings, numbers, "
        "booleans, dates, lists and mappings only (nothing is ever constructed from a tag)",
        span,
    )


def _reader_error(exc: YAMLError, positions: Positions) -> LoadError:
    # ReaderError carries a character offset but no line or column.
    position = getattr(exc, "position", None)
    character = getattr(exc, "character", None)
    if not isinstance(position, int) or position < 0:
        return LoadError(f"cannot parse YAML: {_one_line(str(exc))}")
    line, column = positions.line_column(position)
    shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    return LoadError(
        f"character {shown} is not allowed in YAML (control characters must be escaped "
        "inside a double-quoted string)",
        Span.point(line, column),
    )


def _describe(exc: MarkedYAMLError, text: str, positions: Positions) -> str:
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "tab character where YAML expects indentation or a value; indent with spaces"
    problem = _one_line(exc.problem or "invalid YAML")
    context = exc.context
    if context and exc.context_mark is not None:
        # the line as editors count it: libyaml also breaks lines at NEL, LS and PS
        line = positions.point(exc.context_mark).line
        problem = f"{problem} ({_one_line(context)} at line {line})"
    if problem.startswith(_INDENTATION_PROBLEMS):
        problem += "; check the indentation of this line against the lines above"
    return problem


# libyaml's words for what is, nine times out of ten, a line indented wrongly.
_INDENTATION_PROBLEMS = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "mapping values are not allowed here",
    "block sequence entries are not allowed here",
    "expected <block end>",
)


def _one_line(text: str) -> str:
    return shorten(" ".join(text.split()), 2 * ECHO_LIMIT)
