"""The command line contract (docs/cli.md): exit codes, `schema`, `--version`, help, light imports.

Exit codes and imports are checked in a real subprocess (`python -m slagen.cli`);
help texts in-process with typer's runner, which is faster.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from slagen import __version__
from slagen.cli import app

ROOT = Path(__file__).resolve().parent.parent
AGREEMENTS = sorted((ROOT / "agreements").glob("*.yaml"))
ONE_AGREEMENT = AGREEMENTS[0].relative_to(ROOT).as_posix()
VALID_CASE = ROOT / "tests" / "cases" / "valid" / "quoted-dates.yaml"
INVALID_CASE = "tests/cases/invalid/unknown-party.yaml"
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
HEAVY_MODULES = ("weasyprint", "matplotlib", "pyhanko", "pygal", "fontTools", "pydantic")


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def assert_clean_error(proc: subprocess.CompletedProcess[str]) -> None:
    """A user error: a message on stderr, never a traceback."""
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "internal error" not in proc.stderr
    assert proc.stderr.strip()


# -- exit codes -----------------------------------------------------------------


def test_validate_valid_file_exits_0() -> None:
    proc = run_cli("validate", ONE_AGREEMENT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"{ONE_AGREEMENT}: ok" in proc.stdout


def test_validate_default_folder_is_agreements() -> None:
    proc = run_cli("validate", "--format", "json", "--strict")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


def test_validate_findings_exit_1() -> None:
    proc = run_cli("validate", INVALID_CASE)
    assert proc.returncode == 1
    assert f"{INVALID_CASE}:33:11: error: needs[0].from: `marketng`" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    # The same agreement under another file name: only the id-file-mismatch warning.
    renamed = tmp_path / "renamed.yaml"
    shutil.copy(VALID_CASE, renamed)
    relaxed = run_cli("validate", str(renamed))
    assert relaxed.returncode == 0, relaxed.stdout
    assert ": warning: id: " in relaxed.stdout
    strict = run_cli("validate", str(renamed), "--strict", "--no-lint")
    assert strict.returncode == 1
    assert "1 file(s) failed" in strict.stdout
    strict_json = run_cli("validate", str(renamed), "--strict", "--no-lint", "--format", "json")
    assert strict_json.returncode == 1
    [finding] = json.loads(strict_json.stdout)
    assert (finding["severity"], finding["code"]) == ("warning", "id-file-mismatch")


@pytest.mark.parametrize("written", ["1", "1.0"])
def test_a_bare_close_rate_of_one_is_questioned(tmp_path: Path, written: str) -> None:
    # `close_rate: 1` is a valid fraction (100 %), but "12" gets a hint and so must "1".
    text = (ROOT / "agreements/northwind-marketing-sales.yaml").read_text(encoding="utf-8")
    path = tmp_path / "northwind-marketing-sales.yaml"
    path.write_text(
        text.replace('close_rate: "15%"', f"close_rate: {written}", 1), encoding="utf-8"
    )
    proc = run_cli("validate", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stdout
    [finding] = json.loads(proc.stdout)
    assert (finding["code"], finding["severity"]) == ("rate-of-one", "warning")
    assert finding["path"] == "targets.segments[0].close_rate"
    assert '"1%"' in finding["hint"]
    assert run_cli("validate", str(path), "--strict", "--no-lint").returncode == 1


def test_over_capacity_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "quoted-dates.yaml"
    path.write_text(
        VALID_CASE.read_text(encoding="utf-8")
        + "capacity:\n  reps: 1\n  hours_per_rep_month: 10\n  minutes_per_attempt: 30\n",
        encoding="utf-8",
    )
    proc = run_cli("validate", str(path), "--format", "json")
    assert proc.returncode == 0
    [finding] = json.loads(proc.stdout)
    assert (finding["code"], finding["severity"], finding["path"]) == (
        "over-capacity",
        "warning",
        "capacity",
    )
    assert "2026-01, 2026-02, 2026-03" in finding["message"]
    assert run_cli("validate", str(path), "--strict").returncode == 1


def test_missing_file_exits_2() -> None:
    proc = run_cli("validate", "agreements/no-such-agreement.yaml")
    assert proc.returncode == 2
    assert_clean_error(proc)
    assert "agreements/no-such-agreement.yaml" in proc.stderr
    assert proc.stdout == ""


def test_folder_without_agreements_exits_2(tmp_path: Path) -> None:
    proc = run_cli("validate", str(tmp_path))
    assert proc.returncode == 2
    assert_clean_error(proc)
    assert "no agreement files" in proc.stderr


def test_default_folder_missing_exits_2(tmp_path: Path) -> None:
    proc = run_cli("validate", cwd=tmp_path)
    assert proc.returncode == 2
    assert_clean_error(proc)
    assert "agreements" in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("validate", ONE_AGREEMENT, "--format", "xml"),
        ("validate", ONE_AGREEMENT, "--bogus"),
        ("targets",),
    ],
)
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr


def test_targets_exit_codes() -> None:
    ok = run_cli("targets", ONE_AGREEMENT, "--format", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["agreement"] == AGREEMENTS[0].stem
    invalid = run_cli("targets", INVALID_CASE)
    assert invalid.returncode == 1
    assert_clean_error(invalid)
    missing = run_cli("targets", "agreements/no-such-agreement.yaml")
    assert missing.returncode == 2
    assert_clean_error(missing)


def test_validate_a_folder_instead_of_a_file_for_targets() -> None:
    proc = run_cli("targets", "agreements")
    assert proc.returncode == 2
    assert_clean_error(proc)


# -- schema, version, help ---------------------------------------------------------


def test_schema_prints_the_shipped_schema() -> None:
    proc = run_cli("schema")
    assert proc.returncode == 0
    shipped = (ROOT / "schemas" / "agreement.schema.json").read_text(encoding="utf-8")
    assert proc.stdout == shipped
    schema = json.loads(proc.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"slagen {__version__}"


@pytest.mark.parametrize(
    "args", [["no-such-command"], ["targets", "--format", "pdf", ONE_AGREEMENT]]
)
def test_bad_usage_in_process(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_main_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`slagen {name} --help` shows no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_usage_lines_name_arguments_as_click_does(name: str) -> None:
    usage = CliRunner().invoke(app, [name, "--help"]).output.splitlines()[0]
    assert usage.startswith(f"Usage: slagen {name}")
    assert "{" not in usage and "}" not in usage, usage


def test_a_wrong_choice_is_worded_for_people() -> None:
    result = CliRunner().invoke(app, ["targets", ONE_AGREEMENT, "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'json', 'csv'" in result.output
    assert "Value error" not in result.output


# -- light imports: validate and targets never load the rendering stack ------------

IMPORT_PROBE = """
import json, sys
from slagen.cli import main
sys.argv = ["slagen", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print("@@" + json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""


@pytest.mark.parametrize(
    "args",
    [
        ("validate", ONE_AGREEMENT),
        ("targets", ONE_AGREEMENT, "--format", "json"),
    ],
)
def test_no_heavy_imports(args: tuple[str, ...]) -> None:
    proc = subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-c", IMPORT_PROBE, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    marker = [line for line in proc.stdout.splitlines() if line.startswith("@@")]
    assert marker, proc.stdout + proc.stderr
    report = json.loads(marker[-1][2:])
    assert report["exit"] in (0, None)
    heavy = [m for m in report["modules"] if m.split(".")[0] in HEAVY_MODULES]
    assert heavy == [], f"`slagen {' '.join(args)}` imported {heavy[:5]}"
    assert (
        "slagen.documents.pdf" not in report["modules"]
        and "slagen.documents.charts" not in report["modules"]
    )


def test_diff_of_two_different_agreements_is_refused() -> None:
    first, second = (p.relative_to(ROOT).as_posix() for p in AGREEMENTS[:2])
    proc = run_cli("diff", first, second)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "two different agreements" in proc.stderr and "Traceback" not in proc.stderr
