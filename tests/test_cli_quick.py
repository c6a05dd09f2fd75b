"""``slagen diff OLD NEW`` answered without typer writes what the typer command writes.

Each case runs the console entry point in a real subprocess (where the quick
path answers) and the typer app in-process (``CliRunner``, which never takes
it), and compares exit code, stdout and stderr byte for byte.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from slagen import __version__
from slagen.cli import app, quick
from tests.test_diff_fixtures import agreement, dump, next_revision, segment
from tests.test_rollup import _child, _write
from tests.test_rollup import yaml as plain_yaml

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
PROBE = """
import sys
from slagen.cli import main
sys.argv = ["slagen", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print("@@typer" if "typer" in sys.modules else "@@quick", file=sys.stderr)
sys.exit(code)
"""


def entry_point(*args: str) -> tuple[int, str, str, bool]:
    """Exit code, stdout, stderr of ``slagen ARGS``, and whether typer was imported."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT, capture_output=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    err, _, marker = proc.stderr.rpartition("@@")
    return proc.returncode, proc.stdout, err, marker.strip() == "typer"


def typer_command(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def pair(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> tuple[str, str]:
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(dump(old), encoding="utf-8")
    b.write_text(dump(new), encoding="utf-8")
    return str(a), str(b)


def changed_pair(tmp_path: Path) -> tuple[str, str]:
    old = agreement()
    new = next_revision(old, date="2026-07-01")
    segment(new, new["targets"]["segments"][0]["id"])["avg_deal_size"] = 12345
    new["title"] = new["title"] + " (reset)"
    return pair(tmp_path, old, new)


OPTIONS = [[], ["--format", "md"], ["-f", "json"], ["--format=md"], ["--color"], ["--no-color"]]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: " ".join(o) or "plain")
def test_a_changed_pair_reads_as_the_typer_command_writes_it(
    tmp_path: Path, options: list[str]
) -> None:
    a, b = changed_pair(tmp_path)
    code, out, err, loaded_typer = entry_point("diff", a, b, *options)
    assert not loaded_typer
    assert code == 1 and out
    assert (code, out, err) == typer_command("diff", a, b, *options)


@pytest.mark.parametrize("fmt", quick.QUICK_FORMATS)
def test_unchanged_and_spanish_agreements_read_the_same(fmt: str) -> None:
    for name in ("northwind-marketing-sales", "andina-ans-ventas-marketing"):
        path = f"agreements/{name}.yaml"
        code, out, err, loaded_typer = entry_point("diff", path, path, "--format", fmt)
        assert not loaded_typer
        assert (code, out, err) == typer_command("diff", path, path, "--format", fmt)
        assert code == 0


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_the_roll_ups_of_a_parent_follow_the_comparison(tmp_path: Path, fmt: str) -> None:
    parent = plain_yaml.load((ROOT / "agreements" / "northwind-marketing-sales.yaml").read_text())
    for seg in ("na", "latam", "emea"):
        _write(tmp_path / f"northwind-{seg}.yaml", _child(parent, seg))
    old = _write(tmp_path.parent / f"{tmp_path.name}-old.yaml", parent)
    reset = copy.deepcopy(parent)
    next(s for s in reset["targets"]["segments"] if s["id"] == "emea")["avg_deal_size"] = 9000
    new = _write(tmp_path / "northwind-marketing-sales.yaml", reset)
    code, out, err, loaded_typer = entry_point("diff", str(old), str(new), "--format", fmt)
    assert not loaded_typer
    assert "northwind-emea" in out and code == 1
    assert (code, out, err) == typer_command("diff", str(old), str(new), "--format", fmt)


def test_what_it_declines_the_typer_command_answers(tmp_path: Path) -> None:
    a, b = changed_pair(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(dump(agreement(id="another-agreement")), encoding="utf-8")
    cases = [
        ["diff", a, str(broken)],  # an invalid version: its findings, exit 2
        ["diff", a, str(tmp_path / "missing.yaml")],
        ["diff", a, str(other)],  # two different agreements
        ["diff", a, b, "--format", "html"],  # html needs -o
        ["diff", a, b, "--format", "yaml"],  # not a format
        ["diff", a],
        ["diff", a, b, "--page-size", "A5"],
    ]
    for args in cases:
        code, out, err, loaded_typer = entry_point(*args)
        assert loaded_typer, args
        assert code != 1 or args[-1] == "A5"
        assert (code, out, err) == typer_command(*args), args


def test_the_parser_takes_only_the_plain_form() -> None:
    assert quick.parse(["diff", "a.yaml", "b.yaml"]) == (["a.yaml", "b.yaml"], "text", None)
    assert quick.parse(["diff", "-f", "json", "a", "--no-color", "b"]) == (
        ["a", "b"],
        "json",
        False,
    )
    for declined in (
        ["validate", "a", "b"],
        ["diff", "a", "b", "c"],
        ["diff", "v1:a.yaml", "a.yaml"],  # a git revision
        ["diff", "a", "--from", "v1"],
        ["diff", "a", "b", "-o", "out.md"],
        ["diff", "a", "b", "-fmd"],
        ["diff", "a", "b", "--format"],
        ["diff", "--", "a", "b"],
        ["diff", "-", "b"],
        ["diff", "a", "b", "--help"],
        ["--debug", "diff", "a", "b"],
    ):
        assert quick.parse(declined) is None, declined


@pytest.mark.parametrize("command", ["diff", "validate", "targets"])
def test_a_stream_without_an_encoding_is_left_to_click(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``main()`` embedded with a StringIO for stdout (no encoding): typer answers, no crash."""
    import io

    from slagen.cli import main

    example = "agreements/northwind-marketing-sales.yaml"
    args = [example, example] if command == "diff" else [example]
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["slagen", command, *args])
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code in (0, None)
    assert out.getvalue()  # what the command printed, caught


def test_the_version_is_printed_without_typer() -> None:
    code, out, err, loaded_typer = entry_point("--version")
    assert not loaded_typer
    assert (code, out, err) == typer_command("--version") == (0, f"slagen {__version__}\n", "")
    code, out, _, loaded_typer = entry_point("--version", "--help")  # anything more: typer's
    assert loaded_typer and out == f"slagen {__version__}\n"
