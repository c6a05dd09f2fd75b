"""Atomic file output: a failed command leaves earlier outputs untouched (SPEC §6).

Everything is rendered to memory first; only then are files written, each one
through a temporary file in the destination folder that is renamed over the
target. A reader therefore sees either the old file or the new one, never half
of one, and an error while rendering the third document of a batch writes
nothing at all.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from slagen.errors import FileAccessError


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename).

    Text is written as UTF-8 with ``\\n`` line endings on every platform, so
    rendered Markdown is byte-identical wherever it is produced.

    Raises:
        FileAccessError: the folder cannot be created or the file not written.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise FileAccessError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; outputs are ordinary shared documents.
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as exc:
        _remove_quietly(tmp_name)
        raise FileAccessError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        _remove_quietly(tmp_name)
        raise
    _fsync_dir(target.parent)
    return target


def write_all(outputs: Iterable[tuple[str | os.PathLike[str], bytes | str]]) -> list[Path]:
    """Write several rendered outputs, each atomically, in order.

    Call this only once every output is rendered in memory: rendering errors
    then leave every earlier file untouched. (A disk error half-way through a
    batch can still leave the first files new and the rest old; each file on
    its own is always whole.)

    Raises:
        FileAccessError: a file cannot be written.
    """
    return [write_atomic(path, data) for path, data in outputs]


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass  # the temporary file is already gone; the original error is what matters


def _fsync_dir(folder: Path) -> None:
    # Makes the rename durable on POSIX; directories cannot be opened on Windows.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync; os.replace still gives an atomic rename
    finally:
        os.close(fd)
