"""What the quick paths' parser accepts, click reads the same way (property test).

For random command lines built from every option spelling, values that look
like options, glued short options, ``--``, help and empty arguments: whenever
:func:`slagen.cli.quick_options.parse` accepts one, the typer command's own
parser (click, ``make_context``) must accept it too and give every parameter
the same value. Declining is always safe: typer then reads the line itself.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer._click import exceptions as click_errors  # typer's own copy of click

from slagen.cli.app import COMMANDS, build_commands
from slagen.cli.quick_checks import SPECS as CHECK_SPECS
from slagen.cli.quick_documents import SPECS as DOCUMENT_SPECS
from slagen.cli.quick_options import Parsed, parse

SPECS = {**CHECK_SPECS, **DOCUMENT_SPECS}
# the quick path's name of a parameter -> the typer command's
PARAMETER = {"format": "fmt", "out": "out", "to": "to"}
POSITIONAL = {"validate": "paths", "targets": "path", "render": "paths", "build": "folder"}
OUTPUT = {"build": "output"}  # build calls its --output "output", render "out"
VALUES = ["md", "json", "csv", "text", "table", "github", "md,pdf", "1", "2", "0", "-1", "01"]
VALUES += ["a.yaml", "out", "origin/main", "close_rate=-10%", "", "=", "-", "--", "A4", "en"]
OTHERS = ["--help", "-h", "--", "-j2", "-fjson", "-o=out", "--debug", "--unknown", "-x"]


def tokens(command: str) -> st.SearchStrategy[list[str]]:
    """Command lines of options with values, flags, paths and oddities, in any order."""
    spec = SPECS[command]
    glued = [f"{s}={v}" for s in spec.valued if s.startswith("--") for v in ("md", "2", "")]
    pair = st.tuples(st.sampled_from(sorted(spec.valued)), st.sampled_from(VALUES)).map(list)
    word = st.sampled_from([*spec.flags, *glued, "a.yaml", "b.yaml", *OTHERS]).map(lambda w: [w])
    return st.lists(st.one_of(pair, pair, word), max_size=6).map(
        lambda parts: [w for part in parts for w in part]
    )


def click_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (list, tuple)):  # no path given: typer passes None, the quick path too
        return [click_value(v) for v in value] or None
    return value


def quick_values(command: str, parsed: Parsed) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in parsed.options.items():
        name = OUTPUT.get(command, key) if key == "out" else PARAMETER.get(key, key)
        values[name] = int(value) if key == "jobs" else value
    values.update(parsed.flags)
    if parsed.paths:
        name = POSITIONAL[command]
        values[name] = parsed.paths if name == "paths" else parsed.paths[0]
    return values


@pytest.mark.parametrize("command", sorted(SPECS))
def test_what_the_quick_parser_accepts_click_reads_the_same(command: str) -> None:
    click_command = build_commands(COMMANDS[command])[command]

    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(tokens(command))
    @example(["-j", "0"])
    @example(["--jobs", "01"])
    @example(["--format", "yaml"])
    @example(["-f", "JSON"])
    @example(["--to="])
    @example(["-o", "-x"])
    @example(["a.yaml", "b.yaml"])
    def check(args: list[str]) -> None:
        parsed = parse([command, *args], SPECS)
        if parsed is None:
            return
        try:
            ctx = click_command.make_context(command, list(args))
        except typer.Exit:  # help: the quick parser never accepts it
            raise AssertionError(f"click exits on {args}") from None
        except click_errors.UsageError as exc:
            raise AssertionError(f"click refuses {args}: {exc}") from None
        given_values = quick_values(command, parsed)
        for name, value in given_values.items():
            assert click_value(ctx.params[name]) == value, (args, name)
        for name, value in ctx.params.items():  # everything else: the command's default
            if name not in given_values:
                default = click_command.params[[p.name for p in click_command.params].index(name)]
                assert click_value(value) == click_value(default.get_default(ctx)), (args, name)

    check()


def test_the_quick_paths_defaults_are_the_typer_commands_defaults() -> None:
    defaults = {
        ("validate", "fmt"): "text",  # quick_checks.run: options.get("format", "text")
        ("targets", "fmt"): "table",
        ("render", "jobs"): 1,  # quick_documents.run: jobs or 1
        ("build", "jobs"): None,
        ("build", "folder"): ".",
    }
    for (command, name), value in defaults.items():
        click_command = build_commands(COMMANDS[command])[command]
        param = next(p for p in click_command.params if p.name == name)
        ctx = click_command.make_context(command, ["x.yaml"] if command != "build" else [])
        assert click_value(param.get_default(ctx)) == value, (command, name)
