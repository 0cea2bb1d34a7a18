"""Loaded data to a valid `JourneyMap`, or diagnostics at the right line and column.

Translates pydantic's errors (whose `loc` is a path into the data) through the loader's
source map: an unknown key is reported at the key, a missing key at the first key of the
mapping that lacks it, a bad value at the value, a reference problem at the referring value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journeyctl.diagnostics import FILE_START, REFERENCE, SCHEMA, Diagnostic, validation_error
from journeyctl.load import LoadedDocument
from journeyctl.load.sourcemap import PathKey, SourceMap
from journeyctl.model.vocabulary import FORMAT_VERSION
from journeyctl.quoting import quote
from journeyctl.suggest import closest

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from journeyctl.model import JourneyMap


def validate_document(
    document: LoadedDocument, path: str, teams: frozenset[str] = frozenset()
) -> tuple[JourneyMap | None, list[Diagnostic]]:
    data, source_map = document.data, document.source_map
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else f"a single value ({quote(data)})"
        return None, [
            validation_error(
                path,
                source_map.value(()),
                SCHEMA,
                f"the top level must be a mapping with `journeyctl`, `id`, `title` and "
                f"`stages`, not {found}",
            )
        ]
    version_problem = _check_version(data, path, source_map)
    if version_problem is not None:
        return None, [version_problem]

    from pydantic import ValidationError

    from journeyctl.model import JourneyMap

    context = {"teams": teams}
    whole = _Context(path, source_map, data, JourneyMap, "the map")
    if len(source_map.values) > LARGE_DOCUMENT:
        first = _problems_in_windows(whole, context)
        if first is not None:
            return None, first
    try:
        return JourneyMap.model_validate(data, context=context), []
    except ValidationError as exc:
        total = exc.error_count()
        if total <= MAX_LISTED:
            diagnostics = _translate_bounded(exc, whole, context)
            if not any(d.code == REFERENCE[0] for d in diagnostics):
                diagnostics += _references_despite_errors(exc, path, source_map, data, teams)
            diagnostics.sort(key=lambda d: d.sort_key)
            return None, _listed(diagnostics, len(diagnostics), path)
    # outside the `except`: pydantic's errors of the whole map are freed before windows run
    return None, _first_problems(total, whole, context)


def translate_errors(
    exc: ValidationError,
    path: str,
    source_map: SourceMap,
    data: Any,
    root: type[BaseModel],
    root_name: str,
    validated: Any = None,
) -> list[Diagnostic]:
    """Pydantic's errors for `data` validated by `root` as diagnostics at their lines.

    Used for maps and for configuration files alike; `root_name` is what the top level is
    called in messages ("the map", "the configuration"). `validated` is what `root` was
    given, when it is not `data` itself (positions still come from `data`). At most
    `MAX_LISTED` problems are listed, then one that counts the others.
    """
    context = _Context(path, source_map, data, root, root_name)
    return _translate_bounded(exc, context, None, validated)


MAX_LISTED = 100
"""Problems listed for one file; more are counted in one last diagnostic. A file of 500,000
wrong items would otherwise cost about 1.5 KB of memory per problem (pydantic's error
dictionaries, then ours) and as much output, for a list nobody reads past its start."""

_WIDEST_WINDOW_ERRORS = 50 * MAX_LISTED
"""A window with more errors than this is bisected to a narrower one before it is translated."""


def _translate_bounded(
    exc: ValidationError,
    context: _Context,
    validation_context: dict[str, Any] | None,
    validated: Any = None,
) -> list[Diagnostic]:
    """The diagnostics of `exc`: all of them up to `MAX_LISTED`, else the first ones and a
    count of the others (`_first_problems`), without a dictionary per error."""
    total = exc.error_count()
    if total > MAX_LISTED:
        return _first_problems(total, context, validation_context, validated)
    found = [d for error in exc.errors(include_url=False) for d in _translate(error, context)]
    found.sort(key=lambda d: d.sort_key)
    return found


def _first_problems(
    total: int,
    context: _Context,
    validation_context: dict[str, Any] | None,
    validated: Any = None,
) -> list[Diagnostic]:
    """`MAX_LISTED` of the `total` errors of a validation, and one diagnostic counting the
    others.

    `exc.errors()` would build a dictionary per error (1 KB each, on top of pydantic's own
    500 bytes). Instead the same input is validated again, cut to a window (`_window`) that
    widens 16, 64, 256, ... items until it holds enough errors; those are real errors of
    the whole input (an item is valid or not on its own). When the last step jumps from too
    few errors to too many to hold (the problems are at the end of a long list), the width
    is bisected with `error_count()`, which costs no dictionaries. A cut window drops
    reference problems: cutting a list can make a reference dangle."""
    from pydantic import ValidationError

    from journeyctl.model import REFERENCE_ERROR_TYPE

    given = context.data if validated is None else validated
    names = _field_names(context.root)

    def count(width: int) -> tuple[int, bool]:
        window, cut = _window(given, width, names)
        if not cut:  # the whole input: its errors are counted already
            return total, cut
        try:
            context.root.model_validate(window, context=validation_context)
        except ValidationError as exc:
            return exc.error_count(), cut
        return 0, cut

    low, width = 0, 16
    while (probe := count(width))[0] <= MAX_LISTED and probe[1]:
        low, width = width, width * 4
    found, guess = probe[0], True
    while found > _WIDEST_WINDOW_ERRORS and width - low > 1:
        # errors grow about evenly past the clean start: aim at a few hundred, then halve
        step = (width - low) * (4 * MAX_LISTED) // found if guess else (width - low) // 2
        middle = min(width - 1, low + max(1, step))
        guess = not guess
        middle_found = count(middle)[0]
        if middle_found > MAX_LISTED:
            width, found = middle, middle_found
        else:
            low = middle
    window, cut = _window(given, width, names)
    errors: list[Any] = []
    try:
        context.root.model_validate(window, context=validation_context)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    if cut:  # a cut list can make a reference dangle
        errors = [e for e in errors if e["type"] != REFERENCE_ERROR_TYPE]
    translated = [
        (diagnostic, number)
        for number, error in enumerate(errors)
        for diagnostic in _translate(error, context)
    ]
    translated.sort(key=lambda pair: pair[0].sort_key)
    listed = translated[:MAX_LISTED]
    diagnostics = [diagnostic for diagnostic, _ in listed]
    shown = len({number for _, number in listed})
    return _listed(diagnostics, len(diagnostics) - shown + total, context.path)


def _listed(diagnostics: list[Diagnostic], total: int, path: str) -> list[Diagnostic]:
    """The first `MAX_LISTED` of sorted `diagnostics`, then one that counts the others (of
    `total`) at the last one's position."""
    listed = diagnostics[:MAX_LISTED]
    hidden = total - len(listed)
    if hidden <= 0:
        return listed
    more = "problem was" if hidden == 1 else "problems were"
    # at the last one's position and with its code, so that the list stays sorted
    last = listed[-1] if listed else None
    listed.append(
        validation_error(
            path,
            last.span if last else FILE_START,
            (last.code, last.rule) if last else SCHEMA,
            f"{hidden:,} more {more} not listed: journeyctl lists the first {MAX_LISTED} "
            "of a file's problems (fix these and check again)",
        )
    )
    return listed


LARGE_DOCUMENT = 200_000
"""Nodes above which a map is first validated in windows (`_problems_in_windows`). Below,
a map has at most about 400,000 errors (two a node, for `- {}`): 200 MB of pydantic's."""


def _problems_in_windows(
    context: _Context, validation_context: dict[str, Any]
) -> list[Diagnostic] | None:
    """For a large map: its first `MAX_LISTED` problems, found in windows of its lists, or
    None when the windows find fewer (then the whole map is validated as usual).

    pydantic keeps each error of one validation in memory (about 500 bytes each), and a file
    of 600,000 `- {}` items has 1,200,000 errors: validating it whole would take 900 MB.
    Windows of 16, 64, 256, ... items cost a few errors each; once one has enough problems
    to list, the rest of the file is not validated, and the last diagnostic says so. The
    windows stop short of a quarter of the longest list: past it, what they would cost a
    valid map is more than the errors they would save (the rest holds at most three times
    as many items as the clean quarter, and clean items take more nodes than wrong ones).
    """
    from pydantic import ValidationError

    from journeyctl.model import REFERENCE_ERROR_TYPE

    names = _field_names(context.root)
    quarter = _longest(context.data) // 4
    width = 16
    while True:
        window, cut = _window(context.data, width, names)
        if not cut or width >= quarter:
            return None
        width *= 4
        try:
            context.root.model_validate(window, context=validation_context)
            continue
        except ValidationError as exc:
            if exc.error_count() <= MAX_LISTED:
                continue
            errors = [e for e in exc.errors(include_url=False) if e["type"] != REFERENCE_ERROR_TYPE]
        if len(errors) >= MAX_LISTED:
            break
    found = [d for error in errors for d in _translate(error, context)]
    found.sort(key=lambda d: d.sort_key)
    listed = found[:MAX_LISTED]
    listed.append(
        validation_error(
            context.path,
            listed[-1].span,
            SCHEMA,
            f"more problems were not listed: in a file this large, journeyctl stops at the "
            f"first {MAX_LISTED} (fix these and check again)",
        )
    )
    return listed


def _longest(data: Any) -> int:
    """The most items or keys of any list or mapping in `data` (iteratively)."""
    longest = 0
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            longest = max(longest, len(value))
            stack.extend(item for item in value if isinstance(item, (list, dict)))
        elif isinstance(value, dict):
            longest = max(longest, len(value))
            stack.extend(item for item in value.values() if isinstance(item, (list, dict)))
    return longest


def _window(data: Any, width: int, names: frozenset[str]) -> tuple[Any, bool]:
    """A copy of `data` with each list cut to its first `width` items and each mapping to its
    first `width` keys plus every key some model knows (so that no required key goes
    missing); and whether anything was cut. Iterative: data may nest as deep as the limit."""
    cut = False
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(data, root, 0)]
    while stack:
        value, parent, slot = stack.pop()
        if isinstance(value, list):
            if len(value) > width:
                cut = True
            copy: Any = [None] * min(len(value), width)
            parent[slot] = copy
            stack.extend((item, copy, index) for index, item in enumerate(value[:width]))
        elif isinstance(value, dict):
            copy = {}
            for index, (key, item) in enumerate(value.items()):
                if index < width or key in names:
                    copy[key] = None
                    stack.append((item, copy, key))
                else:
                    cut = True
            parent[slot] = copy
        else:
            parent[slot] = value
    return root[0], cut


def _field_names(root: type[BaseModel]) -> frozenset[str]:
    """Every key a model under `root` declares (by alias where it has one)."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = [root]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            child = _unwrap(info.annotation)
            if isinstance(child, type) and _is_model(child):
                todo.append(child)
    return frozenset(names)


def _is_model(value: type) -> bool:
    from pydantic import BaseModel

    return issubclass(value, BaseModel)


@dataclass(frozen=True, slots=True)
class _Context:
    path: str
    source_map: SourceMap
    data: Any
    root: type[BaseModel]
    root_name: str


def _check_version(data: dict[str, Any], path: str, source_map: SourceMap) -> Diagnostic | None:
    if "journeyctl" not in data:
        return None  # reported as a missing key with the other schema errors
    version = data["journeyctl"]
    if type(version) is int and version == FORMAT_VERSION:
        return None
    return validation_error(
        path,
        source_map.value(("journeyctl",)),
        SCHEMA,
        f"unknown format version {quote(version)}: this release of journeyctl reads "
        f"`journeyctl: {FORMAT_VERSION}` (upgrade journeyctl for newer maps)",
    )


def _translate(error: Any, context: _Context) -> list[Diagnostic]:
    from journeyctl.model import REFERENCE_ERROR_TYPE

    path, source_map, data = context.path, context.source_map, context.data
    loc: PathKey = tuple(error["loc"])
    key_error = bool(loc) and loc[-1] == "[key]"
    if key_error:  # a dict key that is not valid: pydantic adds "[key]" after the key
        loc = loc[:-1]
    kind = error["type"]
    if kind == REFERENCE_ERROR_TYPE:
        result = []
        for problem in error["ctx"]["problems"]:
            message = problem.message
            if problem.first_path is not None:
                message += f" (first at line {source_map.key(problem.first_path).line})"
            result.append(
                validation_error(path, source_map.value(problem.path), REFERENCE, message)
            )
        return result
    where = _describe(loc[:-1], context.root_name)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(loc[:-1], context.root)
        message = f"unknown key {quote(key)} in {where}"
        suggestion = closest(key, allowed) if len(key) <= 100 else None
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
        elif allowed:
            extension = "; or an `x-` key" if context.root_name == "the map" else ""
            message += f" (allowed: {', '.join(allowed)}{extension})"
        else:
            message += " (it takes no keys)"
        if not suggestion:
            message += _indentation_hint(key, loc[:-1], context)
        return [validation_error(path, source_map.key(loc), SCHEMA, message)]
    if kind == "missing":
        parent = loc[:-1]
        first = source_map.first_key.get(parent)
        span = source_map.key(first) if first is not None else source_map.value(parent)
        message = f"missing required key {quote(loc[-1])} in {where}"
        message += _misplaced_hint(str(loc[-1]), parent, context)
        return [validation_error(path, span, SCHEMA, message)]
    value = _value_at(data, loc) if not key_error else loc[-1]
    message = f"{_describe(loc, context.root_name)}: {_explain(error, value)}"
    if kind in {"enum", "literal_error"} and isinstance(value, str) and len(value) <= 100:
        choices = [c.strip(" '") for c in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
        close = closest(value, choices)
        if close and close != value:
            message += f"; did you mean {close!r}?"
    span = source_map.key(loc) if key_error else source_map.value(loc)
    return [validation_error(path, span, SCHEMA, message)]


def _explain(error: Any, value: Any) -> str:
    message: str = error["msg"]
    kind = error["type"]
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a mapping, found {_shape(value)}"
    if kind == "list_type":
        return f"expected a list, found {_shape(value)}"
    if kind.startswith("date"):
        return f"expected a real date written YYYY-MM-DD (found {quote(value)})"
    if kind in {"unknown_rule", "validation_code"}:
        return message
    text = f"{message[0].lower()}{message[1:]}"
    if kind in {"enum", "literal_error"}:
        text = text.replace("input should be", "expected")
    if value is not None and not isinstance(value, (dict, list)):
        return f"{text} (found {quote(value)})"
    return text


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {quote(value)}"
    if isinstance(value, (int, float)):
        return f"the number {quote(value)}"
    if isinstance(value, str):
        return f"the text {quote(value)}"
    return quote(value)


def _describe(loc: PathKey, root_name: str = "the map") -> str:
    if not loc:
        return root_name
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _value_at(data: Any, loc: PathKey) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _indentation_hint(key: str, parent: PathKey, context: _Context) -> str:
    """For an unknown key that a mapping nearby accepts: probably indented wrong. A list of
    child elements comes first: a key just below its last item is the usual slip."""
    children = _child_keys(parent, context.root)
    if key in children:
        return f"; `{key}` is a key of {children[key]}: is it indented too little?"
    for depth in range(len(parent) - 1, -1, -1):
        above = parent[:depth]
        if isinstance(parent[depth], int):
            continue
        if key in _allowed_keys(above, context.root):
            return (
                f"; `{key}` is a key of {_describe(above, context.root_name)}: "
                "is it indented too far?"
            )
    return ""


def _misplaced_hint(key: str, parent: PathKey, context: _Context) -> str:
    """A required key that the file has, but one level off: an indentation mistake."""
    here = _value_at(context.data, parent)
    if not isinstance(here, dict):
        return ""
    for name, value in here.items():
        if isinstance(value, dict) and key in value:
            return f"; it is under `{name}`: is it indented too far?"
    return ""


def _child_keys(loc: PathKey, root: type[BaseModel]) -> dict[str, str]:
    """Keys of the models one level below `loc`, with what they belong to."""
    model = _model_at(loc, root)
    if model is None:
        return {}
    found: dict[str, str] = {}
    for name, info in model.model_fields.items():
        child = _model_at((*loc, info.alias or name), root)
        if child is None:
            continue
        for child_name, child_info in child.model_fields.items():
            found.setdefault(child_info.alias or child_name, f"each of `{info.alias or name}`")
    return found


def _allowed_keys(loc: PathKey, root: type[BaseModel]) -> list[str]:
    model = _model_at(loc, root)
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(loc: PathKey, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, following field annotations."""
    from pydantic import BaseModel

    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if info is None:
            return None
        current = _unwrap(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _unwrap(annotation: Any) -> Any:
    """list[X], X | None and Annotated[X, ...] down to X (a model class, if there is one)."""
    import typing

    from pydantic import BaseModel

    current = annotation
    while typing.get_origin(current) is not None:
        args = [a for a in typing.get_args(current) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        current = models[0] if models else (args[0] if args else None)
    return current


def _references_despite_errors(
    exc: ValidationError,
    path: str,
    source_map: SourceMap,
    data: dict[str, Any],
    teams: frozenset[str],
) -> list[Diagnostic]:
    """JM003 for a map that also has schema errors, so that one run reports both.

    Every value pydantic rejected is set aside (an optional key is dropped, a required one
    replaced by a placeholder no reference can name, list positions kept), and the rest is
    validated again; when only reference problems remain, they are real ones.
    """
    from pydantic import ValidationError

    from journeyctl.model import REFERENCE_ERROR_TYPE, JourneyMap

    pruned = dict(data)  # copied along each path changed, never deeply: data may nest deep
    errors = exc.errors(include_url=False)
    removed: set[str] = set()
    for round_ in range(3):
        for number, error in enumerate(errors):
            loc = tuple(error["loc"])
            # Set aside the value, or the nearest enclosing one that can be (a `feedback`
            # whose required `method` is wrong goes as a whole).
            while loc and not _set_aside(pruned, loc, f"{_PLACEHOLDER}{round_}-{number}", removed):
                loc = loc[:-1]
            if not loc:
                return []
        try:
            JourneyMap.model_validate(pruned, context={"teams": teams})
        except ValidationError as again:
            errors = again.errors(include_url=False)
            if all(e["type"] == REFERENCE_ERROR_TYPE for e in errors):
                # A name that only a set-aside value declared may well exist: not reported.
                for error in errors:
                    error["ctx"]["problems"] = [
                        problem
                        for problem in error["ctx"]["problems"]
                        if problem.first_path is not None
                        or (
                            _value_at(data, problem.path) not in removed
                            and not str(_value_at(pruned, problem.path)).startswith(_PLACEHOLDER)
                        )
                    ]
                context = _Context(path, source_map, data, JourneyMap, "the map")
                return [d for e in errors for d in _translate(e, context)]
            continue
        return []
    return []


_PLACEHOLDER = "x-set-aside-"


def _strings(value: Any, found: set[str]) -> None:
    """Every string in a value, keys included (iteratively: the value may be deep)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            found.update(k for k in item if isinstance(k, str))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _detach(data: Any, loc: PathKey) -> Any:
    """The container at `loc`, after copying each container on the way (shallow), so that
    changing it leaves the caller's data alone; None when there is nothing there."""
    node = data
    for part in loc:
        try:
            child = node[part]
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(child, dict):
            child = dict(child)
        elif isinstance(child, list):
            child = list(child)
        else:
            return None
        node[part] = child
        node = child
    return node


def _set_aside(data: Any, loc: PathKey, placeholder: str, removed: set[str]) -> bool:
    """Drop or replace the value at `loc` in place, adding its strings to `removed`; False
    when that cannot be done safely."""
    from journeyctl.model import JourneyMap

    if not loc or loc[-1] == "[key]":
        return False
    _strings(_value_at(data, loc), removed)
    parent = _detach(data, loc[:-1])
    last = loc[-1]
    model = _model_at(loc[:-1], JourneyMap)
    if isinstance(parent, dict) and isinstance(last, str):
        if model is None:
            return False
        info = model.model_fields.get(last) or next(
            (f for f in model.model_fields.values() if f.alias == last), None
        )
        if info is None or not info.is_required():
            parent.pop(last, None)  # an unknown key, or an optional value
            return True
        target = _unwrap(info.annotation)
        if target is str and last != "id":  # a placeholder id would show in "known: ..."
            parent[last] = placeholder
            return True
        return False
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        item = parent[last]
        if isinstance(item, str) or not isinstance(item, dict):
            parent[last] = placeholder  # a list of texts or ids: a name nothing refers to
            return True
    return False
