"""What the command line writes, without typer: click's ``echo`` and the error report.

The quick paths (:mod:`slagen.cli.quick`, :mod:`slagen.cli.quick_documents`)
answer common commands before typer is imported, so they need to write what
the typer commands write, byte for byte: :func:`echo` does what ``click.echo``
does with a text message on a UTF-8 stream (a newline, ANSI codes stripped
when the stream is no terminal, a flush), and :func:`error_lines` is the one
place that turns an exception into the lines on stderr and the exit code
(``support.run`` uses it too).

Stage: interface.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Protocol, TextIO

from slagen.core.errors import AgreementError, SlagenError, UserError

__all__ = [
    "CLOSED_OUTPUT",
    "Echo",
    "detach_closed_stdout",
    "echo",
    "error_lines",
    "isatty",
    "report",
    "streams_as_click_writes_them",
]

# click's pattern of an ANSI escape (click/_compat.py, _ansi_re)
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")
CLOSED_OUTPUT = 141  # 128 + SIGPIPE, as a shell reports a command whose reader went away
BUG_HINT = "this is a bug in slagen; run again with --debug and report the traceback"


def _utf8(stream: TextIO | None) -> bool:
    encoding = getattr(stream, "encoding", None)
    return isinstance(encoding, str) and encoding.replace("_", "-").lower() in ("utf-8", "utf8")


def streams_as_click_writes_them() -> bool:
    """Whether click would write to ``sys.stdout`` and ``sys.stderr`` themselves.

    click rewraps a stream with a misconfigured encoding (and writes nothing
    where there is none; on Windows it writes to a console its own way); the
    quick paths then leave the command to typer.
    """
    return sys.platform != "win32" and _utf8(sys.stdout) and _utf8(sys.stderr)


def isatty(stream: TextIO) -> bool:
    """click's ``isatty``: a stream that cannot tell is no terminal."""
    try:
        return stream.isatty()
    except Exception:  # noqa: BLE001 - click's isatty: a stream that cannot tell is no terminal
        return False


class Echo(Protocol):
    """``typer.echo`` or :func:`echo`: what a command body writes with."""

    def __call__(self, message: str, *, err: bool = False, nl: bool = True) -> None: ...


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """``click.echo(message, err=err, nl=nl)`` for a text message and UTF-8 streams."""
    stream = sys.stderr if err else sys.stdout
    text = message + "\n" if nl else message
    if not text:
        stream.flush()
        return
    if not isatty(stream):
        text = _ANSI.sub("", text)
    stream.write(text)
    stream.flush()


def error_lines(exc: BaseException) -> tuple[list[str], int]:
    """The lines a command writes to stderr for ``exc``, and its exit code."""
    if isinstance(exc, BrokenPipeError):
        return [], CLOSED_OUTPUT  # `slagen validate | head`: the reader has all it wanted
    if isinstance(exc, AgreementError):
        return [finding.format_text() for finding in exc.findings], exc.exit_code
    if isinstance(exc, UserError):
        lines = [f"slagen: error: {exc.message}"] + ([f"hint: {exc.hint}"] if exc.hint else [])
        return lines, exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return ["slagen: error: interrupted"], 130
    if isinstance(exc, SlagenError):
        return [f"slagen: error: {exc}"], 2
    return [f"slagen: error: internal error: {type(exc).__name__}: {exc}", f"hint: {BUG_HINT}"], 3


def detach_closed_stdout(exc: BaseException) -> None:
    """After a write to a closed pipe, stdout goes to the null device.

    Python flushes stdout again on the way out; without this, that flush fails
    too and prints a complaint on stderr (as the Python documentation advises
    for SIGPIPE).
    """
    if not isinstance(exc, BrokenPipeError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real stdout: nothing to detach
        return


def report(exc: BaseException) -> int:
    """Write the error report of ``exc`` to stderr; its exit code."""
    detach_closed_stdout(exc)
    lines, code = error_lines(exc)
    for line in lines:
        echo(line, err=True)
    return code
