"""A warm run: every named file served from the cache, without pydantic or ruamel.yaml.

Read each file's bytes, hash them with the bytes of the configuration files that apply, read
the entry, print through the same report functions as a full run. `serve_warm` answers None
as soon as anything is not in the cache (or is something it does not serve: standard input,
a folder, a file that is not a regular file or is too large, a configuration it cannot read
with certainty), and the command then does a full run, which checks only the files that
missed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journeyctl.cli.cache.entries import (
    CacheOptions,
    RunSettings,
    decode_result,
    decode_rules,
    decode_settings,
    settings_slot,
)
from journeyctl.cli.cache.keys import chain_for, chain_key, read_regular
from journeyctl.cli.cache.store import Store
from journeyctl.diagnostics import Diagnostic, FileReport, Report, RuleInfo


@dataclass(frozen=True, slots=True)
class WarmFile:
    """One named file as the cache has it, with what its configuration says."""

    shown: str
    raw: bytes
    diagnostics: list[Diagnostic]
    valid: bool
    enabled: frozenset[str] | None
    settings: RunSettings


@dataclass(frozen=True, slots=True)
class WarmRun:
    """Everything a warm run prints, found before anything is printed."""

    files: list[WarmFile]
    rules: list[RuleInfo]
    """The rule catalogue (`lint`) or the validation rules (`validate`) a full run recorded."""


def serve_warm(
    options: CacheOptions,
    paths: Sequence[str],
    *,
    output_format: str,
    fail_on: str | None,
    statistics: bool,
) -> int | None:
    """Print the run's report and return its exit code, or None when it is not all cached."""
    try:
        warm = find_warm(options, paths)
    except Exception:  # the cache is only ever a shortcut: on any surprise, run in full
        warm = None
    if warm is None:
        return None
    return print_warm(
        warm, lint=options.lint, output_format=output_format, fail_on=fail_on,
        statistics=statistics,
    )  # fmt: skip


def find_warm(options: CacheOptions, paths: Sequence[str]) -> WarmRun | None:
    """The cached results of every file of the run, or None when one is not cached."""
    if options.root is None or not paths:
        return None
    store = Store(options.root, writable=False)
    rules = decode_rules(store.read("runs", options.run_slot(), options.run_key()))
    if rules is None:
        return None
    named: list[Path] = []
    for argument in paths:
        path = Path(argument)
        if argument == "-" or not path.is_file():
            return None  # stdin, a folder, a missing path: the full run handles them
        named.append(path)
    seen: set[Path] = set()
    files: list[WarmFile] = []
    for path in sorted(named, key=lambda p: p.as_posix()):
        if path in seen:
            continue
        seen.add(path)
        served = _serve(store, options, path)
        if served is None:
            return None
        files.append(served)
    if len(files) > min(f.settings.max_files for f in files):
        return None  # the full run says why
    return WarmRun(files, rules)


def print_warm(
    warm: WarmRun, *, lint: bool, output_format: str, fail_on: str | None, statistics: bool
) -> int:
    """Print as a full run does, through the same functions; return the exit code.

    Each file fails by its own configuration's `fail-on` (or the option), and lists the rules
    that ran for it, as in `journeyctl.cli.checking.run_check`."""
    from journeyctl import __version__
    from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_OK
    from journeyctl.cli.reporting import (
        fail_threshold,
        failed,
        print_report,
        print_summary,
        rules_that_ran,
        summary_line,
    )

    reports = [
        FileReport(
            file.shown,
            sorted(file.diagnostics, key=lambda d: d.sort_key),
            file.enabled,
            fail_threshold(fail_on or file.settings.fail_on),
        )
        for file in warm.files
    ]
    rules = rules_that_ran((f.enabled for f in warm.files), warm.rules) if lint else warm.rules
    report = Report(reports, list(rules), __version__)
    texts = {file.shown: file.raw for file in warm.files}

    def read(shown: str) -> str | None:  # `--show-source`, on by default on a terminal
        raw = texts.get(shown)
        return None if raw is None else raw.decode("utf-8", errors="replace")

    print_report(report, output_format, None, read)
    invalid = sum(1 for file in warm.files if not file.valid)
    summary = summary_line(report, len(warm.files), invalid, lint=lint)
    print_summary(report, summary, output_format, statistics=statistics)
    sys.stdout.flush()
    return EXIT_FAILED if any(failed(f.diagnostics, f.fail_on) for f in reports) else EXIT_OK


def _serve(store: Store, options: CacheOptions, path: Path) -> WarmFile | None:
    resolved = path.resolve()
    chain = chain_for(resolved.parent, options.explicit_config)
    if chain is None:
        return None
    key_of_chain = chain_key(chain)
    settings = decode_settings(store.read("settings", settings_slot(chain), key_of_chain))
    if settings is None:
        return None
    raw = read_regular(resolved, settings.max_file_size)
    if raw is None:
        return None
    shown = path.as_posix()
    slot = options.file_slot(str(resolved), shown)
    hit = decode_result(
        store.read("files", slot, options.file_key(shown, key_of_chain, raw)), shown
    )
    if hit is None:
        return None
    return WarmFile(shown, raw, hit.diagnostics, hit.valid, hit.enabled, settings)
