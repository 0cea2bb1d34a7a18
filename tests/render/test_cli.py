"""`journeyctl render` as a user runs it: real `dot`, real files, real parsers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import (
    EXAMPLES,
    TWELVE,
    checked,
    needs_dot,
    png_size,
    run,
    squeezed,
    svg_root,
    svg_text,
)

pytestmark = needs_dot


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_svg_of_each_example_names_every_stage_and_touchpoint(
    example: Path, tmp_path: Path
) -> None:
    done = run("render", example, "-o", tmp_path / "map.svg")
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"" and done.stderr == b""
    root = svg_root((tmp_path / "map.svg").read_bytes())
    shown = squeezed(svg_text(root))
    journey = checked(example).journey
    assert journey is not None
    for stage in journey.stages:
        assert squeezed(stage.name) in shown, stage.name
        for touchpoint in stage.touchpoints:
            assert squeezed(touchpoint.name) in shown, touchpoint.name
    assert not any(el.tag.endswith("script") for el in root.iter())
    assert not [a for el in root.iter() for a in el.attrib if a.lower().startswith("on")]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_each_example_renders_to_png_pdf_and_dot(example: Path, tmp_path: Path) -> None:
    for suffix, magic in (("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")):
        target = tmp_path / f"map.{suffix}"
        done = run("render", example, "-o", target)
        assert done.returncode == 0, done.stderr
        assert target.read_bytes().startswith(magic)


@pytest.mark.parametrize(("slide", "ratio"), [("16:9", 16 / 9), ("4:3", 4 / 3)])
def test_png_is_padded_to_the_slide_and_1920_pixels_wide(
    slide: str, ratio: float, tmp_path: Path
) -> None:
    for example in (EXAMPLES[0], TWELVE):
        target = tmp_path / "map.png"
        done = run("render", example, "--slide", slide, "-o", target)
        assert done.returncode == 0, done.stderr
        width, height = png_size(target.read_bytes())
        assert width == 1920
        assert abs(width / height - ratio) < 0.01, (width, height)


def test_dpi_sets_the_png_resolution_and_slide_none_keeps_the_drawing_shape(
    tmp_path: Path,
) -> None:
    small, large = tmp_path / "small.png", tmp_path / "large.png"
    assert run("render", EXAMPLES[0], "--dpi", "40", "-o", small).returncode == 0
    assert run("render", EXAMPLES[0], "--dpi", "80", "-o", large).returncode == 0
    (w1, h1), (w2, h2) = png_size(small.read_bytes()), png_size(large.read_bytes())
    assert abs(w2 / w1 - 2) < 0.02 and abs(h2 / h1 - 2) < 0.02
    bare = tmp_path / "bare.png"
    three_stages = next(p for p in EXAMPLES if p.name == "onboarding-focus.journey.yaml")
    assert run("render", three_stages, "--slide", "none", "-o", bare).returncode == 0
    width, height = png_size(bare.read_bytes())
    assert width == 1920 and abs(width / height - 16 / 9) > 0.02


def test_a_twelve_stage_map_stays_readable_on_a_16_9_slide(tmp_path: Path) -> None:
    """On a 1920-pixel slide, body text (11 pt) must be at least 9.5 pixels high and the
    small print (9.5 pt) at least 8: the SVG's width in points says how much the slide
    shrinks the picture. (Measured: 9.9 and 8.5 pixels for this 12-stage, 9-lane map.)"""
    done = run("render", TWELVE, "-o", "-")
    assert done.returncode == 0, done.stderr
    root = svg_root(done.stdout)
    width_pt = float(root.attrib["width"].removesuffix("pt"))
    pixels_per_point = 1920 / width_pt
    assert 11 * pixels_per_point >= 9.5, pixels_per_point
    assert 9.5 * pixels_per_point >= 8, pixels_per_point
    sizes = {float(t.attrib["font-size"]) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert min(sizes) >= 8, sorted(sizes)


def test_format_option_overrides_the_suffix_and_dash_writes_to_stdout(tmp_path: Path) -> None:
    done = run("render", EXAMPLES[0], "--format", "dot", "-o", "-")
    assert done.returncode == 0 and done.stdout.startswith(b"digraph")
    done = run("render", EXAMPLES[0], "-o", "-")
    assert done.returncode == 0 and b"<svg" in done.stdout[:500]
    done = run("render", EXAMPLES[0], "-f", "svg", "-o", tmp_path / "map.png")
    assert done.returncode == 0 and b"<svg" in (tmp_path / "map.png").read_bytes()[:500]
    done = run("render", EXAMPLES[0], "-f", "png", "-o", "-")
    assert done.returncode == 2 and b"svg or dot" in done.stderr and done.stdout == b""


def test_default_output_is_the_map_name_as_svg_in_the_current_folder(tmp_path: Path) -> None:
    done = run("render", EXAMPLES[0], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == [
        EXAMPLES[0].name.replace(".journey.yaml", ".svg")
    ]


def test_a_folder_of_maps_writes_one_file_per_map(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run("render", EXAMPLES[0].parent, "-o", f"{out}/", "--theme", "dark", "-f", "png")
    assert done.returncode == 0, done.stderr
    expected = sorted(p.name.replace(".journey.yaml", ".png") for p in EXAMPLES)
    assert sorted(p.name for p in out.iterdir()) == expected
    done = run("render", *EXAMPLES[:2], "-o", "-")
    assert done.returncode == 2 and b"folder" in done.stderr


def test_an_unknown_suffix_or_lane_is_a_usage_error(tmp_path: Path) -> None:
    done = run("render", EXAMPLES[0], "-o", tmp_path / "map.jpeg")
    assert done.returncode == 2 and b"--format" in done.stderr
    done = run("render", EXAMPLES[0], "--lanes", "goals,feelings")
    assert done.returncode == 2 and b"unknown lane 'feelings'" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_map_prints_its_diagnostics_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("journeyctl: 1\nid: bad\ntitle: Bad\nstages:\n  - {id: s, name: S, x: 1}\n")
    out = tmp_path / "out"
    out.mkdir()
    done = run("render", bad, "-o", out / "bad.svg")
    assert done.returncode == 1
    assert list(out.iterdir()) == []
    lines = done.stderr.decode().splitlines()
    assert lines and lines[0].startswith(f"{bad.as_posix()}:5:") and " error JM002 " in lines[0]
    lint = run("lint", bad)
    assert lines[0] in lint.stdout.decode().splitlines()


def test_without_dot_images_fail_with_how_to_install_graphviz_but_dot_output_works(
    tmp_path: Path,
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    env = dict(os.environ, PATH=str(bin_dir))  # sys.executable runs by its full path
    assert shutil.which("dot", path=env["PATH"]) is None
    for suffix in ("svg", "png", "pdf"):
        done = run("render", EXAMPLES[0], "-o", tmp_path / f"map.{suffix}", env=env)
        assert done.returncode == 2, done.stderr
        message = done.stderr.decode()
        assert message.startswith("journeyctl: error: ")
        assert "apt-get install graphviz" in message and "brew install graphviz" in message
        assert "Traceback" not in message
        assert not (tmp_path / f"map.{suffix}").exists()
    done = run("render", EXAMPLES[0], "-o", tmp_path / "map.dot", env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "map.dot").read_bytes().startswith(b"digraph")


def test_lanes_and_title_options_reach_the_picture() -> None:
    done = run("render", EXAMPLES[0], "--lanes", "touchpoints", "--no-title", "-o", "-")
    assert done.returncode == 0, done.stderr
    shown = svg_text(svg_root(done.stdout))
    assert "Touchpoints" in shown and "Goals" not in shown and "Pain points" not in shown
    journey = checked(EXAMPLES[0]).journey
    assert journey is not None and journey.title not in shown


def test_team_names_come_from_the_configuration_and_stdin_works(tmp_path: Path) -> None:
    config = tmp_path / "team.yaml"
    config.write_text("teams:\n  - {id: cs, name: Customer Success Registry}\n")
    text = (
        "journeyctl: 1\nid: m\ntitle: M\nstages:\n"
        "  - id: s\n    name: S\n    touchpoints:\n      - {id: a, name: A, owner: cs}\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl", "render", "-", "--config", str(config), "-f", "dot"],
        input=text.encode(),
        capture_output=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "stdin.dot").read_text(encoding="utf-8")
    assert "Customer Success Registry" in written
