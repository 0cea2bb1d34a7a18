"""`journeyctl render MAP --diff-against REV|FILE`: what changed, drawn on the diagram.

A real git repository (tests/render/diffcase.py) holds the ACME example at `v1` and a
realistic edit at `main`; the map is rendered against `v1` through the CLI, with real `dot`.
"""

from __future__ import annotations

import re
import shutil
from os import cpu_count
from pathlib import Path

import pytest

from journeyctl.cli.diffing import PARALLEL_BYTES, worth_forking
from journeyctl.render.compare import Mark, compare_results
from journeyctl.render.layout import dot_source
from journeyctl.render.marking import badge
from journeyctl.render.options import RenderOptions
from journeyctl.render.themes import THEMES

from .diffcase import ACME, EXPECTED, edited_acme, make_repo
from .helpers import HOSTILE, SVG, checked, needs_dot, run, squeezed, svg_root, svg_text

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

NODE = re.compile(r'^\t\t"(?P<name>[^"]+)" \[(?P<attrs>.*)\]$', re.MULTILINE)
BADGES = {
    "added": "+ added",
    "removed": "− removed",
    "changed": "~ changed",
    "moved": "↔ moved",
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("renderdiff") / "repo").parents[1]


@pytest.fixture(scope="module")
def dot_text(repo: Path) -> str:
    done = run("render", "maps/acme.journey.yaml", "--diff-against", "v1", "-f", "dot", "-o", "-",
               cwd=repo)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    return done.stdout.decode("utf-8")


def nodes(source: str) -> dict[str, str]:
    """Node name -> its attribute text, from the DOT the renderer writes."""
    return {m["name"]: m["attrs"] for m in NODE.finditer(source)}


def attribute(attrs: str, name: str) -> str | None:
    found = re.search(rf'(?:^| ){name}="([^"]*)"', attrs)
    return found.group(1) if found else None


# -- the data ------------------------------------------------------------------------------


def test_each_changed_element_gets_exactly_its_mark(tmp_path: Path) -> None:
    edited = tmp_path / "acme.journey.yaml"
    edited.write_text(edited_acme(), "utf-8")
    view = compare_results(checked(ACME), checked(edited), against="old")
    found = {key: "+".join(m.value for m in mark.marks) for key, mark in view.marks.items()}
    assert found == EXPECTED
    assert view.marks[("touchpoint", "usage-report")].from_stage == "Expand"
    assert view.marks[("touchpoint", "demo")].fields == ("name",)
    assert view.marks[("map", "acme-analytics-b2b")].fields == ("title",)


def test_removed_elements_are_put_back_where_they_were(tmp_path: Path) -> None:
    edited = tmp_path / "acme.journey.yaml"
    edited.write_text(edited_acme(), "utf-8")
    view = compare_results(checked(ACME), checked(edited), against="old")
    stages = {stage.id: stage for stage in view.journey.stages}
    # the removed stage at its old place, between Adopt and Renew
    assert list(stages) == ["evaluate", "purchase", "implement", "adopt", "expand", "renew"]
    # the removed touchpoint at its old place in its old stage
    assert [tp.id for tp in stages["implement"].touchpoints] == [
        "kickoff", "data-connection", "admin-training", "go-live",
    ]  # fmt: skip
    # the touchpoint that moved out of the removed stage is drawn once, where it is now
    assert [tp.id for tp in stages["expand"].touchpoints] == ["qbr", "expansion-proposal"]
    assert stages["adopt"].touchpoints[0].id == "usage-report"
    # the map itself is unchanged
    new = checked(edited).journey
    assert new is not None and [s.id for s in new.stages] == [
        "evaluate", "purchase", "implement", "adopt", "renew",
    ]  # fmt: skip


def test_a_map_against_itself_marks_nothing_and_says_so() -> None:
    result = checked(ACME)
    view = compare_results(result, result, against="same")
    assert view.marks == {} and view.journey is result.journey
    source = dot_source(result, None, view)
    assert "diff-" not in source and "no changes" in source
    assert "Compared with same" in source


def test_badges_name_what_changed_and_where_from() -> None:
    from journeyctl.render.compare import ElementMark

    assert badge(ElementMark((Mark.moved,), from_position=3, to_position=1)) == "↔ moved (was 3rd)"
    both = ElementMark((Mark.moved, Mark.changed), ("name", "moment", "owner", "x-jira"), "Adopt")
    assert badge(both) == "↔ moved from Adopt · ~ changed: name, moment, owner +1"


# -- the picture ---------------------------------------------------------------------------


def test_each_element_carries_its_mark_exactly_once_in_the_dot(dot_text: str) -> None:
    found = nodes(dot_text)
    marked = {name: attrs for name, attrs in found.items() if "class=" in attrs}
    by_id = {attribute(attrs, "id"): attrs for attrs in marked.values() if "id=" in attrs}
    assert sorted(k for k in by_id if k) == [
        "stage-evaluate",
        "stage-expand",
        "touchpoint-admin-training",
        "touchpoint-community-forum",
        "touchpoint-demo",
        "touchpoint-usage-report",
    ]
    for (kind, element), mark in EXPECTED.items():
        if kind in ("stage", "touchpoint"):
            attrs = by_id[f"{kind}-{element}"]
            assert attribute(attrs, "class") == f"diff-{mark}"
            assert attrs.count(BADGES[mark]) == 1
    # each badge appears once per element that has it, and nowhere else
    assert dot_text.count(BADGES["added"]) == 1
    assert dot_text.count(BADGES["removed"]) == 2  # the stage Expand, the touchpoint
    assert dot_text.count(BADGES["moved"]) == 1
    assert dot_text.count("↔ moved from Expand") == 1
    # demo, the opportunity, the title, the stage whose goals changed
    assert dot_text.count(BADGES["changed"]) == 4
    assert "~ changed: goals" in by_id["stage-evaluate"]
    assert "Live product demo" in by_id["touchpoint-demo"]
    assert "~ changed: name" in by_id["touchpoint-demo"]
    opportunity = found["s0_opportunities"]
    assert "~ changed: status" in opportunity and "Public calculator" in opportunity
    assert dot_text.count("~ changed: title") == 1


def test_texts_added_and_removed_are_marked_one_by_one(dot_text: str) -> None:
    ink = THEMES[RenderOptions().theme].diff
    goals = nodes(dot_text)["s0_goals"]
    rows = re.findall(r"<TR>(.*?)</TR>", goals)
    assert len(rows) == 3
    kept, added, removed = rows
    assert "Prove the tool fits our data stack" in kept and "•" in kept
    assert "Know the price before the first call" in added
    assert f'COLOR="{ink.added}"><B>+</B>' in added
    assert "Get a realistic price for the CFO" in removed
    assert f'COLOR="{ink.removed}"><B>−</B>' in removed
    assert f'COLOR="{ink.faded_text}">Get a realistic' in removed
    # the cell itself stays: the stage is still there
    assert "class=" not in goals


def test_removed_elements_are_faded_and_dashed(dot_text: str) -> None:
    ink = THEMES[RenderOptions().theme].diff
    found = nodes(dot_text)
    column = {name: attrs for name, attrs in found.items() if name.startswith("s4_")}
    assert "Expand" in column["s4_head"] and "Quarterly business review" in column["s4_tp0"]
    for name, attrs in [*column.items(), ("tp", found["s2_tp2"])]:
        if "emo" in name:
            continue
        style = attribute(attrs, "style") or ""
        assert "dashed" in style.split(","), name
        assert attribute(attrs, "color") == ink.faded_border, name
        assert attribute(attrs, "class") == "diff-removed", name
        colours = set(re.findall(r'COLOR="(#[0-9a-f]{6})"', attrs))
        assert colours <= {ink.faded_text, ink.removed}, (name, colours)
    assert "Admin training sessions" in found["s2_tp2"]
    # nothing that stayed is faded
    assert ink.faded_text not in found["s3_tp0"] + found["s5_head"]


def test_the_legend_explains_the_marks(dot_text: str) -> None:
    label = dot_text[dot_text.index("\tlabel=<") :].split("\n", 1)[0]
    assert "Compared with v1:maps/acme.journey.yaml" in label
    for words in ("added", "removed: faded, dashed frame", "moved: from where", "changed: thick"):
        assert words in label
    assert "ACME Analytics, from first demo to renewal" in label


@needs_dot
def test_the_svg_shows_marks_removed_elements_and_the_legend(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "changes.svg"
    done = run("render", "maps/acme.journey.yaml", "--diff-against", "v1", "-o", target, cwd=repo)
    assert done.returncode == 0, done.stderr
    root = svg_root(target.read_bytes())
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if "diff-" in (g.get("class") or "")}
    assert groups["touchpoint-community-forum"].get("class") == "node diff-added"
    assert groups["touchpoint-usage-report"].get("class") == "node diff-moved"
    assert groups["stage-expand"].get("class") == "node diff-removed"

    def text_of(key: str) -> str:
        return squeezed(" ".join(t.text or "" for t in groups[key].iter(f"{SVG}text")))

    assert text_of("touchpoint-community-forum").startswith(squeezed("+ added"))
    assert squeezed("− removed ▲ Admin training sessions") in text_of("touchpoint-admin-training")
    shown = squeezed(svg_text(root))
    assert squeezed("Compared with v1:maps/acme.journey.yaml:") in shown
    assert squeezed("Quarterly business review") in shown  # in the removed stage


def test_without_diff_against_the_output_is_unchanged(repo: Path) -> None:
    done = run("render", "maps/acme.journey.yaml", "-f", "dot", "-o", "-", cwd=repo)
    assert done.returncode == 0, done.stderr
    plain = done.stdout.decode("utf-8")
    assert plain == dot_source(checked(repo / "maps" / "acme.journey.yaml"))
    assert "diff-" not in plain and "Compared with" not in plain


@needs_dot
@pytest.mark.parametrize("suffix", ["svg", "png", "pdf", "dot"])
def test_every_format(repo: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"changes.{suffix}"
    done = run("render", "maps/acme.journey.yaml", "--diff-against", "HEAD~1", "-o", target,
               cwd=repo)  # fmt: skip
    assert done.returncode == 0, done.stderr
    magic = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF", "dot": b"digraph"}[suffix]
    assert target.read_bytes().startswith(magic)


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_every_theme_colours_the_marks_and_keeps_the_badges(repo: Path, theme: str) -> None:
    done = run("render", "maps/acme.journey.yaml", "--diff-against", "v1", "--theme", theme,
               "--no-title", "--lanes", "touchpoints,opportunities", "-f", "dot", "-o", "-",
               cwd=repo)  # fmt: skip
    assert done.returncode == 0, done.stderr
    source = done.stdout.decode("utf-8")
    ink = THEMES[RenderOptions.of(theme=theme).theme].diff
    found = nodes(source)
    by_id = {attribute(a, "id"): a for a in found.values() if "id=" in a}
    assert attribute(by_id["touchpoint-community-forum"], "color") == ink.added
    assert attribute(by_id["touchpoint-demo"], "color") == ink.changed
    assert attribute(by_id["touchpoint-usage-report"], "color") == ink.moved
    for words in BADGES.values():
        assert words in source
    # --no-title drops the title, never the legend
    assert "Compared with v1" in source and "ACME Analytics" not in source
    assert not any(name.endswith("_goals") for name in found)


# -- what --diff-against accepts, and its errors ---------------------------------------------


def test_a_file_rev_path_and_a_revision_from_another_folder(repo: Path, tmp_path: Path) -> None:
    for against, cwd in [
        (str(ACME), repo),
        ("v1:maps/acme.journey.yaml", repo),
        ("v1:./acme.journey.yaml", repo / "maps"),
        ("v1", tmp_path),  # the map's own repository, wherever the command runs
    ]:
        done = run("render", repo / "maps" / "acme.journey.yaml", "--diff-against", against,
                   "-f", "dot", "-o", "-", cwd=cwd)  # fmt: skip
        assert done.returncode == 0, (against, done.stderr)
        assert done.stdout.decode().count(BADGES["added"]) == 1, against


def test_an_existing_file_wins_over_a_revision_of_that_name(repo: Path) -> None:
    (repo / "v1").write_text(edited_acme(), "utf-8")  # a file named like the tag
    try:
        done = run("render", "maps/acme.journey.yaml", "--diff-against", "v1", "-f", "dot",
                   "-o", "-", cwd=repo)  # fmt: skip
    finally:
        (repo / "v1").unlink()
    assert done.returncode == 0, done.stderr
    source = done.stdout.decode("utf-8")
    assert "Compared with v1:" in source and "no changes" in source


@pytest.mark.parametrize(
    ("against", "message"),
    [
        ("nope", "journeyctl: error: --diff-against nope: no such file, and not a git revision\n"),
        ("missing.journey.yaml",
         "journeyctl: error: --diff-against missing.journey.yaml: no such file, and not a git "
         "revision\n"),
        ("nope:maps/acme.journey.yaml",
         "journeyctl: error: nope: unknown revision (not a commit in this repository)\n"),
        ("v1:maps/other.journey.yaml",
         "journeyctl: error: v1:maps/other.journey.yaml: no such file at revision v1\n"),
    ],
)  # fmt: skip
def test_a_bad_revision_or_a_missing_path_is_exit_2(
    repo: Path, tmp_path: Path, against: str, message: str
) -> None:
    target = tmp_path / "changes.svg"
    done = run("render", "maps/acme.journey.yaml", "--diff-against", against, "-o", target,
               cwd=repo)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode() == message
    assert not target.exists()


def test_a_map_new_since_the_revision_is_exit_2(repo: Path, tmp_path: Path) -> None:
    new = repo / "maps" / "new.journey.yaml"
    shutil.copy(ACME, new)
    try:
        done = run("render", "maps", "--diff-against", "v1", "-o", tmp_path, cwd=repo)
    finally:
        new.unlink()
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "journeyctl: error: v1:maps/new.journey.yaml: no such file at revision v1\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_one_version_for_several_maps_or_stdin_without_a_path_is_exit_2(repo: Path) -> None:
    maps = repo / "maps" / "acme.journey.yaml"
    done = run("render", maps, ACME, "--diff-against", ACME, "-f", "dot", cwd=repo)
    assert done.returncode == 2 and b"one version compares with one map" in done.stderr
    done = run("render", "-", "--diff-against", "v1", "-f", "dot", "-o", "-", cwd=repo)
    assert done.returncode == 2 and b"stdin has no path at v1" in done.stderr


def test_an_invalid_other_version_prints_its_diagnostics_and_exits_1(
    repo: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.journey.yaml"
    broken.write_text("journeyctl: 1\nid: x\ntitle: [unclosed\n", "utf-8")
    target = tmp_path / "changes.svg"
    done = run("render", "maps/acme.journey.yaml", "--diff-against", broken, "-o", target,
               cwd=repo)  # fmt: skip
    assert done.returncode == 1
    stderr = done.stderr.decode()
    assert f"{broken}:4:1: error JM001" in stderr
    assert "Traceback" not in stderr
    assert not target.exists()


# -- hostile text --------------------------------------------------------------------------


@needs_dot
def test_hostile_names_and_keys_stay_text(tmp_path: Path) -> None:
    old = tmp_path / 'old <b>&"]; x [label=.journey.yaml'
    old.write_text(HOSTILE.read_text("utf-8"), "utf-8")
    edited = HOSTILE.read_text("utf-8").replace(
        "      - id: tp-two\n",
        '      - id: tp-new\n        name: "<script>alert(2)</script>"\n'
        "      - id: tp-two\n"
        '        x-"]; evil [label=<b>: 1\n',
    )
    new = tmp_path / "hostile.journey.yaml"
    new.write_text(edited, "utf-8")
    target = tmp_path / "h.svg"
    done = run("render", new, "--diff-against", old, "-o", target)
    assert done.returncode == 0, done.stderr
    root = svg_root(target.read_bytes())
    shown = squeezed(svg_text(root))
    assert squeezed(f"Compared with {old}:") in shown
    assert squeezed("+ added <script>alert(2)</script>") in shown
    assert squeezed('~ changed: x-"]; evil [label=<b>') in shown
    assert not any(el.tag.endswith(("script", "img", "foreignObject")) for el in root.iter())
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert "evil" not in ids and "x" not in ids


def test_the_emotion_curve_runs_on_over_a_removed_stage(dot_text: str) -> None:
    """A removed stage has no point; the curve from Adopt to Renew is no gap (not dashed)."""
    curve = re.findall(r'"s(\d)_emo[^"]*" -> "s(\d)_emo[^"]*" \[color=[^\]]*style=(\w+)', dot_text)
    assert [(int(a), int(b), style) for a, b, style in curve] == [
        (0, 1, "solid"), (1, 2, "solid"), (2, 3, "solid"), (3, 5, "solid"),
    ]  # fmt: skip


def test_the_diff_view_of_the_realistic_edit_matches_its_golden_file(tmp_path: Path) -> None:
    """Reviewed by eye (rendered to PNG) before it was committed; regenerate it with
    `JOURNEYCTL_UPDATE_GOLDEN=1` after an intended change, and look at it again
    (`journeyctl render ... --diff-against v1 -o changes.png` in the test's repository)."""
    import os

    from .helpers import GOLDEN

    edited = tmp_path / "acme.journey.yaml"
    edited.write_text(edited_acme(), "utf-8")
    new = checked(edited)
    view = compare_results(checked(ACME), new, against="v1:maps/acme.journey.yaml")
    source = dot_source(new, None, view)
    golden = GOLDEN / "diff" / "acme-edited.dot"
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(source, encoding="utf-8")
    assert source == golden.read_text(encoding="utf-8")


# -- a large map: its old version is checked in a forked process -------------------------


def _padded(text: str) -> str:
    """TEXT with a top-level `x-` key large enough to pass `PARALLEL_BYTES`, which the diagram
    ignores."""
    return text + f"x-padding: {'a' * PARALLEL_BYTES}\n"


def test_a_large_map_draws_the_same_marks_with_its_old_version_forked(tmp_path: Path) -> None:
    drawn = {}
    for size, shape in (("small", str), ("large", _padded)):
        folder = tmp_path / size
        folder.mkdir()
        (folder / "old.journey.yaml").write_text(shape(ACME.read_text("utf-8")), "utf-8")
        (folder / "new.journey.yaml").write_text(shape(edited_acme()), "utf-8")
        drawn[size] = run("render", "new.journey.yaml", "--diff-against", "old.journey.yaml",
                          "-f", "dot", "-o", "-", cwd=folder)  # fmt: skip
        assert drawn[size].returncode == 0, drawn[size].stderr
    large = sum(f.stat().st_size for f in (tmp_path / "large").iterdir())
    assert worth_forking(large) is ((cpu_count() or 1) > 1)
    assert drawn["large"].stdout == drawn["small"].stdout


def test_a_large_invalid_old_version_forked_reports_its_own_positions(tmp_path: Path) -> None:
    old = tmp_path / "old.journey.yaml"
    old.write_text(_padded(ACME.read_text("utf-8")).replace("moment: ", "moment: x", 1), "utf-8")
    new = tmp_path / "new.journey.yaml"
    new.write_text(_padded(edited_acme()), "utf-8")
    done = run("render", new, "--diff-against", old, "-f", "dot", "-o", tmp_path / "out.dot")
    assert done.returncode == 1
    lines = old.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "moment: xpositive" in text)
    assert f"{old}:{line}:" in done.stderr.decode()  # JM002 at the bad value
    assert not (tmp_path / "out.dot").exists()
