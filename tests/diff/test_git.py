"""`REV:PATH` and `--base` in a real temporary git repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from journeyctl.diff import git as diff_git
from journeyctl.diff.sources import base_pairs
from tests.diff.test_cli import TODAY, run
from tests.diff.test_compare import ACME, EDITED, MINIMAL
from tests.gitrepo import git, init_repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose `v1` tag has four maps and a README; the work tree then edits one,
    deletes one, renames one, adds one (untracked) and changes the README."""
    root = tmp_path / "repo"
    maps = root / "maps"
    maps.mkdir(parents=True)
    init_repo(root)
    shutil.copy(ACME, maps / "acme.journey.yaml")
    (maps / "gone.journey.yaml").write_text(MINIMAL.replace("demo-map", "gone"), "utf-8")
    (maps / "old-name.journey.yaml").write_text(MINIMAL, "utf-8")
    (maps / "same.journey.yaml").write_text(MINIMAL.replace("demo-map", "same"), "utf-8")
    (root / "README.md").write_text("maps\n", "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "maps")
    git(root, "tag", "v1")
    shutil.copy(EDITED, maps / "acme.journey.yaml")
    (maps / "gone.journey.yaml").unlink()
    git(root, "mv", "maps/old-name.journey.yaml", "maps/new-name.journey.yaml")
    renamed = maps / "new-name.journey.yaml"
    renamed.write_text(MINIMAL.replace("title: Demo", "title: Demo, renamed"), "utf-8")
    (maps / "added.journey.yaml").write_text(MINIMAL.replace("demo-map", "added"), "utf-8")
    (root / "README.md").write_text("maps, edited\n", "utf-8")
    return root


def test_rev_path_against_the_work_tree(repo: Path) -> None:
    done = run(
        "v1:maps/acme.journey.yaml", "maps/acme.journey.yaml", "-f", "json", "--today", TODAY,
        cwd=repo,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["old"] == "v1:maps/acme.journey.yaml"
    assert len(data["changes"]) == 7
    assert data["lint"]["introduced"][0]["path"] == "maps/acme.journey.yaml"


def test_rev_path_relative_to_the_current_folder(repo: Path) -> None:
    done = run("v1:./acme.journey.yaml", "HEAD:maps/acme.journey.yaml", cwd=repo / "maps")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("v1:maps/acme.journey.yaml -> HEAD:maps/acme.journey.yaml\n")
    assert "0 changes" in done.stdout


def test_bad_revision_and_missing_path_exit_2(repo: Path) -> None:
    done = run("nope:maps/acme.journey.yaml", "maps/acme.journey.yaml", cwd=repo)
    assert done.returncode == 2
    assert done.stderr == (
        "journeyctl: error: nope: unknown revision (not a commit in this repository)\n"
    )
    done = run("v1:maps/added.journey.yaml", "maps/added.journey.yaml", cwd=repo)
    assert done.returncode == 2
    assert done.stderr == (
        "journeyctl: error: v1:maps/added.journey.yaml: no such file at revision v1\n"
    )
    done = run("v1:maps", "maps/added.journey.yaml", cwd=repo)
    assert done.returncode == 2 and "is a tree, not a file" in done.stderr


def test_a_revision_is_never_an_option(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "written"
    done = run("--base", f"--output={target}", cwd=repo)
    assert done.returncode == 2 and "unknown revision" in done.stderr
    assert not target.exists()


def _by_name(data: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["new"] or entry["old"]: entry for entry in data}


def test_base_finds_every_changed_map(repo: Path) -> None:
    done = run("--base", "v1", "-f", "json", "--today", TODAY, cwd=repo)
    assert done.returncode == 0, done.stderr
    found = _by_name(json.loads(done.stdout))
    assert sorted(found) == [
        "maps/acme.journey.yaml",
        "maps/added.journey.yaml",
        "maps/new-name.journey.yaml",
        "v1:maps/gone.journey.yaml",
    ]
    assert found["maps/added.journey.yaml"]["old"] is None
    assert found["maps/added.journey.yaml"]["changes"] == [
        {"change": "added", "kind": "map", "id": "added", "name": "Demo"}
    ]
    gone = found["v1:maps/gone.journey.yaml"]
    assert gone["new"] is None
    assert gone["changes"] == [{"change": "removed", "kind": "map", "id": "gone", "name": "Demo"}]
    assert gone["signals"] == ["critical-removed", "stage-removed", "touchpoint-removed"]
    renamed = found["maps/new-name.journey.yaml"]
    assert renamed["old"] == "v1:maps/old-name.journey.yaml"
    assert [c["field"] for c in renamed["changes"]] == ["title"]
    assert len(found["maps/acme.journey.yaml"]["changes"]) == 7


def test_base_with_paths_and_fail_on(repo: Path) -> None:
    done = run("--base", "v1", "maps/acme.journey.yaml", "-f", "json", cwd=repo)
    assert [d["new"] for d in json.loads(done.stdout)] == ["maps/acme.journey.yaml"]
    assert run("--base", "v1", "--fail-on", "stage-removed", cwd=repo).returncode == 1
    assert run("--base", "v1", "maps/acme.journey.yaml", "--fail-on", "stage-removed",
               cwd=repo).returncode == 0  # fmt: skip
    nothing = run("--base", "HEAD", "README.md", "-f", "json", cwd=repo)
    assert (nothing.returncode, nothing.stdout) == (0, "[]\n")


def test_base_reads_old_versions_in_one_git_process(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    real_run = subprocess.run

    def recording(args: list[str], **kwargs: Any) -> Any:
        calls.append(args)
        return real_run(args, **kwargs)

    monkeypatch.setattr(diff_git.subprocess, "run", recording)
    pairs = base_pairs("v1", [], repo, lambda p: p.name.endswith(".journey.yaml"))
    assert len(pairs) == 4
    assert sum(1 for args in calls if "cat-file" in args) == 1
    assert len(calls) <= 5  # toplevel, rev-parse, diff, ls-files, cat-file


def test_base_with_an_invalid_old_version(repo: Path) -> None:
    broken = repo / "maps" / "same.journey.yaml"
    broken.write_text("journeyctl: 1\nid: same\n", "utf-8")
    git(repo, "commit", "-q", "-am", "break it")
    broken.write_text(MINIMAL.replace("demo-map", "same"), "utf-8")
    done = run("--base", "HEAD", "-f", "json", cwd=repo)
    assert done.returncode == 1
    assert "HEAD:maps/same.journey.yaml:1:1: error JM002" in done.stderr
    # the invalid pair is not compared; the others are
    assert [d["new"] for d in json.loads(done.stdout)] == ["maps/added.journey.yaml"]


def test_bad_base_revision(repo: Path) -> None:
    done = run("--base", "no-such-branch", cwd=repo)
    assert done.returncode == 2
    assert "no-such-branch: unknown revision" in done.stderr
    assert "Traceback" not in done.stderr


def test_outside_a_repository(tmp_path: Path) -> None:
    done = run("--base", "main", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("journeyctl: error: ")


def test_base_from_a_subfolder(repo: Path) -> None:
    done = run("--base", "v1", ".", "-f", "json", cwd=repo / "maps")
    assert done.returncode == 0, done.stderr
    names = sorted(d["new"] or d["old"] for d in json.loads(done.stdout))
    assert names == [
        "maps/acme.journey.yaml",
        "maps/added.journey.yaml",
        "maps/new-name.journey.yaml",
        "v1:maps/gone.journey.yaml",
    ]


def test_hostile_file_names(repo: Path) -> None:
    name = "we\nird \x1b[31m.journey.yaml"
    (repo / "maps" / name).write_text(MINIMAL, "utf-8")
    done = run("--base", "v1", "maps/", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert "maps/we\\nird \\x1b[31m.journey.yaml (added)" in done.stdout.splitlines()
    data = json.loads(run("--base", "v1", "maps/", "-f", "json", cwd=repo).stdout)
    assert f"maps/{name}" in [d["new"] for d in data]
