"""Reference problems (JM003) of a map that also has schema errors, so one run reports both."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeyctl.diagnostics import Diagnostic
from journeyctl.load.sourcemap import PathKey, SourceMap
from journeyctl.validation.translate import Context, model_at, translate_error, unwrap, value_at

if TYPE_CHECKING:
    from pydantic import ValidationError


def references_despite_errors(
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
                            value_at(data, problem.path) not in removed
                            and not str(value_at(pruned, problem.path)).startswith(_PLACEHOLDER)
                        )
                    ]
                context = Context(path, source_map, data, JourneyMap, "the map")
                return [d for e in errors for d in translate_error(e, context)]
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
    _strings(value_at(data, loc), removed)
    parent = _detach(data, loc[:-1])
    last = loc[-1]
    model = model_at(loc[:-1], JourneyMap)
    if isinstance(parent, dict) and isinstance(last, str):
        if model is None:
            return False
        info = model.model_fields.get(last) or next(
            (f for f in model.model_fields.values() if f.alias == last), None
        )
        if info is None or not info.is_required():
            parent.pop(last, None)  # an unknown key, or an optional value
            return True
        target = unwrap(info.annotation)
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
