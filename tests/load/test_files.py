"""Bounded reading (journeyctl.load.files) and `journeyctl.check` on a path: the type and the
size of a file are looked at before any of it is read."""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

import pytest

import journeyctl
from journeyctl.config import ConfigError, Settings, load_config
from journeyctl.load import Limits
from journeyctl.load.files import FileRefusedError, read_bounded
from tests.load.cases import EXAMPLE, MINIMAL


def test_a_regular_file_within_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.journey.yaml"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.journey.yaml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileRefusedError, match=r"^file is 101 bytes, over the limit of 100 "):
        read_bounded(path, 100)


def test_a_sparse_file_of_gigabytes_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "sparse.journey.yaml"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024**3)
    result = journeyctl.check(path, config=Settings())
    (problem,) = result.diagnostics
    assert (problem.code, problem.span.line, problem.span.column) == ("JM001", 1, 1)
    assert problem.message.startswith("file is 3,221,225,472 bytes, over the limit of 10,000,000")
    assert result.document is None and not result.valid


def test_non_regular_files_are_refused_by_their_kind(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.journey.yaml"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.journey.yaml"
    folder.mkdir()
    sock_path = tmp_path / "s.journey.yaml"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        for path, kind in [(fifo, "a named pipe (FIFO)"), (folder, "a directory"),
                           (sock_path, "a socket"), (Path("/dev/zero"), "a character device"),
                           (Path("/dev/null"), "a character device")]:  # fmt: skip
            with pytest.raises(FileRefusedError, match=rf"^{re.escape(kind)}, not a regular"):
                read_bounded(path, 1000)
            result = journeyctl.check(path, config=Settings())
            (problem,) = result.diagnostics
            assert problem.code == "JM001" and problem.message.startswith(kind)
    finally:
        server.close()


def test_a_link_to_a_device_is_refused_and_a_link_to_a_map_is_read(tmp_path: Path) -> None:
    (tmp_path / "zero.journey.yaml").symlink_to("/dev/zero")
    with pytest.raises(FileRefusedError, match="character device"):
        read_bounded(tmp_path / "zero.journey.yaml", 10_000_000)
    (tmp_path / "map.journey.yaml").write_text(EXAMPLE)
    (tmp_path / "link.journey.yaml").symlink_to("map.journey.yaml")
    assert journeyctl.check(tmp_path / "link.journey.yaml", config=Settings()).valid


def test_a_link_loop_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "loop.journey.yaml").symlink_to("loop.journey.yaml")
    with pytest.raises(OSError):
        journeyctl.check(tmp_path / "loop.journey.yaml", config=Settings())


def test_the_configured_limit_applies_to_a_path(tmp_path: Path) -> None:
    path = tmp_path / "a.journey.yaml"
    path.write_text(MINIMAL)
    small = Settings(limits=Limits(max_file_size=10))
    (problem,) = journeyctl.check(path, config=small).diagnostics
    assert f"file is {len(MINIMAL):,} bytes, over the limit of 10 bytes" in problem.message
    assert "max_file_size" in problem.message


def test_a_configuration_that_is_not_a_regular_file_is_a_config_error(tmp_path: Path) -> None:
    fifo = tmp_path / ".journeyctl.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError) as caught:
        load_config(fifo)
    (problem,) = caught.value.diagnostics
    assert problem.message.startswith("a named pipe (FIFO), not a regular file; a configuration")


def test_a_configuration_over_a_megabyte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / ".journeyctl.yaml"
    path.write_bytes(b"# padding\n" * 100_001)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    (problem,) = caught.value.diagnostics
    assert problem.message == (
        "file is 1,000,010 bytes, over the limit of 1,000,000 bytes (a configuration file may "
        "have at most 1,000,000 bytes)"
    )
