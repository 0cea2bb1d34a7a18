"""One pydantic error as diagnostics at the right line and column.

pydantic's `loc` is a path into the data; the loader's source map turns it into a position:
an unknown key is reported at the key, a missing key at the first key of the mapping that
lacks it, a bad value at the value, a reference problem at the referring value. Messages use
the file's words (its keys, its values quoted), with "did you mean" and indentation hints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journeyctl.diagnostics import REFERENCE, SCHEMA, Diagnostic, validation_error
from journeyctl.load.sourcemap import PathKey, SourceMap
from journeyctl.quoting import quote
from journeyctl.suggest import closest

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class Context:
    path: str
    source_map: SourceMap
    data: Any
    root: type[BaseModel]
    root_name: str


def translate_error(error: Any, context: Context) -> list[Diagnostic]:
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
    value = value_at(data, loc) if not key_error else loc[-1]
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


def value_at(data: Any, loc: PathKey) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _indentation_hint(key: str, parent: PathKey, context: Context) -> str:
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


def _misplaced_hint(key: str, parent: PathKey, context: Context) -> str:
    """A required key that the file has, but one level off: an indentation mistake."""
    here = value_at(context.data, parent)
    if not isinstance(here, dict):
        return ""
    for name, value in here.items():
        if isinstance(value, dict) and key in value:
            return f"; it is under `{name}`: is it indented too far?"
    return ""


def _child_keys(loc: PathKey, root: type[BaseModel]) -> dict[str, str]:
    """Keys of the models one level below `loc`, with what they belong to."""
    model = model_at(loc, root)
    if model is None:
        return {}
    found: dict[str, str] = {}
    for name, info in model.model_fields.items():
        child = model_at((*loc, info.alias or name), root)
        if child is None:
            continue
        for child_name, child_info in child.model_fields.items():
            found.setdefault(child_info.alias or child_name, f"each of `{info.alias or name}`")
    return found


def _allowed_keys(loc: PathKey, root: type[BaseModel]) -> list[str]:
    model = model_at(loc, root)
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def model_at(loc: PathKey, root: type[BaseModel]) -> type[BaseModel] | None:
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
        current = unwrap(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def unwrap(annotation: Any) -> Any:
    """list[X], X | None and Annotated[X, ...] down to X (a model class, if there is one)."""
    import typing

    from pydantic import BaseModel

    current = annotation
    while typing.get_origin(current) is not None:
        args = [a for a in typing.get_args(current) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        current = models[0] if models else (args[0] if args else None)
    return current
