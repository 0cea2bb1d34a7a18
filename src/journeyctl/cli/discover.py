"""Which files a run reads: the rules for PATH arguments (docs/architecture.md).

Directories are searched recursively for `*.journey.yaml` / `*.journey.yml` (configurable
globs), skipping hidden folders below the given path and, inside a git work tree, what git
ignores (git itself is asked, so nested .gitignore files and global excludes work). Symbolic
links to folders are not followed; a file that is not a regular file, a link loop, and a link to
a file outside the git work tree (outside the folder searched, when not in git) are skipped
with a warning on stderr. A file named on the command line is always read (and refused with a
JM001 if it is not a regular file).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path


def unique_files(paths: Iterable[Path]) -> list[Path]:
    """Each file once, sorted by path, however it was named: `maps/a.journey.yaml`, its
    absolute path and `./maps/../maps/a.journey.yaml` are one file (shown by its relative name
    when it was given one). Links are not resolved: two names of one file are the user's."""
    chosen: dict[str, Path] = {}
    for path in paths:
        key = os.path.abspath(path)  # noqa: PTH100 - lexical: links are not resolved
        if key not in chosen or (chosen[key].is_absolute() and not path.is_absolute()):
            chosen[key] = path
    return sorted(chosen.values(), key=lambda p: p.as_posix())


def search(root: Path, wanted: Callable[[Path], bool]) -> list[Path]:
    """The files below `root` that `wanted` keeps, git does not ignore and `skip_reason` lets
    through (skipped ones are said on stderr).

    `wanted` decides per file (its own configuration's include and exclude globs), so that a
    nested configuration governs the files below it whichever folder the search starts from.
    """
    candidates = [candidate for candidate in _walk(root) if wanted(candidate)]
    ignored = _git_ignored(root, candidates)
    result = []
    boundary: Path | None = None
    for candidate in candidates:
        if candidate in ignored:
            continue
        if boundary is None:
            boundary = link_boundary(root)
        reason = skip_reason(candidate, boundary)
        if reason is not None:
            _say_skipped(candidate, reason)
            continue
        result.append(candidate)
    return result


def link_boundary(root: Path) -> Path:
    """Where a file found in `root` may live: the git work tree holding `root`, or `root`
    itself outside git. A symbolic link whose target lies outside is not followed."""
    resolved = root.resolve()
    for folder in (resolved, *resolved.parents):
        if (folder / ".git").exists():
            return folder
    return resolved


def skip_reason(path: Path, boundary: Path) -> str | None:
    """Why a file found by a folder search is not read, or None to read it.

    A pull request controls what its folders hold: a FIFO would block the run, a link to a
    device would never end, a link loop cannot be opened, and a link to a file outside the
    repository (`-> /home/runner/.secrets.yaml`) would echo that file's text in annotations
    anyone can read. A file named on the command line is not asked: that is the user's choice.
    """
    import stat

    from journeyctl.load.files import file_kind

    try:
        mode = path.stat().st_mode  # follows symbolic links
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        return None  # a broken link, say: reading it reports the error, as for a named file
    if not stat.S_ISREG(mode):
        return f"{file_kind(mode)}, not a regular file"
    if path.is_symlink():  # links to folders are never walked into: only the file's own
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(boundary):
            where = "the git work tree" if (boundary / ".git").exists() else "the folder searched"
            return f"a symbolic link to a file outside {where} (not followed)"
    return None


def _say_skipped(path: Path, reason: str) -> None:
    import sys

    from journeyctl.output._common import visible

    sys.stderr.write(f"journeyctl: warning: skipped {visible(path.as_posix())}: {reason}\n")


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
