"""The worker processes of ``slagen build``: started warm, ended with the build.

Warm: the parent imports the PDF stack (WeasyPrint, the render modules)
*before* the workers start, and on Linux the workers are forked from it, so
they begin with those modules loaded, and with the agreements the parent has
already validated (:data:`PRELOADED`, read by file): no worker imports
WeasyPrint or validates a document again. Where forking is not safe (another
thread is running) or not available, workers start the ordinary way and
load what they need themselves; the output is the same.

Ended with the build: each worker asks Linux to send it SIGTERM when the
parent dies (``PR_SET_PDEATHSIG``), and a thread watches ``os.getppid()``
where that is not available.

``SLAGEN_NO_OPTIMISE=1`` starts the workers cold (see :mod:`slagen.documents.cache`).

Stage: authoring.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from slagen.documents.cache import optimised

if TYPE_CHECKING:
    from slagen.documents.write_documents import Loaded

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

__all__ = ["PRELOADED", "start_pool", "warm_up"]

# Validated agreements by source file, set by the parent before the workers fork.
PRELOADED: dict[Path, Loaded] = {}


def warm_up(formats: Sequence[str]) -> None:
    """Import in this process what rendering ``formats`` needs (before forking)."""
    if not optimised():
        return
    try:
        import slagen.documents.render  # noqa: F401 - Jinja, Markdown, the templates' helpers

        if "pdf" in formats:
            from slagen.documents.pdf import _weasyprint

            _weasyprint()
    except Exception:  # noqa: BLE001 - each agreement then reports the failure itself
        return


def start_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` processes that end with this one, forked warm where that is safe."""
    context = None
    if (
        optimised()
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    ):
        context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )


def _die_with_parent(parent: int) -> None:
    """In a worker: end when the build process ends, even by SIGKILL.

    Linux's ``PR_SET_PDEATHSIG`` sends SIGTERM when the parent dies (a write
    in progress then removes its temporary file); elsewhere, and for a parent
    that died before the call, a thread polls ``os.getppid()``.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the polling thread below still ends the worker
    if os.getppid() != parent:
        os._exit(1)  # the parent is already gone
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
