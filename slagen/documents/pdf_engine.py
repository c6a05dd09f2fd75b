"""WeasyPrint as a process keeps it: imported once, cheaply, with one font setup.

Three costs that do not depend on the document, each cut here:

- **The import.** WeasyPrint finds pango, harfbuzz and fontconfig by trying
  several names per library; on Linux each name that is not a file name goes
  through :func:`ctypes.util.find_library`, which runs ``ldconfig``, ``gcc``
  and ``ld`` (dozens of processes, about 150 ms). The list always ends with
  the library's soname, which the dynamic loader finds directly, so while
  WeasyPrint is imported ``find_library`` answers "not found" at once and the
  soname is what loads (the same file ``find_library`` would have found).
  Should that ever fail, the import is simply done again the slow way.
- **Garbage collection.** Imports and layout build large object graphs that
  live until the PDF is written; the collector would walk them again and
  again for almost nothing (measured: 36 collections, 0.09-0.16 s of a
  1.4 s render). While documents are rendered the collector is paused, the
  imported modules are moved out of its sight (:func:`gc.freeze`, which also
  keeps forked workers from copying their pages), and one collection
  *between* documents frees what the previous one left.
- **Fonts.** One :class:`weasyprint.text.fonts.FontConfiguration` per process
  and set of asset folders, instead of one per document (fontconfig's setup).

None of this changes a byte of output; ``SLAGEN_NO_OPTIMISE=1`` turns all
of it off (see :mod:`slagen.documents.cache`).

Stage: render.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from slagen.documents.cache import optimised

__all__ = ["between_documents", "font_configuration", "import_weasyprint", "paused_collector"]

_FONT_CONFIGS: dict[tuple[int, tuple[str, ...]], Any] = {}


def import_weasyprint() -> Any:
    """``import weasyprint`` (and ``weasyprint.urls``), the fast way when it can."""
    if "weasyprint.urls" in sys.modules:
        return sys.modules["weasyprint"]
    with warnings.catch_warnings():
        # Without libharfbuzz-subset WeasyPrint warns at import that it will be
        # required some day; slagen works (more slowly) either way.
        warnings.simplefilter("ignore", DeprecationWarning)
        if optimised() and sys.platform.startswith("linux"):
            try:
                with _sonames_only():
                    return _import()
            except (OSError, ImportError):
                for name in [m for m in sys.modules if m.split(".")[0] == "weasyprint"]:
                    del sys.modules[name]
        return _import()


def _import() -> Any:
    import weasyprint
    import weasyprint.urls

    if optimised():
        gc.freeze()  # imported modules live as long as the process: never scan them
    return weasyprint


@contextmanager
def _sonames_only() -> Iterator[None]:
    import ctypes.util

    real = ctypes.util.find_library
    ctypes.util.find_library = _not_found
    try:
        yield
    finally:
        ctypes.util.find_library = real


def _not_found(name: str) -> str | None:
    return None


def font_configuration(asset_dirs: Sequence[str | Path]) -> Any:
    """This process's font configuration for documents with these asset folders.

    None when optimisations are off (WeasyPrint then makes one per document).
    """
    if not optimised():
        return None
    key = (os.getpid(), tuple(str(Path(d)) for d in asset_dirs))
    config = _FONT_CONFIGS.get(key)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        config = _FONT_CONFIGS[key] = FontConfiguration()
    return config


@contextmanager
def paused_collector() -> Iterator[None]:
    """No garbage collection inside the block (see :func:`between_documents`)."""
    if not optimised() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_DOCUMENTS = [0]


def between_documents() -> None:
    """Call before each document: frees what the previous one left (none for the first)."""
    if _DOCUMENTS[0] and optimised():
        gc.collect()
    _DOCUMENTS[0] += 1
