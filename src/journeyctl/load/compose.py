"""Steps 3 and 4: C-accelerated compose, then one iterative walk to plain data.

Compose builds nodes with their marks and constructs nothing. The walk turns them into dicts,
lists and core-schema scalars while filling the source map, and is where the unsafe parts of
YAML are refused: any tag outside the core schema, merge keys, duplicate keys (compose keeps
both silently) and alias expansion beyond a node budget (compose shares alias nodes, so a
"billion laughs" file is small as nodes and exponential as data).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyctl.diagnostics import FILE_START, Span
from journeyctl.load.errors import LoadError
from journeyctl.load.limits import DEFAULT_LIMITS
from journeyctl.load.sourcemap import PathKey, SourceMap

_CORE = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _CORE + "str", _CORE + "map", _CORE + "seq"
_SCALAR_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "value")
)
_BOOLEANS = {"true": True, "false": False}


@dataclass(slots=True)
class Composed:
    data: Any
    source_map: SourceMap
    hash_scalars: list[tuple[int, int]]
    """Character offsets (start, end) of scalars whose text holds a `#`: not comments."""


def compose(text: str, max_alias_nodes: int, max_depth: int = DEFAULT_LIMITS.max_depth) -> Composed:
    yaml = YAML(typ="safe", pure=False)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        raise LoadError(_describe(exc, text), _mark_span(exc.problem_mark)) from None
    except YAMLError as exc:
        raise _reader_error(exc, text) from None
    if root is None:
        raise LoadError(
            "file is empty: a journey map needs at least `journeyctl`, `id`, `title` and `stages`"
        )
    return _Walker(yaml, max_alias_nodes, max_depth).walk(root)


class _Walker:
    def __init__(self, yaml: YAML, max_alias_nodes: int, max_depth: int) -> None:
        self._constructor = yaml.constructor
        self._budget = max_alias_nodes
        self._max_depth = max_depth
        self._source_map = SourceMap()
        self._hash_scalars: list[tuple[int, int]] = []

    def walk(self, root: Node) -> Composed:
        values, keys, first_key = (
            self._source_map.values,
            self._source_map.keys,
            self._source_map.first_key,
        )
        seen: set[int] = set()
        expanded = 0
        holder: list[Any] = [None]
        # (node, path, container, slot): iterative, so depth never touches the C stack.
        # `alias_use` is where the alias being expanded is used, for the budget's message, and
        # `alias_depth` the depth of that use: an expansion may nest at most `max_depth` levels
        # below it, so that an anchor holding an alias to itself (`a: &x [*x]`, a cycle) fails
        # at once instead of growing ever longer paths until the node budget runs out.
        stack: list[tuple[Node, PathKey, Any, Any, Span | None, int]] = [
            (root, (), holder, 0, None, 0)
        ]
        while stack:
            node, path, container, slot, alias_use, alias_depth = stack.pop()
            if id(node) in seen:
                if alias_use is None:
                    alias_use = keys.get(path) or values.get(path[:-1], FILE_START)
                    alias_depth = len(path)
                elif len(path) - alias_depth > self._max_depth:
                    raise LoadError(
                        f"aliases nest deeper than {self._max_depth} levels (does an anchor "
                        "contain an alias to itself?); journey maps cannot be recursive",
                        alias_use,
                    )
                expanded += 1
                if expanded > self._budget:
                    raise LoadError(
                        f"aliases expand to more than {self._budget:,} extra nodes "
                        '(a "billion laughs" file?); raise limits.max_alias_nodes in the '
                        "configuration if this file is right",
                        alias_use,
                    )
            else:
                seen.add(id(node))
            values[path] = _node_span(node)
            tag = node.tag
            if isinstance(node, ScalarNode):
                container[slot] = self._scalar(node)
            elif isinstance(node, MappingNode):
                self._check_tag(node, _MAP)
                mapping: dict[str, Any] = {}
                container[slot] = mapping
                key_lines: dict[str, Span] = {}
                children = []
                for key_node, value_node in node.value:
                    key = self._key(key_node)
                    key_span = _node_span(key_node)
                    if key in key_lines:
                        raise LoadError(
                            f"duplicate key {key!r} (first defined at line "
                            f"{key_lines[key].line}); YAML keeps only one of them",
                            key_span,
                        )
                    key_lines[key] = key_span
                    child = (*path, key)
                    keys[child] = key_span
                    mapping[key] = None
                    children.append((value_node, child, mapping, key, alias_use, alias_depth))
                if children:
                    first_key[path] = children[0][1]
                stack.extend(reversed(children))
            elif isinstance(node, SequenceNode):
                self._check_tag(node, _SEQ)
                items: list[Any] = [None] * len(node.value)
                container[slot] = items
                stack.extend(
                    (item, (*path, index), items, index, alias_use, alias_depth)
                    for index, item in reversed(list(enumerate(node.value)))
                )
            else:  # pragma: no cover - compose yields only these three node kinds
                raise LoadError(f"unsupported YAML node with tag {tag}", _node_span(node))
        return Composed(holder[0], self._source_map, self._hash_scalars)

    def _key(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            raise LoadError(
                "a mapping key must be a plain string, not a list or mapping", _node_span(node)
            )
        if node.tag == _CORE + "merge":
            raise LoadError(
                "merge keys (`<<`) are not supported in journey maps; write the keys out",
                _node_span(node),
            )
        if node.tag not in _SCALAR_TAGS:
            self._reject_tag(node)
        if "#" in node.value:
            self._hash_scalars.append((node.start_mark.index, node.end_mark.index))
        return str(node.value)

    def _scalar(self, node: ScalarNode) -> Any:
        tag, text = str(node.tag), node.value
        if "#" in text:
            self._hash_scalars.append((node.start_mark.index, node.end_mark.index))
        if tag == _STR:
            return text
        if tag not in _SCALAR_TAGS:
            self._reject_tag(node)
        name = tag[len(_CORE) :]
        if name == "null":
            return None
        if name == "value":
            return text
        if name == "bool":
            # YAML 1.2: only true and false (`!!bool yes` is not a boolean, nor a crash)
            if text.lower() in _BOOLEANS:
                return _BOOLEANS[text.lower()]
            raise LoadError(
                f"cannot read {_excerpt(text)} as bool: expected true or false", _node_span(node)
            )
        try:
            return getattr(self._constructor, f"construct_yaml_{name}")(node)
        except Exception as exc:  # third-party constructors fed any text raise anything
            if name == "timestamp":
                # looks like a date but is none (2026-02-30): text, as in YAML 1.2's core
                # schema; a date field then reports it as a schema error at the value
                return text
            raise LoadError(
                f"cannot read {_excerpt(text)} as {name}: {_one_line(str(exc))}",
                _node_span(node),
            ) from None

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            self._reject_tag(node)

    @staticmethod
    def _reject_tag(node: Node) -> None:
        tag = str(node.tag)
        shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
        raise LoadError(
            f"YAML tag {shown!r} is not allowed; journey maps use plain strings, numbers, "
            "booleans, dates, lists and mappings only (nothing is ever constructed from a tag)",
            _node_span(node),
        )


def _node_span(node: Node) -> Span:
    start, end = node.start_mark, node.end_mark
    if start is None:
        return FILE_START
    if end is None:
        return Span.point(start.line + 1, start.column + 1)
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _mark_span(mark: Any) -> Span:
    if mark is None:
        return FILE_START
    return Span.point(mark.line + 1, mark.column + 1)


def _reader_error(exc: YAMLError, text: str) -> LoadError:
    # ReaderError carries a character offset but no line or column.
    position = getattr(exc, "position", None)
    character = getattr(exc, "character", None)
    if not isinstance(position, int) or not 0 <= position <= len(text):
        return LoadError(f"cannot parse YAML: {_one_line(str(exc))}")
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    return LoadError(
        f"character {shown} is not allowed in YAML (control characters must be escaped "
        "inside a double-quoted string)",
        Span.point(line, column),
    )


def _describe(exc: MarkedYAMLError, text: str) -> str:
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "tab character where YAML expects indentation or a value; indent with spaces"
    problem = _one_line(exc.problem or "invalid YAML")
    context = exc.context
    if context and exc.context_mark is not None:
        return f"{problem} ({_one_line(context)} at line {exc.context_mark.line + 1})"
    return problem


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _excerpt(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")
