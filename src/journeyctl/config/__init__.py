"""Configuration: `.journeyctl.yaml` or `[tool.journeyctl]` in `pyproject.toml`.

For each input file the closest configuration in its folder or a folder above it applies,
stopping at the root of the git work tree that holds it (as ruff does); a file inherits from
another only through `extend`. `--config FILE` names one for all inputs. A configuration is
read by the same safe loader as maps and validated by pydantic models (`config.model`): an
unknown key or a bad value is a diagnostic at its line.

- `reading`: YAML or TOML bytes to plain data and a source map;
- `model`: the file's format (pydantic);
- `discovery`: which file applies to a folder, `extend`, and the merge into `Settings`;
- `settings`: `Settings`, the result, with the glob matching of `include` and `exclude`.
"""

from journeyctl.config.discovery import (
    CONFIG_NAMES,
    ConfigResolver,
    config_in,
    display_path,
    load_config,
)
from journeyctl.config.reading import ConfigError
from journeyctl.config.settings import (
    DEFAULT_INCLUDE,
    DEFAULT_SETTINGS,
    FAIL_ON,
    SEVERITIES,
    Settings,
)

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_INCLUDE",
    "DEFAULT_SETTINGS",
    "FAIL_ON",
    "SEVERITIES",
    "ConfigError",
    "ConfigResolver",
    "Settings",
    "config_in",
    "display_path",
    "load_config",
]
