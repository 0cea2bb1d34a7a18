"""Hostile input, round 2, through the real command line in every output format.

What is around the parser rather than inside it: files that are not regular files, links that
loop or leave the repository, file names made to forge output, configurations as input, and
the round-two rows of the bad-input table (huge integers, alias-amplified text, messages in
the file's own words) in text, json, sarif, github and junit.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

from tests.load.cases import BAD_INPUTS, EXAMPLE, MINIMAL, BadInput

ROUND_TWO = [
    case
    for case in BAD_INPUTS
    if case.name
    in {
        "hex-integer-version-4000-digits",
        "octal-integer-emotion",
        "hex-integer-as-title",
        "alias-amplified-keys",
        "alias-amplified-value",
        "datetime-where-a-date-belongs",
        "only-a-document-end-marker",
        "byte-order-mark-mid-file",
        "line-separator-before-a-syntax-error",
        "nel-ls-ps-before-a-duplicate-key",
    }
]
FORMATS = ("text", "json", "sarif", "github", "junit")
TEXT_LINE = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|info) (JM\d+) (.*) \[([a-z0-9-]+)\]$")
GITHUB_LINE = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "NO_COLOR"}}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=timeout,
        env=env,
        check=False,
    )


def sane(result: subprocess.CompletedProcess[str], code: int) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream and "internal error" not in stream, stream[-3000:]
    assert result.returncode == code, (result.stdout[-2000:], result.stderr[-2000:])


def _unescape_github(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def found(output_format: str, stdout: str) -> list[dict[str, Any]]:
    """(path, line, column, code, message) of every diagnostic, read back from the format."""
    items: list[dict[str, Any]] = []
    if output_format == "text":
        for line in stdout.splitlines()[:-1]:
            match = TEXT_LINE.match(line)
            assert match, line
            path, row, column, _, code, message, _ = match.groups()
            items.append(dict(path=path, line=int(row), column=int(column), code=code,
                              message=message))  # fmt: skip
    elif output_format == "json":
        items = [{k: d[k] for k in ("path", "line", "column", "code", "message")}
                 for d in json.loads(stdout)]  # fmt: skip
    elif output_format == "sarif":
        for result in json.loads(stdout)["runs"][0]["results"]:
            location = result["locations"][0]["physicalLocation"]
            message = re.sub(r"\\([\\\[\]])", r"\1", result["message"]["text"])
            items.append(dict(path=location["artifactLocation"]["uri"],
                              line=location["region"]["startLine"],
                              column=location["region"]["startColumn"],
                              code=result["ruleId"], message=message))  # fmt: skip
    elif output_format == "github":
        for line in stdout.splitlines():
            match = GITHUB_LINE.match(line)
            assert match, line
            properties = dict(p.split("=", 1) for p in match[2].split(","))
            items.append(dict(path=_unescape_github(properties["file"]),
                              line=int(properties["line"]), column=int(properties["col"]),
                              code=properties["title"].split("%20")[0].split(" ")[0],
                              message=_unescape_github(match[3])))  # fmt: skip
    else:
        root = ElementTree.fromstring(stdout)
        for suite in root.iter("testsuite"):
            for failure in suite.iter("failure"):
                for line in (failure.text or "").splitlines():
                    where, message = line.split(" ", 1)
                    row, column = where.split(":")
                    items.append(dict(path=suite.get("name"), line=int(row),
                                      column=int(column), code=failure.get("type"),
                                      message=message))  # fmt: skip
    return items


def matches(item: dict[str, Any], case: BadInput) -> bool:
    return (
        item["code"] == case.code
        and item["line"] == case.line
        and (case.column is None or item["column"] == case.column)
        and all(word.lower() in item["message"].lower() for word in case.words)
    )


@pytest.fixture(scope="module")
def round_two_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("round-two")
    for case in ROUND_TWO:
        (folder / f"{case.name}.journey.yaml").write_bytes(case.content)
    return folder


def test_the_round_two_table_is_all_here() -> None:
    assert len(ROUND_TWO) == 10


@pytest.mark.parametrize("output_format", FORMATS)
def test_round_two_inputs_in_every_format(round_two_folder: Path, output_format: str) -> None:
    result = run("validate", "--format", output_format, ".", cwd=round_two_folder)
    sane(result, 1)
    items = found(output_format, result.stdout)
    for case in ROUND_TWO:
        mine = [i for i in items if i["path"] == f"{case.name}.journey.yaml"]
        assert any(matches(i, case) for i in mine), (case.name, case.words, mine[:3])
    # every message short, on one line, whatever the file held (2 MB strings, 6,000 digits)
    assert all(len(i["message"]) < 400 and "\n" not in i["message"] for i in items)
    assert len(result.stdout) < 1_000_000  # the inputs hold 4 MB of text


# --- files that are not regular files -----------------------------------------------------


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A git work tree whose maps folder holds one good map and every kind of trap."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "good.journey.yaml").write_text(EXAMPLE)
    os.mkfifo(maps / "fifo.journey.yaml")
    (maps / "zero.journey.yaml").symlink_to("/dev/zero")
    (maps / "loop.journey.yaml").symlink_to("loop.journey.yaml")
    (maps / "ring-a.journey.yaml").symlink_to("ring-b.journey.yaml")
    (maps / "ring-b.journey.yaml").symlink_to("ring-a.journey.yaml")
    secret = tmp_path.parent / f"{tmp_path.name}-secret.yaml"
    secret.write_text("token: SECRET_d41d8cd98f00\n")
    (maps / "leak.journey.yaml").symlink_to(secret)
    (maps / "inside.journey.yaml").symlink_to("good.journey.yaml")
    return tmp_path


def test_a_folder_of_traps_checks_the_good_maps_and_names_the_rest(hostile_folder: Path) -> None:
    for output_format in FORMATS:
        result = run("validate", "--format", output_format, "maps", cwd=hostile_folder,
                     timeout=30)  # fmt: skip
        sane(result, 0)
        assert "SECRET_" not in result.stdout + result.stderr
        warnings = result.stderr.splitlines()
        for name, why in [
            ("zero", "a character device, not a regular file"),
            ("loop", "a symbolic link loop"),
            ("ring-a", "a symbolic link loop"),
            ("ring-b", "a symbolic link loop"),
            ("leak", "a symbolic link to a file outside the git work tree (not followed)"),
        ]:
            expected = f"journeyctl: warning: skipped maps/{name}.journey.yaml: {why}"
            assert expected in warnings, result.stderr
        summary = result.stdout if output_format == "text" else result.stderr
        assert "2 files checked" in summary  # good and inside (a link within the tree)


def test_outside_git_the_folder_searched_is_the_boundary(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.journey.yaml").write_text(EXAMPLE)
    (tmp_path / "other.journey.yaml").write_text("secret: SECRET_x\n")
    (tmp_path / "maps" / "up.journey.yaml").symlink_to(tmp_path / "other.journey.yaml")
    result = run("validate", "maps", cwd=tmp_path)
    sane(result, 0)
    assert "outside the folder searched" in result.stderr
    assert "SECRET_" not in result.stdout + result.stderr
    # from the folder above, the same link stays inside what is searched, and is read
    above = run("validate", ".", cwd=tmp_path)
    sane(above, 1)
    assert "maps/up.journey.yaml" in above.stdout and "SECRET_x" not in above.stdout


def test_named_traps_are_a_problem_on_that_file_and_the_run_goes_on(hostile_folder: Path) -> None:
    maps = hostile_folder / "maps"
    names = ["maps/fifo.journey.yaml", "maps/zero.journey.yaml", "maps/good.journey.yaml"]
    for output_format in FORMATS:
        result = run("validate", "--format", output_format, *names, cwd=hostile_folder)
        sane(result, 1)
        items = {i["path"]: i for i in found(output_format, result.stdout)}
        assert set(items) == {"maps/fifo.journey.yaml", "maps/zero.journey.yaml"}
        assert items["maps/fifo.journey.yaml"]["message"].startswith("a named pipe (FIFO), not")
        assert items["maps/zero.journey.yaml"]["message"].startswith("a character device, not")
        assert all((i["line"], i["column"], i["code"]) == (1, 1, "JM001") for i in items.values())
    # a link outside the tree named on the command line is the user's choice: it is read
    leak = run("validate", "--format", "json", "maps/leak.journey.yaml", cwd=hostile_folder)
    sane(leak, 1)
    assert "unknown key 'token'" in leak.stdout
    assert maps.exists()


def test_a_fifo_as_the_configuration_is_refused(hostile_folder: Path) -> None:
    os.mkfifo(hostile_folder / "config.yaml")
    result = run("validate", "--config", "config.yaml", "maps/good.journey.yaml",
                 cwd=hostile_folder, timeout=30)  # fmt: skip
    sane(result, 2)  # a configuration that cannot be used: nothing was checked
    assert "config.yaml:1:1: error JM001 a named pipe (FIFO), not a regular file" in result.stdout
    os.mkfifo(hostile_folder / "maps" / ".journeyctl.yaml")
    found_config = run("validate", "maps/good.journey.yaml", cwd=hostile_folder, timeout=30)
    sane(found_config, 2)
    assert "maps/.journeyctl.yaml:1:1: error JM001 a named pipe" in found_config.stdout


def test_a_huge_sparse_file_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.journey.yaml"
    with sparse.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GB of holes: no disk, but a read would take 3 GB
    (tmp_path / "good.journey.yaml").write_text(EXAMPLE)
    code = (
        "import resource, subprocess, sys;"
        "p = subprocess.run([sys.executable, '-m', 'journeyctl', 'validate', '--format', 'json',"
        " '.'], capture_output=True, text=True);"
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "print(p.stdout)"
    )
    measured = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60,
        check=True,
    )  # fmt: skip
    first, document = measured.stdout.split("\n", 1)
    exit_code, peak_kb = map(int, first.split())
    assert exit_code == 1
    assert peak_kb < 200 * 1024, f"peak {peak_kb // 1024} MB: the file was read"
    (item,) = json.loads(document)
    assert item["path"] == "sparse.journey.yaml" and (item["line"], item["column"]) == (1, 1)
    assert item["message"].startswith("file is 3,221,225,472 bytes, over the limit of 10,000,000")


def test_the_same_file_by_relative_and_absolute_path_is_checked_once(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    target = tmp_path / "maps" / "a.journey.yaml"
    target.write_text(MINIMAL + "bogus: 1\n")
    result = run("validate", "maps/a.journey.yaml", str(target), "./maps/../maps/a.journey.yaml",
                 "maps", cwd=tmp_path)  # fmt: skip
    sane(result, 1)
    assert result.stdout.count("unknown key 'bogus'") == 1
    assert result.stdout.startswith("maps/a.journey.yaml:7:1: ")
    assert result.stdout.splitlines()[-1] == "1 file checked, 1 invalid"


# --- stderr is output too -------------------------------------------------------------------


FORGED = "x\n::error file=README.md,line=1::forged\x1b[31m\u202e.journey.yaml"


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_file_name_cannot_forge_an_annotation_on_stderr(
    tmp_path: Path, output_format: str
) -> None:
    result = run("validate", "--format", output_format, "missing-" + FORGED, cwd=tmp_path)
    sane(result, 2)
    if output_format in {"json", "sarif"}:  # still one valid document, of nothing
        json.loads(result.stdout)
    elif output_format == "junit":
        assert result.stdout.startswith("<?xml")
    else:
        assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line == (
        "journeyctl: error: missing-x\\n::error file=README.md,line=1::forged\\x1b[31m"
        "\\u202e.journey.yaml: no such file or directory"
    )


def test_a_skipped_file_name_is_escaped_on_stderr(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / FORGED)
    result = run("validate", "--format", "github", ".", cwd=tmp_path, timeout=30)
    sane(result, 0)
    assert not any(line.startswith("::") for line in result.stderr.splitlines())
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "skipped x\\n::error file=README.md" in result.stderr


def test_a_forged_file_name_in_stdout_is_escaped_in_every_format(tmp_path: Path) -> None:
    (tmp_path / FORGED).write_text("...\n")
    for output_format in FORMATS:
        result = run("validate", "--format", output_format, ".", cwd=tmp_path)
        sane(result, 1)
        assert "\x1b" not in result.stdout + result.stderr
        if output_format in {"json", "sarif"}:  # data: a JSON reader gets the name as it is
            json.loads(result.stdout)
        else:  # read by people: what reorders text is shown escaped
            assert "\u202e" not in result.stdout
        if output_format == "github":
            assert len(result.stdout.splitlines()) == 1


# --- the configuration is input too --------------------------------------------------------


def _config_run(tmp_path: Path, name: str, content: bytes) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    (tmp_path / "a.journey.yaml").write_text(EXAMPLE)
    (tmp_path / name).write_bytes(content)
    return run("validate", ".", cwd=tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("pyproject.toml", b"[tool.journeyctl]\n" + b"# padding\n" * 200_000,
         "pyproject.toml:1:1: error JM001 file is 2,000,018 bytes, over the limit of 1,000,000"),
        ("pyproject.toml", b"# [tool.journeyctl]\ntool = 5\n",
         "pyproject.toml:2:1: error JM002 `tool` must be a table"),
        ("pyproject.toml", b"[tool.journeyctl]\nselect = [\"JM201\"]\nfail-on = = 1\n",
         "pyproject.toml:3:11: error JM001 invalid TOML: Invalid value [toml-syntax]"),
        ("pyproject.toml", b"[tool.journeyctl]\nlimits = {max_depth = 20000}\n",
         "pyproject.toml:2:23: error JM002 limits.max_depth: may be raised to at most 1,000 "
         "(found 20000)"),
        (".journeyctl.yaml", b"limits: {max_files: 0x" + b"f" * 5000 + b"}\n",
         ".journeyctl.yaml:1:21: error JM002 limits.max_files: may be raised to at most "
         "1,000,000 (found an integer of about 6,021 digits)"),
        (".journeyctl.yaml", b"rules: {stale-evidence: {max_age_days: 0o" + b"7" * 5000 + b"}}\n",
         "error JM002 rules.stale-evidence.max_age_days: input should be less than or equal "
         "to 1000000 (found an integer of about 4,516 digits)"),
        (".journeyctl.yaml", b"fail-on: \"\\u202e" + b"x" * 500 + b"\"\n",
         "error JM002 fail-on: expected 'error', 'warning', 'info' or 'never' (found "
         "'\\u202exxxxxxxxx"),
    ],
    ids=["pyproject-size", "tool-not-a-table", "toml-position", "depth-cap", "huge-limit",
         "huge-option", "echo"],
)  # fmt: skip
def test_configuration_problems_are_positioned_diagnostics(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    result = _config_run(tmp_path, name, content)
    sane(result, 2)  # a configuration that cannot be used stops the run (issue "Lint in CI")
    assert expected in result.stdout, result.stdout
    assert all(len(line) < 400 for line in result.stdout.splitlines())


def test_a_capped_limit_stays_linear_in_depth(tmp_path: Path) -> None:
    # the largest depth a configuration may allow, filled: a second or so, not gigabytes
    (tmp_path / ".journeyctl.yaml").write_text("limits: {max_depth: 1000}\n")
    deep = "".join("  " * level + f"k{level}:\n" for level in range(998)) + "  " * 998 + "k: v\n"
    (tmp_path / "deep.journey.yaml").write_text(deep)
    code = (
        "import resource, subprocess, sys;"
        "p = subprocess.run([sys.executable, '-m', 'journeyctl', 'validate', '.'],"
        " capture_output=True, text=True);"
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    measured = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                              text=True, timeout=120, check=True)  # fmt: skip
    exit_code, peak_kb = map(int, measured.stdout.split())
    assert exit_code == 1  # not a journey map, but loaded
    assert peak_kb < 300 * 1024


# --- numbers: every place that echoes one -------------------------------------------------


def test_diff_shows_an_integer_python_cannot_print(tmp_path: Path) -> None:
    (tmp_path / "old.journey.yaml").write_text(EXAMPLE)
    (tmp_path / "new.journey.yaml").write_text(EXAMPLE + "x-big: 0x" + "f" * 5000 + "\n")
    for output_format in ("text", "json", "markdown"):
        result = run("diff", "--format", output_format, "old.journey.yaml", "new.journey.yaml",
                     cwd=tmp_path)  # fmt: skip
        for stream in (result.stdout, result.stderr):
            assert "Traceback" not in stream and "internal error" not in stream, stream[-2000:]
        assert "an integer of about 6,021 digits" in result.stdout
