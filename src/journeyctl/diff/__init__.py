"""Semantic diffs of journey maps: what changed in the journey, not in the YAML.

    >>> import journeyctl
    >>> from journeyctl.diff import diff_results
    >>> old = journeyctl.check(Path("old.journey.yaml"), today=day)
    >>> new = journeyctl.check(Path("new.journey.yaml"), today=day)
    >>> result = diff_results(old, new)
    >>> result.raised, [c.as_dict() for c in result.changes]

Everything here is pure: two `CheckResult`s in, a `MapDiff` out. Reading git revisions is
`journeyctl.diff.git`'s job; the formats are `text`, `markdown` and `json` in this package.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from journeyctl.diff.changes import Change, LintDelta, MapDiff
from journeyctl.diff.signals import ANY, SIGNALS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journeyctl.api import CheckResult
    from journeyctl.diagnostics import Diagnostic
    from journeyctl.model import JourneyMap

__all__ = ["ANY", "SIGNALS", "Change", "LintDelta", "MapDiff", "diff_results", "lint_delta"]


def diff_results(
    old: CheckResult | None,
    new: CheckResult | None,
    *,
    old_name: str | None = None,
    new_name: str | None = None,
) -> MapDiff:
    """Compare two checked maps; None on one side is a map added or removed as a whole.

    Both results must be valid (`result.valid`): an invalid map has no model to compare, and
    its diagnostics are what the user needs instead. Raises ValueError otherwise.
    """
    from journeyctl.diff.compare import compare_maps
    from journeyctl.diff.signals import raise_signals

    for result in (old, new):
        if result is not None and (result.journey is None or result.document is None):
            raise ValueError(f"{result.path}: an invalid map cannot be compared")
    old_journey = old.journey if old is not None else None
    new_journey = new.journey if new is not None else None
    if old is None and new is None:
        raise ValueError("nothing to compare")
    changes: list[Change]
    if old_journey is not None and new_journey is not None:
        assert old is not None and new is not None and old.document and new.document
        changes = compare_maps(old_journey, old.document.data, new_journey, new.document.data)
    elif new_journey is not None:
        changes = [Change("added", "map", id=new_journey.id, name=new_journey.title)]
    else:
        assert old_journey is not None
        changes = [Change("removed", "map", id=old_journey.id, name=old_journey.title)]
    lint = lint_delta(
        old.diagnostics if old is not None else (), new.diagnostics if new is not None else ()
    )
    shown = new_journey or old_journey
    assert shown is not None
    states = None
    if (
        old_journey is not None
        and new_journey is not None
        and old_journey.state != new_journey.state
    ):
        states = (old_journey.state.value, new_journey.state.value)
    return MapDiff(
        old_name if old_name is not None else (old.path if old is not None else None),
        new_name if new_name is not None else (new.path if new is not None else None),
        tuple(changes),
        raise_signals(old_journey, new_journey, lint.introduced),
        lint,
        shown.title,
        states,
        _stage_names(old_journey, new_journey),
    )


def _stage_names(*journeys: JourneyMap | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for journey in journeys:  # old, then new: the new names win
        if journey is not None:
            names.update({stage.id: stage.name for stage in journey.stages})
    return names


def lint_delta(old: Sequence[Diagnostic], new: Sequence[Diagnostic]) -> LintDelta:
    """Findings introduced and resolved, matched by fingerprint (never by line).

    Two findings with one fingerprint on one side are matched one for one, in order.
    """
    before = Counter(d.fingerprint for d in old)
    after = Counter(d.fingerprint for d in new)
    introduced, resolved = after - before, before - after
    return LintDelta(_take(new, introduced), _take(old, resolved))


def _take(diagnostics: Sequence[Diagnostic], counts: Counter[str]) -> tuple[Diagnostic, ...]:
    taken: list[Diagnostic] = []
    left = Counter(counts)
    for diagnostic in diagnostics:
        if left[diagnostic.fingerprint] > 0:
            left[diagnostic.fingerprint] -= 1
            taken.append(diagnostic)
    return tuple(taken)
