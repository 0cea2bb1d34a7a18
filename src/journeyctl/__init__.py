"""journeyctl: customer journey maps as code.

The public API (README "Using journeyctl from Python"): `check` loads, validates and lints
one map and returns a `CheckResult`. Names are imported on first use, so that
`journeyctl --version` does not pay for pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from journeyctl.api import CheckResult, check
    from journeyctl.config import ConfigError, Settings, load_config
    from journeyctl.diagnostics import Diagnostic, Severity, Span
    from journeyctl.lint.policy import UnknownRuleError

_EXPORTS = {
    "check": "journeyctl.api",
    "CheckResult": "journeyctl.api",
    "ConfigError": "journeyctl.config",
    "Settings": "journeyctl.config",
    "load_config": "journeyctl.config",
    "Diagnostic": "journeyctl.diagnostics",
    "Severity": "journeyctl.diagnostics",
    "Span": "journeyctl.diagnostics",
    "UnknownRuleError": "journeyctl.lint.policy",
}

__all__ = [
    "CheckResult",
    "ConfigError",
    "Diagnostic",
    "Settings",
    "Severity",
    "Span",
    "UnknownRuleError",
    "__version__",
    "check",
    "load_config",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'journeyctl' has no attribute {name!r}")
