"""``python -m slagen.cli``: the same as the ``slagen`` command.

Stage: interface.
"""

from slagen.cli import console

if __name__ == "__main__":
    console()
