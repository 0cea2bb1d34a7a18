"""Reading maps from git revisions: the edge of the diff, where subprocesses run.

git is always run with an argument list (never a shell), with `--end-of-options` before a
user's revision, and object names go to `git cat-file --batch` on its standard input, so no
revision or path can be taken for an option. `--base` reads every old version it needs in one
`git cat-file --batch` process rather than one git call per file.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_NO_BLOB = "0" * 40


class GitError(Exception):
    """A bad revision, a path missing at a revision, or no git: a usage error (exit 2)."""


def run_git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """git's standard output; GitError with git's own first line of complaint otherwise."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (needed to read REV:PATH and --base)") from None
    if done.returncode != 0:
        message = os.fsdecode(done.stderr).strip().splitlines()
        raise GitError(message[0] if message else f"git {args[0]} failed")
    return done.stdout


def toplevel(cwd: Path) -> Path:
    """The root of the work tree around `cwd`."""
    try:
        out = run_git(["rev-parse", "--show-toplevel"], cwd)
    except GitError:
        raise GitError(f"{cwd}: not inside a git work tree") from None
    return Path(os.fsdecode(out.rstrip(b"\n")))


def verify_revision(revision: str, cwd: Path) -> str:
    """The commit a revision names; GitError naming the revision when there is none."""
    if not revision or "\n" in revision:
        raise GitError(f"{revision!r}: not a revision")
    try:
        out = run_git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
            cwd,
        )
    except GitError:
        raise GitError(f"{revision}: unknown revision (not a commit in this repository)") from None
    return out.decode("ascii").strip()


def cat_blobs(names: Sequence[str], cwd: Path) -> list[bytes | None]:
    """The contents of many objects (`REV:PATH` or blob ids) from one `git cat-file --batch`.

    None for an object that does not exist; GitError for one that is not a file.
    """
    if not names:
        return []
    for name in names:
        if "\n" in name:
            raise GitError(f"{name!r}: a name with a line break cannot be read from git")
    request = "".join(f"{name}\n" for name in names).encode("utf-8", "surrogateescape")
    out = run_git(["cat-file", "--batch"], cwd, stdin=request)
    found: list[bytes | None] = []
    cursor = 0
    for name in names:
        end = out.index(b"\n", cursor)
        header = out[cursor:end].split(b" ")
        cursor = end + 1
        if len(header) != 3:  # `NAME missing`, `NAME ambiguous`
            found.append(None)
            continue
        kind, size = header[1].decode("ascii"), int(header[2])
        if kind != "blob":
            raise GitError(f"{name}: is a {kind}, not a file")
        found.append(out[cursor : cursor + size])
        cursor += size + 1  # the content is followed by a line feed
    return found


@dataclass(frozen=True, slots=True)
class RevisionFile:
    """One file at a revision: what `REV:PATH` names."""

    revision: str
    path: str
    """Relative to the work tree's root, as git names it."""
    content: bytes

    @property
    def shown(self) -> str:
        return f"{self.revision}:{self.path}"


def read_revision_path(spec: str, cwd: Path) -> RevisionFile:
    """Read `REV:PATH`. PATH is relative to the work tree's root, or to `cwd` when it starts
    with `./` or `../`, as in `git show`."""
    revision, _, path = spec.partition(":")
    if not path:
        raise GitError(f"{spec}: expected REV:PATH")
    verify_revision(revision, cwd)
    top = toplevel(cwd)
    if path.startswith(("./", "../")):
        path = os.path.relpath((cwd / path).resolve(), top.resolve()).replace(os.sep, "/")
    (content,) = cat_blobs([f"{revision}:{path}"], cwd)
    if content is None:
        raise GitError(f"{spec}: no such file at revision {revision}")
    return RevisionFile(revision, path, content)


@dataclass(frozen=True, slots=True)
class ChangedFile:
    """One file that differs between a revision and the work tree."""

    status: str
    """A (added), D (deleted), M (modified), R (renamed); untracked files are A."""
    old_path: str | None
    new_path: str | None
    """Both relative to the work tree's root."""
    old_blob: str | None


def changed_files(revision: str, pathspecs: Sequence[str], cwd: Path) -> list[ChangedFile]:
    """Files added, deleted, modified or renamed between `revision` and the work tree,
    untracked (not ignored) files included, restricted to `pathspecs` (relative to `cwd`)."""
    verify_revision(revision, cwd)
    specs = ["--", *pathspecs] if pathspecs else []
    raw = run_git(
        ["diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", "--end-of-options",
         revision, *specs],
        cwd,
    )  # fmt: skip
    found: list[ChangedFile] = []
    fields = raw.split(b"\0")
    index = 0
    while index < len(fields) and fields[index].startswith(b":"):
        meta = fields[index][1:].split(b" ")
        old_blob, status = meta[2].decode("ascii"), meta[4].decode("ascii")[:1]
        first = os.fsdecode(fields[index + 1])
        if status in ("R", "C"):
            second = os.fsdecode(fields[index + 2])
            index += 3
        else:
            second = first
            index += 2
        if status == "A":
            found.append(ChangedFile("A", None, second, None))
        elif status == "D":
            found.append(ChangedFile("D", first, None, old_blob))
        elif status == "C":  # a copy: the new file is an addition
            found.append(ChangedFile("A", None, second, None))
        else:  # M, R, T (type change), U (unmerged)
            blob = old_blob if old_blob != _NO_BLOB else None
            found.append(ChangedFile("R" if status == "R" else "M", first, second, blob))
    untracked = run_git(
        ["ls-files", "--others", "--exclude-standard", "--full-name", "-z", *specs], cwd
    )
    found.extend(
        ChangedFile("A", None, os.fsdecode(name), None) for name in untracked.split(b"\0") if name
    )
    return found
