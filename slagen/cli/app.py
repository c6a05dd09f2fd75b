"""The command line: a thin layer that parses options and calls library functions.

User errors become a message on stderr and an exit code (docs/cli.md); a Python
traceback appears only with ``--debug``. Commands that do not render must not
import WeasyPrint, pyHanko or plotting code: those imports live inside the
commands that need them.

Stage: interface.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
import typer.main

from slagen import __version__
from slagen.cli.support import STATE

if TYPE_CHECKING:
    from typer._click import Command

_typer_metavar = typer.core.TyperArgument.make_metavar


def _usage_metavar(self: typer.core.TyperArgument, ctx: Any, *, usage: bool = False) -> str:
    """``PATH...`` and ``[PATHS]...`` in usage lines, as click writes them (typer writes ``{path}``)."""
    var = _typer_metavar(self, ctx, usage=usage)
    if var.startswith("{") and "}" in var:
        name, rest = var[1:].split("}", 1)
        return name.upper() + rest
    if var.startswith("[") and "]" in var:
        name, rest = var[1:].split("]", 1)
        return f"[{name.upper()}]{rest}"
    return var


typer.core.TyperArgument.make_metavar = _usage_metavar  # type: ignore[method-assign]

# Every command, in the order help lists them, and the module that defines it
# (slagen/cli/<name>.py, with a register(app) function). A module is imported,
# and its commands' options built, only when one of its commands is looked up:
# `slagen validate` builds one command, not all of them; help builds every one.
COMMANDS = {
    "validate": "check",
    "targets": "check",
    "schema": "schema_command",
    "render": "render",
    "diff": "diff",
    "textconv": "diff",
    "git-setup": "diff",
    "approve": "signoff",
    "sign": "signoff",
    "verify": "signoff",
    "extract": "signoff",
    "fingerprint": "signoff",
    "approvals": "reviews",
    "report": "report",
    "new": "authoring",
    "init": "authoring",
    "build": "repository",
    "serve": "repository",
}


def build_commands(module: str) -> dict[str, Command]:
    """The click commands that ``slagen.cli.<module>`` registers, by name."""
    scratch = typer.Typer()
    importlib.import_module(f"slagen.cli.{module}").register(scratch)
    built: dict[str, Command] = {}
    for info in scratch.registered_commands:
        command = typer.main.get_command_from_info(
            info,
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
        )
        built[command.name or ""] = command
    return built


class _LazyCommands(MutableMapping[str, "Command"]):
    """The group's commands by name; each module's are built on first look-up."""

    def __init__(self, built: Mapping[str, Command]) -> None:
        self._built = dict(built)
        self._removed: set[str] = set()

    def _lazy(self) -> list[str]:
        return [n for n in COMMANDS if n not in self._built and n not in self._removed]

    def __getitem__(self, name: str) -> Command:
        if name in self._lazy():
            module = COMMANDS[name]
            try:
                self._built.update(build_commands(module))
            except ModuleNotFoundError as exc:  # a checkout without that command group
                if exc.name != f"slagen.cli.{module}":
                    raise
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._built.pop(name, None)
        self._removed.add(name)

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in self._lazy()

    def __iter__(self) -> Iterator[str]:
        lazy = self._lazy()
        return iter(
            [n for n in COMMANDS if n in self._built or n in lazy]
            + [n for n in self._built if n not in COMMANDS]
        )

    def __len__(self) -> int:
        return len(list(iter(self)))


class LazyGroup(typer.core.TyperGroup):
    """slagen's command group: the commands of ``COMMANDS``, built when looked up."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _LazyCommands(self.commands)


app = typer.Typer(
    name="slagen",
    help="Service level agreements between marketing and sales, as code.\n\n"
    "Validate agreement files, compute lead targets, render documents for sign-off.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=LazyGroup,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"slagen {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show Python tracebacks for unexpected errors.")
    ] = False,
) -> None:
    STATE["debug"] = debug


def main() -> None:
    """Entry point of the ``slagen`` console script."""
    # A command is a short-lived process that builds large object graphs (the
    # rendering stack's imports, layout trees) and frees them at exit: with the
    # default thresholds the collector runs hundreds of times for nothing
    # (measured: 10-15 % of a PDF render). Output does not depend on it.
    # What start-up imported stays alive to the end: frozen, collections skip it.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        app()
    except SystemExit:
        raise
    except BaseException as exc:  # never a traceback for the user
        if STATE["debug"]:
            raise
        print(f"slagen: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
