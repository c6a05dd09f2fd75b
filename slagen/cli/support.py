"""What every command shares: turning user errors into messages and exit codes.

Stage: interface.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn, TypeVar

import typer

from slagen.cli.plain import detach_closed_stdout, error_lines
from slagen.core.errors import UserError

__all__ = ["STATE", "fail", "run"]

STATE = {"debug": False}
T = TypeVar("T")


def fail(message: str, code: int, hint: str = "") -> None:
    """Print a user-facing error and exit with ``code``."""
    typer.echo(f"slagen: error: {message}", err=True)
    if hint:
        typer.echo(f"hint: {hint}", err=True)
    raise typer.Exit(code)


def run(action: Callable[[], T]) -> T:
    """Run a command body, turning user errors into messages and exit codes.

    Tracebacks appear only with ``--debug``; anything unexpected is reported
    as an internal error with exit code 3 (the lines: :func:`slagen.cli.plain.error_lines`).
    """
    try:
        return action()
    except typer.Exit:
        raise
    except (UserError, KeyboardInterrupt, BrokenPipeError) as exc:
        report(exc)
    except Exception as exc:
        if STATE["debug"]:
            raise
        report(exc)
    raise AssertionError("unreachable")  # pragma: no cover


def report(exc: BaseException) -> NoReturn:
    """Write the error report of ``exc`` and exit with its code."""
    detach_closed_stdout(exc)
    lines, code = error_lines(exc)
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(code) from None
