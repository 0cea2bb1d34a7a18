"""Warm runs print exactly what cold runs print, and a hit imports neither pydantic nor
ruamel.yaml: every example and a generated corpus, in every format, both ways; a changed
configuration, a changed `--today`, another version's entries, broken entries."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journeyctl.output import FORMATS
from tests.cache.conftest import journeyctl
from tests.conftest import EXAMPLES, ROOT

TODAY = ("--today", "2026-11-27")
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.journey.yaml"))


def _entries(project: Path) -> list[Path]:
    return sorted((project / ".journeyctl_cache" / "files").glob("*.json"))


@pytest.fixture
def examples(project: Path) -> Path:
    for name in EXAMPLE_NAMES:
        shutil.copy(EXAMPLES / name, project / name)
    # one invalid map, so that validation errors are cached and replayed too
    (project / "broken.journey.yaml").write_text("schema: 1\nname: [unclosed\n")
    return project


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("command", ["lint", "validate"])
def test_every_example_warm_equals_cold_in_every_format(
    examples: Path, command: str, output_format: str
) -> None:
    names = [*EXAMPLE_NAMES, "broken.journey.yaml"]
    args = [command, *names, "--format", output_format, *(TODAY if command == "lint" else ())]
    uncached = journeyctl(*args, "--no-cache", cwd=examples)
    assert not (examples / ".journeyctl_cache").exists(), "--no-cache wrote a cache"
    cold = journeyctl(*args, cwd=examples)
    warm = journeyctl(*args, cwd=examples)
    assert not cold.warm and warm.warm, (cold.loaded, warm.loaded)
    assert warm.output == cold.output == uncached.output
    assert cold.returncode == 1  # the broken map
    assert len(_entries(examples)) == len(names)


def test_each_example_alone_is_served_warm_with_statistics_and_fail_on(examples: Path) -> None:
    for name in EXAMPLE_NAMES:
        args = ["lint", name, *TODAY, "--statistics", "--fail-on", "never"]
        cold = journeyctl(*args, cwd=examples)
        warm = journeyctl(*args, cwd=examples)
        assert warm.warm and warm.output == cold.output
        assert warm.returncode == 0


def test_a_warm_run_imports_neither_pydantic_nor_ruamel(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    for output_format in FORMATS:
        journeyctl("lint", name, "-f", output_format, cwd=examples)
        warm = journeyctl("lint", name, "-f", output_format, cwd=examples)
        assert warm.loaded == [], f"{output_format}: a hit imported {warm.loaded}"
        journeyctl("validate", name, "-f", output_format, cwd=examples)
        assert journeyctl("validate", name, "-f", output_format, cwd=examples).loaded == []


def test_the_corpus_warm_equals_cold_and_parallel_workers_write_entries(project: Path) -> None:
    """40 maps: more than the 24 at which a run forks workers."""
    corpus = project / "maps"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), str(corpus), "--maps", "40"],
        check=True, capture_output=True,
    )  # fmt: skip
    names = sorted(f"maps/{p.name}" for p in corpus.glob("*.journey.yaml"))
    assert len(names) == 40
    for command, options in (("lint", TODAY), ("validate", ())):
        for output_format in FORMATS:
            args = (command, *names, "-f", output_format, *options)
            uncached = journeyctl(*args, "--no-cache", cwd=project)
            cold = journeyctl(*args, cwd=project)
            warm = journeyctl(*args, cwd=project)
            folder = journeyctl(command, "maps", "-f", output_format, *options, cwd=project)
            assert warm.warm, (command, output_format)
            assert warm.output == cold.output == uncached.output == folder.output
    assert len(_entries(project)) == 80  # one entry per file and command
    leftovers = [p for p in (project / ".journeyctl_cache").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []

    # ten files changed: the run is full, but only those ten are checked anew
    for name in names[:10]:
        path = project / name
        path.write_text(path.read_text().replace("name: ", "name: Changed ", 1))
    uncached = journeyctl("lint", *names, "-f", "json", *TODAY, "--no-cache", cwd=project)
    partly = journeyctl("lint", *names, "-f", "json", *TODAY, cwd=project)
    assert partly.output == uncached.output
    assert journeyctl("lint", *names, "-f", "json", *TODAY, cwd=project).warm


def test_a_changed_configuration_changes_the_results(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    config = examples / ".journeyctl.yaml"
    config.write_text("ignore: [JM604]\n")  # the first example has JM204, JM304, JM502
    first = journeyctl("lint", name, "-f", "json", *TODAY, cwd=examples)
    assert journeyctl("lint", name, "-f", "json", *TODAY, cwd=examples).warm
    config.write_text("ignore: [JM604]\nseverity: {JM502: error}\n")
    changed = journeyctl("lint", name, "-f", "json", *TODAY, cwd=examples)
    uncached = journeyctl("lint", name, "-f", "json", *TODAY, "--no-cache", cwd=examples)
    assert changed.output == uncached.output
    assert changed.stdout != first.stdout
    # a configuration that appears closer to the file applies, and is part of the key
    sub = examples / "sub"
    sub.mkdir()
    shutil.copy(examples / name, sub / name)
    before = journeyctl("lint", f"sub/{name}", "-f", "json", *TODAY, cwd=examples)
    (sub / ".journeyctl.yaml").write_text("select: [JM502]\n")
    after = journeyctl("lint", f"sub/{name}", "-f", "json", *TODAY, cwd=examples)
    assert {d["code"] for d in json.loads(after.stdout)} == {"JM502"}
    assert after.stdout != before.stdout
    assert (
        after.output
        == journeyctl(
            "lint", f"sub/{name}", "-f", "json", *TODAY, "--no-cache", cwd=examples
        ).output
    )


def test_the_configurations_fail_on_applies_to_warm_runs(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    (examples / ".journeyctl.yaml").write_text("fail-on: never\n")
    cold = journeyctl("lint", name, cwd=examples)
    warm = journeyctl("lint", name, cwd=examples)
    assert warm.warm and cold.returncode == warm.returncode == 0
    (examples / ".journeyctl.yaml").write_text("fail-on: info\n")
    assert journeyctl("lint", name, cwd=examples).returncode == 1
    assert journeyctl("lint", name, "--fail-on", "never", cwd=examples).returncode == 0
    # each file fails by its own configuration's `fail-on`, warm as cold
    sub = examples / "sub"
    sub.mkdir()
    shutil.copy(examples / name, sub / name)
    (sub / ".journeyctl.yaml").write_text("fail-on: never\n")
    for args in ((f"sub/{name}",), (name, f"sub/{name}")):
        uncached = journeyctl("lint", *args, "--no-cache", cwd=examples)
        cold = journeyctl("lint", *args, cwd=examples)
        again = journeyctl("lint", *args, cwd=examples)
        assert again.warm and again.output == cold.output == uncached.output
        assert again.returncode == (1 if len(args) == 2 else 0)


def test_only_today_changes(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    now = journeyctl("lint", name, "-f", "json", *TODAY, cwd=examples)
    later_args = ("lint", name, "-f", "json", "--today", "2031-01-01")
    later = journeyctl(*later_args, cwd=examples)
    assert not later.warm
    assert later.output == journeyctl(*later_args, "--no-cache", cwd=examples).output
    assert "JM" in later.stdout and later.stdout != now.stdout  # old evidence is stale then
    assert journeyctl("lint", name, "-f", "json", *TODAY, cwd=examples).output == now.output


def test_select_and_ignore_are_part_of_the_key(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    for options in (("--select", "JM604"), ("--ignore", "JM604"), ()):
        args = ("lint", name, "-f", "sarif", *TODAY, *options)
        cold = journeyctl(*args, cwd=examples)
        assert cold.output == journeyctl(*args, "--no-cache", cwd=examples).output
        assert journeyctl(*args, cwd=examples).output == cold.output
    assert journeyctl("lint", name, "--select", "JM999", cwd=examples).returncode == 2


def _tamper(project: Path, change: dict[str, object]) -> None:
    for entry in _entries(project):
        value = json.loads(entry.read_text())
        value.update(change)
        entry.write_text(json.dumps(value))


def test_an_entry_is_used_only_for_its_own_key_and_version(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    args = ("lint", name, "-f", "json", *TODAY)
    cold = journeyctl(*args, cwd=examples)
    assert json.loads(cold.stdout)
    _tamper(examples, {"diagnostics": []})
    assert journeyctl(*args, cwd=examples).stdout == "[]\n"  # the entry is what is printed...
    _tamper(examples, {"key": "0" * 40})  # ...so another version's entry (another key)
    assert journeyctl(*args, cwd=examples).output == cold.output  # is a miss
    _tamper(examples, {"format": 0, "diagnostics": []})  # so is another layout
    assert journeyctl(*args, cwd=examples).output == cold.output


def test_the_code_is_part_of_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyctl.cli.cache import keys
    from journeyctl.cli.cache.entries import CacheOptions

    options = CacheOptions(Path("/nowhere"))
    before = options.file_key("a.journey.yaml", "chain", b"schema: 1\n")
    monkeypatch.setattr(keys, "__version__", "99.0.0")
    monkeypatch.setattr(keys, "_code_fingerprint", None)
    assert options.file_key("a.journey.yaml", "chain", b"schema: 1\n") != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b"\x00\xff garbage"),
        lambda p: p.write_text('{"format": 1, "key": 5}'),
        lambda p: p.write_text("[1, 2, 3]"),
        lambda p: p.write_text(
            json.dumps({**json.loads(p.read_text()), "diagnostics": [[1, 2, "x"]]})
        ),
    ],
    ids=["truncated", "garbage", "wrong-types", "not-an-object", "bad-diagnostic"],
)
def test_a_damaged_entry_is_a_miss(examples: Path, damage: object) -> None:
    args = ("lint", *EXAMPLE_NAMES, "-f", "json", *TODAY)
    cold = journeyctl(*args, cwd=examples)
    for entry in _entries(examples):
        damage(entry)  # type: ignore[operator]
    again = journeyctl(*args, cwd=examples)
    assert again.output == cold.output
    assert journeyctl(*args, cwd=examples).warm  # and the entries were rewritten


def test_an_unwritable_cache_means_no_cache_and_one_warning(project: Path) -> None:
    corpus = project / "maps"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), str(corpus), "--maps", "30"],
        check=True, capture_output=True,
    )  # fmt: skip
    blocker = project / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n")
    env = {"JOURNEYCTL_CACHE_DIR": str(blocker / "cache")}
    uncached = journeyctl("lint", "maps", *TODAY, "--no-cache", cwd=project)
    run = journeyctl("lint", "maps", *TODAY, cwd=project, env=env)
    assert run.stdout == uncached.stdout and run.returncode == uncached.returncode
    warnings = run.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("journeyctl: warning: cannot write")


def test_stdin_is_cached_by_its_bytes(examples: Path) -> None:
    text = (EXAMPLES / EXAMPLE_NAMES[0]).read_text()
    args = ("lint", "-", "--stdin-filename", "in.journey.yaml", "-f", "json", *TODAY)
    first = journeyctl(*args, cwd=examples, stdin=text)
    assert len(_entries(examples)) == 1
    assert journeyctl(*args, cwd=examples, stdin=text).output == first.output
    changed = text.replace("name: ", "name: Other ", 1)
    assert (
        journeyctl(*args, cwd=examples, stdin=changed).output
        == journeyctl(*args, "--no-cache", cwd=examples, stdin=changed).output
    )


def test_per_folder_configurations_with_fail_on_select_and_ignore(examples: Path) -> None:
    """SARIF's rule list and JUnit's cases are per file (the rules that ran for it), and so is
    the threshold that fails it: warm, cold and uncached agree in every format."""
    (examples / ".journeyctl.yaml").write_text("ignore: [JM604]\nfail-on: info\n")
    strict = examples / "strict"
    strict.mkdir()
    (strict / ".journeyctl.yaml").write_text("select: [JM204, JM502]\nfail-on: warning\n")
    lenient = examples / "lenient"
    lenient.mkdir()
    (lenient / ".journeyctl.yaml").write_text(
        "extend: ../.journeyctl.yaml\nignore: [JM204]\nfail-on: never\n"
    )
    names = [*EXAMPLE_NAMES, "broken.journey.yaml"]
    for folder in (strict, lenient):
        for name in EXAMPLE_NAMES[:3]:
            shutil.copy(EXAMPLES / name, folder / name)
    mixed = [*names, *(f"{f.name}/{n}" for f in (strict, lenient) for n in EXAMPLE_NAMES[:3])]
    runs = [mixed, [f"lenient/{n}" for n in EXAMPLE_NAMES[:3]], [f"strict/{EXAMPLE_NAMES[0]}"]]
    for command, options in (("lint", TODAY), ("validate", ())):
        for files in runs:
            for output_format in FORMATS:
                args = (command, *files, "-f", output_format, *options)
                uncached = journeyctl(*args, "--no-cache", cwd=examples)
                cold = journeyctl(*args, cwd=examples)
                warm = journeyctl(*args, cwd=examples)
                assert warm.warm, (args, warm.loaded)
                assert warm.output == cold.output == uncached.output, args
                if command == "lint" and output_format == "sarif":
                    rules = json.loads(warm.stdout)["runs"][0]["tool"]["driver"]["rules"]
                    codes = {rule["id"] for rule in rules}
                    if files is runs[1]:  # `extend`, whose `ignore` replaces the parent's
                        assert "JM604" in codes and "JM204" not in codes
                    if files is runs[2]:  # its own `select`
                        assert {"JM204", "JM502"} <= codes
                        assert not codes & {"JM304", "JM604"}
    # the lenient folder never fails; one strict file with a warning fails
    assert journeyctl("lint", *runs[1], *TODAY, cwd=examples).returncode == 0


def test_a_configured_baseline_is_never_served_warm(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    made = journeyctl("lint", name, *TODAY, "--write-baseline", "baseline.json", cwd=examples)
    assert made.returncode == 0, made.stderr
    (examples / ".journeyctl.yaml").write_text("baseline: baseline.json\n")
    for output_format in FORMATS:
        args = ("lint", name, *TODAY, "-f", output_format)
        uncached = journeyctl(*args, "--no-cache", cwd=examples)
        journeyctl(*args, cwd=examples)
        again = journeyctl(*args, cwd=examples)
        assert not again.warm and again.output == uncached.output


def test_the_cache_dir_key_is_a_valid_configuration(examples: Path) -> None:
    name = EXAMPLE_NAMES[0]
    (examples / ".journeyctl.yaml").write_text("cache-dir: build/journeyctl\n")
    cold = journeyctl("lint", name, *TODAY, cwd=examples)
    assert "configuration" not in cold.stderr, cold.stderr
    warm = journeyctl("lint", name, *TODAY, cwd=examples)
    assert warm.warm and warm.output == cold.output
    assert list((examples / "build" / "journeyctl" / "files").glob("*.json"))
    assert not (examples / ".journeyctl_cache").exists()
    (examples / ".journeyctl.yaml").write_text("cache-dir: 5\n")
    wrong = journeyctl("lint", name, *TODAY, cwd=examples)
    assert wrong.returncode == 2 and "cache-dir" in wrong.stdout
