"""Loaded data to a valid `JourneyMap`, or diagnostics at the right line and column.

pydantic validates; `translate` puts each of its errors at its position in the file;
`budget` bounds how many are listed (and what finding them costs); `references` reports
dangling references even when other values are wrong too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeyctl.diagnostics import REFERENCE, SCHEMA, Diagnostic, validation_error
from journeyctl.load import LoadedDocument
from journeyctl.load.sourcemap import SourceMap
from journeyctl.model.vocabulary import FORMAT_VERSION
from journeyctl.quoting import quote
from journeyctl.validation.budget import (
    LARGE_DOCUMENT,
    MAX_LISTED,
    first_problems,
    list_first,
    problems_in_windows,
    translate_bounded,
)
from journeyctl.validation.references import references_despite_errors
from journeyctl.validation.translate import Context

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from journeyctl.model import JourneyMap

__all__ = ["translate_errors", "validate_document"]


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
    whole = Context(path, source_map, data, JourneyMap, "the map")
    if len(source_map.values) > LARGE_DOCUMENT:
        first = problems_in_windows(whole, context)
        if first is not None:
            return None, first
    try:
        return JourneyMap.model_validate(data, context=context), []
    except ValidationError as exc:
        total = exc.error_count()
        if total <= MAX_LISTED:
            diagnostics = translate_bounded(exc, whole, context)
            if not any(d.code == REFERENCE[0] for d in diagnostics):
                diagnostics += references_despite_errors(exc, path, source_map, data, teams)
            diagnostics.sort(key=lambda d: d.sort_key)
            return None, list_first(diagnostics, len(diagnostics), path)
    # outside the `except`: pydantic's errors of the whole map are freed before windows run
    return None, first_problems(total, whole, context)


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
    context = Context(path, source_map, data, root, root_name)
    return translate_bounded(exc, context, None, validated)


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
