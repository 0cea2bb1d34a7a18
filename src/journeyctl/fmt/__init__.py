"""`journeyctl fmt` as a library: one canonical layout for a map, and proof that it is safe.

    >>> result = format_map(Path("maps/acme.journey.yaml").read_bytes(), path="acme")
    >>> result.changed, result.text

The order of work, each step a gate for the next:

1. the map must load and validate through the core (`journeyctl.check`); an invalid map is
   returned with its diagnostics and never laid out;
2. the layout (`journeyctl.fmt.layout`) refuses what it cannot keep exactly: nesting deeper
   than `MAX_DEPTH`, a `%YAML` directive other than 1.2, `%TAG`, anchors or tags on
   collections;
3. the new text is only returned when it loads through the core to the same data (NaN-safe,
   types compared too, so `1` never becomes `true`), lints to the same findings (code,
   fingerprint, severity and message: a suppression comment that stopped covering its
   finding's line would bring the finding back) and holds the same comments.

Nothing here reads or writes files; `journeyctl.fmt.files` writes atomically at the edge.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journeyctl.fmt.layout import MAX_DEPTH, WIDTH, LayoutError, comment_texts, layout

if TYPE_CHECKING:
    from journeyctl.config import Settings
    from journeyctl.diagnostics import Diagnostic

__all__ = ["MAX_DEPTH", "WIDTH", "Formatted", "format_map", "same_data"]


@dataclass(slots=True)
class Formatted:
    """One map through fmt: its new text, or why it has none."""

    path: str
    original: str
    """The text as read (after UTF-8 decoding; empty when it could not be decoded)."""
    text: str | None = None
    """The canonical text; None when the map is invalid or was refused."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Validation problems of an invalid map (printed like `lint`)."""
    refusal: str | None = None
    """Why a valid map was not formatted."""
    refusal_line: int = 1

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text != self.original

    @property
    def ok(self) -> bool:
        return self.text is not None


def format_map(
    source: str | bytes,
    *,
    path: str = "<string>",
    settings: Settings | None = None,
    today: datetime.date | None = None,
) -> Formatted:
    """Lay out one map canonically; see the module's documentation for the gates."""
    import journeyctl
    from journeyctl.config import DEFAULT_SETTINGS
    from journeyctl.fmt.order import map_shape

    settings = settings or DEFAULT_SETTINGS
    today = today or datetime.date.today()
    before = journeyctl.check(source, path=path, config=settings, today=today)
    document = before.document
    if not before.valid or document is None:
        return Formatted(path, document.text if document else "", diagnostics=before.diagnostics)
    original = document.text
    try:
        text = layout(document, map_shape())
    except LayoutError as exc:
        return Formatted(path, original, refusal=str(exc), refusal_line=exc.line)
    if text == original:
        return Formatted(path, original, text)
    after = journeyctl.check(text, path=path, config=settings, today=today)
    problem = _difference(before, after)
    if problem is not None:
        return Formatted(
            path,
            original,
            refusal=f"{problem}; the file is left as it is (please report this as a bug)",
        )
    return Formatted(path, original, text)


def _difference(before: journeyctl.CheckResult, after: journeyctl.CheckResult) -> str | None:
    """What the new text would change, or None when it changes nothing but layout."""
    if not after.valid or after.document is None or before.document is None:
        return "the formatted text would not be a valid map"
    if not same_data(before.document.data, after.document.data):
        return "the formatted text would load to different data"
    if _findings(before.diagnostics) != _findings(after.diagnostics):
        return "the formatted text would lint differently (a suppression comment moved?)"
    if comment_texts(before.document) != comment_texts(after.document):
        return "the formatted text would lose or change a comment"
    return None


def _findings(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, str, str, str]]:
    return sorted((d.code, d.fingerprint, d.severity.label, d.message) for d in diagnostics)


def same_data(left: Any, right: Any) -> bool:
    """Equal values of equal types, NaN equal to NaN; mapping order does not matter."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same_data(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same_data, left, right))
    if isinstance(left, float):
        if math.isnan(left) or math.isnan(right):
            return math.isnan(left) and math.isnan(right)
        return left == right and math.copysign(1.0, left) == math.copysign(1.0, right)
    return bool(left == right)


if TYPE_CHECKING:
    import journeyctl
