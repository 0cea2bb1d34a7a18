"""The cache in a full run: each file's check looks up its entry first, and writes it after.

`CachedTask` wraps the per-file task of `validate` and `lint`; it runs in the workers of a
parallel run as well, which write their entries atomically (`Store.write`). `remember_run`
records, after a full run, what a warm run needs that is not per file: the rules its report's
rule list is chosen from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from journeyctl.cli.cache.entries import (
    CacheOptions,
    decode_result,
    encode_result,
    encode_rules,
    encode_settings,
    settings_match,
    settings_slot,
)
from journeyctl.cli.cache.keys import Chain, chain_for, chain_key, verify_chain
from journeyctl.cli.cache.store import Store

if TYPE_CHECKING:
    from journeyctl.cli.checking import Outcome
    from journeyctl.cli.pipeline import Job
    from journeyctl.config import Settings
    from journeyctl.diagnostics import RuleInfo


class _Miss(NamedTuple):
    store: Store
    slot: str
    key: str
    source: str
    raw: bytes


@dataclass(slots=True)
class CachedTask:
    """`task(job)`, served from the cache when the file, its configuration and the options
    are those of an entry."""

    task: Callable[[Job], Outcome]
    options: CacheOptions
    _store: Store | None = field(default=None, init=False, repr=False)
    _verified: dict[str, bool] = field(default_factory=dict, init=False, repr=False)

    def __getstate__(self) -> tuple[Callable[[Job], Outcome], CacheOptions]:
        return self.task, self.options

    def __setstate__(self, state: tuple[Callable[[Job], Outcome], CacheOptions]) -> None:
        self.task, self.options = state
        self._store, self._verified = None, {}

    def __call__(self, job: Job) -> Outcome:
        try:
            found = self._look_up(job)
        except Exception:  # the cache is only ever a shortcut: on any surprise, check the file
            found = None
        if found is None:
            return self.task(job)
        if not isinstance(found, _Miss):
            return found
        # the check reads the very bytes the key was computed from, not the file again
        outcome = self.task(replace(job, stdin_text=found.raw))
        if outcome.unreadable is None:
            entry = encode_result(
                found.source, job.shown, outcome.diagnostics, outcome.valid, outcome.enabled_rules
            )
            if entry is not None:
                found.store.write("files", found.slot, found.key, entry)
        return outcome

    def _look_up(self, job: Job) -> Outcome | _Miss | None:
        """The cached outcome, what writing it needs after a miss, or None: not cacheable."""
        from journeyctl.cli.checking import Outcome

        store = self.store()
        if store is None:
            return None
        stdin = job.stdin_text is not None
        resolved = Path.cwd() / "-" if stdin else job.path.resolve()
        folder = resolved.parent
        chain = chain_for(folder, self.options.explicit_config)
        if chain is None or not self._usable(chain, job.settings):
            return None
        try:
            raw = job.read()
        except Exception:  # whatever reading raises, the task itself reports it
            return None
        key_of_chain = chain_key(chain)
        source = f"<stdin>:{folder}" if stdin else str(resolved)
        slot = self.options.file_slot(source, job.shown)
        key = self.options.file_key(job.shown, key_of_chain, raw)
        remember_settings(store, chain, key_of_chain, job.settings)
        hit = decode_result(store.read("files", slot, key), job.shown)
        if hit is not None:
            return Outcome(job.shown, hit.diagnostics, valid=hit.valid, enabled_rules=hit.enabled)
        return _Miss(store, slot, key, source, raw)

    def store(self) -> Store | None:
        if self._store is None and self.options.root is not None:
            self._store = Store(self.options.root, writable=self.options.writable)
        return self._store

    def _usable(self, chain: Chain, settings: Settings) -> bool:
        """The chain is what the run parsed, and the scanner reads it as the parser does."""
        if not settings_match(chain, settings):
            return False
        key = chain_key(chain)
        if key not in self._verified:
            self._verified[key] = verify_chain(chain)
        return self._verified[key]


_remembered: set[str] = set()


def remember_settings(store: Store, chain: Chain, key_of_chain: str, settings: Settings) -> None:
    """Record a configuration for warm runs, once per process."""
    slot = settings_slot(chain)
    if slot + key_of_chain in _remembered:
        return
    _remembered.add(slot + key_of_chain)
    if store.read("settings", slot, key_of_chain) is None:
        store.write("settings", slot, key_of_chain, encode_settings(chain, settings))


def open_store(options: CacheOptions) -> CacheOptions:
    """Before a full run: create the folder, or learn that it cannot be written (one warning,
    from the main process, before any worker starts)."""
    if options.root is None:
        return options
    store = Store(options.root)
    try:
        store.prepare()
    except OSError as exc:
        store.warn(exc)
        return replace(options, writable=False)
    return options


def remember_run(options: CacheOptions, rules: list[RuleInfo]) -> None:
    """After a full run: the rules a warm run picks its report's rule list from (the whole
    catalogue for `lint`, the validation rules for `validate`). Each file's configuration is
    recorded by its own check (`remember_settings`)."""
    if options.root is None or not options.writable:
        return
    try:
        _remember_run(options, rules)
    except Exception:  # the run's output is printed already; the cache only misses later
        return


def _remember_run(options: CacheOptions, rules: list[RuleInfo]) -> None:
    assert options.root is not None
    store = Store(options.root)
    slot, key = options.run_slot(), options.run_key()
    if store.read("runs", slot, key) is None:  # reading costs less than writing it again
        store.write("runs", slot, key, encode_rules(rules))
