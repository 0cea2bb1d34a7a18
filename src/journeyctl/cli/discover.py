"""Which files a run reads: the rules for PATH arguments (docs/architecture.md).

Directories are searched recursively for `*.journey.yaml` / `*.journey.yml` (configurable
globs), skipping hidden folders below the given path and, inside a git work tree, what git
ignores (git itself is asked, so nested .gitignore files and global excludes work). Symbolic
links to folders are not followed. A file named on the command line is always read.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from journeyctl.config import DEFAULT_INCLUDE


class PathNotFoundError(Exception):
    """A PATH argument that does not exist: a usage error (exit 2), not a content problem."""


def discover(
    paths: Sequence[Path],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> list[Path]:
    """The files to process, sorted by path and without duplicates."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(_search(path, include, exclude))
        elif path.exists() or path.is_symlink():
            found.add(path)
        else:
            raise PathNotFoundError(f"{path}: no such file or directory")
    return sorted(found, key=lambda p: p.as_posix())


def matches(path: Path, patterns: Iterable[str]) -> bool:
    """Whether a glob matches the file name or its path relative to the search root."""
    posix = path.as_posix()
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(posix, p) for p in patterns)


def _search(root: Path, include: Sequence[str], exclude: Sequence[str]) -> list[Path]:
    candidates = _walk(root)
    ignored = _git_ignored(root, candidates)
    result = []
    for candidate in candidates:
        relative = candidate.relative_to(root)
        if not matches(relative, include) or matches(relative, exclude):
            continue
        if candidate in ignored:
            continue
        result.append(candidate)
    return result


def _walk(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder, subfolders, names in os.walk(root):  # never follows symlinks to folders
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        base = Path(folder)
        files.extend(base / name for name in names if not (base / name).is_dir())
    return files


def _git_ignored(root: Path, candidates: list[Path]) -> set[Path]:
    """The candidates git ignores; empty outside a work tree or when git is unavailable."""
    if not candidates:
        return set()
    import subprocess  # only folder searches ask git

    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=root,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if listed.returncode != 0:  # not a work tree
        return set()
    kept = {root / os.fsdecode(name) for name in listed.stdout.split(b"\0") if name}
    return {candidate for candidate in candidates if candidate not in kept}
