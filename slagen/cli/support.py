"""What every command shares: turning user errors into messages and exit codes.

Stage: interface.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import typer

from slagen.core.errors import AgreementError, SlagenError, UserError

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
    as an internal error with exit code 3.
    """
    try:
        return action()
    except typer.Exit:
        raise
    except AgreementError as exc:
        for finding in exc.findings:
            typer.echo(finding.format_text(), err=True)
        raise typer.Exit(exc.exit_code) from None
    except UserError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except Exception as exc:
        if STATE["debug"]:
            raise
        if isinstance(exc, SlagenError):
            fail(str(exc), 2)
        fail(
            f"internal error: {type(exc).__name__}: {exc}",
            3,
            "this is a bug in slagen; run again with --debug and report the traceback",
        )
    raise AssertionError("unreachable")  # pragma: no cover
