"""The example GitHub workflow's shell steps, run by bash in a real repository with a remote.

Only `gh` is a stand-in (it keeps the pull request's comments in a JSON file and answers
`--jq` with the real jq); git, jq, bash and journeyctl are real. Two pushes must leave one
comment, updated, and the check must fail when validation is lost.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.diff.test_compare import ACME, EDITED
from tests.gitrepo import git

WORKFLOW = Path(__file__).resolve().parents[2] / "docs/examples/journeyctl-diff-workflow.yml"
MARKER = "<!-- journeyctl-diff -->"

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("git", "jq", "bash")),
    reason="needs git, jq and bash",
)

FAKE_GH = """\
import json, os, subprocess, sys
state_path = os.environ["FAKE_GH_STATE"]
state = json.load(open(state_path)) if os.path.exists(state_path) else {"comments": []}
args = sys.argv[1:]
assert args[0] == "api", args
method, jq, payload, path = "GET", None, None, None
i = 1
while i < len(args):
    if args[i] == "--method": method = args[i + 1]; i += 2
    elif args[i] == "--jq": jq = args[i + 1]; i += 2
    elif args[i] == "--input": payload = json.load(open(args[i + 1])); i += 2
    elif args[i] == "--paginate": i += 1
    else: path = args[i]; i += 1
state.setdefault("calls", []).append([method, path])
if method == "GET":
    out = json.dumps(state["comments"])
    if jq is not None:
        out = subprocess.run(["jq", "-r", jq], input=out, capture_output=True, text=True,
                             check=True).stdout
    sys.stdout.write(out)
elif method == "POST":
    state["comments"].append({"id": 1000 + len(state["comments"]), "body": payload["body"]})
elif method == "PATCH":
    wanted = int(path.rsplit("/", 1)[1])
    for comment in state["comments"]:
        if comment["id"] == wanted:
            comment["body"] = payload["body"]
json.dump(state, open(state_path, "w"))
"""


def _steps() -> dict[str, dict[str, Any]]:
    data = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    steps = data["jobs"]["diff"]["steps"]
    return {step.get("id") or step.get("name", ""): step for step in steps}


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A clone whose branch changes a map against origin/main, and tools on PATH."""
    origin, work, tools = tmp_path / "origin.git", tmp_path / "work", tmp_path / "bin"
    tools.mkdir()
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(tmp_path, "clone", "-q", str(origin), str(work))
    for key, value in (("user.email", "t@example.com"), ("user.name", "T")):
        git(work, "config", key, value)
    git(work, "config", "commit.gpgsign", "false")
    (work / "maps").mkdir()
    shutil.copy(ACME, work / "maps" / "acme.journey.yaml")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "map")
    git(work, "push", "-q", "origin", "HEAD:main")
    git(work, "checkout", "-q", "-b", "edit")
    (tools / "gh").write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    (tools / "journeyctl").write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m journeyctl "$@"\n', encoding="utf-8"
    )
    for tool in ("gh", "journeyctl"):
        (tools / tool).chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "FAKE_GH_STATE": str(tmp_path / "gh.json"),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "BASE_REF": "main",
        "GH_TOKEN": "not-a-token",
        "PR": "7",
        "REPO": "acme/maps",
    }
    return work, env


def _run_step(step: dict[str, Any], cwd: Path, env: dict[str, str]) -> int:
    # GitHub's default shell for `run`: bash --noprofile --norc -eo pipefail
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr
    return done.returncode


def _push(work: Path, env: dict[str, str]) -> tuple[int, int]:
    """What one push runs: the diff step, the comment step; their exit codes."""
    steps = _steps()
    Path(env["GITHUB_OUTPUT"]).write_text("", encoding="utf-8")
    diff_code = _run_step(steps["diff"], work, env)
    comment_code = _run_step(steps["Post the comment, or update it"], work, env)
    return diff_code, comment_code


def test_two_pushes_leave_one_updated_comment(pull_request: tuple[Path, dict[str, str]]) -> None:
    work, env = pull_request
    state = Path(env["FAKE_GH_STATE"])
    # First push: a title change only.
    text = ACME.read_text(encoding="utf-8").replace("first call", "first demo")
    (work / "maps" / "acme.journey.yaml").write_text(text, encoding="utf-8")
    git(work, "commit", "-q", "-am", "title")
    assert _push(work, env) == (0, 0)
    assert Path(env["GITHUB_OUTPUT"]).read_text(encoding="utf-8") == "status=0\n"
    comments = json.loads(state.read_text())["comments"]
    assert len(comments) == 1
    assert comments[0]["body"].startswith(MARKER + "\n### Journey map changes\n")
    assert "**1 map, 1 change**" in comments[0]["body"]

    # Second push: the realistic edit, which loses the renewal stage's customer validation.
    shutil.copy(EDITED, work / "maps" / "acme.journey.yaml")
    git(work, "commit", "-q", "-am", "edit")
    assert _push(work, env) == (0, 0)
    assert Path(env["GITHUB_OUTPUT"]).read_text(encoding="utf-8") == "status=1\n"
    saved = json.loads(state.read_text())
    assert len(saved["comments"]) == 1, "updated, not posted again"
    assert saved["comments"][0]["id"] == 1000
    assert "**1 map, 7 changes**" in saved["comments"][0]["body"]
    assert [c[0] for c in saved["calls"]] == ["GET", "POST", "GET", "PATCH"]
    assert saved["calls"][3][1] == "repos/acme/maps/issues/comments/1000"

    fail = _steps()["Fail on lost validation or new lint errors"]
    assert fail["if"] == "steps.diff.outputs.status != '0'"


def test_a_usage_error_fails_the_diff_step(pull_request: tuple[Path, dict[str, str]]) -> None:
    work, env = pull_request
    env = {**env, "BASE_REF": "no-such-branch"}
    assert _run_step(_steps()["diff"], work, env) != 0
