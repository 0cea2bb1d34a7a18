"""Checking both versions of each map and diffing them, in parallel when it pays.

Both versions of a map are checked with the same configuration, so that their findings
compare. Several maps (`--base`) are diffed by a pool of forked workers, each returning only
the small `MapDiff`; one large map has its old version checked in a forked process while the
new one is checked here. Below `PARALLEL_BYTES` of input, forking and sending results back
cost more than they save.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime

    from journeyctl.api import CheckResult
    from journeyctl.config import Settings
    from journeyctl.diff import MapDiff
    from journeyctl.diff.sources import Pair, Version

PARALLEL_BYTES = 256 * 1024
"""Inputs at least this large (both versions of every map together) are checked in parallel."""
MAX_WORKERS = 8

Job = tuple["Pair", "Settings"]
Outcome = tuple["MapDiff | None", "list[CheckResult]"]
"""The diff of a pair, or None and the versions that are not valid maps."""


def compare_pairs(
    jobs: list[Job], today: datetime.date | None
) -> tuple[list[MapDiff], list[CheckResult]]:
    """The diffs of the valid pairs, in order, and the invalid versions."""
    fork = worth_forking(sum(_size(pair) for pair, _ in jobs))
    if len(jobs) >= 2 and fork:
        outcomes = _in_pool(jobs, today, min(os.cpu_count() or 1, MAX_WORKERS, len(jobs)))
    else:
        outcomes = [diff_pair(pair, settings, today, fork=fork) for pair, settings in jobs]
    diffs = [found for found, _ in outcomes if found is not None]
    invalid = [result for _, bad in outcomes for result in bad]
    return diffs, invalid


def worth_forking(size: int) -> bool:
    """Whether checking SIZE bytes of input goes faster split over processes."""
    return (os.cpu_count() or 1) >= 2 and size >= PARALLEL_BYTES


def _size(pair: Pair) -> int:
    return sum(len(v.content) for v in (pair.old, pair.new) if v is not None)


def _in_pool(jobs: list[Job], today: datetime.date | None, workers: int) -> list[Outcome]:
    import multiprocessing

    _import_before_fork()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        return pool.starmap(diff_pair, [(pair, settings, today) for pair, settings in jobs])


def diff_pair(
    pair: Pair, settings: Settings, today: datetime.date | None, *, fork: bool = False
) -> Outcome:
    """Check both versions and diff them; with `fork`, the old version in another process."""
    from journeyctl.diff import diff_results

    old: CheckResult | None
    new: CheckResult | None
    if fork and pair.old is not None and pair.new is not None:
        old, new = checked_side_by_side(pair.old, pair.new, settings, today)
    else:
        old, new = _checked(pair.old, settings, today), _checked(pair.new, settings, today)
    bad = [_trimmed(r) for r in (old, new) if r is not None and not r.valid]
    if bad:
        return None, bad
    return diff_results(old, new), []


def _checked(
    version: Version | None, settings: Settings, today: datetime.date | None
) -> CheckResult | None:
    return None if version is None else _check(version, settings, today)


def _check(version: Version, settings: Settings, today: datetime.date | None) -> CheckResult:
    from journeyctl.api import check

    return check(version.content, path=version.shown, config=settings, today=today)


def checked_side_by_side(
    old: Version, new: Version, settings: Settings, today: datetime.date | None
) -> tuple[CheckResult, CheckResult]:
    """Both versions checked at once: the old one in a forked process, without its text and
    source map (what a comparison does not read), the new one here, whole."""
    import multiprocessing

    _import_before_fork()
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        pending = pool.apply_async(_checked_for_diff, (old, settings, today))
        checked_new = _check(new, settings, today)
        return pending.get(), checked_new


def _import_before_fork() -> None:
    """Build the models, import the rules and the diff once, here: each forked worker would
    otherwise import them anew (about 0.1 s each)."""
    import journeyctl.diff.signals
    import journeyctl.validation  # noqa: F401
    from journeyctl.lint.registry import all_rules

    all_rules()


def _checked_for_diff(
    version: Version, settings: Settings, today: datetime.date | None
) -> CheckResult:
    """A check in a worker, without what the diff does not read, so less is pickled back."""
    return _trimmed(_check(version, settings, today))


def _trimmed(result: CheckResult) -> CheckResult:
    """Without the text and the source map: the diff reads the model and the data only."""
    from dataclasses import replace

    from journeyctl.load import LoadedDocument, SourceMap

    if result.document is None:
        return result
    return replace(result, document=LoadedDocument("", result.document.data, SourceMap(), []))
