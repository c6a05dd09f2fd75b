"""The command line: a thin typer layer over the library (app.py and one module per command group).

``main`` first offers the arguments to :mod:`slagen.cli.quick`, which answers a
plain ``slagen diff OLD NEW`` without importing typer, or to
:mod:`slagen.cli.quick_documents` (plain ``render`` and ``build``) or to
:mod:`slagen.cli.quick_checks` (``validate``, ``targets``); anything
else, and anything they decline, runs the typer app. ``app`` is imported on first use.

The garbage collector is off while typer and the application are imported:
start-up allocates tens of thousands of objects that all stay alive, so
collecting then finds nothing (measured: a few % of a cold ``slagen validate``).
It is back on, as it was, when the import ends; ``main`` then freezes what was
imported (see ``app.main``).

Stage: interface.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
import threading
import types
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import typer

__all__ = ["QUICK_COMMANDS", "app", "console", "main"]

# The commands a quick path may answer before typer loads (quick*.py).
QUICK_COMMANDS = ("diff", "render", "build", "validate", "targets")


def _import_app() -> Any:
    """The module ``slagen.cli.app``, imported with the collector off."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module("slagen.cli.app")
    finally:
        if collecting:
            gc.enable()


class _Package(types.ModuleType):
    """``slagen.cli.app`` as an attribute is the Typer, as when this package imported it.

    Importing the submodule sets the package's attribute to the module; the
    property keeps answering the Typer, whichever was imported first.
    """

    @property
    def app(self) -> typer.Typer:
        typer_app: typer.Typer = _import_app().app
        return typer_app

    @app.setter
    def app(self, module: object) -> None:  # the import system's binding of the submodule
        pass


sys.modules[__name__].__class__ = _Package


def _quick(argv: list[str]) -> int | None:
    """The exit code of a command a quick path answered without typer, or ``None``."""
    collecting = gc.isenabled()
    gc.disable()  # as for typer's import: what the command imports stays alive
    try:
        if argv[0] == "diff":
            import slagen.revisions  # noqa: F401
            from slagen.cli import quick as answer
        elif argv[0] in ("validate", "targets"):
            from slagen.cli import quick_checks as answer  # type: ignore[no-redef]
        else:
            from slagen.cli import quick_documents as answer  # type: ignore[no-redef]
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)  # app.main's settings
    return answer.run(argv)


def main() -> None:
    """Entry point of the ``slagen`` console script."""
    code = None
    if sys.argv[1:] == ["--version"]:
        code = _version()
    elif len(sys.argv) > 1 and sys.argv[1] in QUICK_COMMANDS:
        code = _quick(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    _import_app().main()


def _version() -> int | None:
    """``slagen --version`` as the typer app prints it (CI logs ask for it first)."""
    from slagen import __version__
    from slagen.cli import plain

    if not plain.streams_as_click_writes_them():
        return None
    try:
        plain.echo(f"slagen {__version__}")
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - a closed pipe: as support.run
        return plain.report(exc)
    return 0


def console() -> NoReturn:
    """The ``slagen`` console script: :func:`main`, then an exit without the interpreter's teardown.

    A command's process ends as soon as its output is written, and tearing the
    interpreter down - clearing every module, freeing the object graphs that
    WeasyPrint and fontTools leave - is work nobody waits for (measured: 0.3-0.4 s
    of a 2.7 s PDF render). So once stdout and stderr are flushed the process
    ends with :func:`os._exit`: every file was written and closed already
    (``write_atomic``) and every worker pool shut down by its ``with``. The
    ordinary exit runs instead when another thread is still alive, a flush fails
    (a closed pipe: Python then says so as usual), the exit status is not a
    number, or ``SLAGEN_NO_OPTIMISE`` is set. The functions registered with
    :mod:`atexit` run either way.
    """
    try:
        main()
        code: str | int | None = 0
    except SystemExit as exc:
        code = exc.code
    _leave(code)


def _leave(code: str | int | None) -> NoReturn:
    fast = os.environ.get("SLAGEN_NO_OPTIMISE", "") in ("", "0")
    alone = threading.active_count() == 1
    if fast and alone and (code is None or isinstance(code, int)):
        # What libraries registered for the exit still runs, once (matplotlib removes the
        # cache folder it made where home is not writable); then nothing is left but the
        # freeing of memory the operating system takes back anyway.
        atexit._run_exitfuncs()
        if _flushed():
            os._exit(int(code or 0) & 0xFF)
    sys.exit(code)


def _flushed() -> bool:
    """Whether stdout and stderr took everything written to them."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001 - the ordinary exit reports the failed flush
        return False
    return True
