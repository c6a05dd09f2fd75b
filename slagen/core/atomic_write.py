"""Atomic file output: a failed command leaves earlier outputs untouched.

Everything is rendered to memory first; only then are files written, each one
through a temporary file in the destination folder that is renamed over the
target. A reader therefore sees either the old file or the new one, never half
of one, and an error while rendering the third document of a batch writes
nothing at all.

A temporary file is never left with the final name, and is removed on every
exit path Python sees: errors, Ctrl-C (SIGINT) and, while a file is being
written from the main thread, SIGTERM (turned into ``SystemExit``). A SIGKILL
cannot be caught: the temporary name carries the writer's process id
(``.NAME.XXXX.PID.slagen-tmp``), and the next write into the folder removes
those whose process is gone.

Stage: write.
"""

from __future__ import annotations

import os
import re
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from slagen.core.errors import FileAccessError


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename).

    Text is written as UTF-8 with ``\\n`` line endings on every platform, so
    rendered Markdown is byte-identical wherever it is produced.

    Raises:
        FileAccessError: the folder cannot be created or the file not written.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    with _sigterm_as_exit():
        return _write(target, payload)


def _write(target: Path, payload: bytes) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_temporaries(target.parent)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=f".{os.getpid()}{TEMP_SUFFIX}", dir=target.parent
        )
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


TEMP_SUFFIX = ".slagen-tmp"
_TEMP_RE = re.compile(r"^\..+\.(\d+)" + re.escape(TEMP_SUFFIX) + "$")


def sweep_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files in ``folder`` left by writers that were killed.

    A file is stale when the process id in its name no longer runs; files of
    live processes (this one included: another thread may be writing) stay.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP_RE.match(name)
        if match is None or _alive(int(match.group(1))):
            continue
        try:
            os.unlink(folder / name)
            removed.append(folder / name)
        except OSError:
            pass  # removed by another sweeper meanwhile, or not ours to remove
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of ours may be writing it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


@contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    # SIGTERM's default action ends the process at once, skipping the clean-up
    # below; while writing, it raises SystemExit instead (main thread only: the
    # only place Python delivers signals).
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_DFL:
        yield  # the program handles SIGTERM itself
        return

    def _exit(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
