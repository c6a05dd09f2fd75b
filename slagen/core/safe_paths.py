"""Refuse input paths that are not ordinary files of the agreements' repository.

An agreement arrives in a pull request, and so can a symlink named like one:
``agreements/acme.yaml -> /etc/shadow`` would be read (and its text shown in
findings), and ``approve`` would replace the link with a regular file. A FIFO
or a device (``/dev/zero``) given by name would hang a read for ever.
:func:`check_input_file` is called before any such file is opened; it only
``stat``s, so it never blocks. :func:`read_limited` reads such a file, refused
past the size limit before it is read (agreements, ``slagen.toml``): no YAML is
imported here, so a command that reads only its configuration stays light.

Stage: load.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from slagen.core.errors import AgreementError, FileAccessError, Finding
from slagen.core.limits import MAX_BYTES

__all__ = ["check_input_file", "check_size", "read_limited", "repository_root"]

_MARKERS = (".git", "slagen.toml")


def repository_root(path: Path) -> Path:
    """The nearest folder above ``path`` holding ``.git`` or ``slagen.toml``, else its folder."""
    start = Path(os.path.abspath(path)).parent
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in _MARKERS):
            return folder
    return start


def check_input_file(path: str | os.PathLike[str], root: Path | None = None) -> Path:
    """``path`` resolved, when it is a regular file inside ``root`` (default: its repository).

    Raises:
        FileAccessError: a FIFO, device, socket or folder; a symlink whose
            target lies outside the repository. A missing file is returned
            as given, for the caller's read to report.
    """
    given = Path(path)
    try:
        info = os.stat(given)  # follows links: what a read would open
    except OSError:
        return given  # missing or unreadable: the caller's read says so in its words
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(info.st_mode)
            else "a FIFO (named pipe)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "not a regular file"
        )
        raise FileAccessError(
            f"{given}: {kind}, not an agreement file", hint="give a regular .yaml file"
        )
    resolved = given.resolve()
    if given.is_symlink() or resolved != Path(os.path.abspath(given)):
        base = (root or repository_root(given)).resolve()
        if not resolved.is_relative_to(base):
            raise FileAccessError(
                f"{given}: a symbolic link to {resolved}, outside the repository ({base})",
                hint="agreements are read only from inside their repository; copy the file in",
            )
    return resolved


def check_size(size: int, file: str) -> None:
    """Refuse a file of ``size`` bytes past ``MAX_BYTES`` (a finding on its first line)."""
    if size > MAX_BYTES:
        raise AgreementError(
            [
                Finding(
                    file,
                    1,
                    1,
                    "",
                    "error",
                    "file-too-large",
                    f"the file has {size:,} bytes; files slagen reads are limited to {MAX_BYTES:,}",
                    "split it into several agreements, or remove pasted data",
                )
            ]
        )


def read_limited(path: str | Path, *, display: str | None = None) -> bytes:
    """The bytes of a file slagen reads, refused past ``MAX_BYTES`` before reading.

    Raises:
        FileAccessError: when the file cannot be read.
        AgreementError: when it is larger than the limit.
    """
    path = Path(path)
    check_input_file(path)  # FIFOs, devices, symlinks out of the repository: refused
    name = display or str(path)
    try:
        check_size(path.stat().st_size, name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileAccessError(f"{name}: no such file", hint="check the path") from None
    except IsADirectoryError:
        raise FileAccessError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise FileAccessError(f"{name}: cannot read ({exc.strerror})") from None
    return data
