"""`journeyctl fmt` through the real command line: writing, --check, --diff, stdin, refusals,
many files through the run pipeline, and the pre-commit hook the repository declares."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT
from tests.startup import modules_after

DATA = Path(__file__).parent / "data"
MESSY = (DATA / "messy.journey.yaml").read_text(encoding="utf-8")
GOLDEN = (DATA / "messy.formatted.journey.yaml").read_text(encoding="utf-8")
INVALID = "journeyctl: 1\nid: m\ntitle:    T\nstages: []\n"


def run(
    *args: str, cwd: Path, stdin: str | None = None, command: tuple[str, ...] = ("fmt",)
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    environment["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *command, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file's bytes, mode and modification time (nanoseconds)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (
                path.read_bytes(),
                info.st_mode,
                info.st_mtime_ns,
            )
    return found


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "messy.journey.yaml"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_check_exits_1_and_names_the_file_before_and_0_after_writing_nothing(
    messy: Path,
) -> None:
    before = snapshot(messy.parent)
    result = run("--check", ".", cwd=messy.parent)
    assert result.returncode == 1
    assert result.stdout == "messy.journey.yaml\n"
    assert snapshot(messy.parent) == before
    assert run(".", cwd=messy.parent).returncode == 0
    assert messy.read_text(encoding="utf-8") == GOLDEN
    after = run("--check", ".", cwd=messy.parent)
    assert (after.returncode, after.stdout) == (0, "")
    assert "0 files would be reformatted, 1 already formatted" in after.stderr


def test_writing_keeps_the_files_mode_and_leaves_no_temporary_file(messy: Path) -> None:
    messy.chmod(0o640)
    result = run("messy.journey.yaml", cwd=messy.parent)
    assert result.returncode == 0, result.stderr
    assert "reformatted messy.journey.yaml" in result.stderr
    assert stat.S_IMODE(messy.stat().st_mode) == 0o640
    assert [p.name for p in messy.parent.iterdir()] == ["messy.journey.yaml"]
    assert messy.read_text(encoding="utf-8") == GOLDEN


def test_a_symbolic_link_stays_a_link_and_its_target_is_formatted(messy: Path) -> None:
    link = messy.parent / "link.journey.yaml"
    link.symlink_to(messy.name)
    assert run("link.journey.yaml", cwd=messy.parent).returncode == 0
    assert link.is_symlink() and messy.read_text(encoding="utf-8") == GOLDEN


def test_diff_prints_a_unified_diff_that_patch_applies_and_writes_nothing(messy: Path) -> None:
    before = snapshot(messy.parent)
    result = run("--diff", "messy.journey.yaml", cwd=messy.parent)
    assert result.returncode == 1
    assert result.stdout.startswith("--- messy.journey.yaml\n+++ messy.journey.yaml\n@@ ")
    assert snapshot(messy.parent) == before
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    subprocess.run(
        ["patch", "-p0", "--quiet"], input=result.stdout, text=True, cwd=messy.parent, check=True
    )
    assert messy.read_text(encoding="utf-8") == GOLDEN


def test_stdin_is_formatted_to_stdout() -> None:
    result = run("-", cwd=ROOT, stdin=MESSY)
    assert (result.returncode, result.stdout, result.stderr) == (0, GOLDEN, "")
    check = run("-", "--check", cwd=ROOT, stdin=GOLDEN)
    assert (check.returncode, check.stdout) == (0, "")


def test_invalid_stdin_prints_diagnostics_on_stderr_and_nothing_on_stdout() -> None:
    result = run("-", "--stdin-filename", "x.journey.yaml", cwd=ROOT, stdin=INVALID)
    assert (result.returncode, result.stdout) == (1, "")
    assert "x.journey.yaml:4:9: error JM002" in result.stderr


def test_an_invalid_map_is_reported_like_lint_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bad.journey.yaml"
    path.write_text(INVALID, encoding="utf-8")
    before = snapshot(tmp_path)
    result = run(".", cwd=tmp_path)
    assert result.returncode == 1
    assert re.fullmatch(r"bad\.journey\.yaml:4:9: error JM002 .* \[schema\]\n", result.stdout)
    assert "1 not formatted" in result.stderr
    assert snapshot(tmp_path) == before


def test_a_yaml_1_1_directive_is_refused_and_the_file_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "old.journey.yaml"
    path.write_text("%YAML 1.1\n---\n" + GOLDEN.replace("title: ", "title:  "), encoding="utf-8")
    before = snapshot(tmp_path)
    result = run("old.journey.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "old.journey.yaml:1: not formatted: a `%YAML 1.1` directive" in result.stderr
    assert snapshot(tmp_path) == before


def test_many_files_go_through_the_parallel_pipeline(tmp_path: Path) -> None:
    for number in range(30):  # over the pipeline's threshold for workers
        folder = tmp_path / f"team-{number % 3}"
        folder.mkdir(exist_ok=True)
        text = MESSY if number % 2 else GOLDEN
        (folder / f"map-{number:02}.journey.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("not: a map\n")  # not searched
    check = run("--check", ".", cwd=tmp_path)
    assert check.returncode == 1
    assert len(check.stdout.splitlines()) == 15
    assert check.stdout.splitlines() == sorted(check.stdout.splitlines())
    assert run(".", cwd=tmp_path).returncode == 0
    assert all(p.read_text(encoding="utf-8") == GOLDEN for p in tmp_path.rglob("*.journey.yaml"))
    assert (tmp_path / "notes.yaml").read_text() == "not: a map\n"


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("nowhere.journey.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "journeyctl: error: nowhere.journey.yaml: no such file or directory" in result.stderr


def test_stdin_cannot_be_mixed_with_files(messy: Path) -> None:
    result = run("-", "messy.journey.yaml", cwd=messy.parent, stdin=MESSY)
    assert result.returncode == 2 and "cannot be combined" in result.stderr


def test_the_declared_pre_commit_hook_formats_the_files_it_matches(tmp_path: Path) -> None:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "journeyctl-fmt")
    entry = shlex.split(hook["entry"])
    assert entry[:2] == ["journeyctl", "fmt"]
    matches = re.compile(hook["files"])
    names = ["a.journey.yaml", "b.journey.yml", "c.yaml"]
    for name in names:
        (tmp_path / name).write_text(MESSY, encoding="utf-8")
    chosen = [n for n in names if matches.search(n)]
    assert chosen == ["a.journey.yaml", "b.journey.yml"]
    # pre-commit runs the entry with the hook's args and the matching file names
    result = run(*entry[2:], *hook.get("args", []), *chosen, cwd=tmp_path, command=(entry[1],))
    assert result.returncode == 0, result.stderr
    for name in chosen:
        assert (tmp_path / name).read_text(encoding="utf-8") == GOLDEN
    assert (tmp_path / "c.yaml").read_text(encoding="utf-8") == MESSY


@pytest.mark.parametrize("command", ["fmt", "init"])
def test_help_of_fmt_and_init_imports_nothing_heavy(command: str) -> None:
    heavy = {"pydantic", "rich", "ruamel", "graphviz"}
    assert modules_after([command, "--help"]).packages & heavy == set()


def test_fmt_force_exclude_skips_a_named_file_the_configuration_excludes(tmp_path: Path) -> None:
    """pre-commit names files; `--force-exclude` keeps fmt off the maps the configuration
    excludes, as lint does."""
    (tmp_path / ".journeyctl.yaml").write_text('exclude: ["drafts"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "d.journey.yaml"
    messy = "journeyctl: 1\ntitle: Draft\nid: draft\nstages:\n    - {name: S, id: s}\n"
    draft.write_text(messy, encoding="utf-8")
    named = run("--check", "drafts/d.journey.yaml", cwd=tmp_path)
    assert named.returncode == 1, named.stdout + named.stderr
    forced = run("--check", "--force-exclude", "drafts/d.journey.yaml", cwd=tmp_path)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert draft.read_text(encoding="utf-8") == messy
