"""Start-up of the commands hooks and CI run: commands are built lazily, imports stay few.

No timing here (the machine is shared; ``python -m benchmarks --quick`` times).
What is checked is what makes start-up cheap: which modules a command imports
and which commands it builds, in real subprocesses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.main

from slagen.cli import app
from slagen.cli.app import COMMANDS, build_commands

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = "agreements/northwind-marketing-sales.yaml"

PROBE = """
import json, sys
from slagen.cli import main
sys.argv = ["slagen", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print("@@" + json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""


def probe(*args: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    marker = [line for line in proc.stdout.splitlines() if line.startswith("@@")]
    assert marker, proc.stdout + proc.stderr
    report: dict[str, object] = json.loads(marker[-1][2:])
    return report


def test_the_table_names_every_command_its_module_registers() -> None:
    modules = dict.fromkeys(COMMANDS.values())
    registered = {name: module for module in modules for name in build_commands(module)}
    assert registered == COMMANDS
    # help lists them in the table's order, each with its short help
    group = typer.main.get_command(app)
    assert list(group.commands) == list(COMMANDS)  # type: ignore[attr-defined]


def test_an_unknown_name_is_not_a_command() -> None:
    group = typer.main.get_command(app)
    assert "valdate" not in group.commands  # type: ignore[attr-defined]
    assert group.commands.get("valdate") is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "module"),
    [
        # --debug first: the typer app, not the quick path (tests/test_cli_quick_checks.py)
        (("--debug", "validate", AGREEMENT), "slagen.cli.check"),
        (("--debug", "targets", AGREEMENT, "--format", "json"), "slagen.cli.check"),
        (("schema",), "slagen.cli.schema_command"),
    ],
)
def test_a_command_imports_only_its_own_command_module(args: tuple[str, ...], module: str) -> None:
    report = probe(*args)
    assert report["exit"] in (0, None)
    modules = report["modules"]
    assert isinstance(modules, list)
    command_modules = {f"slagen.cli.{m}" for m in COMMANDS.values()}
    assert [m for m in modules if m in command_modules] == [module]


# What validating a valid agreement must not load: the error explainer (jsonschema),
# Markdown's parser (no text that needs it), Babel (no number is formatted), the
# rendering and signing stacks.
NOT_FOR_A_VALID_FILE = (
    "jsonschema",
    "markdown_it",
    "babel",
    "weasyprint",
    "matplotlib",
    "pyhanko",
    "hashlib",  # the fingerprint takes Python's built-in SHA-256
)


@pytest.mark.parametrize("extra", [(), ("--format", "json"), ("--format", "github")])
def test_validating_a_valid_file_imports_only_what_it_needs(extra: tuple[str, ...]) -> None:
    report = probe("validate", *extra, AGREEMENT, "agreements/andina-ans-ventas-marketing.yaml")
    assert report["exit"] in (0, None)
    modules = report["modules"]
    assert isinstance(modules, list)
    loaded = sorted({m.split(".")[0] for m in modules} & set(NOT_FOR_A_VALID_FILE))
    assert loaded == []
    assert "typer" not in modules  # answered by the quick path (slagen.cli.quick_checks)


def test_an_invalid_file_is_still_explained_by_jsonschema() -> None:
    report = probe("validate", "tests/cases/invalid/unknown-field-cancelation.yaml")
    assert report["exit"] == 1
    modules = report["modules"]
    assert isinstance(modules, list)
    assert "jsonschema" in modules  # the compiled check said "invalid": jsonschema explains


def test_help_still_builds_every_command() -> None:
    report = probe("--help")
    modules = report["modules"]
    assert isinstance(modules, list)
    assert {f"slagen.cli.{m}" for m in COMMANDS.values()} <= set(modules)


def test_importing_the_cli_leaves_the_garbage_collector_as_it_was() -> None:
    code = (
        "import gc\n"
        "gc.disable(); import slagen.cli; off = gc.isenabled()\n"
        "import importlib; gc.enable(); importlib.reload(slagen.cli); on = gc.isenabled()\n"
        "print(off, on)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "True"]


# What computing targets must not load: Babel's date formatting (and with it the
# unpickling of Babel's locale files, which import babel.dates), the schema
# explainer, the rendering and signing stacks, the configuration reader.
NOT_FOR_TARGETS = (
    "jsonschema",
    "weasyprint",
    "matplotlib",
    "pyhanko",
    "tomllib",
    "babel.dates",
    "hashlib",
)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_targets_imports_only_what_it_needs(fmt: str) -> None:
    report = probe("targets", AGREEMENT, "--format", fmt)
    assert report["exit"] in (0, None)
    modules = report["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m.startswith(NOT_FOR_TARGETS)] == []
    assert "typer" not in modules
    # The table writes with the generated patterns (slagen.formats.patterns): no Babel at all
    assert [m for m in modules if m.startswith(("babel", "pickle"))] == []
    assert ("slagen.formats.patterns" in modules) is (fmt == "table")


# A diff reads no slagen.toml unless it makes a PDF, compiles no translation
# catalog for English, parses no Markdown, and never loads the rendering or signing stacks.
# The plain ``diff OLD NEW`` is answered without the CLI framework (slagen.cli.quick).
NOT_FOR_A_DIFF = (
    "typer",
    "jsonschema",
    "weasyprint",
    "matplotlib",
    "pyhanko",
    "tomllib",
    "slagen.config",
    "markdown_it",  # a Markdown diff escapes user text, it parses no Markdown
    "hashlib",  # the fingerprint takes Python's built-in SHA-256, not OpenSSL's
    "subprocess",  # git runs only for REV:PATH
)


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_diff_imports_only_what_it_needs(fmt: str) -> None:
    report = probe("diff", AGREEMENT, AGREEMENT, "--format", fmt)
    assert report["exit"] == 0  # nothing changed
    modules = report["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m.startswith(NOT_FOR_A_DIFF)] == []
    # English: no catalog, so neither Babel's catalog reader nor its translations class
    assert [m for m in modules if m.startswith(("babel.messages", "babel.support"))] == []
    # English text and Markdown are written with the generated patterns: no Babel at all
    assert [m for m in modules if m.startswith(("babel", "pickle"))] == []


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_a_spanish_diff_takes_the_precompiled_catalog(fmt: str) -> None:
    spanish = "agreements/andina-ans-ventas-marketing.yaml"
    report = probe("diff", spanish, spanish, "--format", fmt)
    assert report["exit"] == 0
    modules = report["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m.startswith(NOT_FOR_A_DIFF)] == []
    # The shipped .po is the one slagen.formats.catalog_compiled was generated from.
    assert "slagen.formats.catalog_compiled" in modules
    assert [m for m in modules if m.startswith("babel.messages")] == []


def test_diff_keeps_slagen_configs_page_sizes() -> None:
    from slagen.cli import diff
    from slagen.config import PAGE_SIZES

    assert diff.PAGE_SIZES == PAGE_SIZES


# A no-change build (CI on every pull request) hashes files and reads the manifest:
# no CLI framework, no YAML, no checks, no worker pool, no rendering stack.
NOT_FOR_A_NO_CHANGE_BUILD = (
    "typer",
    "yaml",
    "jsonschema",
    "slagen.core.validate",
    "slagen.documents",
    "multiprocessing",
    "concurrent.futures.process",
    "weasyprint",
    "matplotlib",
)


def test_a_no_change_build_imports_only_what_it_needs(tmp_path: Path) -> None:
    (tmp_path / "agreements").mkdir()
    (tmp_path / "agreements" / "a.yaml").write_bytes((ROOT / AGREEMENT).read_bytes())
    (tmp_path / "slagen.toml").write_text('formats = ["md"]\n', encoding="utf-8")
    first = probe("build", str(tmp_path), "--jobs", "1")
    assert first["exit"] == 0
    assert "slagen.core.validate" in first["modules"]  # type: ignore[operator]
    report = probe("build", str(tmp_path), "--jobs", "1")
    assert report["exit"] == 0
    modules = report["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m.startswith(NOT_FOR_A_NO_CHANGE_BUILD)] == []
