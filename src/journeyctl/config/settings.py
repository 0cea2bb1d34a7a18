"""`Settings`: what a configuration says once it is read, validated and extended.

A plain frozen dataclass rather than the pydantic model of the file: the library, the tests
and the run pipeline build and pass it around cheaply, and its `include`/`exclude` globs know
the folder they are relative to.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from journeyctl.load import DEFAULT_LIMITS, Limits
from journeyctl.severity_names import FAIL_ON_LEVELS, SEVERITY_NAMES

DEFAULT_INCLUDE = ("*.journey.yaml", "*.journey.yml")
"""Which files a folder search reads when the configuration names no `include` globs."""
FAIL_ON = FAIL_ON_LEVELS
SEVERITIES = SEVERITY_NAMES


@dataclass(frozen=True)
class Settings:
    """Everything a configuration can say; the defaults are a run without one."""

    source: Path | None = None
    """The configuration file that applies (the closest one), or None."""
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    teams: dict[str, str] = field(default_factory=dict)
    """The shared team registry: id to display name."""
    limits: Limits = DEFAULT_LIMITS
    baseline: Path | None = None
    """The baseline file (absolute) whose findings are not reported again."""
    include_root: Path | None = None
    """The folder `include` globs are relative to: that of the file that set them."""
    exclude_root: Path | None = None
    """The folder `exclude` globs are relative to: that of the file that set them."""

    def includes(self, path: Path) -> bool:
        """Whether a folder search reads `path`: an `include` glob matches its name or its
        path relative to the configuration's folder."""
        relative = _relative(path, self.include_root)
        name = relative.name
        posix = relative.as_posix()
        return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(posix, p) for p in self.include)

    def excludes(self, path: Path) -> bool:
        """Whether an `exclude` glob matches `path` or a folder above it, relative to the
        configuration's folder; a glob without `/` matches a file or folder name anywhere."""
        if not self.exclude:
            return False
        relative = _relative(path, self.exclude_root)
        parts = relative.parts
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        for pattern in self.exclude:
            anchored = pattern.strip("/")
            if "/" in anchored:
                if not relative.is_absolute() and any(
                    fnmatch.fnmatch(p, anchored) for p in prefixes
                ):
                    return True
            elif any(fnmatch.fnmatch(part, anchored) for part in parts):
                return True
        return False


def _relative(path: Path, root: Path | None) -> PurePosixPath:
    """`path` relative to `root` (the current folder when None); absolute when outside it."""
    # the folder resolved as discovery resolves it, the name as it is: a link loop stays a name
    absolute = Path(path).parent.resolve() / Path(path).name
    base = Path(root).resolve() if root is not None else Path.cwd().resolve()
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive on Windows
        return PurePosixPath(Path(absolute).as_posix())
    if relative == ".." or relative.startswith(".." + os.sep):
        return PurePosixPath(Path(absolute).as_posix())
    return PurePosixPath(Path(relative).as_posix())


DEFAULT_SETTINGS = Settings()
