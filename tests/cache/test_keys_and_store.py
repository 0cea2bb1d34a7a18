"""The cache's parts in-process: what the key holds, the configuration scanner, where the
folder is, atomic entries, and `clean` removing only the cache's own files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from journeyctl.cli.cache import keys
from journeyctl.cli.cache.entries import CacheOptions, settings_slot
from journeyctl.cli.cache.keys import Chain, chain_key, scan, verify_chain
from journeyctl.cli.cache.store import FOLDER_NAME, Store, cache_root, clean
from tests.cache.conftest import journeyctl
from tests.conftest import EXAMPLES


def chain_for(folder: Path, explicit: Path | None) -> Chain | None:
    """`keys.chain_for` without its per-process memory: these tests change files between
    calls, which a run never does."""
    keys._chains.clear()
    return keys.chain_for(folder, explicit)


@pytest.fixture(autouse=True)
def _forget_chains() -> None:
    keys._chains.clear()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ignore: [JM604]\n", {}),
        ("extend: ../base.yaml\n", {"extend": "../base.yaml"}),
        ("extend: '../my base.yaml'  # shared\n", {"extend": "../my base.yaml"}),
        ('cache-dir: "build/cache"\r\nextend: base.yaml\r\n',
         {"cache-dir": "build/cache", "extend": "base.yaml"}),
        ("baseline: known.json\n", {"baseline": "known.json"}),
        # anything the scanner cannot read with certainty: unsure, never a guess
        ("{extend: base.yaml}\n", None),
        ("# extend: old.yaml\nextend: base.yaml\n", None),
        ("extend: >\n  base.yaml\n", None),
        ('extend: "a\\u0062.yaml"\n', None),
        ("teams:\n  - {id: a, name: Extend team}\n", {}),
        ("teams:\n  - {id: a, name: the extend team}\n", None),
        (b"extend: \xff\n", None),
    ],
)  # fmt: skip
def test_the_scanner_reads_plain_lines_or_says_it_is_unsure(
    text: str | bytes, expected: dict[str, str] | None
) -> None:
    raw = text if isinstance(text, bytes) else text.encode()
    assert scan(Path(".journeyctl.yaml"), raw) == expected


def test_the_scanner_reads_pyproject_with_tomllib() -> None:
    raw = b'[tool.journeyctl]\nextend = "base.yaml"\n"cache-dir" = ".c"\n[tool.other]\nx = 1\n'
    assert scan(Path("pyproject.toml"), raw) == {"extend": "base.yaml", "cache-dir": ".c"}
    assert scan(Path("pyproject.toml"), b"[tool.journeyctl]\nextend = 5\n") is None
    assert scan(Path("pyproject.toml"), b"[tool.journeyctl\n") is None


def test_the_chain_follows_extend_and_the_key_holds_every_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "base.yaml").write_text("ignore: [JM604]\n")
    team = tmp_path / "team"
    team.mkdir()
    (team / ".journeyctl.yaml").write_text("extend: ../shared/base.yaml\n")
    chain = chain_for(team, None)
    assert chain is not None
    assert [c.path for c in chain] == [team / ".journeyctl.yaml", shared / "base.yaml"]
    assert verify_chain(chain)
    before = chain_key(chain)
    (shared / "base.yaml").write_text("ignore: [JM605]\n")
    after = chain_for(team, None)
    assert after is not None and chain_key(after) != before
    assert settings_slot(after) == settings_slot(chain)  # same files: the same slot


def test_a_loop_or_a_missing_extended_file_is_unsure(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".journeyctl.yaml").write_text("extend: other.yaml\n")
    assert chain_for(tmp_path, None) is None
    (tmp_path / "other.yaml").write_text("extend: .journeyctl.yaml\n")
    assert chain_for(tmp_path, None) is None


def test_a_baseline_file_is_part_of_the_key(tmp_path: Path) -> None:
    (tmp_path / ".journeyctl.yaml").write_text("baseline: known.json\n")
    (tmp_path / "known.json").write_text("[]")
    chain = chain_for(tmp_path, None)
    assert chain is not None
    before = chain_key(chain)
    (tmp_path / "known.json").write_text('["abc"]')
    assert chain_key(chain) != before


def test_the_closest_configuration_applies_up_to_the_git_root(tmp_path: Path) -> None:
    (tmp_path / ".journeyctl.yaml").write_text("ignore: [JM604]\n")  # above the work tree
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "maps").mkdir()
    assert chain_for(root / "maps", None) == ()
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert chain_for(root / "maps", None) == ()
    (root / "pyproject.toml").write_text("[tool.journeyctl]\nignore = ['JM604']\n")
    chain = chain_for(root / "maps", None)
    assert chain is not None and [c.path for c in chain] == [root / "pyproject.toml"]


def test_where_the_cache_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOURNEYCTL_CACHE_DIR", raising=False)
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "a" / "b").mkdir(parents=True)
    assert cache_root(root / "a" / "b", None) == root / FOLDER_NAME  # the work tree's root
    (root / "a" / ".journeyctl.yaml").write_text("cache-dir: ../build/jc\n")
    keys._chains.clear()
    assert cache_root(root / "a" / "b", None) == root / "build" / "jc"  # relative to the file
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / ".journeyctl.yaml").write_text("ignore: [JM604]\n")
    assert cache_root(outside, None) == outside / FOLDER_NAME  # no git: the config's folder
    monkeypatch.setenv("JOURNEYCTL_CACHE_DIR", "rel/cache")
    monkeypatch.chdir(outside)
    assert cache_root(root, None) == outside / "rel" / "cache"


def test_entries_are_written_whole_with_a_gitignore(tmp_path: Path) -> None:
    store = Store(tmp_path / "c")
    store.write("files", "slot", "key", {"file": "x", "valid": True, "diagnostics": []})
    assert (tmp_path / "c" / ".gitignore").read_text() == "*\n"
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28")
    assert store.read("files", "slot", "key") is not None
    assert store.read("files", "slot", "other key") is None
    assert store.read("files", "missing", "key") is None
    assert [p.name for p in (tmp_path / "c" / "files").iterdir()] == ["slot.json"]


def test_clean_removes_only_the_caches_own_files(tmp_path: Path) -> None:
    folder = tmp_path / "shared-folder"  # `cache-dir` may name a folder with other files
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    (folder / "files").mkdir()
    (folder / "files" / "keep.txt").write_text("mine too\n")
    store = Store(folder)
    here, gone = tmp_path / "here.journey.yaml", tmp_path / "gone.journey.yaml"
    here.write_text("x")
    for name, source in (("a", here), ("b", gone)):
        store.write("files", name, "k", {"file": str(source), "valid": True, "diagnostics": []})
    (folder / "files" / "broken.json").write_text("{")
    removed, freed = clean(folder, stale_only=True)
    assert removed == 2 and freed > 0  # the entry of a missing file, the broken one
    assert [p.name for p in (folder / "files").glob("*.json")] == ["a.json"]
    clean(folder)
    remaining = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    assert remaining == ["files", "files/keep.txt", "notes.txt"]


def test_clean_command_empties_the_cache(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / ".git").mkdir(parents=True)
    name = next(EXAMPLES.glob("*.journey.yaml")).name
    (project / name).write_bytes((EXAMPLES / name).read_bytes())
    journeyctl("lint", name, cwd=project)
    assert (project / FOLDER_NAME / "files").is_dir()
    (project / name).unlink()
    stale = journeyctl("clean", "--stale", cwd=project)
    assert stale.returncode == 0 and "removed 1 stale entries" in stale.stdout
    result = journeyctl("clean", cwd=project)
    assert result.returncode == 0 and "removed" in result.stdout
    assert not (project / FOLDER_NAME).exists()
    assert result.warm  # cleaning imports neither pydantic nor ruamel.yaml


def test_options_that_change_results_change_the_key() -> None:
    base = CacheOptions(Path("/c"))
    variants = [
        CacheOptions(Path("/c"), lint=False),
        CacheOptions(Path("/c"), select=("JM604",)),
        CacheOptions(Path("/c"), ignore=("JM604",)),
        CacheOptions(Path("/c"), today=__import__("datetime").date(2030, 1, 1)),
        CacheOptions(Path("/c"), explicit_config=Path("/x/.journeyctl.yaml")),
    ]
    key = base.file_key("a.journey.yaml", "chain", b"raw")
    assert all(v.file_key("a.journey.yaml", "chain", b"raw") != key for v in variants)
    assert base.file_key("b.journey.yaml", "chain", b"raw") != key
    assert base.file_key("a.journey.yaml", "other", b"raw") != key
    assert base.file_key("a.journey.yaml", "chain", b"raw2") != key
    # the day moves the key, not the slot: one entry per file however many days pass
    assert CacheOptions(Path("/c"), today=__import__("datetime").date(2030, 1, 1)).file_slot(
        "/a", "a"
    ) == base.file_slot("/a", "a")
    assert json.dumps(os.fspath(Path("/c")))  # options are plain data (picklable)


def test_a_result_with_too_many_findings_is_not_cached() -> None:
    from journeyctl.cli.cache.entries import MAX_CACHED_DIAGNOSTICS, encode_result
    from journeyctl.diagnostics import Diagnostic, Severity, Span

    one = Diagnostic("a.journey.yaml", Span(1, 1, 1, 2), "JM604", "x", Severity.INFO, "m", "f")
    assert encode_result("/a", "a.journey.yaml", [one] * MAX_CACHED_DIAGNOSTICS, True, None)
    assert (
        encode_result("/a", "a.journey.yaml", [one] * (MAX_CACHED_DIAGNOSTICS + 1), True, None)
        is None
    )
    assert encode_result("/a", "b.journey.yaml", [one], True, None) is None  # another file's name


def test_a_configuration_that_is_not_a_regular_file_is_never_read(tmp_path: Path) -> None:
    """A FIFO would block a read forever: the cache does not cache, the full run reports it."""
    (tmp_path / ".git").mkdir()
    os.mkfifo(tmp_path / ".journeyctl.yaml")
    assert keys.config_in(tmp_path) == tmp_path / ".journeyctl.yaml"  # as the resolver says
    assert chain_for(tmp_path, None) is None
    assert chain_for(tmp_path / "x", tmp_path / ".journeyctl.yaml") is None  # as --config


def test_odd_pyproject_tables_are_unsure_not_errors() -> None:
    for raw in (
        b"tool = 5\n[x]\n",
        b"[tool]\njourneyctl = 3\n",
        b'[tool.journeyctl]\nextend = ["a"]\n',
    ):
        assert scan(Path("pyproject.toml"), raw) is None
