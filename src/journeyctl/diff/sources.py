"""Where the two versions of a map come from: files, `REV:PATH`, or `--base REV`.

This is the edge of the diff (it reads files and runs git); what it returns is plain bytes
with the names to show and the path whose folder's configuration applies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeyctl.diff.git import (
    GitError,
    cat_blobs,
    changed_files,
    read_revision_path,
    toplevel,
    verify_revision,
)


class SourceError(Exception):
    """A missing file, a bad revision, a path missing at a revision: exit 2."""


@dataclass(frozen=True, slots=True)
class Version:
    """One version of one map."""

    shown: str
    """The name diagnostics and the diff carry: `maps/a.journey.yaml`, `main:maps/a...`."""
    content: bytes
    config_path: Path
    """A path in the work tree whose folder's configuration applies."""


@dataclass(frozen=True, slots=True)
class Pair:
    """The two versions of one map; None on a side where the map does not exist."""

    old: Version | None
    new: Version | None

    @property
    def config_path(self) -> Path:
        """The new version's path decides the configuration (the old one's for a removal),
        so that both versions are linted by the same rules and their findings compare."""
        side = self.new or self.old
        assert side is not None
        return side.config_path


def read_side(argument: str, cwd: Path) -> Version:
    """A file, or `REV:PATH` when no file has that name and it contains a colon."""
    path = Path(argument)
    if path.is_dir():
        raise SourceError(f"{argument}: is a folder, not a journey map")
    if path.exists():
        try:
            return Version(argument, path.read_bytes(), path)
        except OSError as exc:
            raise SourceError(f"{argument}: {exc.strerror or exc}") from None
    revision, colon, rest = argument.partition(":")
    if not colon or not revision or not rest:
        raise SourceError(f"{argument}: no such file (use REV:PATH for a git revision)")
    try:
        found = read_revision_path(argument, cwd)
        top = toplevel(cwd)
    except GitError as exc:
        raise SourceError(str(exc)) from None
    return Version(found.shown, found.content, top / found.path)


def base_pairs(
    revision: str,
    pathspecs: Sequence[str],
    cwd: Path,
    is_map: Callable[[Path], bool],
) -> list[Pair]:
    """Every map added, removed, renamed or changed between `revision` and the work tree.

    `is_map(path)` says whether a file is a journey map (the configuration's include globs).
    The old versions are read in one `git cat-file --batch` process.
    """
    try:
        top = toplevel(cwd)
        changed = [
            c
            for c in changed_files(revision, pathspecs, cwd)
            if is_map(top / (c.new_path or c.old_path or ""))
            or (c.old_path is not None and is_map(top / c.old_path))
        ]
        wanted = sorted({c.old_blob for c in changed if c.old_blob is not None})
        contents = dict(zip(wanted, cat_blobs(wanted, cwd), strict=True))
    except GitError as exc:
        raise SourceError(str(exc)) from None
    pairs: list[Pair] = []
    for change in sorted(changed, key=lambda c: c.new_path or c.old_path or ""):
        old = new = None
        if change.old_blob is not None and change.old_path is not None:
            content = contents[change.old_blob]
            if content is None:
                raise SourceError(f"{revision}:{change.old_path}: cannot be read from git")
            old = Version(f"{revision}:{change.old_path}", content, top / change.old_path)
        if change.new_path is not None:
            path = top / change.new_path
            try:
                new = Version(change.new_path, path.read_bytes(), path)
            except OSError as exc:
                raise SourceError(f"{change.new_path}: {exc.strerror or exc}") from None
        if old is not None or new is not None:
            pairs.append(Pair(old, new))
    return pairs


def read_at_revision(revision: str, paths: Sequence[Path], cwd: Path) -> list[Version]:
    """The files at `paths` (in the work tree) as they were at `revision`, read in one
    `git cat-file --batch` process: what `render --diff-against REV` compares each map with.

    SourceError for a bad revision, a path outside the work tree, or one missing at the
    revision.
    """
    import os

    try:
        verify_revision(revision, cwd)
        top = toplevel(cwd).resolve()
    except GitError as exc:
        raise SourceError(str(exc)) from None
    names: list[str] = []
    for path in paths:
        relative = os.path.relpath(path.resolve(), top)
        if relative == ".." or relative.startswith(("../", f"..{os.sep}")):
            raise SourceError(f"{path}: outside the git work tree, cannot be read at {revision}")
        names.append(relative.replace(os.sep, "/"))
    try:
        contents = cat_blobs([f"{revision}:{name}" for name in names], cwd)
    except GitError as exc:
        raise SourceError(str(exc)) from None
    found: list[Version] = []
    for path, name, content in zip(paths, names, contents, strict=True):
        if content is None:
            raise SourceError(f"{revision}:{name}: no such file at revision {revision}")
        found.append(Version(f"{revision}:{name}", content, path))
    return found
