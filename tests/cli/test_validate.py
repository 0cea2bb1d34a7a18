"""`journeyctl validate` through the real command line, in a subprocess, on every bad input.

docs/architecture.md ("Bad input", "Exit codes"): a content problem is a diagnostic with a
position and exit code 1; a path that does not exist or cannot be opened is exit 2 with a message on
stderr; no bad input crashes the program, hangs it, or changes a file; no traceback is ever
shown. Subprocesses are what the user runs, so they are what is tested here; to stay fast,
independent runs are started concurrently.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import JSON_KEYS
from tests.load.cases import BAD_INPUTS, EXAMPLE, MINIMAL, ODD_BUT_VALID, BadInput

Result = subprocess.CompletedProcess[str]

TEXT_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
    r"(?P<code>JM\d{3}) (?P<message>.*) \[(?P<rule>[a-z0-9-]+)\]$"
)
SAFE = [case for case in BAD_INPUTS if case.in_process]
UNSAFE = [case for case in BAD_INPUTS if not case.in_process]
INVALID = MINIMAL.replace("journeyctl: 1\n", "journeyctl: 2\n")


def environment() -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1"}
    for name in ("FORCE_COLOR", "JOURNEYCTL_DEBUG"):
        env.pop(name, None)
    return env


def run(*args: str, cwd: Path, stdin: str | None = None) -> Result:
    result = subprocess.run(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, encoding="utf-8",
        errors="replace", env=environment(), timeout=300,
    )  # fmt: skip
    return result


def run_all(invocations: Sequence[tuple[Sequence[str], Path]]) -> list[Result]:
    """Run independent invocations concurrently; results in the order given."""
    workers = max(2, os.cpu_count() or 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda job: run(*job[0], cwd=job[1]), invocations))


def assert_no_traceback(result: Result) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream[-3000:]
        assert "internal error" not in stream, stream[-3000:]


def assert_exit(result: Result, expected: int) -> None:
    """The exit code, after checking that nothing crashed: no signal, no traceback."""
    assert_no_traceback(result)
    if result.returncode < 0:
        pytest.fail(f"journeyctl was killed by signal {-result.returncode} (a crash)")
    assert result.returncode == expected, (result.stdout[-2000:], result.stderr[-2000:])


def text_diagnostics(stdout: str) -> list[dict[str, Any]]:
    """The diagnostic lines of text output (all but the summary line), parsed."""
    lines = stdout.splitlines()
    assert lines, "no output"
    parsed = []
    for line in lines[:-1]:
        match = TEXT_LINE.match(line)
        assert match, f"not a compiler-style diagnostic line: {line!r}"
        item: dict[str, Any] = match.groupdict()
        item["line"], item["column"] = int(item["line"]), int(item["column"])
        parsed.append(item)
    return parsed


def json_diagnostics(stdout: str) -> list[dict[str, Any]]:
    document = json.loads(stdout)  # exactly one JSON document and nothing else
    assert isinstance(document, list)
    for item in document:
        assert list(item) == JSON_KEYS
    return document


def matches(item: dict[str, Any], case: BadInput) -> bool:
    message = str(item["message"]).lower()
    return (
        item["code"] == case.code
        and item["rule"] == case.rule
        and item["severity"] == "error"
        and item["line"] == case.line
        and (case.column is None or item["column"] == case.column)
        and all(word.lower() in message for word in case.words)
    )


CACHE = ".journeyctl_cache"
"""The result cache (docs/cache.md): the one folder a run may create, beside its inputs."""


def snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    """Every file below `folder`, except the result cache's."""
    return {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and CACHE not in path.relative_to(folder).parts
    }


@dataclass
class Runs:
    folder: Path
    text: Result
    json: Result
    before: dict[Path, tuple[bytes, int]]


def file_name(case: BadInput) -> str:
    return f"limited/{case.name}.journey.yaml" if case.config else f"{case.name}.journey.yaml"


@pytest.fixture(scope="module")
def together(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Every bad input that cannot crash the process, as one folder: one run per format."""
    folder = tmp_path_factory.mktemp("bad-inputs")
    configs = {case.config for case in SAFE if case.config}
    assert len(configs) <= 1, "one `limited/` folder holds the cases with a configuration"
    for case in SAFE:
        target = folder / file_name(case)
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(case.content)
        if case.config:
            (target.parent / ".journeyctl.yaml").write_text(case.config)
    before = snapshot(folder)
    text, json_ = run_all([(["validate", "."], folder), (["validate", "-f", "json", "."], folder)])
    return Runs(folder, text, json_, before)


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Runs]:
    """The inputs that would kill the process if step 2 let them through: one folder and
    two runs each, so that one crash cannot hide the others' results."""
    folders = {}
    for case in UNSAFE:
        folder = tmp_path_factory.mktemp(case.name)
        (folder / "bad.journey.yaml").write_bytes(case.content)
        folders[case.name] = folder
    befores = {name: snapshot(folder) for name, folder in folders.items()}
    jobs: list[tuple[Sequence[str], Path]] = []
    for folder in folders.values():
        jobs += [(["validate", "bad.journey.yaml"], folder)]
        jobs += [(["validate", "--format", "json", "bad.journey.yaml"], folder)]
    results = iter(run_all(jobs))
    return {
        name: Runs(folder, next(results), next(results), befores[name])
        for name, folder in folders.items()
    }


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda case: case.name)
def test_bad_input_is_reported_with_its_position_in_text_and_json(
    case: BadInput, together: Runs, alone: dict[str, Runs]
) -> None:
    runs = together if case.in_process else alone[case.name]
    shown = file_name(case) if case.in_process else "bad.journey.yaml"
    for result in (runs.text, runs.json):
        assert_exit(result, 1)

    in_text = [d for d in text_diagnostics(runs.text.stdout) if d["path"] == shown]
    assert any(matches(d, case) for d in in_text), (case, in_text)
    in_json = [d for d in json_diagnostics(runs.json.stdout) if d["path"] == shown]
    assert any(matches(d, case) for d in in_json), (case, in_json)
    if case.only:
        assert len(in_text) == len(in_json) == 1
    # the same diagnostics in both formats
    assert [(d["line"], d["column"], d["code"], d["message"]) for d in in_text] == [
        (d["line"], d["column"], d["code"], d["message"]) for d in in_json
    ]
    for item in in_json:
        assert item["end_line"] >= item["line"] >= 1 and item["column"] >= 1


def test_bad_inputs_change_no_file_and_create_none(together: Runs, alone: dict[str, Runs]) -> None:
    # in particular `!!python/object/apply:os.system ["touch PWNED"]` ran nothing
    for runs in (together, *alone.values()):
        after = snapshot(runs.folder)
        assert not list(runs.folder.rglob("PWNED"))
        assert after == runs.before


def test_summary_of_many_bad_inputs(together: Runs) -> None:
    for result in (together.text, together.json):
        assert_exit(result, 1)
    count = len(SAFE)
    text_lines = together.text.stdout.splitlines()
    assert text_lines[-1] == f"{count} files checked, {count} invalid"
    assert together.text.stderr == ""
    # machine formats: stdout holds the document only, the summary goes to stderr
    assert together.json.stderr == f"{count} files checked, {count} invalid\n"
    paths = [item["path"] for item in json_diagnostics(together.json.stdout)]
    assert paths == sorted(paths, key=lambda path: Path(path).as_posix())
    assert {item["path"] for item in json_diagnostics(together.json.stdout)} == {
        file_name(case) for case in SAFE
    }


@pytest.mark.parametrize(
    "name",
    ["syntax-unclosed-flow", "tag-python-object-apply", "utf16-with-bom", "over-the-size-limit",
     "top-level-list", "misspelt-key", "dangling-owner"],
)  # fmt: skip
def test_one_bad_file_alone_exits_1_in_both_formats(name: str, tmp_path: Path) -> None:
    case = next(case for case in BAD_INPUTS if case.name == name)
    (tmp_path / "map.journey.yaml").write_bytes(case.content)
    if case.config:
        (tmp_path / ".journeyctl.yaml").write_text(case.config)
    text, json_ = run_all(
        [(["validate", "map.journey.yaml"], tmp_path),
         (["validate", "--format", "json", "map.journey.yaml"], tmp_path)]
    )  # fmt: skip
    for result in (text, json_):
        assert_exit(result, 1)
    assert text.stdout.splitlines()[-1] == "1 file checked, 1 invalid"
    assert [matches(d, case) for d in json_diagnostics(json_.stdout)] == [True]
    assert not (tmp_path / "PWNED").exists()


def test_a_valid_map_passes_in_both_formats(tmp_path: Path) -> None:
    (tmp_path / "acme.journey.yaml").write_text(EXAMPLE)
    text, json_ = run_all(
        [(["validate", "acme.journey.yaml"], tmp_path),
         (["validate", "--format", "json", "acme.journey.yaml"], tmp_path)]
    )  # fmt: skip
    assert_exit(text, 0)
    assert (text.stdout, text.stderr) == ("1 file checked, 0 invalid\n", "")
    assert_exit(json_, 0)
    assert (json_.stdout, json_.stderr) == ("[]\n", "1 file checked, 0 invalid\n")


def test_odd_but_valid_files_pass_and_stay_untouched(tmp_path: Path) -> None:
    for name, content in ODD_BUT_VALID.items():
        (tmp_path / f"{name}.journey.yaml").write_bytes(content)
    before = snapshot(tmp_path)
    text, json_ = run_all([(["validate"], tmp_path), (["validate", "-f", "json"], tmp_path)])
    count = len(ODD_BUT_VALID)
    assert_exit(text, 0)
    assert (text.stdout, text.stderr) == (f"{count} files checked, 0 invalid\n", "")
    assert_exit(json_, 0)
    assert (json_.stdout, json_.stderr) == ("[]\n", f"{count} files checked, 0 invalid\n")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_missing_path_is_exit_2_after_the_other_paths_are_checked(
    output: str, tmp_path: Path
) -> None:
    (tmp_path / "real.journey.yaml").write_text(EXAMPLE)
    (tmp_path / "broken.journey.yaml").write_text("journeyctl: 1\n")
    result = run(
        "validate", "--format", output, "broken.journey.yaml", "missing/", "real.journey.yaml",
        cwd=tmp_path,
    )  # fmt: skip
    assert_exit(result, 2)
    assert result.stderr.endswith("journeyctl: error: missing/: no such file or directory\n")
    if output == "json":  # still one valid document, with the other files' findings
        assert {d["path"] for d in json.loads(result.stdout)} == {"broken.journey.yaml"}
    else:
        assert "broken.journey.yaml:1:1: error JM002" in result.stdout
        assert "2 files checked, 1 invalid" in result.stdout
    alone = run("validate", "--format", output, "missing.journey.yaml", cwd=tmp_path)
    assert_exit(alone, 2)
    assert alone.stderr == "journeyctl: error: missing.journey.yaml: no such file or directory\n"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file"
)
def test_an_unreadable_file_is_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "locked.journey.yaml"
    target.write_text(EXAMPLE)
    target.chmod(0)
    try:
        result = run("validate", "locked.journey.yaml", cwd=tmp_path)
    finally:
        target.chmod(0o644)
    assert_exit(result, 2)
    assert result.stdout == ""
    assert "locked.journey.yaml" in result.stderr and "ermission denied" in result.stderr


def test_a_found_file_that_cannot_be_opened_is_exit_2(tmp_path: Path) -> None:
    # (works as root too: a dangling symbolic link cannot be opened by anyone)
    (tmp_path / "good.journey.yaml").write_text(EXAMPLE)
    (tmp_path / "gone.journey.yaml").symlink_to(tmp_path / "nowhere.journey.yaml")
    for output in ("text", "json"):
        result = run("validate", "--format", output, ".", cwd=tmp_path)
        assert_exit(result, 2)
        assert result.stdout == ""
        assert result.stderr.startswith("journeyctl: error: gone.journey.yaml: ")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_folders_skip_hidden_folders_and_what_git_ignores(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    files = {
        "maps/a.journey.yaml": EXAMPLE,
        "maps/b.journey.yml": EXAMPLE,
        "maps/deeper/c.journey.yaml": EXAMPLE,
        "maps/.hidden/h.journey.yaml": INVALID,
        "maps/ignored.journey.yaml": INVALID,
        "maps/deeper/also-ignored.journey.yaml": INVALID,
        "maps/build/generated.journey.yaml": INVALID,
        "maps/notes.yaml": INVALID,
        ".git-like/x.journey.yaml": INVALID,
        ".gitignore": "build/\n",
        "maps/.gitignore": "ignored.journey.yaml\n",
        "maps/deeper/.gitignore": "also-*\n",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)

    for args in ([], ["."], ["maps"], ["maps/"]):
        result = run("validate", *args, cwd=tmp_path)
        assert_exit(result, 0)
        assert result.stdout == "3 files checked, 0 invalid\n", args

    # a file named on the command line is always read: ignored, hidden or oddly named
    named = ["maps/ignored.journey.yaml", "maps/.hidden/h.journey.yaml", "maps/notes.yaml",
             "maps/build/generated.journey.yaml"]  # fmt: skip
    result = run("validate", *named, cwd=tmp_path)
    assert_exit(result, 1)
    assert [d["path"] for d in text_diagnostics(result.stdout)] == sorted(named)
    assert result.stdout.splitlines()[-1] == "4 files checked, 4 invalid"

    # a hidden folder given as PATH is searched: only folders below PATH are tested
    result = run("validate", "maps/.hidden", cwd=tmp_path)
    assert_exit(result, 1)
    assert result.stdout.splitlines()[-1] == "1 file checked, 1 invalid"


def test_stdin_with_a_name(tmp_path: Path) -> None:
    shown = "maps/acme.journey.yaml"
    bad = EXAMPLE.replace("owner: sales  ", "owner: sles   ")
    text = run("validate", "-", "--stdin-filename", shown, cwd=tmp_path, stdin=bad)
    assert_exit(text, 1)
    [found] = text_diagnostics(text.stdout)
    assert (found["path"], found["code"]) == (shown, "JM003")
    assert found["line"] == 41 and "'sles' is not a team" in found["message"]
    assert text.stdout.splitlines()[-1] == "1 file checked, 1 invalid"

    as_json = run("validate", "-", "--format", "json", "--stdin-filename", shown,
                  cwd=tmp_path, stdin=bad)  # fmt: skip
    assert_exit(as_json, 1)
    assert [(d["path"], d["line"], d["code"]) for d in json_diagnostics(as_json.stdout)] == [
        (shown, 41, "JM003")
    ]
    good = run("validate", "-", "--stdin-filename", shown, cwd=tmp_path, stdin=EXAMPLE)
    assert_exit(good, 0)
    assert good.stdout == "1 file checked, 0 invalid\n"
    # the name is only a name: nothing is written but the result cache
    assert [path.name for path in tmp_path.iterdir()] == [CACHE]


def test_several_files_are_reported_sorted_by_path_then_a_summary(tmp_path: Path) -> None:
    for name in ("z.journey.yaml", "m/b.journey.yaml", "a.journey.yaml", "m-n.journey.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(INVALID)
    (tmp_path / "valid.journey.yaml").write_text(EXAMPLE)
    given = ["z.journey.yaml", "valid.journey.yaml", "m", "a.journey.yaml", "m-n.journey.yaml"]
    expected = ["a.journey.yaml", "m-n.journey.yaml", "m/b.journey.yaml", "z.journey.yaml"]
    text, json_ = run_all(
        [(["validate", *given], tmp_path), (["validate", "-f", "json", *given], tmp_path)]
    )
    for result in (text, json_):
        assert_exit(result, 1)
    assert [d["path"] for d in text_diagnostics(text.stdout)] == expected
    assert text.stdout.splitlines()[-1] == "5 files checked, 4 invalid"
    assert [d["path"] for d in json_diagnostics(json_.stdout)] == expected
    assert json_.stderr == "5 files checked, 4 invalid\n"


def test_validate_leaves_its_input_untouched(tmp_path: Path) -> None:
    contents = {
        "valid.journey.yaml": EXAMPLE.encode(),
        "crlf.journey.yaml": EXAMPLE.replace("\n", "\r\n").encode(),
        "bom.journey.yaml": b"\xef\xbb\xbf" + EXAMPLE.encode(),
        "invalid.journey.yaml": EXAMPLE.replace("moment: positive", "moment: postive ").encode(),
        "tabs.journey.yaml": b"journeyctl: 1\n\tid: x\n",
    }
    for name, content in contents.items():
        (tmp_path / name).write_bytes(content)
        os.utime(tmp_path / name, ns=(1_000_000_000, 1_000_000_000))  # a known, old mtime
    before = snapshot(tmp_path)
    text, json_ = run_all([(["validate"], tmp_path), (["validate", "-f", "json"], tmp_path)])
    for result in (text, json_):
        assert_exit(result, 1)
    assert text.stdout.splitlines()[-1] == "5 files checked, 2 invalid"
    assert snapshot(tmp_path) == before
    assert {path.name for path in tmp_path.iterdir()} == {*contents, CACHE}


@pytest.mark.parametrize(("size", "expected"), [(1000, 0), (1001, 1)])
def test_size_limit_boundary_through_the_configuration(
    size: int, expected: int, tmp_path: Path
) -> None:
    (tmp_path / ".journeyctl.yaml").write_text("limits: {max_file_size: 1000}\n")
    raw = MINIMAL.encode()
    raw += b"#" + b"x" * (size - len(raw) - 2) + b"\n"
    assert len(raw) == size
    (tmp_path / "map.journey.yaml").write_bytes(raw)
    result = run("validate", "map.journey.yaml", cwd=tmp_path)
    assert_exit(result, expected)
    if expected:
        [found] = text_diagnostics(result.stdout)
        assert (found["line"], found["column"], found["code"]) == (1, 1, "JM001")
        assert "file is 1,001 bytes, over the limit of 1,000 bytes" in found["message"]
    else:
        assert result.stdout == "1 file checked, 0 invalid\n"
