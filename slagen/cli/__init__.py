"""The command line: a thin typer layer over the library (app.py and one module per command group).

Stage: interface.
"""

from slagen.cli.app import app, main

__all__ = ["app", "main"]
