"""Loaded data to a valid `JourneyMap`, or diagnostics at the right line and column.

Translates pydantic's errors (whose `loc` is a path into the data) through the loader's
source map: an unknown key is reported at the key, a missing key at the first key of the
mapping that lacks it, a bad value at the value, a reference problem at the referring value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeyctl.diagnostics import REFERENCE, SCHEMA, Diagnostic, validation_error
from journeyctl.load import LoadedDocument
from journeyctl.load.sourcemap import PathKey, SourceMap
from journeyctl.model.vocabulary import FORMAT_VERSION
from journeyctl.quoting import quote
from journeyctl.suggest import closest

if TYPE_CHECKING:
    from pydantic import BaseModel

    from journeyctl.model import JourneyMap


def validate_document(
    document: LoadedDocument, path: str, teams: frozenset[str] = frozenset()
) -> tuple[JourneyMap | None, list[Diagnostic]]:
    data, source_map = document.data, document.source_map
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
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

    try:
        return JourneyMap.model_validate(data, context={"teams": teams}), []
    except ValidationError as exc:
        diagnostics = [
            diagnostic
            for error in exc.errors(include_url=False)
            for diagnostic in _translate(error, path, source_map, data)
        ]
        diagnostics.sort(key=lambda d: d.sort_key)
        return None, diagnostics


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


def _translate(
    error: Any, path: str, source_map: SourceMap, data: dict[str, Any]
) -> list[Diagnostic]:
    from journeyctl.model import REFERENCE_ERROR_TYPE

    loc: PathKey = tuple(error["loc"])
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
    where = _describe(loc[:-1])
    if kind == "extra_forbidden":
        key = str(loc[-1])
        message = f"unknown key {quote(key)} in {where}"
        suggestion = closest(key, _allowed_keys(loc[:-1])) if len(key) <= 100 else None
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
        else:
            message += f" (allowed: {', '.join(_allowed_keys(loc[:-1]))}; or an `x-` key)"
        return [validation_error(path, source_map.key(loc), SCHEMA, message)]
    if kind == "missing":
        parent = loc[:-1]
        first = source_map.first_key.get(parent)
        span = source_map.key(first) if first is not None else source_map.value(parent)
        return [
            validation_error(
                path, span, SCHEMA, f"missing required key {quote(loc[-1])} in {where}"
            )
        ]
    value = _value_at(data, loc)
    message = f"{_describe(loc)}: {_explain(error)}"
    if kind == "enum" and isinstance(value, str) and len(value) <= 100:
        choices = [c.strip(" '") for c in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
        close = closest(value, choices)
        if close:
            message += f"; did you mean {close!r}?"
    return [validation_error(path, source_map.value(loc), SCHEMA, message)]


def _explain(error: Any) -> str:
    value = error.get("input")
    message: str = error["msg"]
    if error["type"] in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a mapping, found {_shape(value)}"
    if error["type"] == "list_type":
        return f"expected a list, found {_shape(value)}"
    if error["type"].startswith("date"):
        return f"expected a real date written YYYY-MM-DD (found {quote(value)})"
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return f"{message[0].lower()}{message[1:]} (found {quote(value)})"
    return f"{message[0].lower()}{message[1:]}"


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return f"{type(value).__name__} {quote(value)}"


def _describe(loc: PathKey) -> str:
    if not loc:
        return "the map"
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


def _allowed_keys(loc: PathKey) -> list[str]:
    model = _model_at(loc)
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, following field annotations."""
    import typing

    from pydantic import BaseModel

    from journeyctl.model import JourneyMap

    current: Any = JourneyMap
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
        current = info.annotation
        # unwrap list[X] and X | None down to the model class
        while typing.get_origin(current) is not None:
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[0] if args else None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None
