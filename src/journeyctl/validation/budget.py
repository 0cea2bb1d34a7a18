"""How many problems of one file are listed, and finding the first ones without all of them.

pydantic keeps every error of a validation in memory, and `errors()` builds a dictionary for
each: a file of 600,000 wrong items would take about a gigabyte to report problems nobody
reads past the first screen. So at most `MAX_LISTED` problems of a file are listed, then one
diagnostic counts the others; above that number the first ones are found by validating
windows of the data (each list cut to its first items), which are real problems of the whole
file because an item is valid or not on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeyctl.diagnostics import FILE_START, SCHEMA, Diagnostic, validation_error
from journeyctl.validation.translate import Context, translate_error, unwrap

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError


MAX_LISTED = 100
"""Problems listed for one file; more are counted in one last diagnostic. A file of 500,000
wrong items would otherwise cost about 1.5 KB of memory per problem (pydantic's error
dictionaries, then ours) and as much output, for a list nobody reads past its start."""


_WIDEST_WINDOW_ERRORS = 50 * MAX_LISTED
"""A window with more errors than this is bisected to a narrower one before it is translated."""


def translate_bounded(
    exc: ValidationError,
    context: Context,
    validation_context: dict[str, Any] | None,
    validated: Any = None,
) -> list[Diagnostic]:
    """The diagnostics of `exc`: all of them up to `MAX_LISTED`, else the first ones and a
    count of the others (`first_problems`), without a dictionary per error."""
    total = exc.error_count()
    if total > MAX_LISTED:
        return first_problems(total, context, validation_context, validated)
    found = [d for error in exc.errors(include_url=False) for d in translate_error(error, context)]
    found.sort(key=lambda d: d.sort_key)
    return found


def first_problems(
    total: int,
    context: Context,
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
        for diagnostic in translate_error(error, context)
    ]
    translated.sort(key=lambda pair: pair[0].sort_key)
    listed = translated[:MAX_LISTED]
    diagnostics = [diagnostic for diagnostic, _ in listed]
    shown = len({number for _, number in listed})
    return list_first(diagnostics, len(diagnostics) - shown + total, context.path)


def list_first(diagnostics: list[Diagnostic], total: int, path: str) -> list[Diagnostic]:
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
"""Nodes above which a map is first validated in windows (`problems_in_windows`). Below,
a map has at most about 400,000 errors (two a node, for `- {}`): 200 MB of pydantic's."""


def problems_in_windows(
    context: Context, validation_context: dict[str, Any]
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
    found = [d for error in errors for d in translate_error(error, context)]
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
            child = unwrap(info.annotation)
            if isinstance(child, type) and _is_model(child):
                todo.append(child)
    return frozenset(names)


def _is_model(value: type) -> bool:
    from pydantic import BaseModel

    return issubclass(value, BaseModel)
