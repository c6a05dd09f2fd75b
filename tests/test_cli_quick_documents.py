"""Plain ``slagen render`` and ``slagen build`` answered without typer do what the typer commands do.

Each case runs the console entry point in a real subprocess (where the quick
path answers) and the typer app in-process (``CliRunner``, which never takes
it), from the same folder: exit code, stdout, stderr and every file written
must be the same, byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from slagen.cli import app, quick_documents

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "agreements" / "northwind-marketing-sales.yaml"
SPANISH = ROOT / "agreements" / "andina-ans-ventas-marketing.yaml"
runner = CliRunner()
PROBE = """
import sys
sys.path.insert(0, sys.argv.pop(1))
from slagen.cli import main
sys.argv = ["slagen", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print("@@typer" if "typer" in sys.modules else "@@quick", file=sys.stderr)
sys.exit(code)
"""


def entry_point(cwd: Path, *args: str) -> tuple[int, str, str, bool]:
    """Exit code, stdout, stderr of ``slagen ARGS`` run in ``cwd``, and whether typer was imported."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT), *args],
        cwd=cwd, env=env, capture_output=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    err, _, marker = proc.stderr.rpartition("@@")
    return proc.returncode, proc.stdout, err, marker.strip() == "typer"


@pytest.fixture
def inside(tmp_path: Path) -> Iterator[Path]:
    """``tmp_path`` as the current folder (relative paths, as people type them)."""
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


def typer_command(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def both(cwd: Path, out: Path, *args: str) -> tuple[int, str, str]:
    """Run the typer command, then the quick path, on a fresh ``out``; both must agree."""
    shutil.rmtree(out, ignore_errors=True)
    expected = typer_command(*args)
    written = files(out) if out.exists() else {}
    shutil.rmtree(out, ignore_errors=True)
    code, stdout, stderr, loaded_typer = entry_point(cwd, *args)
    assert not loaded_typer, args
    assert (code, stdout, stderr) == expected, args
    assert (files(out) if out.exists() else {}) == written, args
    return expected


def test_a_pdf_render_writes_the_same_bytes(inside: Path) -> None:
    shutil.copy(EXAMPLE, inside / "a.yaml")
    code, out, _ = both(inside, inside / "out", "render", "a.yaml", "--to", "md,pdf", "-o", "out")
    assert code == 0 and out.splitlines() == ["out/northwind-marketing-sales.md", "out/northwind-marketing-sales.pdf"]  # fmt: skip


@pytest.mark.parametrize(
    "options",
    [
        ["--to=md,html", "--output=out"],
        ["--to", "md", "-o", "out", "--lang", "en", "--page-size", "Letter", "-j", "1"],
        ["--to", "md", "-o", "out", "--jobs", "2", "--templates", "tpl"],
    ],
    ids=["equals", "lang and page size", "jobs and templates"],
)
def test_render_options_read_as_the_typer_command_reads_them(inside: Path, options: list[str]) -> None:  # fmt: skip
    shutil.copy(SPANISH, inside / "andina.yaml")
    shutil.copy(EXAMPLE, inside / "northwind.yaml")
    (inside / "tpl").mkdir()  # overrides that override nothing
    code, out, _ = both(inside, inside / "out", "render", "andina.yaml", "northwind.yaml", *options)
    assert code == 0 and out


def test_render_errors_are_reported_as_the_typer_command_reports_them(inside: Path) -> None:
    shutil.copy(EXAMPLE, inside / "good.yaml")
    (inside / "broken.yaml").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("currency:", "currency: [", 1), encoding="utf-8"
    )
    out = inside / "out"
    cases = [
        (["render", "good.yaml", "broken.yaml", "--to", "md", "-o", "out"], 1),  # all or nothing
        (["render", "missing.yaml", "-o", "out"], 2),
        (["render", "good.yaml", "--to", "docx", "-o", "out"], 2),
        (["render", "good.yaml", "--to", "md", "--page-size", "A9", "-o", "out"], 2),
    ]
    for args, expected in cases:
        code, _, err = both(inside, out, *args)
        assert code == expected and err, args
        assert not out.exists(), args


def build_repository(folder: Path) -> Path:
    agreements = folder / "agreements"
    agreements.mkdir()
    for source in (EXAMPLE, SPANISH):
        shutil.copy(source, agreements / source.name)
    (folder / "slagen.toml").write_text('formats = ["md"]\n', encoding="utf-8")
    return folder


def test_a_build_and_a_no_change_build_write_the_same(inside: Path) -> None:
    build_repository(inside)
    code, out, err = both(inside, inside / "build", "build", "--jobs", "1")
    assert code == 0 and out.count("rendered ") == 2 and "2 rendered" in err
    for args in (["build", "-j", "1"], ["build", ".", "-o", "build"]):
        typer_result = typer_command(*args)  # after a first build: nothing to do
        code, out, err, loaded_typer = entry_point(inside, *args)
        assert not loaded_typer
        assert (code, out, err) == typer_result
        assert code == 0 and out.count("skipped ") == 2, out
    code, out, err = both(inside, inside / "build", "build", "--force", "-j", "1")
    assert "2 rendered" in err


def test_build_failures_are_reported_as_the_typer_command_reports_them(inside: Path) -> None:
    build_repository(inside)
    broken = inside / "agreements" / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    code, out, err = both(inside, inside / "build", "build", "-j", "1")
    assert (
        code == 1 and "failed   agreements/broken.yaml" in out and "broken.yaml:2:1: error" in err
    )
    code, _, err = both(inside, inside / "nowhere", "build", "nowhere")
    assert code == 2 and "no such folder" in err


def test_what_it_declines_the_typer_command_answers(inside: Path) -> None:
    shutil.copy(EXAMPLE, inside / "a.yaml")
    cases = [
        ["render"],
        ["render", "a.yaml", "--to", "md", "-j", "0"],
        ["render", "a.yaml", "--to", "md", "--to", "md"],
        ["build", "a", "b"],
        ["build", "--jobs", "x"],
        ["build", "--force", "--force", "--jobs", "0"],
    ]
    for args in cases:
        code, out, err, loaded_typer = entry_point(inside, *args)
        assert loaded_typer, args
        assert (code, out, err) == typer_command(*args), args
    code, out, _, loaded_typer = entry_point(inside, "build", "--help")  # wrapped to the terminal
    assert loaded_typer and code == 0 and "Usage: slagen build" in out


def test_the_parser_takes_only_the_plain_forms() -> None:
    parsed = quick_documents.parse_documents(["render", "a.yaml", "--to=md", "-o", "out", "b.yaml"])
    assert parsed is not None
    assert (parsed.paths, parsed.options) == (["a.yaml", "b.yaml"], {"to": "md", "out": "out"})
    parsed = quick_documents.parse_documents(["build", "--force", "-j", "2"])
    assert (
        parsed is not None and parsed.flags == {"force": True} and parsed.options == {"jobs": "2"}
    )
    for declined in (
        ["diff", "a", "b"],
        ["render"],
        ["render", "a", "-j2"],
        ["render", "a", "-j", "01"],
        ["render", "a", "--to"],
        ["render", "a", "--to", "-o"],
        ["render", "a", "--to="],
        ["render", "a", "--force"],
        ["render", "--", "a"],
        ["render", "a", ""],
        ["render", "a", "-o=out"],
        ["build", "--jobs", "-1"],
        ["build", "-o", "x", "--output", "y"],
        ["build", "--help"],
        ["--debug", "build"],
    ):
        assert quick_documents.parse_documents(declined) is None, declined
