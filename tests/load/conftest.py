"""Markers of test_memory_bound.py: `memory` (peak memory of a child process, measured) and
`memory_largest` (the long runs, skipped unless `-m` names `memory`)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "memory: peak memory of a child process, measured")
    config.addinivalue_line(
        "markers", "memory_largest: the longest memory runs, only with `-m memory`"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "memory" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="a long memory run: select it with -m memory")
    for item in items:
        if "memory_largest" in item.keywords:
            item.add_marker(skip)
