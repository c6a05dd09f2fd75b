"""The command line: a thin typer layer over the library (app.py and one module per command group).

The garbage collector is off while typer and the application are imported:
start-up allocates tens of thousands of objects that all stay alive, so
collecting then finds nothing (measured: a few % of a cold ``slagen validate``).
It is back on, as it was, when the import ends; ``main`` then freezes what was
imported (see ``app.main``).

Stage: interface.
"""

import gc

_collecting = gc.isenabled()
gc.disable()
try:
    from slagen.cli.app import app, main
finally:
    if _collecting:
        gc.enable()

__all__ = ["app", "main"]
