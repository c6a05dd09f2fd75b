"""``slagen validate`` and ``slagen targets`` answered without typer write what the typer commands write.

Each case runs the console entry point in a real subprocess (where the quick
path answers) and the typer app in-process (``CliRunner``, which never takes
it), in the same folder, and compares exit code, stdout and stderr byte for byte.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from slagen.cli import quick_checks
from tests.test_cli_quick_documents import EXAMPLE, SPANISH, entry_point, inside, typer_command

ROOT = Path(__file__).resolve().parent.parent
INVALID = sorted((ROOT / "tests" / "cases" / "invalid").glob("*.yaml"))[:3]
__all__ = ["inside"]  # the fixture, imported


def same(cwd: Path, *args: str) -> tuple[int, str, str]:
    code, out, err, loaded_typer = entry_point(cwd, *args)
    assert not loaded_typer, args
    expected = typer_command(*args)
    assert (code, out, err) == expected, args
    return expected


@pytest.fixture
def folder(inside: Path) -> Path:
    (inside / "agreements").mkdir()
    for source in (EXAMPLE, SPANISH, *INVALID):
        shutil.copy(source, inside / "agreements" / source.name)
    return inside


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--format", "json"],
        ["-f", "github", "--strict"],
        ["--format=text", "--lint"],
        ["--strict", "--no-lint", "--fingerprints"],
        ["--require-approved"],
    ],
    ids=lambda o: " ".join(o) or "plain",
)
def test_validate_reads_as_the_typer_command_writes_it(folder: Path, options: list[str]) -> None:
    code, out, _ = same(folder, "validate", *options)  # agreements/, invalid files included
    assert code == 1 and out
    code, out, _ = same(folder, "validate", f"agreements/{EXAMPLE.name}", *options)
    assert code in (0, 1)


def test_validate_errors_are_reported_as_the_typer_command_reports_them(inside: Path) -> None:
    assert same(inside, "validate")[0] == 2  # no agreements/ folder
    assert same(inside, "validate", "missing.yaml")[0] == 2
    (inside / "empty").mkdir()
    assert same(inside, "validate", "empty")[0] == 2
    signers = ["validate", str(EXAMPLE), "--allowed-signers", "nowhere"]
    code, _, err = same(inside, *signers)
    assert code == 2 and "nowhere" in err


def test_validate_against_a_git_revision(inside: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=inside, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "revops@example.com")
    git("config", "user.name", "RevOps")
    shutil.copy(EXAMPLE, inside / "a.yaml")
    git("add", "a.yaml")
    git("commit", "-q", "-m", "first")
    text = EXAMPLE.read_text(encoding="utf-8")  # a figure changed without a new revision
    (inside / "a.yaml").write_text(text.replace("avg_deal_size: 12000", "avg_deal_size: 7777", 1))
    code, out, _ = same(inside, "validate", "a.yaml", "--against", "HEAD")
    assert code == 1 and "not above the old revision 2" in out
    code, _, err = same(inside, "validate", "a.yaml", "--against", "no-such-revision")
    assert code == 2 and "unknown git revision" in err


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--format", "json"],
        ["-f", "csv"],
        ["--explain"],
        ["--what-if", "close_rate=-10%"],
        ["--what-if=avg_deal_size=+5%", "--format", "json"],
        ["--what-if", "close_rate=-10%", "-f", "csv"],
    ],
    ids=lambda o: " ".join(o) or "table",
)
def test_targets_read_as_the_typer_command_writes_them(inside: Path, options: list[str]) -> None:
    for source in (EXAMPLE, SPANISH):
        code, out, _ = same(inside, "targets", str(source), *options)
        assert code == 0 and out


def test_targets_errors_are_reported_as_the_typer_command_reports_them(inside: Path) -> None:
    assert same(inside, "targets", "missing.yaml")[0] == 2
    assert same(inside, "targets", str(INVALID[0]))[0] == 1
    assert same(inside, "targets", str(EXAMPLE), "--explain", "--format", "json")[0] == 2
    assert same(inside, "targets", str(EXAMPLE), "--explain", "--what-if", "close_rate=-1%")[0] == 2
    assert same(inside, "targets", str(EXAMPLE), "--what-if", "nonsense")[0] == 2


def test_what_it_declines_the_typer_command_answers(inside: Path) -> None:
    for args in (
        ["validate", str(EXAMPLE), "--format", "yaml"],
        ["validate", str(EXAMPLE), "--lint", "--no-lint"],
        ["validate", str(EXAMPLE), "-fjson"],
        ["targets"],
        ["targets", str(EXAMPLE), str(SPANISH)],
        ["targets", str(EXAMPLE), "--format", "table", "--format", "csv"],
    ):
        code, out, err, loaded_typer = entry_point(inside, *args)
        assert loaded_typer, args
        assert (code, out, err) == typer_command(*args), args


def test_the_parser_takes_every_option_of_both_commands() -> None:
    parsed = quick_checks.parse_checks(
        ["validate", "a", "b", "-f", "json", "--strict", "--no-lint", "--against=origin/main"]
    )
    assert parsed is not None
    assert parsed.paths == ["a", "b"]
    assert parsed.options == {"format": "json", "against": "origin/main"}
    assert parsed.flags == {"strict": True, "lint": False}
    parsed = quick_checks.parse_checks(["targets", "a", "--what-if", "close_rate=-10%"])
    assert parsed is not None and parsed.options == {"what_if": "close_rate=-10%"}
    for declined in (
        ["validate", "--help"],
        ["validate", "--strict", "--strict"],
        ["validate", "--against"],
        ["targets", "a", "--what-if", "-10%"],
        ["targets", "a", "--format", "html"],
        ["--debug", "validate"],
    ):
        assert quick_checks.parse_checks(declined) is None, declined


def test_every_option_of_the_typer_commands_is_in_a_spec() -> None:
    from slagen.cli.app import COMMANDS, build_commands
    from slagen.cli.quick_documents import SPECS as DOCUMENT_SPECS

    specs = {**quick_checks.SPECS, **DOCUMENT_SPECS}
    for name, spec in specs.items():
        command = build_commands(COMMANDS[name])[name]
        spellings = {
            opt
            for param in command.params
            for opt in (*param.opts, *param.secondary_opts)
            if opt.startswith("-") and opt not in ("--help", "-h")
        }
        assert spellings == set(spec.valued) | set(spec.flags), name
