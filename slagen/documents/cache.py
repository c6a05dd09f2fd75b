"""A small content-addressed file cache for rendering work that does not change.

Rendered charts and compiled templates are kept under ``$SLAGEN_CACHE_DIR``,
else ``$XDG_CACHE_HOME/slagen``, else ``~/.cache/slagen``. Entries are named
by a hash of everything that decides their content, so an entry is either
right or never looked up; nothing is invalidated by hand.

Safe by construction:

- writes are atomic (a temporary file in the same folder, then a rename), so
  a reader never sees half an entry, even with two renders at once;
- every entry carries a SHA-256 of its payload: a damaged or truncated entry
  is ignored (and rewritten), never used;
- any error of the cache (a read-only home, a full disk) only costs the work
  the cache would have saved: rendering never fails because of it.

``SLAGEN_NO_OPTIMISE=1`` turns the cache off (and every other optimisation
that :func:`optimised` guards), to check that output does not depend on them.

Stage: render.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["cache_dir", "cache_key", "optimised", "read_entry", "write_entry"]

_MAGIC = b"slagen-cache 1\n"
_DIGEST_SIZE = 32


def optimised() -> bool:
    """False when ``SLAGEN_NO_OPTIMISE`` is set (to anything but ``""`` or ``0``)."""
    return os.environ.get("SLAGEN_NO_OPTIMISE", "") in ("", "0")


def cache_dir(kind: str) -> Path | None:
    """The folder for entries of ``kind`` (created, private), or None when unusable."""
    if not optimised():
        return None
    root = os.environ.get("SLAGEN_CACHE_DIR")
    if not root:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = os.path.join(xdg, "slagen") if xdg else os.path.expanduser("~/.cache/slagen")
    folder = Path(root) / kind
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    # Compiled templates are code: never read a folder someone else could write.
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    return folder


def cache_key(*parts: str | bytes) -> str:
    """A hex SHA-256 over ``parts``, each length-prefixed (no two lists collide)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def read_entry(kind: str, key: str) -> bytes | None:
    """The payload stored under ``key``, or None when missing, unreadable or damaged."""
    folder = cache_dir(kind)
    if folder is None:
        return None
    try:
        data = (folder / key).read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST_SIZE
    if len(data) < head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]:
        return None
    return payload


def write_entry(kind: str, key: str, payload: bytes) -> None:
    """Store ``payload`` under ``key`` atomically; errors are ignored."""
    folder = cache_dir(kind)
    if folder is None:
        return
    temp = None
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{key[:16]}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temp, folder / key)
        temp = None
    except OSError:
        pass
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass
