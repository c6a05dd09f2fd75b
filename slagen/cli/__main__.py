"""``python -m slagen.cli``: the same as the ``slagen`` command.

Stage: interface.
"""

from slagen.cli import main

if __name__ == "__main__":
    main()
