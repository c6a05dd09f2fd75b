"""``python -m slagen``: the command line (interface stage), as the ``slagen`` script runs it.

Stage: interface.
"""

from slagen.cli import console

if __name__ == "__main__":
    console()
