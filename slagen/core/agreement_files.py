"""The agreement files that paths on a command line name: folders expanded to their YAML files.

Apart from :mod:`slagen.core.validate` so that a no-change ``build`` can list
its agreements without importing the loader and the checks.

Stage: load.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from slagen.core.errors import FileAccessError

__all__ = ["AGREEMENT_SUFFIXES", "collect_agreement_files"]

AGREEMENT_SUFFIXES = (".yaml", ".yml")


def collect_agreement_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named on the command line, with folders expanded to their YAML files.

    Raises:
        FileAccessError: for a path that does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix in AGREEMENT_SUFFIXES and p.is_file())
            )
        elif path.exists():
            files.append(path)
        else:
            raise FileAccessError(f"{raw}: no such file or folder", hint="check the path")
    return files
